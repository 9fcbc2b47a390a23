"""`client.organizations` (async): what an organization's jobs cost, and how much QPU time."""

from __future__ import annotations

import datetime

from ionq_api.api.usage import get_organization_usage
from ionq_api.models.usage_group_by import UsageGroupBy
from ionq_api.models.usage_modality import UsageModality
from ionq_api.models.usages import Usages
from ionq_client._async.caller import AsyncCaller
from ionq_client._calls import per_call
from ionq_client._expect import expect
from ionq_client._types import NOT_GIVEN, NotGiven, TimeoutTypes

__all__ = ["AsyncOrganizations"]


class AsyncOrganizations:
    """`client.organizations` (async): what an organization's jobs cost."""

    def __init__(self, client: AsyncCaller) -> None:
        self._client = client

    async def usage(
        self,
        organization_id: str,
        *,
        start_date: datetime.date,
        end_date: datetime.date,
        group_by: UsageGroupBy,
        modality: UsageModality,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Usages:
        """Cost and QPU time between two dates, per `modality` period (`daily`, `weekly`,
        `monthly`), with the costliest groups by `group_by` (`job`, `project`, `user`)."""
        response = await self._client._call(
            get_organization_usage.asyncio_detailed,
            organization_id,
            start_date=start_date,
            end_date=end_date,
            group_by=group_by,
            modality=modality,
            options=per_call(timeout, max_retries, deadline),
        )
        return expect(response, Usages)

"""`client.organizations` (async): what an organization's jobs cost, and how much QPU time."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Mapping
from typing import Any

from ionq_api.api.usage import get_organization_usage
from ionq_api.models.usage_group_by import UsageGroupBy
from ionq_api.models.usage_modality import UsageModality
from ionq_api.models.usages import Usages
from ionq_client._async.caller import AsyncCaller
from ionq_client._async.raw import raw_response_wrapper
from ionq_client._calls import per_call
from ionq_client._expect import expect
from ionq_client._types import NOT_GIVEN, NotGiven, TimeoutTypes

__all__ = ["AsyncOrganizations"]


class AsyncOrganizations:
    """`client.organizations` (async): what an organization's jobs cost."""

    def __init__(self, client: AsyncCaller) -> None:
        self._client = client

    @functools.cached_property
    def with_raw_response(self) -> AsyncOrganizationsWithRawResponse:
        """The same methods, each returning a `RawResponse` (status, headers, request id,
        and `.parse()` for the usual value)."""
        return AsyncOrganizationsWithRawResponse(self)

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
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
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
            options=per_call(timeout, max_retries, deadline, extra_headers, extra_query),
        )
        return expect(response, Usages)


class AsyncOrganizationsWithRawResponse:
    """`organizations.with_raw_response`: each method returns a `RawResponse`."""

    def __init__(self, resource: AsyncOrganizations) -> None:
        self.usage = raw_response_wrapper(resource.usage)

"""`client.schemas` (async): the JSON Schemas of the artifact formats."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from ionq_api.api.schemas import get_format_schema
from ionq_api.models.format_schema import FormatSchema
from ionq_client._async.caller import AsyncCaller
from ionq_client._async.raw import raw_response_wrapper
from ionq_client._calls import per_call
from ionq_client._expect import expect
from ionq_client._params import schema_format
from ionq_client._types import NOT_GIVEN, NotGiven, TimeoutTypes

__all__ = ["AsyncSchemas"]


class AsyncSchemas:
    """`client.schemas` (async): the JSON Schemas of the artifact formats."""

    def __init__(self, client: AsyncCaller) -> None:
        self._client = client

    @functools.cached_property
    def with_raw_response(self) -> AsyncSchemasWithRawResponse:
        """The same methods, each returning a `RawResponse` (status, headers, request id,
        and `.parse()` for the usual value)."""
        return AsyncSchemasWithRawResponse(self)

    async def format(
        self,
        format_id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> FormatSchema:
        """The JSON Schema of an artifact format, e.g. `ionq.result.histogram.json.v2`."""
        response = await self._client._call(
            get_format_schema.asyncio_detailed,
            schema_format(format_id),
            options=per_call(timeout, max_retries, deadline, extra_headers, extra_query),
        )
        return expect(response, FormatSchema)


class AsyncSchemasWithRawResponse:
    """`schemas.with_raw_response`: each method returns a `RawResponse`."""

    def __init__(self, resource: AsyncSchemas) -> None:
        self.format = raw_response_wrapper(resource.format)

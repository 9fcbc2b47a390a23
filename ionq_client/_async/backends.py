"""`client.backends` (async): where jobs run, and how well (their characterizations)."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Mapping
from typing import Any

from ionq_api.api.backends import (
    get_backend,
    get_characterization,
    list_backends,
    list_characterizations,
)
from ionq_api.models.backend import Backend
from ionq_api.models.characterization import Characterization
from ionq_api.models.characterization_page import CharacterizationPage
from ionq_client._async.caller import AsyncCaller
from ionq_client._async.raw import raw_response_wrapper
from ionq_client._calls import per_call
from ionq_client._expect import expect, expect_backends
from ionq_client._pagination import AsyncPage, AsyncPager, apaginate
from ionq_client._params import given, more_characterizations, to_uuid
from ionq_client._types import NOT_GIVEN, JobId, NotGiven, TimeoutTypes

__all__ = ["AsyncBackends"]


class AsyncBackends:
    """`client.backends` (async): where jobs run, and how well."""

    def __init__(self, client: AsyncCaller) -> None:
        self._client = client

    @functools.cached_property
    def with_raw_response(self) -> AsyncBackendsWithRawResponse:
        """The same methods, each returning a `RawResponse` (status, headers, request id,
        and `.parse()` for the usual value)."""
        return AsyncBackendsWithRawResponse(self)

    async def list(
        self,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> list[Backend]:
        """Every backend and its status."""
        response = await self._client._call(
            list_backends.asyncio_detailed,
            options=per_call(timeout, max_retries, deadline, extra_headers, extra_query),
        )
        return expect_backends(response)

    async def get(
        self,
        backend: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> Backend:
        """One backend, e.g. `"qpu.forte-1"`."""
        response = await self._client._call(
            get_backend.asyncio_detailed,
            backend,
            options=per_call(timeout, max_retries, deadline, extra_headers, extra_query),
        )
        return expect(response, Backend)

    def characterizations(
        self,
        backend: str,
        *,
        start: datetime.date | NotGiven = NOT_GIVEN,
        end: datetime.date | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> AsyncPager[Characterization]:
        """A backend's characterizations, newest first: `await` for a page, `async for` all."""
        options = per_call(timeout, max_retries, deadline, extra_headers, extra_query)

        async def page(number: int) -> AsyncPage[Characterization]:
            response = await self._client._call(
                list_characterizations.asyncio_detailed,
                backend,
                start=given(start),
                end=given(end),
                limit=given(limit),
                page=number,
                options=options,
            )
            parsed = expect(response, CharacterizationPage)
            if more_characterizations(parsed, number, limit if isinstance(limit, int) else None):
                return AsyncPage(parsed.characterizations, lambda: page(number + 1))
            return AsyncPage(parsed.characterizations)

        return apaginate(lambda: page(1))

    async def characterization(
        self,
        backend: str,
        characterization_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> Characterization:
        """One characterization of a backend."""
        response = await self._client._call(
            get_characterization.asyncio_detailed,
            backend,
            to_uuid(characterization_id, "characterization_id"),
            options=per_call(timeout, max_retries, deadline, extra_headers, extra_query),
        )
        return expect(response, Characterization)


class AsyncBackendsWithRawResponse:
    """`backends.with_raw_response`: each method returns a `RawResponse`."""

    def __init__(self, resource: AsyncBackends) -> None:
        self.list = raw_response_wrapper(resource.list)
        self.get = raw_response_wrapper(resource.get)
        self.characterizations = raw_response_wrapper(resource.characterizations)
        self.characterization = raw_response_wrapper(resource.characterization)

"""`client.sessions` (async): reserved time on a backend, and the jobs run in it."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

from ionq_api.api.sessions import get_session, list_session_jobs, list_sessions
from ionq_api.models.backend_name import BackendName
from ionq_api.models.cost import Cost
from ionq_api.models.job_page import JobPage
from ionq_api.models.job_status import JobStatus
from ionq_api.models.session import Session
from ionq_api.models.session_cost_limit import SessionCostLimit
from ionq_api.models.session_list import SessionList
from ionq_api.types import Unset
from ionq_client._async.caller import AsyncCaller
from ionq_client._async.listing import cursor_pages
from ionq_client._async.raw import raw_response_wrapper
from ionq_client._async.readback import create_session_once, end_session_once
from ionq_client._build import session_body
from ionq_client._calls import per_call
from ionq_client._expect import expect
from ionq_client._jobs import ListedJob
from ionq_client._pagination import AsyncPage, AsyncPager, apaginate
from ionq_client._params import given, page_limit, paged, target_param, to_uuid
from ionq_client._readback import hide_token
from ionq_client._types import NOT_GIVEN, JobId, NotGiven, TimeoutTypes

__all__ = ["AsyncSessions"]


class AsyncSessions:
    """`client.sessions` (async): reserved time on a backend."""

    def __init__(self, client: AsyncCaller) -> None:
        self._client = client

    @functools.cached_property
    def with_raw_response(self) -> AsyncSessionsWithRawResponse:
        """The same methods, each returning a `RawResponse` (status, headers, request id,
        and `.parse()` for the usual value)."""
        return AsyncSessionsWithRawResponse(self)

    async def create(
        self,
        *,
        backend: BackendName,
        job_count_limit: int | NotGiven = NOT_GIVEN,
        duration_limit_min: int | NotGiven = NOT_GIVEN,
        cost_limit: float | Cost | SessionCostLimit | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> Session:
        """Open a session; a number `cost_limit` is in USD.

        Never opens two for one call: the sessions are listed first, and after an
        ambiguous failure listed again; the one new session matching the request is the
        answer, none means it is sent again, and more than one `OutcomeUnknownError`.
        """
        body = session_body(backend, job_count_limit, duration_limit_min, cost_limit)
        return await create_session_once(
            self._client,
            body,
            options=per_call(
                timeout, max_retries, deadline, extra_headers, extra_query, extra_body
            ),
        )

    async def get(
        self,
        session_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> Session:
        """Read one session."""
        response = await self._client._call(
            get_session.asyncio_detailed,
            to_uuid(session_id, "session_id"),
            options=per_call(timeout, max_retries, deadline, extra_headers, extra_query),
        )
        return expect(response, Session)

    def list(
        self,
        *,
        active: bool | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> AsyncPager[Session]:
        """The organization's sessions, newest first (`active=True`: only those still
        taking jobs). The API answers them all at once; the answer is still a pager
        (`await` it for the first page, `async for` for all), cut into pages of `limit`
        when given."""
        size = page_limit(limit)
        options = per_call(timeout, max_retries, deadline, extra_headers, extra_query)

        async def first() -> AsyncPage[Session]:
            response = await self._client._call(
                list_sessions.asyncio_detailed, active=given(active), options=options
            )
            pages = paged(expect(response, SessionList).sessions, size)

            async def page(number: int) -> AsyncPage[Session]:
                if number + 1 < len(pages):
                    return AsyncPage(pages[number], lambda: page(number + 1))
                return AsyncPage(pages[number])

            return await page(0)

        return apaginate(first)

    async def end(
        self,
        session_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> Session:
        """End a session (safe to repeat: after an ambiguous failure it is read back, and
        ended again if still open)."""
        return await end_session_once(
            self._client,
            to_uuid(session_id, "session_id"),
            options=per_call(timeout, max_retries, deadline, extra_headers, extra_query),
        )

    def jobs(
        self,
        session_id: JobId,
        *,
        status: JobStatus | NotGiven = NOT_GIVEN,
        backend: str | Sequence[str] | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> AsyncPager[ListedJob]:
        """The jobs of a session (`BaseJob`s), newest first: `await` for the first page,
        `async for` all."""
        options = per_call(timeout, max_retries, deadline, extra_headers, extra_query)
        sid = to_uuid(session_id, "session_id")
        size = page_limit(limit)
        target = target_param(backend)
        wanted = given(status)

        async def fetch(cursor: str | Unset) -> tuple[list[ListedJob], str | None]:
            response = await self._client._call(
                list_session_jobs.asyncio_detailed,
                sid,
                status=wanted,
                target=target,
                limit=size,
                next_=cursor,
                options=options,
            )
            page = expect(response, JobPage)
            return [hide_token(job) for job in page.jobs], page.next_

        return cursor_pages(fetch)


class AsyncSessionsWithRawResponse:
    """`sessions.with_raw_response`: each method returns a `RawResponse`."""

    def __init__(self, resource: AsyncSessions) -> None:
        self.create = raw_response_wrapper(resource.create)
        self.get = raw_response_wrapper(resource.get)
        self.list = raw_response_wrapper(resource.list)
        self.end = raw_response_wrapper(resource.end)
        self.jobs = raw_response_wrapper(resource.jobs)

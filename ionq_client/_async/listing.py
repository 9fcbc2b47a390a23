"""Listings that follow a `next` cursor: the jobs of the account, and of a session.

A listing is lazy in the async client (nothing is fetched until it is awaited or
iterated) and eager in the sync one (its first page, fetched at once); the one
`_pagination` helper called here is where the two differ.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from ionq_api.api.jobs import list_jobs
from ionq_api.models.job_page import JobPage
from ionq_api.types import UNSET, Unset
from ionq_client._async.caller import AsyncCaller
from ionq_client._expect import expect
from ionq_client._jobs import ListedJob
from ionq_client._pagination import AsyncPage, AsyncPager, apaginate
from ionq_client._readback import hide_token
from ionq_client._transport import CallOptions

__all__ = ["cursor_pages", "job_pages"]

T = TypeVar("T")


def cursor_pages(
    fetch: Callable[[str | Unset], Awaitable[tuple[list[T], str | None]]],
) -> AsyncPager[T]:
    """A chain of pages over a `next`-cursor listing; a repeated cursor stops it."""
    seen: set[str] = set()

    async def page(cursor: str | Unset) -> AsyncPage[T]:
        items, nxt = await fetch(cursor)
        if not nxt or nxt in seen:
            return AsyncPage(items)
        seen.add(nxt)
        return AsyncPage(items, lambda: page(nxt))

    return apaginate(lambda: page(UNSET))


def job_pages(
    client: AsyncCaller, options: CallOptions | None, params: dict[str, Any], *, hide: bool = True
) -> AsyncPager[ListedJob]:
    """The account's jobs, newest first, filtered by `params` (see `job_list_params`);
    `hide`: without the look-up tokens of creates (the look-up itself reads them)."""

    async def fetch(cursor: str | Unset) -> tuple[list[ListedJob], str | None]:
        response = await client._call(
            list_jobs.asyncio_detailed, next_=cursor, options=options, **params
        )
        page = expect(response, JobPage)
        if hide:
            for job in page.jobs:
                hide_token(job)
        return page.jobs, page.next_

    return cursor_pages(fetch)

"""Pages of a listing, and iteration that follows them lazily.

`client.jobs.list()` returns the first `SyncPage`; iterating it yields every item of every
page, fetching the next page only when the previous one is used up::

    for job in client.jobs.list(status="completed"):   # all pages
        ...
    page = client.jobs.list(limit=100)                 # one page at a time
    while True:
        handle(page.items)
        if not page.has_next_page():
            break
        page = page.next_page()

The async client returns an `AsyncPager`: `await` it for the first `AsyncPage`, or
`async for` over it for every item.

A page prints as `SyncPage(3 items, has_next_page=True, items=[BaseJob(id=..., status=...),
...])`: its size and the first few items' ids and statuses, never the whole listing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from typing import Any, Generic, TypeVar
from uuid import UUID

__all__ = ["AsyncPage", "AsyncPager", "SyncPage", "apaginate", "paginate"]

T = TypeVar("T")

# How many items a page's repr names; the rest are counted, not printed.
REPR_ITEMS = 3


def _item_summary(item: object) -> str:
    """`Type(id='...', status='...')` from the item's `id` and `status`, where it has
    them as plain values (jobs, sessions, characterizations); else its repr, cut short."""
    fields = [
        f"{name}={str(value)!r}"
        for name in ("id", "status")
        if isinstance(value := getattr(item, name, None), (str, int, UUID))
    ]
    if fields:
        return f"{type(item).__name__}({', '.join(fields)})"
    text = repr(item)
    return text if len(text) <= 60 else text[:57] + "..."


def _page_repr(kind: str, items: list[Any], has_next: bool) -> str:
    shown = ", ".join(_item_summary(item) for item in items[:REPR_ITEMS])
    if len(items) > REPR_ITEMS:
        shown += f", ... {len(items) - REPR_ITEMS} more"
    noun = "item" if len(items) == 1 else "items"
    return f"{kind}({len(items)} {noun}, has_next_page={has_next}, items=[{shown}])"


class SyncPage(Generic[T]):
    """One page of a listing: `items`, and how to get the next page."""

    def __init__(self, items: list[T], fetch_next: Callable[[], SyncPage[T]] | None = None) -> None:
        self.items = items
        self._fetch_next = fetch_next

    def has_next_page(self) -> bool:
        """Whether the server said there is a page after this one."""
        return self._fetch_next is not None

    def next_page(self) -> SyncPage[T]:
        """Fetch the next page; raises `LookupError` on the last page."""
        if self._fetch_next is None:
            raise LookupError("this is the last page")
        return self._fetch_next()

    def iter_pages(self) -> Iterator[SyncPage[T]]:
        """This page, then each following page, fetched as the iteration reaches it."""
        page: SyncPage[T] = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.next_page()

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.items

    def __repr__(self) -> str:
        return _page_repr("SyncPage", self.items, self.has_next_page())


class AsyncPage(Generic[T]):
    """One page of an async listing: `items`, and how to get the next page."""

    def __init__(
        self, items: list[T], fetch_next: Callable[[], Awaitable[AsyncPage[T]]] | None = None
    ) -> None:
        self.items = items
        self._fetch_next = fetch_next

    def has_next_page(self) -> bool:
        """Whether the server said there is a page after this one."""
        return self._fetch_next is not None

    async def next_page(self) -> AsyncPage[T]:
        """Fetch the next page; raises `LookupError` on the last page."""
        if self._fetch_next is None:
            raise LookupError("this is the last page")
        return await self._fetch_next()

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        """This page, then each following page, fetched as the iteration reaches it."""
        page: AsyncPage[T] = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.next_page()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item

    def __repr__(self) -> str:
        return _page_repr("AsyncPage", self.items, self.has_next_page())


class AsyncPager(Generic[T]):
    """What an async listing returns: awaitable (the first page) and async-iterable (items)."""

    def __init__(self, first: Callable[[], Awaitable[AsyncPage[T]]]) -> None:
        self._first = first

    def __await__(self) -> Generator[Any, None, AsyncPage[T]]:
        return self._first().__await__()

    async def __aiter__(self) -> AsyncIterator[T]:
        page = await self._first()
        async for item in page:
            yield item


def apaginate(first: Callable[[], Awaitable[AsyncPage[T]]]) -> AsyncPager[T]:
    """An async listing: nothing is fetched until it is awaited or iterated."""
    return AsyncPager(first)


def paginate(first: Callable[[], SyncPage[T]]) -> SyncPage[T]:
    """A sync listing: its first page, fetched now."""
    return first()

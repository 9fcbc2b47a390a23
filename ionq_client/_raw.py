"""`with_raw_response`: the HTTP answer beside the parsed model, in both flavours.

`client.jobs.with_raw_response.get(job_id)` runs `client.jobs.get(job_id)` unchanged
(same retries, same errors) while the transport records each answer it returns
(`record`, under `capture`); the call's value and those answers make a `RawResponse`.
Nothing here performs I/O: the wrappers are in `_async/raw.py` (and `_sync/`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from typing import Generic, TypeVar

import httpx

__all__ = ["RawResponse", "capture", "record"]

T = TypeVar("T")

_SEEN: ContextVar[list[httpx.Response] | None] = ContextVar("ionq_client_raw", default=None)


@contextlib.contextmanager
def capture() -> Iterator[list[httpx.Response]]:
    """Collect the answers the transport returns inside the block (this thread or task)."""
    seen: list[httpx.Response] = []
    token = _SEEN.set(seen)
    try:
        yield seen
    finally:
        _SEEN.reset(token)


def record(response: httpx.Response) -> None:
    """Called by the transport with each successful answer; a no-op outside `capture`."""
    seen = _SEEN.get()
    if seen is not None:
        seen.append(response)


class RawResponse(Generic[T]):
    """A call's HTTP answer and its parsed value.

    `http_response` is the call's last answer (most calls make one request; a create
    resolved by a look-up, or `results`, make several: all are in `responses`, in order).
    `request_id` is the `x-request-id` the service sent, if any. `parse()` is the value
    the plain call returns.
    """

    def __init__(self, responses: Sequence[httpx.Response], value: T) -> None:
        if not responses:
            raise RuntimeError("the call received no answer to report")
        self.responses = list(responses)
        self.http_response = self.responses[-1]
        self._value = value

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        rid: str | None = self.http_response.headers.get("x-request-id")
        return rid

    @property
    def http_request(self) -> httpx.Request:
        return self.http_response.request

    def parse(self) -> T:
        """The model (or page, or result) the plain call returns."""
        return self._value

    def __repr__(self) -> str:
        request = self.http_request
        rid = f", request_id={self.request_id!r}" if self.request_id else ""
        return f"<RawResponse {request.method} {request.url.path} -> {self.status_code}{rid}>"

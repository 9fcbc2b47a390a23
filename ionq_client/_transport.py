"""What the retrying transport shares in both flavours: per-call options, and the pieces
of each attempt that perform no I/O (applying the options and the deadline, logging,
mapping an error).

The transport itself (`_async/transport.py`, and `_sync/transport.py` generated from it)
sits under the shared `httpx.Client`, so it sees every attempt the generated functions
(`ionq_api.api.*.sync_detailed`) make. It raises the mapped `APIStatusError` for any
4xx/5xx *before* the generated code parses the response, which is why a non-JSON body or a
non-IANA status (520-529) never turns into a `ValueError` or a `None` there. Per-call
`timeout`, `max_retries` and `deadline` travel in a context variable, because the generated
signatures have no room for them.

A deadline is seconds for a whole call: every attempt, every backoff sleep and every
look-up after an ambiguous write. Each attempt's timeouts are cut to the time left, and a
retry whose backoff would end past the deadline is not made: the call fails at once with
the last error, so it never outlives its deadline by more than one read of the socket.
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import httpx

from ionq_client._exceptions import APIConnectionError, APITimeoutError, IonQError, ValidationError
from ionq_client._logging import logger, redact_headers
from ionq_client._retry import is_certainly_unsent
from ionq_client._types import NOT_GIVEN, NotGiven

__all__ = [
    "Attempts",
    "CallOptions",
    "call_options",
    "deadline_error",
    "log_attempt",
    "log_retry",
    "out_of_time",
    "prepare_request",
    "transport_error",
    "with_extras",
]


@dataclass(frozen=True, slots=True)
class CallOptions:
    """Options of one call; `None` (`NOT_GIVEN` for `deadline`) falls back to the client's.

    `started` is when the call began (`time.monotonic()`): a call of several requests (a
    create and its look-up, a job and its results) shares one deadline from there.
    """

    max_retries: int | None = None
    timeout: httpx.Timeout | None = None
    deadline: float | NotGiven | None = NOT_GIVEN
    started: float = field(default_factory=time.monotonic)
    #: Added to this call's requests only (not to the look-ups after an ambiguous write).
    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, Any] | None = None
    extra_body: Mapping[str, Any] | None = None

    def retry_budget(self, client_retries: int) -> int:
        """The call's `max_retries`, else the client's."""
        return client_retries if self.max_retries is None else self.max_retries

    def deadline_seconds(self, client_deadline: float | None) -> float | None:
        """The call's deadline in seconds (its own, else the client's), or `None`."""
        return client_deadline if isinstance(self.deadline, NotGiven) else self.deadline

    def deadline_at(self, client_deadline: float | None) -> float | None:
        """When the call must be over (`time.monotonic()` scale), or `None`."""
        seconds = self.deadline_seconds(client_deadline)
        return None if seconds is None else self.started + seconds

    def time_left(self, client_deadline: float | None) -> float | None:
        """Seconds left before the deadline (may be <= 0), or `None` without one."""
        at = self.deadline_at(client_deadline)
        return None if at is None else at - time.monotonic()


_CALL_OPTIONS: ContextVar[CallOptions | None] = ContextVar("ionq_client_call", default=None)


@contextlib.contextmanager
def call_options(options: CallOptions | None) -> Iterator[None]:
    """Apply `options` to the requests made inside the block (this thread or task only)."""
    if options is None:
        yield
        return
    token = _CALL_OPTIONS.set(options)
    try:
        yield
    finally:
        _CALL_OPTIONS.reset(token)


@dataclass(slots=True)
class Attempts:
    """The attempts of one request: its retry budget, its deadline and its timeouts."""

    retries: int
    deadline_at: float | None
    deadline: float | None
    timeout: dict[str, float | None]

    def start(self, request: httpx.Request) -> None:
        """Before an attempt: fail if the deadline has passed, else cut the timeouts to it."""
        if self.deadline_at is None:
            return
        left = self.deadline_at - time.monotonic()
        if left <= 0:
            raise deadline_error(request, self.deadline)
        request.extensions["timeout"] = {
            phase: left if limit is None else min(limit, left)
            for phase, limit in self.timeout.items()
        }

    def may_retry(self, attempt: int, delay: float) -> bool:
        """Whether retry number `attempt`, after sleeping `delay`, is within the budget."""
        if attempt >= self.retries:
            return False
        return self.deadline_at is None or time.monotonic() + delay < self.deadline_at


def prepare_request(
    request: httpx.Request, default_retries: int, default_deadline: float | None
) -> tuple[httpx.Request, Attempts]:
    """Apply the call's options to `request` (a new one when `extra_body` changes its
    content); return it and what bounds its attempts."""
    options = _CALL_OPTIONS.get()
    if options is None:
        options = CallOptions()
    if options.timeout is not None:
        request.extensions["timeout"] = options.timeout.as_dict()
    request = with_extras(request, options)
    timeout: dict[str, float | None] = dict(request.extensions.get("timeout") or {})
    seconds = options.deadline_seconds(default_deadline)
    retries = options.retry_budget(default_retries)
    return request, Attempts(retries, options.deadline_at(default_deadline), seconds, timeout)


def with_extras(request: httpx.Request, options: CallOptions) -> httpx.Request:
    """`request` with the call's extra headers, query parameters and body fields merged in
    (a body field replaces the one of that name; the body must be a JSON object)."""
    if options.extra_headers:
        request.headers.update(options.extra_headers)
    if options.extra_query:
        request.url = request.url.copy_merge_params(dict(options.extra_query))
    if not options.extra_body:
        return request
    try:
        body = json.loads(request.content) if request.content else {}
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise ValidationError(
            "extra_body needs a request whose body is a JSON object", key="extra_body"
        )
    content = json.dumps({**body, **options.extra_body}).encode()
    headers = httpx.Headers(request.headers)
    headers["Content-Length"] = str(len(content))
    headers.setdefault("Content-Type", "application/json")
    return httpx.Request(
        request.method, request.url, headers=headers, content=content, extensions=request.extensions
    )


def deadline_error(request: httpx.Request | None, deadline: float | None) -> APITimeoutError:
    """The error of a call whose deadline passed before its next request was sent."""
    return APITimeoutError(
        f"the call's deadline of {deadline} s has passed", request=request, sent=False
    )


def out_of_time(error: IonQError, deadline: float | None) -> IonQError:
    """`error`, noted as the last one before the deadline stopped the retries."""
    error.add_note(f"not retried: the call's deadline of {deadline} s leaves no time")
    return error


def transport_error(exc: Exception, request: httpx.Request | None) -> APIConnectionError:
    """What an httpx failure in any phase (connect, send, headers, body, decoding) becomes."""
    sent = False if isinstance(exc, httpx.TransportError) and is_certainly_unsent(exc) else None
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(
            f"Request timed out: {type(exc).__name__}", request=request, sent=sent
        )
    return APIConnectionError(
        f"Connection error: {type(exc).__name__}: {exc}", request=request, sent=sent
    )


def log_attempt(request: httpx.Request, attempt: int) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "%s %s attempt %d headers=%s",
            request.method,
            request.url,
            attempt + 1,
            redact_headers(request.headers.multi_items()),
        )


def log_retry(request: httpx.Request, attempt: int, delay: float, why: str) -> None:
    logger.info(
        "retrying %s %s in %.2f s (retry %d) after %s",
        request.method,
        request.url,
        delay,
        attempt + 1,
        why,
    )

"""What the retrying transport shares in both flavours: per-call options, and the pieces
of each attempt that perform no I/O (applying the options, logging, mapping an error).

The transport itself (`_async/transport.py`, and `_sync/transport.py` generated from it)
sits under the shared `httpx.Client`, so it sees every attempt the generated functions
(`ionq_api.api.*.sync_detailed`) make. It raises the mapped `APIStatusError` for any
4xx/5xx *before* the generated code parses the response, which is why a non-JSON body or a
non-IANA status (520-529) never turns into a `ValueError` or a `None` there. Per-call
`timeout` and `max_retries` travel in a context variable, because the generated signatures
have no room for them.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

import httpx

from ionq_client._exceptions import APIConnectionError, APITimeoutError
from ionq_client._logging import logger, redact_headers

__all__ = [
    "CallOptions",
    "call_options",
    "log_attempt",
    "log_retry",
    "prepare_request",
    "transport_error",
]


@dataclass(frozen=True, slots=True)
class CallOptions:
    """Options of one call; `None` fields fall back to the client's."""

    max_retries: int | None = None
    timeout: httpx.Timeout | None = None


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


def prepare_request(request: httpx.Request, default_retries: int) -> int:
    """Apply the call's options to `request`; return the retry budget."""
    options = _CALL_OPTIONS.get()
    if options is None:
        return default_retries
    if options.timeout is not None:
        request.extensions["timeout"] = options.timeout.as_dict()
    return default_retries if options.max_retries is None else options.max_retries


def transport_error(exc: httpx.TransportError, request: httpx.Request) -> APIConnectionError:
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"Request timed out: {type(exc).__name__}", request=request)
    return APIConnectionError(f"Connection error: {type(exc).__name__}: {exc}", request=request)


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

"""The transport every request goes through: retries, per-call options, error mapping.

The generated functions (`ionq_api.api.*.sync_detailed`) build each request and parse each
success; this transport sits under the shared `httpx.Client`, so it sees every attempt.
It raises the mapped `APIStatusError` for any 4xx/5xx *before* the generated code parses
the response, which is why a non-JSON body or a non-IANA status (520-529) never turns into
a `ValueError` or a `None` there. Per-call `timeout` and `max_retries` travel in a context
variable, because the generated signatures have no room for them.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass

import anyio
import httpx

from ionq_client._exceptions import APIConnectionError, APITimeoutError, make_status_error
from ionq_client._logging import logger, redact_headers
from ionq_client._retry import (
    parse_retry_after,
    retry_delay,
    should_retry,
    should_retry_exception,
)

__all__ = ["AsyncRetryTransport", "CallOptions", "RetryTransport", "call_options"]


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


def _prepare(request: httpx.Request, default_retries: int) -> int:
    """Apply the call's options to `request`; return the retry budget."""
    options = _CALL_OPTIONS.get()
    if options is None:
        return default_retries
    if options.timeout is not None:
        request.extensions["timeout"] = options.timeout.as_dict()
    return default_retries if options.max_retries is None else options.max_retries


def _transport_error(exc: httpx.TransportError, request: httpx.Request) -> APIConnectionError:
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"Request timed out: {type(exc).__name__}", request=request)
    return APIConnectionError(f"Connection error: {type(exc).__name__}: {exc}", request=request)


def _log_attempt(request: httpx.Request, attempt: int) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "%s %s attempt %d headers=%s",
            request.method,
            request.url,
            attempt + 1,
            redact_headers(request.headers.multi_items()),
        )


def _log_retry(request: httpx.Request, attempt: int, delay: float, why: str) -> None:
    logger.info(
        "retrying %s %s in %.2f s (retry %d) after %s",
        request.method,
        request.url,
        delay,
        attempt + 1,
        why,
    )


class RetryTransport(httpx.BaseTransport):
    """Wraps a transport with the retry policy of `_retry` and the error mapping."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        *,
        max_retries: int,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.inner = inner
        self.max_retries = max_retries
        self._sleep = sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        retries = _prepare(request, self.max_retries)
        method = request.method
        attempt = 0
        while True:
            _log_attempt(request, attempt)
            try:
                response = self.inner.handle_request(request)
            except httpx.TransportError as exc:
                if attempt < retries and should_retry_exception(method, exc):
                    delay = retry_delay(attempt, None)
                    _log_retry(request, attempt, delay, type(exc).__name__)
                    self._sleep(delay)
                    attempt += 1
                    continue
                raise _transport_error(exc, request) from exc
            if response.status_code < 400:
                return response
            # Error bodies are small; reading also returns the connection to the pool.
            try:
                response.read()
            except httpx.TransportError as exc:
                response.close()
                if attempt < retries and should_retry_exception(method, exc):
                    self._sleep(retry_delay(attempt, None))
                    attempt += 1
                    continue
                raise _transport_error(exc, request) from exc
            response.request = request
            if attempt < retries and should_retry(method, response.status_code):
                delay = retry_delay(attempt, parse_retry_after(response.headers.get("retry-after")))
                _log_retry(request, attempt, delay, f"HTTP {response.status_code}")
                self._sleep(delay)
                attempt += 1
                continue
            logger.debug("%s %s -> HTTP %d", method, request.url, response.status_code)
            raise make_status_error(response, attempts=attempt + 1)

    def close(self) -> None:
        self.inner.close()


async def _anyio_sleep(seconds: float) -> None:
    await anyio.sleep(seconds)


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """The async twin of `RetryTransport`."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        *,
        max_retries: int,
        sleep: Callable[[float], Awaitable[None]] = _anyio_sleep,
    ) -> None:
        self.inner = inner
        self.max_retries = max_retries
        self._sleep = sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        retries = _prepare(request, self.max_retries)
        method = request.method
        attempt = 0
        while True:
            _log_attempt(request, attempt)
            try:
                response = await self.inner.handle_async_request(request)
            except httpx.TransportError as exc:
                if attempt < retries and should_retry_exception(method, exc):
                    delay = retry_delay(attempt, None)
                    _log_retry(request, attempt, delay, type(exc).__name__)
                    await self._sleep(delay)
                    attempt += 1
                    continue
                raise _transport_error(exc, request) from exc
            if response.status_code < 400:
                return response
            try:
                await response.aread()
            except httpx.TransportError as exc:
                await response.aclose()
                if attempt < retries and should_retry_exception(method, exc):
                    await self._sleep(retry_delay(attempt, None))
                    attempt += 1
                    continue
                raise _transport_error(exc, request) from exc
            response.request = request
            if attempt < retries and should_retry(method, response.status_code):
                delay = retry_delay(attempt, parse_retry_after(response.headers.get("retry-after")))
                _log_retry(request, attempt, delay, f"HTTP {response.status_code}")
                await self._sleep(delay)
                attempt += 1
                continue
            logger.debug("%s %s -> HTTP %d", method, request.url, response.status_code)
            raise make_status_error(response, attempts=attempt + 1)

    async def aclose(self) -> None:
        await self.inner.aclose()

"""The retrying transport under the client's `httpx.AsyncClient`.

Retries what `_retry` says is safe to repeat, applies each call's options and deadline,
reads every body (so a connection cut halfway through a success is retried or reported
here, as an `APIConnectionError`, never a raw httpx exception), and raises the mapped
`APIStatusError` for any 4xx/5xx before the generated code parses the response (see
`_transport` for why).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

import httpx

from ionq_client._exceptions import APIStatusError, IonQError, make_status_error
from ionq_client._logging import log_response, logger
from ionq_client._raw import record
from ionq_client._retry import (
    parse_retry_after,
    retry_delay,
    should_retry,
    should_retry_exception,
)
from ionq_client._time import default_asleep
from ionq_client._transport import (
    Attempts,
    log_attempt,
    log_retry,
    out_of_time,
    prepare_request,
    transport_error,
)

__all__ = ["AsyncRetryTransport"]


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Wraps a transport with the retry policy of `_retry` and the error mapping."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        *,
        max_retries: int,
        deadline: float | None = None,
        sleep: Callable[[float], Awaitable[None]] = default_asleep,
        owns_inner: bool = True,
    ) -> None:
        self.inner = inner
        self.max_retries = max_retries
        self.deadline = deadline
        self._sleep = sleep
        # A client made by `with_options` shares its parent's pool: the parent closes it.
        self._owns_inner = owns_inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        started = time.monotonic()
        request, attempts = prepare_request(request, self.max_retries, self.deadline)
        tries = [1]
        try:
            response = await self._send(request, attempts, tries)
        except IonQError as exc:
            status = exc.status_code if isinstance(exc, APIStatusError) else None
            elapsed = time.monotonic() - started
            log_response(request.method, request.url, status, elapsed, tries[0], type(exc).__name__)
            raise
        elapsed = time.monotonic() - started
        log_response(request.method, request.url, response.status_code, elapsed, tries[0])
        return response

    async def _send(
        self, request: httpx.Request, attempts: Attempts, tries: list[int]
    ) -> httpx.Response:
        """The attempts of one request; `tries[0]` counts them as they are made."""
        method = request.method
        attempt = 0
        while True:
            tries[0] = attempt + 1
            attempts.start(request)
            log_attempt(request, attempt)
            try:
                response = await self.inner.handle_async_request(request)
                try:
                    # The whole body, in this attempt: a cut or stalled body is a failure
                    # of the attempt (retried when safe), not of the caller's parsing.
                    await response.aread()
                finally:
                    await response.aclose()
            except (httpx.TransportError, httpx.DecodingError) as exc:
                error: IonQError = transport_error(exc, request)
                retryable = isinstance(exc, httpx.TransportError) and should_retry_exception(
                    method, exc
                )
                delay = retry_delay(attempt, None)
                if retryable and attempts.may_retry(attempt, delay):
                    log_retry(request, attempt, delay, type(exc).__name__)
                    await self._sleep(delay)
                    attempt += 1
                    continue
                if retryable and attempt < attempts.retries:
                    error = out_of_time(error, attempts.deadline)
                raise error from exc
            response.request = request
            if response.status_code < 400:
                record(response)
                return response
            if should_retry(method, response.status_code):
                delay = retry_delay(attempt, parse_retry_after(response.headers.get("retry-after")))
                if attempts.may_retry(attempt, delay):
                    log_retry(request, attempt, delay, f"HTTP {response.status_code}")
                    await self._sleep(delay)
                    attempt += 1
                    continue
                status_error = make_status_error(response, attempts=attempt + 1)
                if attempt < attempts.retries:
                    raise out_of_time(status_error, attempts.deadline)
                raise status_error
            logger.debug("%s %s -> HTTP %d", method, request.url, response.status_code)
            raise make_status_error(response, attempts=attempt + 1)

    async def aclose(self) -> None:
        if self._owns_inner:
            await self.inner.aclose()

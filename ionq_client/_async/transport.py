"""The retrying transport under the client's `httpx.AsyncClient`.

Retries what `_retry` says is safe to repeat, applies each call's options, and raises the
mapped `APIStatusError` for any 4xx/5xx before the generated code parses the response (see
`_transport` for why).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx

from ionq_client._exceptions import make_status_error
from ionq_client._logging import logger
from ionq_client._retry import (
    parse_retry_after,
    retry_delay,
    should_retry,
    should_retry_exception,
)
from ionq_client._time import default_asleep
from ionq_client._transport import log_attempt, log_retry, prepare_request, transport_error

__all__ = ["AsyncRetryTransport"]


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Wraps a transport with the retry policy of `_retry` and the error mapping."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        *,
        max_retries: int,
        sleep: Callable[[float], Awaitable[None]] = default_asleep,
    ) -> None:
        self.inner = inner
        self.max_retries = max_retries
        self._sleep = sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        retries = prepare_request(request, self.max_retries)
        method = request.method
        attempt = 0
        while True:
            log_attempt(request, attempt)
            try:
                response = await self.inner.handle_async_request(request)
            except httpx.TransportError as exc:
                if attempt < retries and should_retry_exception(method, exc):
                    delay = retry_delay(attempt, None)
                    log_retry(request, attempt, delay, type(exc).__name__)
                    await self._sleep(delay)
                    attempt += 1
                    continue
                raise transport_error(exc, request) from exc
            if response.status_code < 400:
                return response
            # Error bodies are small; reading also returns the connection to the pool.
            try:
                await response.aread()
            except httpx.TransportError as exc:
                await response.aclose()
                if attempt < retries and should_retry_exception(method, exc):
                    await self._sleep(retry_delay(attempt, None))
                    attempt += 1
                    continue
                raise transport_error(exc, request) from exc
            response.request = request
            if attempt < retries and should_retry(method, response.status_code):
                delay = retry_delay(attempt, parse_retry_after(response.headers.get("retry-after")))
                log_retry(request, attempt, delay, f"HTTP {response.status_code}")
                await self._sleep(delay)
                attempt += 1
                continue
            logger.debug("%s %s -> HTTP %d", method, request.url, response.status_code)
            raise make_status_error(response, attempts=attempt + 1)

    async def aclose(self) -> None:
        await self.inner.aclose()

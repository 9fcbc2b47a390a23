"""The `httpx.AsyncClient` the client hands to the generated functions: lean on the
hot path (see `_http` for what it skips and why).
"""

from __future__ import annotations

from typing import Any

import httpx

from ionq_client._http import build_request, is_simple

__all__ = ["LeanAsyncClient"]


class LeanAsyncClient(httpx.AsyncClient):
    """An httpx client that sends the generated functions' requests straight to its transport."""

    def __init__(
        self,
        *,
        base_url: str,
        headers: dict[str, str],
        timeout: httpx.Timeout,
        transport: httpx.AsyncBaseTransport,
    ) -> None:
        super().__init__(base_url=base_url, headers=headers, timeout=timeout, transport=transport)
        self._lean_transport = transport
        self._prefix = base_url.rstrip("/")
        self._timeout_extension = timeout.as_dict()

    async def request(self, method: str, url: httpx.URL | str, **kwargs: Any) -> httpx.Response:
        """Send a request; the generated functions' simple ones skip httpx's machinery."""
        if not (isinstance(url, str) and url.startswith("/") and is_simple(kwargs)):
            return await super().request(method, url, **kwargs)
        request = build_request(self, self._prefix, self._timeout_extension, method, url, kwargs)
        response = await self._lean_transport.handle_async_request(request)
        try:
            await response.aread()
        finally:
            await response.aclose()
        response.request = request
        return response

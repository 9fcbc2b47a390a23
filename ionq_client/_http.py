"""The httpx clients the facade hands to the generated functions: lean on the hot path.

`httpx.Client.request` runs machinery this API never uses on every call: a cookie jar
(read into each request, written from each response), the auth flow, redirect handling,
event hooks and a per-URL transport lookup. On a loopback server that is about a quarter of
a request's client-side time, more than the 5% budget the facade has. `LeanClient` keeps
`httpx.Client` (its pool, `close`, context manager, type) but sends the generated
functions' simple requests (a relative URL, optional `params`, `json` and `headers`)
straight to its transport. Anything else takes the ordinary `httpx.Client` path.

Proxies configured in the environment are honoured by `httpx.Client`'s per-URL transport
lookup, which is off when a transport is given; the facade gives one and resolves the
proxy itself (`_config.env_proxy`), so the lean path loses nothing.
"""

from __future__ import annotations

from typing import Any, Final

import httpx

__all__ = ["LeanAsyncClient", "LeanClient"]

_LEAN_KEYS: Final = frozenset({"params", "json", "headers"})


def _build(
    client: httpx.Client | httpx.AsyncClient,
    prefix: str,
    timeout: dict[str, float | None],
    method: str,
    url: str,
    kwargs: dict[str, Any],
) -> httpx.Request:
    headers: httpx.Headers = client.headers
    extra = kwargs.get("headers")
    if extra:
        headers = httpx.Headers(headers)
        headers.update(extra)
    return httpx.Request(
        method,
        prefix + url,
        params=kwargs.get("params"),
        json=kwargs.get("json"),
        headers=headers,  # copied by Request, so the client's defaults stay untouched
        extensions={"timeout": timeout},
    )


def _simple(kwargs: dict[str, Any]) -> bool:
    return not kwargs.keys() - _LEAN_KEYS


class LeanClient(httpx.Client):
    """An `httpx.Client` that sends the generated functions' requests straight to its transport."""

    def __init__(
        self,
        *,
        base_url: str,
        headers: dict[str, str],
        timeout: httpx.Timeout,
        transport: httpx.BaseTransport,
    ) -> None:
        super().__init__(base_url=base_url, headers=headers, timeout=timeout, transport=transport)
        self._lean_transport = transport
        self._prefix = base_url.rstrip("/")
        self._timeout_extension = timeout.as_dict()

    def request(self, method: str, url: httpx.URL | str, **kwargs: Any) -> httpx.Response:
        """Send a request; the generated functions' simple ones skip httpx's machinery."""
        if not (isinstance(url, str) and url.startswith("/") and _simple(kwargs)):
            return super().request(method, url, **kwargs)
        request = _build(self, self._prefix, self._timeout_extension, method, url, kwargs)
        response = self._lean_transport.handle_request(request)
        try:
            response.read()
        finally:
            response.close()
        response.request = request
        return response


class LeanAsyncClient(httpx.AsyncClient):
    """The async twin of `LeanClient`."""

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
        if not (isinstance(url, str) and url.startswith("/") and _simple(kwargs)):
            return await super().request(method, url, **kwargs)
        request = _build(self, self._prefix, self._timeout_extension, method, url, kwargs)
        response = await self._lean_transport.handle_async_request(request)
        try:
            await response.aread()
        finally:
            await response.aclose()
        response.request = request
        return response

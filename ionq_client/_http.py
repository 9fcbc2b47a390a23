"""What the lean httpx clients (`_async/http.py`, `_sync/http.py`) share: how they build
the generated functions' simple requests without httpx's per-request machinery.

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

__all__ = ["build_request", "is_simple"]

_LEAN_KEYS: Final = frozenset({"params", "json", "headers"})


def build_request(
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


def is_simple(kwargs: dict[str, Any]) -> bool:
    return not kwargs.keys() - _LEAN_KEYS

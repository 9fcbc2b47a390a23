"""Defaults and environment: where the client connects, with which key, for how long."""

from __future__ import annotations

import os
import urllib.parse
import urllib.request
from typing import Final

import httpx

from ionq_client._exceptions import IonQError, ValidationError
from ionq_client._types import NOT_GIVEN, NotGiven, TimeoutTypes

__all__ = [
    "API_KEY_ENV",
    "BASE_URL_ENV",
    "DEFAULT_BASE_URL",
    "DEFAULT_CONNECT_TIMEOUT",
    "DEFAULT_TIMEOUT",
    "env_proxy",
    "resolve_api_key",
    "resolve_base_url",
    "to_timeout",
]

API_KEY_ENV: Final = "IONQ_API_KEY"
BASE_URL_ENV: Final = "IONQ_BASE_URL"
DEFAULT_BASE_URL: Final = "https://api.ionq.co/v0.4"

DEFAULT_CONNECT_TIMEOUT: Final = 5.0
#: 60 s for reading, writing and waiting for a pooled connection; 5 s to connect.
DEFAULT_TIMEOUT: Final = httpx.Timeout(60.0, connect=DEFAULT_CONNECT_TIMEOUT)


def resolve_api_key(api_key: str | None) -> str:
    """The key given, else `$IONQ_API_KEY`; a clear error when neither is set."""
    key = api_key if api_key is not None else os.environ.get(API_KEY_ENV)
    if not key or not key.strip():
        raise IonQError(
            f"No API key: pass api_key=... or set the {API_KEY_ENV} environment variable."
        )
    if any(c in key for c in "\r\n\0"):
        # A header value cannot hold these; say so without echoing the key.
        raise IonQError("The API key contains a line break or NUL character.")
    return key.strip()


def resolve_base_url(base_url: str | None) -> str:
    """The URL given, else `$IONQ_BASE_URL`, else production; without a trailing slash."""
    url = base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    return url.rstrip("/")


def to_timeout(value: TimeoutTypes | NotGiven, default: httpx.Timeout) -> httpx.Timeout:
    """Normalize a timeout argument; `NOT_GIVEN` means `default`, `None` means no limit."""
    if value is NOT_GIVEN:
        return default
    if isinstance(value, httpx.Timeout):
        return value
    if value is None:
        return httpx.Timeout(None)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ValidationError(
            f"timeout must be seconds >= 0, an httpx.Timeout or None, not {value!r}",
            key="timeout",
        )
    return httpx.Timeout(float(value), connect=min(float(value), DEFAULT_CONNECT_TIMEOUT))


def env_proxy(base_url: str) -> str | None:
    """The proxy the environment (`HTTPS_PROXY`, `ALL_PROXY`, `NO_PROXY`...) sets for `base_url`.

    httpx ignores environment proxies when given a transport, and the client always gives
    one (its retrying transport), so it resolves the proxy itself, once: every request of a
    client goes to the same host.
    """
    parts = urllib.parse.urlsplit(base_url)
    proxies = urllib.request.getproxies_environment()
    proxy = proxies.get(parts.scheme) or proxies.get("all")
    if not proxy or urllib.request.proxy_bypass(parts.hostname or ""):
        return None
    return proxy

"""What `IonQ` and `AsyncIonQ` share: configuration, headers and a `repr` that never shows
the key.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Mapping

import httpx

from ionq_api.client import AuthenticatedClient
from ionq_client._calls import check_deadline
from ionq_client._config import DEFAULT_TIMEOUT, resolve_api_key, resolve_base_url, to_timeout
from ionq_client._exceptions import ValidationError
from ionq_client._types import NotGiven, TimeoutTypes

__all__ = ["USER_AGENT", "_BaseIonQ"]

try:
    _VERSION = importlib.metadata.version("ionq-sdk")
except importlib.metadata.PackageNotFoundError:  # pragma: no cover - a bare checkout
    _VERSION = "0.0.0"

USER_AGENT = f"ionq-client/{_VERSION} httpx/{httpx.__version__}"


class _BaseIonQ:
    """What both clients share: configuration, headers and `repr` (never the key)."""

    base_url: str
    timeout: httpx.Timeout
    max_retries: int
    deadline: float | None
    create_token: bool

    def _configure(
        self,
        api_key: str | None,
        base_url: str | None,
        timeout: TimeoutTypes | NotGiven,
        max_retries: int,
        deadline: float | None = None,
        create_token: bool = True,
    ) -> dict[str, str]:
        if max_retries < 0:
            raise ValidationError("max_retries must be >= 0", key="max_retries")
        checked = check_deadline(deadline)
        key = resolve_api_key(api_key)
        self.base_url = resolve_base_url(base_url)
        self.timeout = to_timeout(timeout, DEFAULT_TIMEOUT)
        self.max_retries = max_retries
        self.deadline = None if isinstance(checked, NotGiven) else checked
        self.create_token = bool(create_token)
        # The key lives only in the httpx client's headers, whose repr redacts it.
        return {"Authorization": f"apiKey {key}", "User-Agent": USER_AGENT}

    @staticmethod
    def _extra_headers(headers: Mapping[str, str] | None) -> dict[str, str]:
        """`default_headers`, checked: they may not replace the key's header."""
        extra = dict(headers or {})
        if any(name.lower() == "authorization" for name in extra):
            raise ValidationError(
                "default_headers may not set Authorization: pass api_key=", key="default_headers"
            )
        return extra

    def _generated_client(self) -> AuthenticatedClient:
        # The generated client's own token stays empty: its repr would print it, and the
        # httpx client set below (which carries the header) replaces its own anyway.
        return AuthenticatedClient(base_url=self.base_url, token="", prefix="apiKey")

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, "
            f"max_retries={self.max_retries}, timeout={self.timeout!r}"
            + ("" if self.deadline is None else f", deadline={self.deadline!r}")
            + ")"
        )

"""Logging under the `ionq_client` logger, with credentials redacted.

Enable with `logging.getLogger("ionq_client").setLevel(logging.DEBUG)` (plus a handler).
Each request attempt is logged at DEBUG, each retry at INFO; header values of
`Authorization` (and any header naming a key, token or cookie) are replaced by `[REDACTED]`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Final

__all__ = ["REDACTED", "logger", "redact_headers"]

logger: Final = logging.getLogger("ionq_client")

REDACTED: Final = "[REDACTED]"
_SENSITIVE: Final = ("authorization", "api-key", "apikey", "token", "cookie", "secret")


def redact_headers(headers: Iterable[tuple[str, str]]) -> dict[str, str]:
    """A copy of `headers` safe to log: sensitive values replaced by `[REDACTED]`."""
    out: dict[str, str] = {}
    for name, value in headers:
        lowered = name.lower()
        out[name] = REDACTED if any(s in lowered for s in _SENSITIVE) else value
    return out

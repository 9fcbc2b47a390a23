"""The retry policy: named constants and pure functions, so tests drive it without sleeping.

Which failures are retried depends on whether the request is safe to repeat:

- Safe requests (GET, PUT, PATCH, DELETE: reads, cancel, update, delete) are retried on
  connection errors, timeouts, 429, 500, 502, 503, 504 and 520-529, and on 409 for GET only
  (Cloudflare answers some GETs 409).
- A POST (create a job, create or end a session) is retried only when the server certainly
  did not act on it: a connection that was never established, or a 429. Anything else is
  ambiguous and left to the caller (`jobs.create` resolves it; see `_async/readback.py`).

Delays grow exponentially from `INITIAL_RETRY_DELAY`, capped at `MAX_RETRY_DELAY`, with
"full jitter" on the upper half; a `Retry-After` header is honoured up to `MAX_RETRY_AFTER`.
"""

from __future__ import annotations

import email.utils
import math
import random
import time
from typing import Final

import httpx

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "INITIAL_RETRY_DELAY",
    "MAX_RETRY_AFTER",
    "MAX_RETRY_DELAY",
    "RETRYABLE_STATUSES",
    "SAFE_METHODS",
    "backoff_delay",
    "is_certainly_unsent",
    "parse_retry_after",
    "retry_delay",
    "should_retry",
    "should_retry_exception",
]

DEFAULT_MAX_RETRIES: Final = 2
INITIAL_RETRY_DELAY: Final = 0.5
MAX_RETRY_DELAY: Final = 8.0
#: The longest `Retry-After` honoured; a longer one is clipped to this.
MAX_RETRY_AFTER: Final = 60.0

SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"})
RETRYABLE_STATUSES: Final = frozenset({429, 500, 502, 503, 504, *range(520, 530)})


def should_retry(method: str, status_code: int) -> bool:
    """Whether a response with `status_code` to a `method` request may be retried."""
    if status_code == 429:
        # Rate limiting rejects a request before it is processed: safe for every method.
        return True
    if method not in SAFE_METHODS:
        return False
    if status_code == 409:
        return method == "GET"
    return status_code in RETRYABLE_STATUSES


def is_certainly_unsent(exc: httpx.TransportError) -> bool:
    """Whether the request certainly never reached the server (no connection was made).

    `ConnectError` and `ConnectTimeout` fail before a byte is written; `PoolTimeout` before
    a connection is even chosen. A read timeout or a reset after writing is ambiguous.
    """
    return isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


def should_retry_exception(method: str, exc: httpx.TransportError) -> bool:
    """Whether a transport failure of a `method` request may be retried."""
    if is_certainly_unsent(exc):
        return True
    return method in SAFE_METHODS


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` value (seconds, or an HTTP date); `None` if unusable."""
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (ValueError, TypeError, IndexError):
            return None
        if parsed.tzinfo is None:
            return None
        seconds = parsed.timestamp() - (time.time() if now is None else now)
    if math.isnan(seconds) or math.isinf(seconds):
        return None
    return max(0.0, seconds)


def backoff_delay(
    attempt: int,
    *,
    initial: float = INITIAL_RETRY_DELAY,
    maximum: float = MAX_RETRY_DELAY,
    rand: float | None = None,
) -> float:
    """The delay before retry number `attempt` (0 for the first retry).

    `initial * 2**attempt`, capped at `maximum`, then jittered into [half, full] of that, so
    many clients failing together do not retry in step. `rand` (0..1) replaces the random draw.
    """
    base = min(maximum, initial * (2.0 ** min(attempt, 32)))
    r = random.random() if rand is None else rand
    return base * (0.5 + 0.5 * r)


def retry_delay(
    attempt: int,
    retry_after: float | None,
    *,
    initial: float = INITIAL_RETRY_DELAY,
    maximum: float = MAX_RETRY_DELAY,
    max_retry_after: float = MAX_RETRY_AFTER,
) -> float:
    """The delay to use: the server's `Retry-After` (capped) when given, else the backoff."""
    if retry_after is not None:
        return min(retry_after, max_retry_after)
    return backoff_delay(attempt, initial=initial, maximum=maximum)

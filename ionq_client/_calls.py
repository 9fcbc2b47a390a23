"""What every call shares, in both flavours: its per-call options, and what a body the
generated parser cannot read becomes.

Each public method takes `timeout=` and `max_retries=`; `per_call` turns them into the
`CallOptions` the transport applies to that call's requests (or `None`: the client's own).
Nothing here performs I/O.
"""

from __future__ import annotations

from ionq_client._config import DEFAULT_TIMEOUT, to_timeout
from ionq_client._exceptions import APIResponseValidationError, ValidationError
from ionq_client._transport import CallOptions
from ionq_client._types import NotGiven, TimeoutTypes

__all__ = ["PARSE_ERRORS", "bad_body", "per_call"]

#: What the generated parser raises on a 2xx body it cannot read (or a non-IANA status).
PARSE_ERRORS = (KeyError, TypeError, ValueError, AttributeError)


def per_call(timeout: TimeoutTypes | NotGiven, max_retries: int | NotGiven) -> CallOptions | None:
    """The options of one call, or `None` when it overrides nothing."""
    if isinstance(timeout, NotGiven) and isinstance(max_retries, NotGiven):
        return None
    if not isinstance(max_retries, NotGiven) and max_retries < 0:
        raise ValidationError("max_retries must be >= 0", key="max_retries")
    return CallOptions(
        max_retries=None if isinstance(max_retries, NotGiven) else max_retries,
        timeout=None if isinstance(timeout, NotGiven) else to_timeout(timeout, DEFAULT_TIMEOUT),
    )


def bad_body(exc: Exception) -> APIResponseValidationError:
    """The error a success body that does not match the contract is raised as."""
    return APIResponseValidationError(f"response body does not match the contract: {exc!r}")

"""What every call shares, in both flavours: its per-call options, and what a body the
generated parser cannot read becomes.

Each public method takes `timeout=`, `max_retries=` and `deadline=`; `per_call` turns them
into the `CallOptions` the transport applies to that call's requests, stamped with when the
call began (so its requests share one deadline). Nothing here performs I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ionq_client._config import DEFAULT_TIMEOUT, to_timeout
from ionq_client._exceptions import APIResponseValidationError, ValidationError
from ionq_client._transport import CallOptions
from ionq_client._types import NOT_GIVEN, NotGiven, TimeoutTypes

__all__ = ["PARSE_ERRORS", "bad_body", "check_deadline", "per_call"]

#: What the generated parser raises on a 2xx body it cannot read (or a non-IANA status).
PARSE_ERRORS = (KeyError, TypeError, ValueError, AttributeError)


def per_call(
    timeout: TimeoutTypes | NotGiven,
    max_retries: int | NotGiven,
    deadline: float | NotGiven | None = NOT_GIVEN,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
) -> CallOptions:
    """The options of one call, starting now (`NOT_GIVEN`: the client's)."""
    if not isinstance(max_retries, NotGiven) and max_retries < 0:
        raise ValidationError("max_retries must be >= 0", key="max_retries")
    return CallOptions(
        max_retries=None if isinstance(max_retries, NotGiven) else max_retries,
        timeout=None if isinstance(timeout, NotGiven) else to_timeout(timeout, DEFAULT_TIMEOUT),
        deadline=check_deadline(deadline),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
    )


def check_deadline(deadline: float | NotGiven | None) -> float | NotGiven | None:
    """`deadline` if it is a number of seconds > 0 (or `None`, or not given)."""
    if isinstance(deadline, NotGiven) or deadline is None:
        return deadline
    if isinstance(deadline, bool) or not isinstance(deadline, int | float) or not deadline > 0:
        raise ValidationError(f"deadline must be seconds > 0, not {deadline!r}", key="deadline")
    return float(deadline)


def bad_body(exc: Exception) -> APIResponseValidationError:
    """The error a success body that does not match the contract is raised as."""
    return APIResponseValidationError(f"response body does not match the contract: {exc!r}")

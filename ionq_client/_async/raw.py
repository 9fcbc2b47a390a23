"""`with_raw_response` (async): each resource's methods, returning a `RawResponse`.

`raw_response_wrapper(method)` has the method's own signature (a `ParamSpec`), so
`client.jobs.with_raw_response.get(job_id, timeout=5)` is checked like the plain call.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

from ionq_client._raw import RawResponse, capture

__all__ = ["raw_response_wrapper"]

P = ParamSpec("P")
R = TypeVar("R")


def raw_response_wrapper(
    method: Callable[P, Awaitable[R]],
) -> Callable[P, Awaitable[RawResponse[R]]]:
    """`method`, returning its value with the HTTP answers it received."""

    @functools.wraps(method)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        with capture() as seen:
            value = await method(*args, **kwargs)
        return RawResponse(seen, value)

    return wrapped

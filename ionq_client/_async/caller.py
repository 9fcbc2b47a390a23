"""What the resources call through: the client they belong to, as a protocol.

The resources need a few things of their client (its `_call`, its retry budget and
deadline, whether creates carry a look-up token, its sleep and its clock); naming them
here, below both, lets the client import the resources without the resources importing
the client.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from ionq_api.types import Response
from ionq_client._transport import CallOptions

__all__ = ["AsyncCaller"]


class AsyncCaller(Protocol):
    """A client as its resources see it (`AsyncIonQ` is one)."""

    max_retries: int
    deadline: float | None
    create_token: bool
    _sleep: Callable[[float], Awaitable[None]]
    _clock: Callable[[], float]

    async def _call(
        self,
        fn: Callable[..., Awaitable[Response[Any]]],
        /,
        *args: Any,
        options: CallOptions | None = None,
        **kwargs: Any,
    ) -> Response[Any]:
        """Run generated `fn` on the client's connection pool with per-call `options`."""
        ...

"""What a handler is: the `Request` it gets, the `Response` it gives, and the registry
by which each handler module names the operations it serves.

A handler is `async def handler(state, request) -> (status, payload)`, registered under
its `operationId` in openapi.yaml:

    handlers = Handlers()

    @handlers.operation("getJob")
    async def get_job(state: MockState, request: Request) -> Response: ...

`ionq_mock/handlers/__init__.py` collects the modules' registries; the router binds each
operation to its handler once, when the app starts.

A payload is JSON-able data, `Raw` JSON text, or a `Stream` of JSON text in parts (a large
result, sent part by part so that no single write holds the event loop).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .auth import Identity
from .state import MockState
from .store import dumps


@dataclass(slots=True)
class Request:
    """A validated request, as handlers see it."""

    identity: Identity | None
    path: Mapping[str, Any]  # shared between requests (ionq_mock/pipeline.py): read only
    query: dict[str, Any]
    body: Any

    @property
    def owner(self) -> str:
        """The submitter id of the key (handlers that need auth only)."""
        assert self.identity is not None
        return self.identity.submitter_id


Response = tuple[int, Any]
Handler = Callable[[MockState, Request], Awaitable[Response]]


class Raw(bytes):
    """JSON text already encoded (cached job renderings), sent as is."""


async def _nothing_to_close() -> None:
    return None


@dataclass(frozen=True)
class Stream:
    """JSON text of `length` bytes in parts, which the app sends as they come; `close` is
    awaited once the answer is sent or abandoned (it ends what produces the parts)."""

    length: int
    parts: AsyncIterator[bytes]
    close: Callable[[], Awaitable[None]] = field(default=_nothing_to_close)


def encode(payload: Any) -> bytes:
    """An answer's JSON text."""
    if isinstance(payload, Raw):
        return payload  # already the bytes to send (a copy would cost a page's size)
    # ASCII output: a lone surrogate a client sent in a name must not break the answer.
    return dumps(payload).encode()


class Handlers:
    """One module's handlers by operationId."""

    def __init__(self) -> None:
        self.by_operation: dict[str, Handler] = {}

    def operation(self, operation_id: str) -> Callable[[Handler], Handler]:
        """Register the decorated function as the handler of `operation_id`."""

        def register(handler: Handler) -> Handler:
            if operation_id in self.by_operation:
                raise ValueError(f"{operation_id} has two handlers")
            self.by_operation[operation_id] = handler
            return handler

        return register


def collect(registries: Iterable[Handlers]) -> Mapping[str, Handler]:
    """Every registry's handlers in one mapping; an operation served twice is an error."""
    out: dict[str, Handler] = {}
    for registry in registries:
        for operation_id, handler in registry.by_operation.items():
            if operation_id in out:
                raise ValueError(f"{operation_id} has two handlers")
            out[operation_id] = handler
    return out

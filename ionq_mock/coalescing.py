"""One write per answer: what a request's cycle writes in one turn of the event loop goes
to the socket together.

uvicorn writes an answer's head (`http.response.start`) and its body as two
`transport.write` calls: two send syscalls, and a client waiting for the answer is woken
twice. `CoalescingWriter` stands for the connection's transport in each request's cycle:
a write is held (not copied), and the writes of the same turn go out as one when the
answer is complete (`flush`, called by the protocol), when the connection is closed, or
at the next turn of the loop (`call_soon`), so a streamed answer's parts, or a head
followed by a slow body, are never held past the turn they were written in. Order is
kept: the protocol flushes before it writes anything itself.
"""

from __future__ import annotations

import asyncio
from typing import Any, Final

# A write this long goes out at once (after what is held): joining it would copy it.
JOIN_MAX: Final = 64 * 1024


class CoalescingWriter:
    """The part of an `asyncio.Transport` a uvicorn request cycle uses, holding its writes
    until the turn of the loop ends."""

    __slots__ = ("_held", "_loop", "_scheduled", "transport")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self.transport = transport
        self._loop = loop
        self._held: list[bytes] = []
        self._scheduled = False

    def write(self, data: bytes) -> None:
        if len(data) > JOIN_MAX:
            self.flush()
            self.transport.write(data)
            return
        self._held.append(data)
        if not self._scheduled:
            self._scheduled = True
            self._loop.call_soon(self._flush_soon)

    def _flush_soon(self) -> None:
        self._scheduled = False
        self.flush()

    def flush(self) -> None:
        """Write what is held, as one write."""
        held = self._held
        if not held:
            return
        data = held[0] if len(held) == 1 else b"".join(held)
        held.clear()
        self.transport.write(data)

    def close(self) -> None:
        self.flush()
        self.transport.close()

    def is_closing(self) -> bool:
        return self.transport.is_closing()

    def __getattr__(self, name: str) -> Any:
        # Anything else a cycle may ask of its transport (uvicorn 0.54 asks for nothing else).
        return getattr(self.transport, name)

"""Fault injection for testing clients: off unless asked for.

Each fault has a rate (0..1 per request) and models a failure a client must survive:

    429, 500, 502, 503   answered before the request is handled (429 with `Retry-After`):
                         rate limiting, a crashed or overloaded backend, a proxy in front
    after_commit         a write commits, then is answered 500: the ambiguous failure a
                         client must not turn into a duplicate
    drop                 the connection closes before the request is handled, with no
                         answer: a proxy or load balancer resetting an idle connection
    drop_after_commit    a write commits, then the connection closes with no answer: a load
                         balancer reset, or a network cut, after the backend stored the job
    stall                the request is handled, and its answer waits `stall_seconds`: an
                         overloaded server or proxy; a client's read timeout fires first
    partial              the status line, headers (with the full Content-Length) and about
                         half the body are sent, then the connection closes: a connection
                         cut mid-answer, after the request was handled

The before-handling kinds (the statuses, drop, stall, partial) share one draw per request,
so their rates must add up to at most 1; the after-commit kinds share one draw per
committed write (at most 1 together too). Draws come from one RNG, seeded by `seed`, in
request order. `latency` delays every answer.

The connection-level kinds (drop, drop_after_commit, stall, partial) need a connection to
act on: a real socket served by `JsonErrorHttpToolsProtocol` (ionq_mock/protocol.py), as
`MockServer` and `ionq-mock serve` do. Over an in-process ASGI transport they are drawn
but not applied (nor counted). `Faults.met` counts the faults applied, by kind.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import random
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Final

from .protocol import CONNECTION_EXTENSION

FAULT_STATUSES: Final = (429, 500, 502, 503)
# The before-handling connection kinds, in the order they follow the statuses in the draw.
CONNECTION_FAULTS: Final = ("drop", "stall", "partial")
# Every kind `Faults.met` counts.
FAULT_KINDS: Final = (
    *(str(status) for status in FAULT_STATUSES),
    "after_commit",
    "drop",
    "drop_after_commit",
    "stall",
    "partial",
)
DEFAULT_STALL_SECONDS: Final = 5.0
# Answered by ionq_mock/console.py, without auth and never faulted: `{"met": {...}}`.
MET_PATH: Final = "/_mock/faults"
# Float sums such as 0.1 + 0.2 + 0.7 land a hair above 1.
_SUM_SLACK: Final = 1e-9

Message = dict[str, Any]
Send = Callable[[Message], Awaitable[None]]
Receive = Callable[[], Awaitable[Message]]


class DropConnection(Exception):
    """Raised through the handler to make the app close the connection without answering."""


def _check_rate(name: str, rate: float) -> None:
    if not 0.0 <= rate <= 1.0:  # also refuses NaN
        raise ValueError(f"{name} rate {rate} is outside 0..1")


@dataclass
class Faults:
    """Fault rates (0..1 per request), the stall and added latency in seconds, and a seed.

    Fixed once made: to change the faults of a running app, assign it a new `Faults`.
    `on_connection` says whether any connection-level kind is on (the app then wraps each
    request in an `Exchange`).

    >>> faults = Faults(rates={503: 0.1}, drop_after_commit=0.2, stall=0.1, seed=1)
    >>> faults.enabled, faults.met["drop_after_commit"]
    (True, 0)
    """

    rates: dict[int, float] = field(default_factory=dict)
    after_commit: float = 0.0
    latency: float = 0.0
    retry_after: int = 1
    seed: int | None = None
    drop: float = 0.0
    drop_after_commit: float = 0.0
    stall: float = 0.0
    stall_seconds: float = DEFAULT_STALL_SECONDS
    partial: float = 0.0
    # The faults applied so far, by kind (FAULT_KINDS); read it with `met_now()` while the
    # server runs.
    met: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for status, rate in self.rates.items():
            if status not in FAULT_STATUSES:
                raise ValueError(f"no fault for status {status}; use one of {FAULT_STATUSES}")
            _check_rate(f"fault {status}", rate)
        for name in ("after_commit", "drop", "drop_after_commit", "stall", "partial"):
            _check_rate(name.replace("_", "-"), getattr(self, name))
        before = sum(self.rates.values()) + self.drop + self.stall + self.partial
        if before > 1.0 + _SUM_SLACK:
            raise ValueError(
                f"the rates of faults before handling (statuses, drop, stall, partial) add up"
                f" to {before:g}, more than 1"
            )
        if self.after_commit + self.drop_after_commit > 1.0 + _SUM_SLACK:
            raise ValueError("the after-commit and drop-after-commit rates add up to more than 1")
        for name in ("latency", "stall_seconds"):
            value = getattr(self, name)
            if not (math.isfinite(value) and value >= 0):
                raise ValueError(f"{name} must be a finite number of seconds >= 0, not {value}")
        if self.retry_after < 0:
            raise ValueError("retry_after must not be negative")
        self.met = dict.fromkeys(FAULT_KINDS, 0)
        self._random = random.Random(self.seed)
        self._lock = threading.Lock()
        # Read on every request: made once (a server swaps the whole `Faults` to change them).
        self._bands = self._before_bands()
        self.on_connection = bool(self.drop or self.stall or self.partial or self.drop_after_commit)

    @property
    def enabled(self) -> bool:
        """Whether any fault or latency is configured."""
        return bool(self._bands or self.after_commit or self.drop_after_commit or self.latency)

    def met_now(self) -> dict[str, int]:
        """A copy of `met`, taken under the lock the server counts under."""
        with self._lock:
            return dict(self.met)

    def count(self, kind: str) -> None:
        """Record that a fault of `kind` was applied."""
        with self._lock:
            self.met[kind] += 1

    def _before_bands(self) -> list[tuple[int | str, float]]:
        bands: list[tuple[int | str, float]] = [
            (status, self.rates.get(status, 0.0)) for status in FAULT_STATUSES
        ]
        bands += [(kind, getattr(self, kind)) for kind in CONNECTION_FAULTS]
        return [band for band in bands if band[1]]

    def _pick(self, bands: list[tuple[Any, float]]) -> Any:
        """One draw over `bands` (kind, rate): the kind it lands in, or None."""
        if not bands:
            return None
        with self._lock:
            draw = self._random.random()
        for kind, rate in bands:
            if draw < rate:
                return kind
            draw -= rate
        return None

    def before(self) -> int | None:
        """The status to fail this request with before handling it, or None.

        The same draw may pick a connection-level fault instead: `drop` raises
        `DropConnection`; `stall` and `partial` are noted on the request's `Exchange`, which
        applies them to the answer. Without a connection to act on they are skipped."""
        if not self._bands:
            return None
        kind = self._pick(self._bands)
        if kind is None:
            return None
        if isinstance(kind, int):
            self.count(str(kind))
            return kind
        exchange = _CURRENT.get()
        if exchange is None or not exchange.connected:
            return None
        if kind == "drop":
            self.count(kind)
            raise DropConnection(kind)
        exchange.plan(kind, self)
        return None

    def after_commit_fault(self) -> str | None:
        """The fault for a write that has just committed: "after_commit" (answer 500),
        "drop_after_commit" (close the connection), or None."""
        bands = [
            (kind, rate)
            for kind, rate in (
                ("after_commit", self.after_commit),
                ("drop_after_commit", self.drop_after_commit),
            )
            if rate
        ]
        kind: str | None = self._pick(bands)
        if kind == "drop_after_commit":
            exchange = _CURRENT.get()
            if exchange is None or not exchange.connected:
                return None
        if kind is not None:
            self.count(kind)
        return kind


class Exchange:
    """One request's side of the connection-level faults, made by the app per request.

    It knows whether the request came on a connection it can close (the extension
    `JsonErrorHttpToolsProtocol` puts in the scope) and wraps the app's `send`, so a stall
    or a cut applies to whatever answer the app sends.
    """

    def __init__(self, scope: Message, receive: Receive, send: Send) -> None:
        extension = (scope.get("extensions") or {}).get(CONNECTION_EXTENSION) or {}
        self._close: Callable[[], None] | None = extension.get("close")
        self._receive = receive
        self._send = send
        # The stall or cut to apply to the answer, and the `Faults` that drew it (to count).
        self._planned: tuple[str, Faults] | None = None
        # partial: body bytes still to send before the cut (None until the answer starts).
        self._left: int | None = None
        self._cut = False

    @property
    def connected(self) -> bool:
        """Whether connection-level faults can be applied to this request."""
        return self._close is not None

    def plan(self, kind: str, faults: Faults) -> None:
        """Apply `kind` ("stall" or "partial") to the answer, and count it on `faults`."""
        self._planned = (kind, faults)

    @contextlib.contextmanager
    def current(self) -> Iterator[Exchange]:
        """Make this the exchange `Faults.before` and `after_commit_fault` see."""
        token = _CURRENT.set(self)
        try:
            yield self
        finally:
            _CURRENT.reset(token)

    def drop(self) -> None:
        """Close the connection without (the rest of) an answer."""
        if self._close is not None:
            self._close()

    async def send(self, message: Message) -> None:
        """The app's `send`, with the planned stall or cut applied."""
        kind, faults = self._planned or (None, None)
        if faults is None:
            await self._send(message)
        elif kind == "partial":
            await self._send_partial(message, faults)
        else:
            if message["type"] == "http.response.start":
                await self._stall(faults)
            await self._send(message)

    async def _stall(self, faults: Faults) -> None:
        faults.count("stall")
        # The stall ends early once the client has gone: the answer would go nowhere, and
        # a server shutting down need not wait for it.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._disconnected(), faults.stall_seconds)

    async def _disconnected(self) -> None:
        while (await self._receive())["type"] != "http.disconnect":
            pass

    async def _send_partial(self, message: Message, faults: Faults) -> None:
        if self._cut:
            return
        if message["type"] == "http.response.start":
            length = dict(message.get("headers", [])).get(b"content-length")
            self._left = int(length) // 2 if length is not None else None
            await self._send(message)
            return
        body: bytes = message.get("body", b"")
        if self._left is None:  # no Content-Length: cut the first part of the body
            self._left = len(body) // 2
        if len(body) < self._left:
            self._left -= len(body)
            await self._send({**message, "more_body": True})
            return
        cut = {"type": "http.response.body", "body": body[: self._left], "more_body": True}
        await self._send(cut)
        faults.count("partial")
        self._cut = True
        self.drop()


# The exchange of the request being handled (each request runs in its own asyncio task, so
# in its own context); None outside the app.
_CURRENT: ContextVar[Exchange | None] = ContextVar("ionq_mock_exchange", default=None)

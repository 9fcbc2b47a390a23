"""How the mock is served: the one uvicorn configuration `ionq-mock serve` and `MockServer`
share, and the bounds its protocol puts on each connection.

uvicorn (0.54, httptools) bounds little by itself: its keep-alive timeout (5 s) starts
only once an answer is sent and stops at the next byte received, so a client that sends
a request a byte at a time, or that trickles the body of a request already answered (a
`Content-Length: 1000000000` answered 413 at once), holds its connection for as long as it
likes; and the request line and headers are buffered whole, however long (50 connections
sending 8 MB of header each took the server from 118 MB to 565 MB, and it kept 252 MB
after they closed). `BoundedHttpToolsProtocol` adds, per request:

    HEADER_TIMEOUT   seconds from a request's first byte (or the connection's opening)
                     to the end of its headers; then the connection is closed
    MAX_HEAD_BYTES   bytes of request line and headers; more is a JSON 400, then the
                     server closes the connection, after discarding what still arrives
                     for up to `LINGER` seconds and `LINGER_BYTES` bytes, so that a client
                     still sending reads the 400 rather than a reset
    BODY_TIMEOUT     seconds from the end of the headers to the end of the body; then
                     the connection is closed (a request still being handled sees the
                     client as gone)

It also ignores an `Upgrade` header asking for any protocol but WebSocket, as a server that
speaks neither may (RFC 9110 section 7.8): Java's `java.net.http.HttpClient` asks for
`h2c` on its first plain-HTTP request, and httptools, told of an upgrade, reads the body
that follows the headers as the new protocol's bytes, so the app saw a POST with no body
(a 400 "a JSON request body is required"). The header is dropped before the parser sees
it; the request is answered in HTTP/1.1, body and all.

A well-behaved client meets none of them; a slow, oversized or stuck one costs the server
one idle socket and a parser for at most these times. No concurrency limit is set:
uvicorn answers a request over it with a 503, which would fail well-behaved clients
exactly when others misbehave.
"""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any, Final

import uvicorn

from .errors import BadRequest
from .protocol import JsonErrorHttpToolsProtocol

HEADER_TIMEOUT: Final = 10.0
# Four times the longest URL httptools parses (ionq_mock/protocol.py MAX_URL_BYTES): a
# longer URL (e.g. 5,000 `ids`, 205 KB) is still answered by that check, with its message.
MAX_HEAD_BYTES: Final = 256 * 1024
BODY_TIMEOUT: Final = 60.0
LINGER: Final = 2.0
LINGER_BYTES: Final = 1024 * 1024
# A head that does not contain this passes `_without_upgrade` untouched.
_UPGRADE: Final = re.compile(rb"upgrade", re.IGNORECASE)
# The most of a head line's start held back while it may be an Upgrade header: the name,
# the colon and a value as long as `websocket` with blanks.
HELD_MAX: Final = 64


def _may_be_upgrade(start: bytes) -> bool:
    """Whether a head line beginning `start` (its end not yet received) may be an Upgrade
    header whose fate its value decides."""
    name, colon, _ = start.partition(b":")
    if not colon:
        return b"upgrade".startswith(name.lower())
    return name.strip().lower() == b"upgrade"


def _dropped(line: bytes) -> bool:
    """Whether a head line (whole, or its first `HELD_MAX` bytes) is an Upgrade header
    asking for anything but WebSocket (a longer value is not `websocket`)."""
    name, colon, value = line.partition(b":")
    if not colon or name.strip().lower() != b"upgrade":
        return False
    return len(line) > HELD_MAX or value.strip().lower() != b"websocket"


# uvicorn's default: an idle kept-alive connection is closed after this many seconds.
KEEP_ALIVE: Final = 5


def config(app: Any, *, log_level: str = "warning", loop: str = "asyncio") -> uvicorn.Config:
    """The uvicorn configuration serving `app` (on the sockets given to `Server.run`)."""
    return uvicorn.Config(
        app,
        log_level=log_level,
        access_log=False,
        lifespan="off",
        http=BoundedHttpToolsProtocol,
        loop=loop,
        timeout_keep_alive=KEEP_ALIVE,
        # The mock reads neither the client's address nor the scheme (its links are
        # paths), which is all X-Forwarded-* would change: uvicorn's middleware for them
        # is one more coroutine on every request for nothing.
        proxy_headers=False,
    )


def head_too_long() -> BadRequest:
    """The 400 for a request whose line and headers pass `MAX_HEAD_BYTES`."""
    return BadRequest(
        f"the request line and headers are over {MAX_HEAD_BYTES:,} bytes long; at most"
        f" {MAX_HEAD_BYTES:,} are accepted",
        [],
        "headers",
    )


class BoundedHttpToolsProtocol(JsonErrorHttpToolsProtocol):
    """`JsonErrorHttpToolsProtocol` with the bounds above on each request."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_bytes = 0
        self._reading_head = True
        self._refused = False
        # The current phase's deadline (loop time; None: none), and the one timer that
        # enforces it (see `_arm`).
        self._due: float | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._timer_at = 0.0
        # The line of the head being read (see `_without_upgrade`): None while its start is
        # held back (`_held`), "pass" or "skip" once decided.
        self._line: str | None = None
        self._held = b""
        self._arm(HEADER_TIMEOUT)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._refused:
            self._head_bytes += len(data)
            if self._head_bytes > MAX_HEAD_BYTES + LINGER_BYTES:
                self._too_slow()
            return
        if self._reading_head:
            if self._due is None:
                # The first byte of the next request on a kept-alive connection.
                self._arm(HEADER_TIMEOUT)
            self._head_bytes += len(data)
            data = self._without_upgrade(data)
        super().data_received(data)
        if self._reading_head and self._head_bytes > MAX_HEAD_BYTES:
            self._refuse(head_too_long())

    def _without_upgrade(self, data: bytes) -> bytes:
        """`data`, a part of a request's head, without an `Upgrade` header line other than
        WebSocket's; the bytes after the head pass as they are.

        Lines pass as they come; only the start of one (at most `HELD_MAX` bytes) is held
        back while it could still be an Upgrade header, so a client trickling a long
        header costs no more memory than the parser's own (holding whole lines did: with
        50 clients sending 8 MB headers among 1,000 abusive ones, the server held ~50 MB
        more, and kept it)."""
        whole_head = self._line is None and not self._held and b"\r\n\r\n" in data
        if whole_head and not _UPGRADE.search(data):
            return data  # a whole head in one part, with no Upgrade: the common case
        kept: list[bytes] = []
        position = 0
        while position < len(data):
            end = data.find(b"\n", position)
            stop = len(data) if end == -1 else end + 1
            piece = data[position:stop]
            position = stop
            if self._line == "pass":
                kept.append(piece)
            elif self._line is None:  # deciding what the line is
                held = self._held + piece
                self._held = b""
                if end == -1 and len(held) <= HELD_MAX and _may_be_upgrade(held):
                    self._held = held
                    continue
                if held in (b"\r\n", b"\n"):  # the end of the head: the rest is the body
                    kept += [held, data[position:]]
                    return b"".join(kept)
                if _dropped(held):
                    self._line = "skip"
                else:
                    kept.append(held)
                    self._line = "pass"
            if end != -1:
                self._line = None  # the next line is decided afresh
        return b"".join(kept)

    def on_headers_complete(self) -> None:
        self._reading_head = False
        self._head_bytes = 0
        # Armed for every request: one without a body completes at once, which disarms it.
        self._arm(BODY_TIMEOUT)
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._disarm()
        self._reading_head = True

    def _arm(self, seconds: float) -> None:
        """Give the current phase `seconds` from now.

        One timer per connection serves every phase: arming moves `_due`, and makes a timer
        only when none is pending or the pending one would fire after the new deadline. (A
        timer made and cancelled three times a request cost ~9 us of a request's ~40 us on
        a bare app.) The timer, when it fires, enforces `_due` or comes back; it comes back
        within `HEADER_TIMEOUT`, the shortest phase but `LINGER`, so no later phase's
        deadline passes unseen."""
        due = self.loop.time() + seconds
        self._due = due
        if self._timer is not None:
            if self._timer_at <= due:
                return
            self._timer.cancel()
        self._schedule(due)

    def _schedule(self, at: float) -> None:
        self._timer_at = at
        self._timer = self.loop.call_at(at, self._check)

    def _check(self) -> None:
        self._timer = None
        due = self._due
        if due is None:
            return  # disarmed since: nothing to enforce until the next phase
        now = self.loop.time()
        if now >= due:
            self._too_slow()
            return
        self._schedule(min(due, now + HEADER_TIMEOUT))

    def _disarm(self) -> None:
        self._due = None

    def _too_slow(self) -> None:
        self._due = None
        # No answer: the client is not reading one (or is busy sending); uvicorn marks a
        # request in progress as disconnected, which its handler sees as the client gone.
        if not self.transport.is_closing():
            self.transport.close()

    def _refuse(self, error: BadRequest) -> None:
        if self.transport.is_closing():
            return
        self._refused = True
        body = json.dumps(error.body()).encode()
        head = [b"HTTP/1.1 400 Bad Request\r\n"]
        for name, value in self.server_state.default_headers:
            head.extend([name, b": ", value, b"\r\n"])
        head.extend(
            [
                b"content-type: application/json\r\n",
                b"content-length: " + str(len(body)).encode("ascii") + b"\r\n",
                b"connection: close\r\n\r\n",
            ]
        )
        self.transport.write(b"".join(head) + body)
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self._arm(LINGER)

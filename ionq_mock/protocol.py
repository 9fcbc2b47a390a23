"""uvicorn's httptools protocol, with the documented JSON body on requests it cannot parse.

uvicorn answers a request it cannot parse itself, before the app sees it, with a
`text/plain` 400 ("Invalid HTTP request received."). The commonest such request is a
URL over 65,535 bytes: httptools' URL parser (`httptools.parse_url`, called by uvicorn
once the headers are in) keeps offsets in 16 bits and refuses longer URLs, e.g. a
`GET /jobs` with a few thousand `ids`. The spec promises every error in JSON, so this
protocol answers those requests with a `BadRequestError` body instead; like uvicorn it
then closes the connection, whose parser state is unusable.

It also lets the app close a request's connection without (the rest of) an answer, which
the mock's connection-level faults need (ionq_mock/faults.py): each request's scope
carries `scope["extensions"][CONNECTION_EXTENSION] == {"close": close}`, a function that
closes the connection once what was written is flushed and marks the request
disconnected, so uvicorn neither writes its own 500 nor logs the unfinished answer.

Pass the class as `uvicorn.Config(http=JsonErrorHttpToolsProtocol)`, and the socket from
`listening_socket` to `uvicorn.Server.run(sockets=[...])`: both `ionq-mock serve` and
`MockServer` serve this way.
"""

from __future__ import annotations

import asyncio
import json
import socket
from typing import Final

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol, RequestResponseCycle

from .coalescing import CoalescingWriter
from .errors import BadRequest


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to `host:port` (port 0: a free one), for uvicorn to listen on."""
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets whose proto says TCP,
    # and without it every answer waits ~40 ms for the client's delayed ACK (Nagle).
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    return sock


# The scope extension through which the app closes a request's connection.
CONNECTION_EXTENSION: Final = "ionq_mock.connection"
# Seconds a closed connection may take to flush what was written (half an answer, to a
# client that stopped reading) before it is aborted, so a shutdown never waits on it.
CLOSE_GRACE: Final = 5.0

# The longest URL `httptools.parse_url` accepts (its offsets are 16-bit).
MAX_URL_BYTES: Final = 65_535


def parse_error(url_bytes: int) -> BadRequest:
    """The error for a request uvicorn could not parse, given the URL bytes read so far."""
    if url_bytes > MAX_URL_BYTES:
        return BadRequest(
            f"the request URL is {url_bytes:,} bytes long; at most {MAX_URL_BYTES:,} are"
            " accepted (pass fewer query parameters, e.g. fewer `ids`)",
            [],
            "query",
        )
    return BadRequest("the request is not valid HTTP/1.1", [], "headers")


class JsonErrorHttpToolsProtocol(HttpToolsProtocol):
    """`HttpToolsProtocol` whose parse-error answer is the spec's JSON 400, and whose
    requests carry the `CONNECTION_EXTENSION`; each request's cycle writes through the
    connection's `CoalescingWriter` (ionq_mock/coalescing.py: one write per answer)."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.writer = CoalescingWriter(transport, self.loop)

    def on_headers_complete(self) -> None:
        """Start the request (uvicorn builds its cycle here), with the extension."""
        super().on_headers_complete()
        cycle = self.cycle
        # No new cycle for an upgrade request; its scope is then not this cycle's.
        if cycle is not None and cycle.scope is self.scope:
            # The cycle's task starts at the loop's next turn: it has written nothing yet.
            cycle.transport = self.writer  # type: ignore[assignment]
            self.scope["extensions"] = {
                CONNECTION_EXTENSION: {"close": lambda: self._close_during(cycle)}
            }

    def on_response_complete(self) -> None:
        self.writer.flush()
        super().on_response_complete()

    def _close_during(self, cycle: RequestResponseCycle) -> None:
        self.writer.flush()  # what the app wrote goes before the close
        # `disconnected` is what uvicorn reads after the app returns: set, it writes no 500
        # and logs nothing, and the app's further `send`s are ignored. (uvicorn sets it
        # itself only later, in `connection_lost`, and only on the newest cycle.)
        cycle.disconnected = True
        cycle.message_event.set()
        if not self.transport.is_closing():
            self.transport.close()
            self.loop.call_later(CLOSE_GRACE, self.transport.abort)

    def send_400_response(self, msg: str) -> None:
        """Answer an unparseable request with a `BadRequestError` body and close."""
        # `msg` is uvicorn's generic text; the URL length says what actually went wrong.
        body = json.dumps(parse_error(len(self.url)).body()).encode()
        self.writer.flush()  # an earlier answer still held goes first
        content = [b"HTTP/1.1 400 Bad Request\r\n"]
        for name, value in self.server_state.default_headers:
            content.extend([name, b": ", value, b"\r\n"])
        content.extend(
            [
                b"content-type: application/json\r\n",
                b"content-length: " + str(len(body)).encode("ascii") + b"\r\n",
                b"connection: close\r\n",
                b"\r\n",
                body,
            ]
        )
        self.transport.write(b"".join(content))
        self.transport.close()

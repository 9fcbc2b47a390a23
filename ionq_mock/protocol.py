"""uvicorn's httptools protocol, with the documented JSON body on requests it cannot parse.

uvicorn answers a request it cannot parse itself, before the app sees it, with a
`text/plain` 400 ("Invalid HTTP request received."). The commonest such request is a
URL over 65,535 bytes: httptools' URL parser (`httptools.parse_url`, called by uvicorn
once the headers are in) keeps offsets in 16 bits and refuses longer URLs, e.g. a
`GET /jobs` with a few thousand `ids`. The spec promises every error in JSON, so this
protocol answers those requests with a `BadRequestError` body instead; like uvicorn it
then closes the connection, whose parser state is unusable.

Pass the class as `uvicorn.Config(http=JsonErrorHttpToolsProtocol)`, and the socket from
`listening_socket` to `uvicorn.Server.run(sockets=[...])`: both `ionq-mock serve` and
`MockServer` serve this way.
"""

from __future__ import annotations

import json
import socket
from typing import Final

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

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
    """`HttpToolsProtocol` whose parse-error answer is the spec's JSON 400."""

    def send_400_response(self, msg: str) -> None:
        """Answer an unparseable request with a `BadRequestError` body and close."""
        # `msg` is uvicorn's generic text; the URL length says what actually went wrong.
        body = json.dumps(parse_error(len(self.url)).body()).encode()
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

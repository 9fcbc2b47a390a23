"""One write per answer (`ionq_mock.coalescing.CoalescingWriter`): what a request's cycle
writes in one turn of the event loop reaches the socket as one write, in order, and nothing
is held past that turn; the server's protocol writes each answer, head and body, once."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from uvicorn.server import ServerState

from ionq_mock import serving
from ionq_mock.app import create_app
from ionq_mock.coalescing import JOIN_MAX, CoalescingWriter


class FakeTransport:
    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data: bytes) -> None:
        self.writes.append(bytes(data))

    def close(self) -> None:
        self.closed = True

    def is_closing(self) -> bool:
        return self.closed

    def get_extra_info(self, name: str) -> Any:
        return f"info:{name}"


def writer() -> tuple[CoalescingWriter, FakeTransport]:
    transport = FakeTransport()
    return CoalescingWriter(transport, asyncio.get_running_loop()), transport  # type: ignore[arg-type]


@pytest.mark.asyncio
async def test_writes_of_one_turn_go_out_as_one_write_in_order() -> None:
    w, transport = writer()
    w.write(b"HTTP/1.1 200 OK\r\n\r\n")
    w.write(b'{"a": 1}')
    assert transport.writes == []  # held within the turn
    await asyncio.sleep(0)  # the turn ends: flushed by call_soon
    assert transport.writes == [b'HTTP/1.1 200 OK\r\n\r\n{"a": 1}']
    w.write(b"next")
    w.flush()  # the protocol's flush at the end of an answer
    assert transport.writes[-1] == b"next"
    await asyncio.sleep(0)
    assert len(transport.writes) == 2  # nothing written twice


@pytest.mark.asyncio
async def test_a_long_write_goes_at_once_after_what_is_held() -> None:
    w, transport = writer()
    long = b"x" * (JOIN_MAX + 1)
    w.write(b"head")
    w.write(long)
    assert transport.writes == [b"head", long]


@pytest.mark.asyncio
async def test_close_writes_what_is_held_first() -> None:
    w, transport = writer()
    w.write(b"half a body")
    w.close()
    assert transport.writes == [b"half a body"]
    assert transport.closed
    assert w.is_closing()
    assert w.get_extra_info("peername") == "info:peername"


class SocketLike(FakeTransport):
    """What the server's protocol asks of a connection's transport."""

    def get_extra_info(self, name: str) -> Any:
        return {"peername": ("127.0.0.1", 5), "sockname": ("127.0.0.1", 8000)}.get(name)

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass

    def set_write_buffer_limits(self, *args: Any) -> None:
        pass

    def get_write_buffer_size(self) -> int:
        return 0


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/v0.4/jobs/none", "/v0.4/backends"])
async def test_the_server_writes_each_answer_once(path: str) -> None:
    # The server's own protocol on a transport that records writes: an answer (an error
    # and a 200, each a head and a body from the app) is one write, and two requests on
    # one connection are two writes, in order.
    app = create_app(["k"])
    config = serving.config(app)
    config.load()
    assert config.http_protocol_class is serving.BoundedHttpToolsProtocol
    protocol = serving.BoundedHttpToolsProtocol(
        config=config, server_state=ServerState(), app_state={}, _loop=asyncio.get_running_loop()
    )
    transport = SocketLike()
    protocol.connection_made(transport)  # type: ignore[arg-type]
    request = f"GET {path} HTTP/1.1\r\nHost: x\r\nAuthorization: apiKey k\r\n\r\n".encode()
    protocol.data_received(request + request)
    for _ in range(200):
        if len(transport.writes) >= 2:
            break
        await asyncio.sleep(0.01)
    assert len(transport.writes) == 2
    for answer in transport.writes:
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 ")
        length = next(
            int(line.split(b":")[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        )
        assert len(body) == length
    protocol.connection_lost(None)
    app.close()

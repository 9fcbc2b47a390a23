"""The mock's protocol drops an `Upgrade` header asking for anything but WebSocket before
httptools parses the head (ionq_mock/serving.py), however the head is cut into parts, and
holds back no more than the start of one line while it decides."""

from __future__ import annotations

import itertools

import pytest

from ionq_mock.serving import HELD_MAX, BoundedHttpToolsProtocol

HEAD = (
    b"POST /v0.4/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
    b"HTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA\r\n"
    b"Content-Length: 7\r\n\r\n"
)
BODY = b'{"a":1}'
WITHOUT = HEAD.replace(b"Upgrade: h2c\r\n", b"")


def fresh() -> BoundedHttpToolsProtocol:
    """A protocol's head filter alone (no connection: only its own state is used)."""
    protocol = BoundedHttpToolsProtocol.__new__(BoundedHttpToolsProtocol)
    protocol._line = None
    protocol._held = b""
    return protocol


def through(parts: list[bytes]) -> bytes:
    protocol = fresh()
    return b"".join(protocol._without_upgrade(part) for part in parts)


def test_a_whole_head_loses_its_h2c_upgrade_and_keeps_its_body() -> None:
    assert through([HEAD + BODY]) == WITHOUT + BODY


@pytest.mark.parametrize("cut", range(1, len(HEAD) + len(BODY)))
def test_any_one_cut_gives_the_same_bytes(cut: int) -> None:
    data = HEAD + BODY
    assert through([data[:cut], data[cut:]]) == WITHOUT + BODY


def test_a_byte_at_a_time_gives_the_same_bytes() -> None:
    data = HEAD + BODY
    assert through([data[i : i + 1] for i in range(len(data))]) == WITHOUT + BODY


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (b"Upgrade: websocket\r\n", True),
        (b"upgrade:   WebSocket  \r\n", True),
        (b"UPGRADE: h2c\r\n", False),
        (b"Upgrade: " + b"x" * 200 + b"\r\n", False),
        (b"Upgrade-Insecure-Requests: 1\r\n", True),
        (b"X-Upgrade: h2c\r\n", True),
        (b"Up: 1\r\n", True),
    ],
)
def test_which_lines_are_dropped(line: bytes, kept: bool) -> None:
    head = b"GET / HTTP/1.1\r\n" + line + b"Host: x\r\n\r\n"
    expected = head if kept else head.replace(line, b"")
    for size in (1, 3, 7, len(head)):
        parts = [head[i : i + size] for i in range(0, len(head), size)]
        assert through(parts) == expected, (line, size)


def test_a_trickled_long_header_is_not_held() -> None:
    protocol = fresh()
    passed = protocol._without_upgrade(b"GET / HTTP/1.1\r\nX-Big: ")
    for chunk in itertools.repeat(b"a" * 4096, 64):
        passed += protocol._without_upgrade(chunk)
        assert len(protocol._held) <= HELD_MAX
    assert passed == b"GET / HTTP/1.1\r\nX-Big: " + b"a" * 4096 * 64

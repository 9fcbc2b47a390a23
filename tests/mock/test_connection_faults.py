"""The mock's connection-level faults (ionq_mock/faults.py) over real sockets: what a plain
httpx client meets for each kind, what the server stored meanwhile, the counts, seeding,
the `ionq-mock serve` flags, and that the server stays healthy and quiet throughout."""

from __future__ import annotations

import asyncio
import logging
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from mock_http import BELL, client

from ionq_mock.app import create_app
from ionq_mock.cli import main
from ionq_mock.faults import FAULT_KINDS, Faults
from ionq_mock.testing import MockServer

# What httpx raises when the server closes the connection with no answer or mid-body.
CUT = (httpx.RemoteProtocolError, httpx.ReadError)
START_TIMEOUT = 10.0


@pytest.fixture(autouse=True)
def server_stays_quiet(
    capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """No test here may make uvicorn log (an unfinished answer, a 500 it wrote itself, a
    traceback), asyncio complain about writing to a closed transport, or the app log an
    unexpected error. uvicorn's own handlers write to stderr; the others reach caplog."""
    yield
    err = capfd.readouterr().err
    assert not [line for line in err.splitlines() if line.strip()], err
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


def met(server: MockServer, http: httpx.Client | None = None) -> dict[str, int]:
    """The faults the server says it applied, as a subprocess' caller would read them."""
    answer = (http or httpx).get(server.url + "/_mock/faults", timeout=5)
    assert answer.status_code == 200
    counts: dict[str, int] = answer.json()["met"]
    return counts


def only(**counts: int) -> dict[str, int]:
    """`met` with these counts and every other kind at 0."""
    return {**dict.fromkeys(FAULT_KINDS, 0), **counts}


def tagged(tag: str) -> dict[str, Any]:
    return {**BELL, "metadata": {"tag": tag}}


def stored_tags(server: MockServer) -> list[str]:
    with client(server) as http:
        jobs = http.get("/jobs").json()["jobs"]
    return [job["metadata"]["tag"] for job in jobs]


def test_drop_closes_the_connection_before_handling() -> None:
    with MockServer(faults=Faults(drop=1.0)) as server, client(server) as http:
        with pytest.raises(CUT):
            http.post("/jobs", json=tagged("dropped"))
        with pytest.raises(CUT):
            http.get("/backends")
        # The count is served under the same fault (it is never faulted itself).
        assert met(server) == only(drop=2)
        server.app.faults = Faults()
        assert stored_tags(server) == []


def test_drop_after_commit_stores_the_write_and_answers_nothing() -> None:
    # Jobs that stay running, so the cancel below changes them.
    faults = Faults(drop_after_commit=1.0)
    with MockServer(faults=faults, job_duration=60) as server, client(server) as http:
        with pytest.raises(CUT):
            http.post("/jobs", json=tagged("committed"))
        # Reads commit nothing, so they are answered.
        assert stored_tags(server) == ["committed"]
        [job] = http.get("/jobs").json()["jobs"]
        with pytest.raises(CUT):
            http.put(f"/jobs/{job['id']}/status/cancel")
        assert http.get(f"/jobs/{job['id']}").json()["status"] == "canceled"
        assert met(server) == only(drop_after_commit=2)


def test_after_commit_kinds_share_one_draw_per_write() -> None:
    faults = Faults(after_commit=0.5, drop_after_commit=0.5, seed=3)
    with MockServer(faults=faults) as server, client(server) as http:
        outcomes = []
        for n in range(12):
            try:
                outcomes.append(http.post("/jobs", json=tagged(str(n))).status_code)
            except CUT:
                outcomes.append(0)
        counts = met(server)
        assert sorted(stored_tags(server), key=int) == [str(n) for n in range(12)]
    assert counts == only(after_commit=outcomes.count(500), drop_after_commit=outcomes.count(0))
    assert counts["after_commit"] > 0
    assert counts["drop_after_commit"] > 0


def raw_get(server: MockServer, path: str) -> tuple[bytes, bytes]:
    """The head and body bytes of a GET, read until the server closes the connection."""
    with socket.create_connection((server.host, server.port), timeout=5) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: mock\r\n\r\n".encode())
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    return head, body


def test_partial_sends_the_headers_and_half_the_body_then_closes() -> None:
    with MockServer(faults=Faults(partial=1.0)) as server:
        head, body = raw_get(server, "/v0.4/backends")
        headers = dict(line.split(b": ", 1) for line in head.split(b"\r\n")[1:] if b": " in line)
        assert head.startswith(b"HTTP/1.1 200 ")
        length = int(headers[b"content-length"])
        assert length > 1000
        assert len(body) == length // 2
        with client(server) as http:
            with pytest.raises(CUT, match="complete message body"):
                http.post("/jobs", json=tagged("cut"))
            assert met(server) == only(partial=2)
            server.app.faults = Faults()
        # The answer was cut after the request was handled: the job exists.
        assert stored_tags(server) == ["cut"]


def test_stall_delays_the_answer_of_a_handled_request() -> None:
    stall = 0.4
    with MockServer(faults=Faults(stall=1.0, stall_seconds=stall)) as server:
        with client(server) as http:
            with pytest.raises(httpx.ReadTimeout):
                http.post("/jobs", json=tagged("stalled"), timeout=0.1)
            started = time.monotonic()
            answer = http.get("/backends", timeout=5)
            assert answer.status_code == 200
            assert time.monotonic() - started >= stall
            assert met(server) == only(stall=2)
            server.app.faults = Faults()
        assert stored_tags(server) == ["stalled"]


def test_a_stall_ends_when_its_client_leaves() -> None:
    # A stall far longer than the test: once the client timed out and closed the
    # connection, the server must not hold the answer, nor make its shutdown wait for it.
    server = MockServer(faults=Faults(stall=1.0, stall_seconds=60))
    server.start()
    try:
        with client(server) as http, pytest.raises(httpx.ReadTimeout):
            http.get("/backends", timeout=0.1)
    finally:
        started = time.monotonic()
        server.stop()
    assert time.monotonic() - started < 2


def test_seeded_faults_repeat_and_counts_agree() -> None:
    def kinds(seed: int) -> list[str]:
        faults = Faults(
            rates={503: 0.15}, drop=0.2, stall=0.1, stall_seconds=0.01, partial=0.2, seed=seed
        )
        seen: list[str] = []
        with MockServer(faults=faults) as server, client(server) as http:
            before = met(server, http)
            for _ in range(40):
                try:
                    answer = http.get("/jobs")
                    outcome = str(answer.status_code)
                except httpx.RemoteProtocolError as error:
                    outcome = "partial" if "body" in str(error) else "drop"
                after = met(server, http)
                [kind] = [k for k in FAULT_KINDS if after[k] != before[k]] or ["none"]
                before = after
                # What the client met is what the server says it applied.
                assert outcome == {"none": "200", "stall": "200"}.get(kind, kind)
                seen.append(kind)
            assert server.app.faults.met_now() == met(server)
        return seen

    first = kinds(seed=21)
    assert kinds(seed=21) == first
    assert kinds(seed=22) != first
    assert {"503", "drop", "stall", "partial", "none"} <= set(first)


def test_in_process_asgi_skips_connection_faults() -> None:
    faults = Faults(drop=0.4, partial=0.3, stall=0.3, stall_seconds=60, drop_after_commit=1.0)
    app = create_app(["key"], faults=faults)

    async def run() -> list[int]:
        # MockApp types its scope and messages as dicts, httpx as MutableMappings.
        transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
        headers = {"Authorization": "apiKey key"}
        async with httpx.AsyncClient(
            transport=transport, base_url="http://mock/v0.4", headers=headers, timeout=5
        ) as http:
            return [(await http.post("/jobs", json=BELL)).status_code for _ in range(10)]

    try:
        assert asyncio.run(run()) == [201] * 10
    finally:
        app.close()
    assert faults.met_now() == only()


def test_the_server_answers_normally_after_many_faulted_connections() -> None:
    faults = Faults(
        rates={500: 0.1},
        drop=0.3,
        stall=0.1,
        stall_seconds=0.01,
        partial=0.3,
        drop_after_commit=0.3,
        seed=4,
    )
    with MockServer(faults=faults) as server, client(server) as http:
        for n in range(150):
            try:
                if n % 3:
                    http.get("/jobs")
                else:
                    http.post("/jobs", json=tagged(str(n)))
            except CUT:
                pass
        counts = faults.met_now()
        assert min(counts[k] for k in ("drop", "partial", "stall", "drop_after_commit")) > 0
        server.app.faults = Faults()
        assert [http.get("/backends").status_code for _ in range(20)] == [200] * 20
        assert http.post("/jobs", json=tagged("after")).status_code == 201
        # Every faulted connection was really closed, not left open on the server.
        assert server._server is not None
        connections = server._server.server_state.connections
        deadline = time.monotonic() + 5
        while len(connections) > 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(connections) <= 1


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--fault-drop", "1.5"], "--fault-drop"),
        (["--fault-partial", "-0.1"], "--fault-partial"),
        (["--fault-stall", "nan"], "stall rate nan"),
        (["--stall-seconds", "-1"], "--stall-seconds"),
        (["--fault", "503=0.5", "--fault-drop", "0.3", "--fault-partial", "0.3"], "add up"),
        (["--fault-stall", "0.6", "--fault-drop", "0.6"], "add up"),
        (["--fault-after-commit", "0.6", "--fault-drop-after-commit", "0.6"], "add up"),
    ],
)
def test_serve_rejects_bad_fault_rates(arguments: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["serve", "--port", "0", "--api-key", "k", *arguments])
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_serve_applies_connection_faults() -> None:
    # `ionq-mock serve` runs uvloop, whose transports differ from MockServer's asyncio ones.
    command = [sys.executable, "-c", "from ionq_mock.cli import main; main()", "serve"]
    command += ["--port", "0", "--api-key", "k", "--fault-drop-after-commit", "1"]
    command += ["--fault-partial", "1", "--fault-seed", "1"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("ionq-mock listening on "), line
        base_url = line.split()[-1]
        headers = {"Authorization": "apiKey k"}
        with httpx.Client(base_url=base_url, headers=headers, timeout=START_TIMEOUT) as http:
            with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
                http.post("/jobs", json=tagged("served"))
            with pytest.raises(httpx.RemoteProtocolError, match="complete message body"):
                http.get("/jobs")
            counts = httpx.get(base_url.removesuffix("/v0.4") + "/_mock/faults").json()["met"]
            assert counts == only(drop_after_commit=1, partial=1)
    finally:
        process.terminate()
        _, errors = process.communicate(timeout=START_TIMEOUT)
    # Nothing logged: no traceback, no unfinished-answer complaint from uvicorn.
    assert errors.strip() == ""

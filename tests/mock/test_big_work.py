"""Big work does not stop the server: while a wide circuit is simulated, its result stored
and its 67 MB of probabilities fetched, other clients' requests keep answering at once.

The server runs as its own process (`ionq-mock serve`), and so does the client that
measures (`GET /jobs` every 20 ms), so neither this test's own work (reading and parsing
the large answer) nor the GIL of the test process shows in the latencies. Before the
result worker, the same run had GET /jobs wait up to 21 s at 23 qubits (and 5 s at 21).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import httpx
import pytest
from latency import allowed_wait
from mock_http import SAMPLED_FORMATS, client, create, wait_done
from mock_process import start_server, stop

from ionq_mock import artifacts
from ionq_mock.handlers.results import INLINE_BYTES, INLINE_SHOTS, WORKER_QUBITS
from ionq_mock.registry import encode
from ionq_mock.testing import MockServer

KEY: Final = "big-work-key"
# 2^21 states, every one seen: the result is 67 MB of JSON (23 qubits: 270 MB, and it
# takes four times as long; measured the same way, GET /jobs then waited at most 9 to 95 ms).
QUBITS: Final = 21
GATES: Final = 600
# The most any concurrent small request may wait beyond the machine's own delay (see
# tests/mock/latency.py), and how often the measuring client asks.
MAX_LATENCY: Final = 0.25
POLL_INTERVAL: Final = 0.02
# Bounds on every wait, so that a broken server fails the test instead of hanging it.
RUN_TIMEOUT: Final = 120.0

# The measuring client: GET /jobs until its stdin closes (or RUN_TIMEOUT), then print
# each request's [start (Unix time), seconds, status] as one JSON list.
POLLER: Final = """
import http.client, json, sys, threading, time, urllib.parse
url, key, interval, limit = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
done = threading.Event()
threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
parts = urllib.parse.urlsplit(url)
connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=limit)
headers = {"Authorization": "apiKey " + key}
seen, end = [], time.time() + limit
while not done.is_set() and time.time() < end:
    start = time.time()
    connection.request("GET", parts.path + "/jobs?limit=5", headers=headers)
    response = connection.getresponse()
    response.read()
    seen.append([start, time.time() - start, response.status])
    done.wait(interval)
print(json.dumps(seen))
"""


def wide_circuit(qubits: int, gates: int) -> dict[str, Any]:
    """Random one- and two-qubit gates on every qubit: dense probabilities."""
    rng = random.Random(14)
    circuit: list[dict[str, Any]] = [{"gate": "h", "target": q} for q in range(qubits)]
    while len(circuit) < gates:
        if rng.random() < 0.5:
            gate = rng.choice(["rx", "ry"])
            circuit.append({"gate": gate, "target": rng.randrange(qubits), "rotation": 1.1})
        else:
            control, target = rng.sample(range(qubits), 2)
            circuit.append({"gate": "cnot", "control": control, "target": target})
    return {"gateset": "qis", "qubits": qubits, "circuit": circuit}


@pytest.fixture(params=["memory", "file"])
def base_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A server with the results in memory, or stored in a SQLite file (`--db`)."""
    db = tmp_path / "mock.db" if request.param == "file" else None
    extra = ["--max-qubits", str(QUBITS), "--job-duration", "0.2"]
    process, url = start_server(db, [KEY], extra)
    try:
        yield url
    finally:
        stop(process)


def start_poller(url: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", POLLER, url, KEY, str(POLL_INTERVAL), str(RUN_TIMEOUT)]
    return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def stop_poller(poller: subprocess.Popen[str]) -> list[tuple[float, float, int]]:
    """Stop the measuring client; what it measured."""
    try:
        out, _ = poller.communicate("", timeout=30)
    finally:
        if poller.poll() is None:
            poller.kill()
            poller.wait()
    assert poller.returncode == 0, "the measuring client failed"
    return [(start, seconds, status) for start, seconds, status in json.loads(out)]


@pytest.mark.alone
def test_other_requests_answer_while_a_large_result_is_made_and_fetched(base_url: str) -> None:
    poller = start_poller(base_url)
    try:
        with httpx.Client(
            base_url=base_url, headers={"Authorization": f"apiKey {KEY}"}, timeout=RUN_TIMEOUT
        ) as http:
            time.sleep(0.5)  # the measuring client is asking before the work starts
            began = time.time()
            body = {"type": "ionq.circuit.v1", "backend": "simulator"}
            created = http.post("/jobs", json={**body, "input": wide_circuit(QUBITS, GATES)})
            assert created.is_success, created.text
            job_id = created.json()["id"]
            deadline = began + RUN_TIMEOUT
            while (job := http.get(f"/jobs/{job_id}").json())["status"] != "completed":
                assert job["status"] not in ("failed", "canceled"), job
                assert time.time() < deadline, "the job did not complete in time"
                time.sleep(0.05)
            # Simulated on this first read, stored, then sent; the artifact is the same text.
            probabilities = http.get(job["results"]["probabilities"]["url"].removeprefix("/v0.4"))
            v1 = job["results"]["ionq.result.probabilities.json.v1"]["id"]
            artifact = http.get(f"/jobs/{job_id}/artifacts/{v1}")
            ended = time.time()
    finally:
        measured = stop_poller(poller)
    during = [(seconds, status) for start, seconds, status in measured if began <= start <= ended]
    quiet = max(seconds for start, seconds, _ in measured if start < began)
    assert probabilities.status_code == 200
    assert artifact.content == probabilities.content
    assert len(probabilities.content) > 60_000_000
    states = json.loads(probabilities.content)
    assert len(states) == 2**QUBITS
    assert sum(states.values()) == pytest.approx(1.0, abs=1e-9)
    assert {status for _, status in during} == {200}
    slowest = max(seconds for seconds, _ in during)
    # The figures, for `pytest -s`.
    print(
        f"\n{QUBITS} qubits, {len(probabilities.content) >> 20} MB of probabilities in"
        f" {ended - began:.1f} s; {len(during)} GET /jobs meanwhile, slowest {slowest:.3f} s"
        f" (before: {quiet:.3f} s)"
    )
    allowed = allowed_wait(MAX_LATENCY, quiet)
    assert slowest < allowed, f"a GET /jobs waited {slowest:.3f} s (allowed {allowed:.3f})"
    # The measuring client really ran alongside: one request per interval, give or take.
    assert len(during) >= (ended - began) / (4 * POLL_INTERVAL), len(during)


def test_a_result_made_in_the_worker_is_the_one_made_here() -> None:
    # Wide enough for the worker process, with more shots than are built here and a result
    # larger than is parsed here: the result and every format come from the worker, and
    # must be what `artifacts` makes of the stored result.
    # (Shots not a product of 2s and 5s give every probability its 17 digits.)
    qubits, shots = WORKER_QUBITS + 1, 4 * INLINE_SHOTS + 9
    program = {**wide_circuit(qubits, 60), "registers": {"pair": [qubits - 1, 0]}}
    noisy: dict[str, Any] = {"type": "ionq.circuit.v1", "backend": "simulator"}
    noisy |= {"input": program, "shots": shots, "noise": {"model": "aria-1", "seed": 3}}
    with MockServer(max_qubits=qubits, job_duration=0) as server, client(server) as http:
        job_id = create(http, noisy)
        job = wait_done(http, job_id)
        text = http.get(f"/jobs/{job_id}/results/probabilities").content
        assert len(text) > INLINE_BYTES
        stored = json.loads(text)
        registers = artifacts.registers(program, qubits)
        for format_id in SAMPLED_FORMATS:
            answer = http.get(f"/jobs/{job_id}/artifacts/{job['results'][format_id]['id']}")
            seed = uuid.UUID(job_id).int
            expected = artifacts.content(format_id, stored, shots, registers, seed)
            assert answer.content == encode(expected), format_id
        # A deleted job's stored parts are swept away after the answer.
        db = server.app.store.db
        assert db.execute("SELECT count(*) FROM result_parts").fetchone()[0] > 0
        assert http.delete(f"/jobs/{job_id}").status_code == 200
        deadline = time.time() + 10
        while db.execute("SELECT count(*) FROM result_parts").fetchone()[0]:
            assert time.time() < deadline, "the deleted result's parts were never swept"
            time.sleep(0.01)

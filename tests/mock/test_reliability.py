"""Concurrency and durability: 6,400 concurrent creations, and a SIGKILL mid-load."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

BELL = {
    "type": "ionq.circuit.v1",
    "backend": "simulator",
    "input": {"gateset": "qis", "qubits": 2, "circuit": [{"gate": "h", "target": 0}]},
}
CLIENTS = 32
KEY = "reliability-key"
JOBS_EACH = 200


async def create_many(base_url: str, key: str, acknowledged: list[str]) -> None:
    headers = {"Authorization": f"apiKey {key}"}
    limits = httpx.Limits(max_connections=CLIENTS)
    async with httpx.AsyncClient(
        base_url=base_url, headers=headers, limits=limits, timeout=30
    ) as http:

        async def one_client() -> None:
            for _ in range(JOBS_EACH):
                answer = await http.post("/jobs", json=BELL)
                assert answer.status_code == 201
                acknowledged.append(answer.json()["id"])

        await asyncio.gather(*(one_client() for _ in range(CLIENTS)))


def list_all(base_url: str, key: str) -> list[str]:
    seen: list[str] = []
    cursor = None
    with httpx.Client(base_url=base_url, headers={"Authorization": f"apiKey {key}"}) as http:
        while True:
            params: dict[str, str | int] = {"limit": 1000}
            if cursor:
                params["next"] = cursor
            page = http.get("/jobs", params=params).json()
            seen += [job["id"] for job in page["jobs"]]
            cursor = page["next"]
            if cursor is None:
                return seen


@pytest.mark.slow
def test_32_clients_create_6400_jobs_each_listed_once(tmp_path: Path) -> None:
    # A server process of its own, as in production: the load generator does not share
    # its interpreter.
    process, base_url = start_server(None)
    try:
        acknowledged: list[str] = []
        asyncio.run(create_many(base_url, KEY, acknowledged))
        assert len(acknowledged) == CLIENTS * JOBS_EACH
        assert len(set(acknowledged)) == len(acknowledged)
        listed = list_all(base_url, KEY)
        assert len(listed) == len(set(listed)) == CLIENTS * JOBS_EACH
        assert set(listed) == set(acknowledged)
    finally:
        stop(process)


def start_server(db: Path | None) -> tuple[subprocess.Popen[str], str]:
    """`ionq-mock serve --port 0` as a subprocess; its process and announced base URL."""
    command = [sys.executable, "-c", "from ionq_mock.cli import main; main()", "serve"]
    command += ["--port", "0", "--api-key", KEY]
    if db is not None:
        command += ["--db", str(db)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("ionq-mock listening on "), line
    return process, line.split()[-1]


def stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.terminate()
    process.wait()
    assert process.stdout is not None
    process.stdout.close()


@pytest.mark.slow
# The killed server leaves the load generator's sockets half-open; their cleanup warnings
# are about the client, not the server under test.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_sigkill_mid_load_keeps_every_acknowledged_job(tmp_path: Path) -> None:
    db = tmp_path / "mock.sqlite"
    process, base_url = start_server(db)
    acknowledged: list[str] = []

    async def load_then_kill() -> None:
        task = asyncio.ensure_future(create_many(base_url, KEY, acknowledged))
        while len(acknowledged) < 1500:
            await asyncio.sleep(0.01)
        os.kill(process.pid, signal.SIGKILL)
        # The load fails once the server is gone; what matters is what was acknowledged.
        await asyncio.gather(task, return_exceptions=True)

    try:
        asyncio.run(load_then_kill())
        gc.collect()  # collect the dead sockets here, under this test's warning filter
    finally:
        process.kill()
        stop(process)
    assert process.returncode == -signal.SIGKILL
    restarted, base_url = start_server(db)
    try:
        listed = set(list_all(base_url, KEY))
    finally:
        stop(restarted)
    assert len(acknowledged) >= 1500
    assert set(acknowledged) <= listed

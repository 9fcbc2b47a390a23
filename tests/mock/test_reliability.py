"""Concurrency and durability: 6,400 concurrent creations, and a SIGKILL mid-load."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
from pathlib import Path

import httpx
import pytest
from mock_process import list_jobs, start_server, stop

BELL = {
    "type": "ionq.circuit.v1",
    "backend": "simulator",
    "input": {"gateset": "qis", "qubits": 2, "circuit": [{"gate": "h", "target": 0}]},
}
CLIENTS = 32
KEY = "reliability-key"
JOBS_EACH = 200
# The SIGKILL test kills the server once this many creates are acknowledged; the load
# must get there within LOAD_DEADLINE seconds, and wind down within GENERATOR_EXIT once
# the server is gone, or the test fails saying which.
KILL_AFTER = 1500
LOAD_DEADLINE = 60.0
GENERATOR_EXIT = 30.0


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
    return [job["id"] for job in list_jobs(base_url, key)]


@pytest.mark.slow
def test_32_clients_create_6400_jobs_each_listed_once(tmp_path: Path) -> None:
    # A server process of its own, as in production: the load generator does not share
    # its interpreter.
    process, base_url = start_server(None, [KEY])
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


@pytest.mark.slow
# The killed server leaves the load generator's sockets half-open; their cleanup warnings
# are about the client, not the server under test.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_sigkill_mid_load_keeps_every_acknowledged_job(tmp_path: Path) -> None:
    db = tmp_path / "mock.sqlite"
    process, base_url = start_server(db, [KEY])
    acknowledged: list[str] = []

    async def load_then_kill() -> None:
        task = asyncio.ensure_future(create_many(base_url, KEY, acknowledged))
        await wait_for_acknowledged(task, acknowledged)
        os.kill(process.pid, signal.SIGKILL)
        # The load fails once the server is gone; what matters is what was acknowledged.
        try:
            async with asyncio.timeout(GENERATOR_EXIT):
                await asyncio.gather(task, return_exceptions=True)
        except TimeoutError:
            pytest.fail(f"the load generator still ran {GENERATOR_EXIT} s after the kill")

    try:
        asyncio.run(load_then_kill())
        gc.collect()  # collect the dead sockets here, under this test's warning filter
    finally:
        process.kill()
        stop(process)
    assert process.returncode == -signal.SIGKILL
    restarted, base_url = start_server(db, [KEY])
    try:
        listed = set(list_all(base_url, KEY))
    finally:
        stop(restarted)
    assert len(acknowledged) >= KILL_AFTER
    assert set(acknowledged) <= listed


async def wait_for_acknowledged(task: asyncio.Future[None], acknowledged: list[str]) -> None:
    """Return once KILL_AFTER creates are acknowledged; fail, saying why, if the load
    generator `task` ends first or LOAD_DEADLINE passes."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + LOAD_DEADLINE
    while len(acknowledged) < KILL_AFTER and not task.done() and loop.time() < deadline:
        await asyncio.sleep(0.01)
    if len(acknowledged) >= KILL_AFTER:
        return
    if task.done():
        error = task.exception()
        pytest.fail(
            f"the load generator ended after {len(acknowledged)} of {KILL_AFTER} creates,"
            f" before the kill: {error!r}"
        )
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    pytest.fail(
        f"only {len(acknowledged)} of {KILL_AFTER} creates acknowledged in {LOAD_DEADLINE} s"
    )

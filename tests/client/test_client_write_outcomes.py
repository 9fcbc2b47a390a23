"""Every write is resolved after its answer is lost, against the live mock, sync and async.

With `drop_after_commit=1.0` every write commits and then its connection closes with no
answer (and with `after_commit=1.0`, it is answered 500): each write must still report the
success it was, with exactly one effect: one job per create, clone or move, one session per
session create. Reads are never faulted by these kinds, so the read-backs succeed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from ionq_client import AsyncIonQ, Circuit, IonQ
from ionq_client._build import CREATE_TOKEN_KEY
from ionq_mock.faults import Faults
from ionq_mock.testing import MockServer

from .client_helpers import stored_jobs

BELL = Circuit(2).h(0).cnot(0, 1)
KINDS = {
    "drop-after-commit": Faults(drop_after_commit=1.0),
    "500-after-commit": Faults(after_commit=1.0),
}


@pytest.fixture
def server() -> Iterator[MockServer]:
    # Jobs stay queued for an hour, so they can be cancelled and moved.
    with MockServer(api_keys=["k"], job_duration=3600) as running:
        yield running


def raw_jobs(server: MockServer) -> list[dict[str, Any]]:
    """The stored jobs as the service keeps them (the facade hides the tokens)."""
    server.app.faults = Faults()
    return stored_jobs(server.base_url, server.api_key)


def sessions_of(server: MockServer) -> list[dict[str, Any]]:
    server.app.faults = Faults()
    with httpx.Client(base_url=server.base_url, headers={"Authorization": "apiKey k"}) as http:
        sessions: list[dict[str, Any]] = http.get("/sessions").json()["sessions"]
        return sessions


def faulted_met(server: MockServer) -> int:
    met = server.app.faults.met_now()
    return met["drop_after_commit"] + met["after_commit"]


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_write_reports_its_success_once_sync(server: MockServer, kind: str) -> None:
    with IonQ(api_key="k", base_url=server.base_url, _sleep=lambda s: None) as client:
        first = client.jobs.create(BELL, backend="simulator", metadata={"team": "a"})
        second = client.jobs.create(BELL, backend="simulator")
        third = client.jobs.create(BELL, backend="simulator")
        server.app.faults = Faults(**vars_of(KINDS[kind]))
        created = client.jobs.create(BELL, backend="simulator", metadata={"n": "1"})
        cloned = client.jobs.clone(first.id, shots=10)
        moved = client.jobs.move(second.id, shots=20)
        updated = client.jobs.update(first.id, name="renamed")
        canceled = client.jobs.cancel(third.id)
        session = client.sessions.create(backend="simulator", job_count_limit=3)
        ended = client.sessions.end(session.id)
        deleted = client.jobs.delete(created.id)
        met = faulted_met(server)
    assert met >= 8  # every write above met the fault
    assert updated.name == "renamed"
    assert canceled.status == "canceled"
    assert ended.status == "ended"
    assert deleted.status == "deleted"
    jobs = {job["id"]: job for job in raw_jobs(server)}
    assert set(jobs) == {first.id, second.id, third.id, cloned.id, moved.id}
    tokens = [job["metadata"][CREATE_TOKEN_KEY] for job in jobs.values()]
    assert len(set(tokens)) == len(tokens)  # each job made once, by its own call
    assert jobs[cloned.id]["metadata"]["team"] == "a"  # the copy kept the original's metadata
    assert jobs[second.id]["status"] == "canceled"  # the move cancelled its original
    assert [s["id"] for s in sessions_of(server)] == [str(session.id)]


def vars_of(faults: Faults) -> dict[str, Any]:
    """A fresh `Faults` like `faults` (each test counts its own)."""
    return {"after_commit": faults.after_commit, "drop_after_commit": faults.drop_after_commit}


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_write_reports_its_success_once_async(server: MockServer, kind: str) -> None:
    async def run() -> tuple[Any, ...]:
        async def instant(seconds: float) -> None:
            await asyncio.sleep(0)

        async with AsyncIonQ(api_key="k", base_url=server.base_url, _sleep=instant) as client:
            first = await client.jobs.create(BELL, backend="simulator")
            server.app.faults = Faults(**vars_of(KINDS[kind]))
            creates = await asyncio.gather(
                *(client.jobs.create(BELL, backend="simulator") for _ in range(8))
            )
            cloned = await client.jobs.clone(first.id)
            session = await client.sessions.create(backend="simulator")
            return first, creates, cloned, session

    first, creates, cloned, session = asyncio.run(run())
    assert faulted_met(server) >= 10
    listed = {job["id"] for job in raw_jobs(server)}
    assert listed == {first.id, cloned.id, *(c.id for c in creates)}
    assert len(listed) == 10
    assert [s["id"] for s in sessions_of(server)] == [str(session.id)]


def test_the_token_is_hidden_from_every_job_the_client_returns(server: MockServer) -> None:
    with IonQ(api_key="k", base_url=server.base_url) as client:
        session = client.sessions.create(backend="simulator")
        job = client.jobs.create(BELL, backend="simulator", metadata={"team": "a"})
        in_session = client.jobs.create(BELL, backend="simulator", session_id=session.id)
        full = {f"k{i}": "v" for i in range(10)}
        named = client.jobs.create(BELL, backend="simulator", metadata=full)
        seen = [
            client.jobs.get(job.id),
            client.jobs.update(job.id, name="x"),
            *client.jobs.list(),
            *client.sessions.jobs(session.id),
            client.jobs.get(named.id),
        ]
    for read in seen:
        meta = read.metadata.additional_properties if read.metadata is not None else {}
        assert CREATE_TOKEN_KEY not in meta
        assert not (read.name or "").startswith("ionq-client-create:")
    stored = {j["id"]: j for j in raw_jobs(server)}
    assert CREATE_TOKEN_KEY in stored[job.id]["metadata"]  # it lives on the service
    assert CREATE_TOKEN_KEY in stored[in_session.id]["metadata"]
    assert stored[named.id]["name"].startswith("ionq-client-create:")
    assert next(r for r in seen if r.id == named.id).name is None

"""Cancel and delete, one job or many, answer IonQ's schemas in every state a job can be in.

IonQ's document gives each answer one shape and one `status` (`JobCanceledResponse`,
`JobsCanceledResponse`, `JobDeletedResponse`, `JobsDeletedResponse`, each
`additionalProperties: false`); ionq-core's generated models for them raise on anything
else, so every answer here is parsed by them. What the document leaves open, and the mock's
choice (docs/mock-server.md, "Cancel and delete"): a finished job keeps its status when
cancelled; a bulk cancel lists the jobs it cancelled; a bulk delete lists every job it
removed; ids come back lower-case, once each, in the request's order.

Each job is put in the state under test by moving its stored timeline (the mock derives
status from timestamps when it reads a job), so no test waits on the clock.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any, Protocol

import httpx
import pytest
from mock_http import BELL, client, create

from ionq_mock.testing import MockServer

models = pytest.importorskip("ionq_core.models", reason="ionq-core is a dev dependency")

STATES = ("submitted", "ready", "started", "completed", "failed", "canceled")
UNFINISHED = ("submitted", "ready", "started")
FAILING = {**BELL, "input": {**BELL["input"], "circuit": [{"gate": "x", "target": 5}]}}
MULTI: dict[str, Any] = {
    "type": "ionq.multi-circuit.v1",
    "backend": "simulator",
    "input": {
        "gateset": "qis",
        "qubits": 2,
        "circuits": [
            {"circuit": [{"gate": "x", "target": 0}]},
            {"circuit": [{"gate": "h", "target": 0}]},
        ],
    },
}


class Make(Protocol):
    """Creates a job (`body`, a Bell circuit by default) in `state`; its id."""

    def __call__(self, state: str, body: dict[str, Any] = ...) -> str: ...


@pytest.fixture
def server() -> Iterator[MockServer]:
    # Long jobs: nothing moves on by itself while a test runs.
    with MockServer(job_duration=600) as mock:
        yield mock


@pytest.fixture
def http(server: MockServer) -> Iterator[httpx.Client]:
    with client(server) as connection:
        yield connection


def set_timeline(server: MockServer, http: httpx.Client, job_id: str, state: str) -> None:
    """Move a job's (and its children's) stored timeline so that it is in `state` now."""
    now = time.time()
    offsets = {  # ready, started, end, relative to now
        "submitted": (100, 200, 300),
        "ready": (-1, 200, 300),
        "started": (-2, -1, 300),
        "completed": (-3, -2, -1),
        "failed": (-3, -3, -1),
    }[state]
    ready, started, end = (now + offset for offset in offsets)
    job = http.get(f"/jobs/{job_id}").json()
    for target in [job_id, *(job.get("child_job_ids") or [])]:
        server.app.store.update_job(
            job["submitter_id"],
            target,
            {"submitted_at": now - 4, "ready_at": ready, "started_at": started, "end_at": end},
        )


@pytest.fixture
def make(server: MockServer, http: httpx.Client) -> Make:
    """Create a job and put it in the state asked for; its id."""

    def made(state: str, body: dict[str, Any] = BELL) -> str:
        job_id = create(http, FAILING if state == "failed" else body)
        if state == "canceled":
            assert http.put(f"/jobs/{job_id}/status/cancel").status_code == 200
        else:
            set_timeline(server, http, job_id, state)
        assert status(http, job_id) == state
        return job_id

    return made


def status(http: httpx.Client, job_id: str) -> str | None:
    """A job's status, or None when it no longer exists."""
    answer = http.get(f"/jobs/{job_id}")
    if answer.status_code == 404:
        return None
    found: str = answer.json()["status"]
    return found


@pytest.mark.parametrize("state", STATES)
def test_cancel_answers_canceled_in_every_state(http: httpx.Client, make: Make, state: str) -> None:
    job_id = make(state)
    answer = http.put(f"/jobs/{job_id.upper()}/status/cancel")
    assert answer.status_code == 200
    assert answer.json() == {"id": job_id, "status": "canceled"}
    models.JobCanceledResponse.from_dict(answer.json())
    # An unfinished job is now canceled; a finished one keeps its status (and results).
    assert status(http, job_id) == ("canceled" if state in UNFINISHED else state)


@pytest.mark.parametrize("state", STATES)
def test_delete_answers_deleted_in_every_state(http: httpx.Client, make: Make, state: str) -> None:
    job_id = make(state)
    answer = http.delete(f"/jobs/{job_id}")
    assert answer.status_code == 200
    assert answer.json() == {"id": job_id, "status": "deleted"}
    models.JobDeletedResponse.from_dict(answer.json())
    assert status(http, job_id) is None
    assert http.delete(f"/jobs/{job_id}").status_code == 404


def test_bulk_cancel_of_a_mix_lists_the_jobs_it_canceled(http: httpx.Client, make: Make) -> None:
    jobs = {state: make(state) for state in STATES}
    asked = [jobs[state] for state in STATES]
    answer = http.put("/jobs/status/cancel", json={"ids": [*asked, asked[0].upper()]})
    assert answer.status_code == 200
    assert answer.json() == {"ids": [jobs[s] for s in UNFINISHED], "status": "canceled"}
    models.JobsCanceledResponse.from_dict(answer.json())
    after = {state: status(http, job_id) for state, job_id in jobs.items()}
    assert after == {s: "canceled" if s in UNFINISHED else s for s in STATES}
    # Asked again, nothing is left to cancel: the answer's list is empty.
    again = http.put("/jobs/status/cancel", json={"ids": asked}).json()
    assert again == {"ids": [], "status": "canceled"}


def test_bulk_delete_of_a_mix_lists_every_job(http: httpx.Client, make: Make) -> None:
    jobs = [make(state) for state in STATES]
    answer = http.request("DELETE", "/jobs", json={"ids": [*jobs, jobs[2].upper()]})
    assert answer.status_code == 200
    assert answer.json() == {"ids": jobs, "status": "deleted"}
    models.JobsDeletedResponse.from_dict(answer.json())
    assert [status(http, job_id) for job_id in jobs] == [None] * len(jobs)
    assert http.get("/jobs").json()["jobs"] == []


def test_multi_circuit_parent_takes_its_children(http: httpx.Client, make: Make) -> None:
    running = make("started", MULTI)
    children = http.get(f"/jobs/{running}").json()["child_job_ids"]
    assert [status(http, child) for child in children] == ["started", "started"]
    assert http.put("/jobs/status/cancel", json={"ids": [running]}).json()["ids"] == [running]
    assert [status(http, child) for child in children] == ["canceled", "canceled"]
    assert http.delete(f"/jobs/{running}").json() == {"id": running, "status": "deleted"}
    assert [status(http, child) for child in children] == [None, None]


@pytest.mark.parametrize(("method", "path"), [("PUT", "/jobs/status/cancel"), ("DELETE", "/jobs")])
def test_bulk_with_an_unknown_id_changes_nothing(
    http: httpx.Client, make: Make, method: str, path: str
) -> None:
    running = make("started")
    unknown = "01900000-0000-7000-8000-000000000000"
    answer = http.request(method, path, json={"ids": [running, unknown]})
    assert answer.status_code == 404
    assert answer.json()["statusCode"] == 404
    assert unknown in answer.json()["message"]
    assert status(http, running) == "started"

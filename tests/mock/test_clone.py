"""cloneJob and moveJob: a new job runs the stored program with the body's overrides; a
move also cancels the original if it has not finished, in the same transaction."""

from __future__ import annotations

import sqlite3
from typing import Any

import httpx
import pytest
from mock_http import BELL, NOISY_BELL, client, create, wait_done

from ionq_mock.faults import Faults
from ionq_mock.testing import MockServer

MISSING = "00000000-0000-4000-8000-000000000000"
TAGGED: dict[str, Any] = {**NOISY_BELL, "name": "original", "metadata": {"run": "1"}}


def test_clone_runs_the_same_program_with_overrides(ionq_mock_server: MockServer) -> None:
    with client(ionq_mock_server) as http:
        original = wait_done(http, create(http, TAGGED))
        answer = http.post(f"/jobs/{original['id']}/clone", json={"shots": 500, "name": "copy"})
        assert answer.status_code == 201
        created = answer.json()
        assert set(created) == {"id", "status", "session_id"}
        assert created["id"] != original["id"]
        assert created["session_id"] is None
        copy = wait_done(http, created["id"])
        assert copy["status"] == "completed"
        assert (copy["name"], copy["shots"]) == ("copy", 500)
        # Kept from the original: program, backend, metadata, noise.
        assert copy["metadata"] == {"run": "1"}
        assert copy["noise"] == {"model": "aria-1", "seed": 7}
        assert copy["stats"] == original["stats"]
        histogram = copy["results"]["ionq.result.histogram.json.v1"]["id"]
        counts = http.get(f"/jobs/{copy['id']}/artifacts/{histogram}").json()
        assert sum(counts.values()) == 500
        assert set(counts) <= {"0", "1", "2", "3"}
        # The original is untouched.
        assert http.get(f"/jobs/{original['id']}").json() == original


def test_clone_to_another_backend_and_of_a_multi_circuit_job(
    ionq_mock_server: MockServer,
) -> None:
    multi = {
        "type": "ionq.multi-circuit.v1",
        "backend": "simulator",
        "input": {"gateset": "qis", "circuits": [{"circuit": [{"gate": "x", "target": 0}]}] * 2},
    }
    with client(ionq_mock_server) as http:
        original = wait_done(http, create(http, multi))
        copy_id = http.post(f"/jobs/{original['id']}/clone", json={}).json()["id"]
        copy = wait_done(http, copy_id)
        assert copy["type"] == "ionq.multi-circuit.v1"
        assert len(copy["child_job_ids"]) == 2
        assert not set(copy["child_job_ids"]) & set(original["child_job_ids"])
        moved = http.post(f"/jobs/{create(http, BELL)}/clone", json={"backend": "qpu.aria-1"})
        qpu = wait_done(http, moved.json()["id"])
        assert (qpu["backend"], qpu["shots"]) == ("qpu.aria-1", 100)
        assert "noise" not in qpu


def test_clone_into_a_session_and_errors(ionq_mock_server: MockServer) -> None:
    with client(ionq_mock_server) as http:
        job_id = create(http, {**BELL, "backend": "qpu.forte-1"})
        session = http.post("/sessions", json={"backend": "qpu.forte-1"}).json()
        into = http.post(f"/jobs/{job_id}/clone", json={"session_id": session["id"]})
        assert into.status_code == 201
        assert into.json()["session_id"] == session["id"]
        listed = http.get(f"/sessions/{session['id']}/jobs").json()["jobs"]
        assert [j["id"] for j in listed] == [into.json()["id"]]
        assert http.post(f"/jobs/{MISSING}/clone", json={}).status_code == 404
        assert http.post(f"/jobs/{MISSING}/move", json={}).status_code == 404
        # A copy into a session that does not exist is created and fails (a 404 would
        # say the job named in the path does not exist).
        lost = http.post(f"/jobs/{job_id}/clone", json={"session_id": MISSING})
        assert lost.status_code == 201
        failed = wait_done(http, lost.json()["id"])
        assert (failed["status"], failed["failure"]["code"]) == ("failed", "InvalidInput")
        assert failed["session_id"] == MISSING
        assert http.post("/jobs", json={**BELL, "session_id": MISSING}).status_code == 404
        bad = http.post(f"/jobs/{job_id}/clone", json={"shots": 0})
        assert bad.status_code == 400
        assert bad.json()["validation"] == {"keys": ["shots"], "source": "body"}


def test_move_cancels_an_unfinished_original() -> None:
    with MockServer(job_duration=60) as server, client(server) as http:
        job_id = create(http, TAGGED)
        answer = http.post(f"/jobs/{job_id}/move", json={"backend": "qpu.forte-1"})
        assert answer.status_code == 201
        moved = http.get(f"/jobs/{answer.json()['id']}").json()
        assert (moved["backend"], moved["name"], moved["status"]) == (
            "qpu.forte-1",
            "original",
            "submitted",
        )
        assert http.get(f"/jobs/{job_id}").json()["status"] == "canceled"
        assert {j["id"] for j in http.get("/jobs").json()["jobs"]} == {job_id, moved["id"]}


def test_move_of_a_finished_job_leaves_it_as_it_is(ionq_mock_server: MockServer) -> None:
    with client(ionq_mock_server) as http:
        original = wait_done(http, create(http, BELL))
        answer = http.post(f"/jobs/{original['id']}/move", json={"name": "again"})
        assert answer.status_code == 201
        assert http.get(f"/jobs/{original['id']}").json()["status"] == "completed"
        assert wait_done(http, answer.json()["id"])["status"] == "completed"


@pytest.mark.parametrize("operation", ["clone", "move"])
def test_a_failed_write_after_commit_still_shows_the_new_job(operation: str) -> None:
    """The new job and the cancel are one transaction: the after-commit fault answers 500
    but both are stored."""
    with MockServer(job_duration=60) as server, client(server) as http:
        job_id = create(http, BELL)
        server.app.faults = Faults(after_commit=1.0)
        assert http.post(f"/jobs/{job_id}/{operation}", json={}).status_code == 500
        server.app.faults = Faults()
        jobs = http.get("/jobs").json()["jobs"]
        assert len(jobs) == 2
        original = next(j for j in jobs if j["id"] == job_id)
        assert original["status"] == ("canceled" if operation == "move" else "submitted")


def test_a_move_that_is_refused_stores_nothing() -> None:
    """A move the schema refuses is 400: no new job, and the original is not canceled."""
    with MockServer(job_duration=60) as server, client(server) as http:
        job_id = create(http, BELL)
        assert http.post(f"/jobs/{job_id}/move", json={"shots": -1}).status_code == 400
        [job] = http.get("/jobs").json()["jobs"]
        assert (job["id"], job["status"]) == (job_id, "submitted")


def test_the_insert_and_the_cancel_of_a_move_are_one_transaction() -> None:
    """If inserting the new job fails, the original is not canceled either."""
    with MockServer(job_duration=60) as server, client(server) as http:
        job_id = create(http, BELL)
        store = server.app.store
        found = store.get_job(owner(http, job_id), job_id, full=True)
        assert found is not None
        row = dict(found)
        clash = {**row, "id": job_id}  # the original's own id: the insert must fail
        with pytest.raises(sqlite3.IntegrityError):
            store.insert_jobs([clash], None, cancel=job_id)
        assert http.get(f"/jobs/{job_id}").json()["status"] == "submitted"


def owner(http: httpx.Client, job_id: str) -> str:
    submitter: str = http.get(f"/jobs/{job_id}").json()["submitter_id"]
    return submitter

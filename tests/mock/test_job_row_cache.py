"""The store keeps the job rows it read in memory (ionq_mock/store.py `_rows`): a GET of a
job reads no SQLite, and every write to a job (rename, tag, cancel, move, delete, a
parent's cancel or delete reaching its children) shows at the next GET."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from mock_app import app_client
from mock_http import BELL, MULTI

from ionq_mock import store as store_module
from ionq_mock.app import MockApp, create_app

KEY = "row-cache-key"


@pytest.fixture
def app() -> Iterator[MockApp]:
    # Long jobs: a cancel always finds them unfinished.
    made = create_app([KEY, "other-key"], job_duration=600)
    yield made
    made.close()


@pytest.fixture
def http(app: MockApp) -> Iterator[httpx.Client]:
    with app_client(app, KEY) as client:
        yield client


def _selects(app: MockApp) -> list[str]:
    """The SELECT statements the store runs from now on, as they run."""
    seen: list[str] = []
    app.store.db.set_trace_callback(
        lambda statement: seen.append(statement) if statement.startswith("SELECT") else None
    )
    return seen


def test_a_job_read_again_is_read_from_memory(app: MockApp, http: httpx.Client) -> None:
    job_id = http.post("/jobs", json=BELL).json()["id"]
    first = http.get(f"/jobs/{job_id}").json()
    selects = _selects(app)
    assert http.get(f"/jobs/{job_id}").json() == first
    assert [s for s in selects if "FROM jobs" in s] == []


def test_a_rename_and_a_tag_show_at_once(http: httpx.Client) -> None:
    job_id = http.post("/jobs", json=BELL).json()["id"]
    assert http.get(f"/jobs/{job_id}").json()["name"] is None  # read, so kept
    http.patch(f"/jobs/{job_id}", json={"name": "renamed", "metadata": {"tag": "a"}})
    job = http.get(f"/jobs/{job_id}").json()
    assert (job["name"], job["metadata"]) == ("renamed", {"tag": "a"})
    http.patch(f"/jobs/{job_id}", json={"metadata": {"more": "b"}})
    assert http.get(f"/jobs/{job_id}").json()["metadata"] == {"tag": "a", "more": "b"}


def test_a_cancel_shows_on_the_job_and_its_children(http: httpx.Client) -> None:
    job_id = http.post("/jobs", json=MULTI).json()["id"]
    children = http.get(f"/jobs/{job_id}").json()["child_job_ids"]
    assert [http.get(f"/jobs/{c}").json()["status"] for c in children] == ["submitted"] * 2
    assert http.put(f"/jobs/{job_id}/status/cancel").status_code == 200
    assert http.get(f"/jobs/{job_id}").json()["status"] == "canceled"
    assert [http.get(f"/jobs/{c}").json()["status"] for c in children] == ["canceled"] * 2


def test_a_bulk_cancel_shows_on_every_job(http: httpx.Client) -> None:
    ids = [http.post("/jobs", json=BELL).json()["id"] for _ in range(3)]
    assert {http.get(f"/jobs/{i}").json()["status"] for i in ids} == {"submitted"}
    http.put("/jobs/status/cancel", json={"ids": ids[:2]})
    assert [http.get(f"/jobs/{i}").json()["status"] for i in ids] == [
        "canceled",
        "canceled",
        "submitted",
    ]


def test_a_move_shows_the_original_canceled(http: httpx.Client) -> None:
    job_id = http.post("/jobs", json=BELL).json()["id"]
    assert http.get(f"/jobs/{job_id}").json()["status"] == "submitted"
    moved = http.post(f"/jobs/{job_id}/move", json={}).json()["id"]
    assert http.get(f"/jobs/{job_id}").json()["status"] == "canceled"
    assert http.get(f"/jobs/{moved}").json()["status"] == "submitted"


def test_a_deleted_job_and_its_children_are_gone(http: httpx.Client) -> None:
    single = http.post("/jobs", json=BELL).json()["id"]
    parent = http.post("/jobs", json=MULTI).json()["id"]
    children = http.get(f"/jobs/{parent}").json()["child_job_ids"]
    for job_id in [single, *children]:
        assert http.get(f"/jobs/{job_id}").status_code == 200
    assert http.delete(f"/jobs/{single}").status_code == 200
    assert http.request("DELETE", "/jobs", json={"ids": [parent]}).status_code == 200
    for job_id in [single, parent, *children]:
        assert http.get(f"/jobs/{job_id}").status_code == 404


def test_a_kept_row_is_still_only_its_owners(app: MockApp, http: httpx.Client) -> None:
    job_id = http.post("/jobs", json=BELL).json()["id"]
    assert http.get(f"/jobs/{job_id}").status_code == 200  # kept
    with app_client(app, "other-key") as other:
        assert other.get(f"/jobs/{job_id}").status_code == 404
        assert other.patch(f"/jobs/{job_id}", json={"name": "x"}).status_code == 404
    assert http.get(f"/jobs/{job_id}").json()["name"] is None


def test_the_kept_rows_are_bounded(
    app: MockApp, http: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "ROW_CACHE_SIZE", 3)
    ids = [http.post("/jobs", json=BELL).json()["id"] for _ in range(5)]
    for job_id in ids:
        assert http.get(f"/jobs/{job_id}").json()["id"] == job_id
        assert len(app.store._rows) <= 3
    # Cleared when full, and still right afterwards.
    assert [http.get(f"/jobs/{i}").json()["id"] for i in ids] == ids

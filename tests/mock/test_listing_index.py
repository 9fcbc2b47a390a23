"""Unfiltered listings are served from memory (ionq_mock/job_index.py); every page must
be the one SQLite answers, after any mix of writes, and a rolled-back write must not show."""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from mock_app import app_client, finish
from mock_http import BELL, MULTI

from ionq_mock.app import MockApp, create_app
from ionq_mock.job_index import ListingIndex

KEY = "listing-key"
NO_FILTERS: dict[str, Any] = {
    "status": None,
    "backends": None,
    "session_id": None,
    "parent_job_id": None,
    "ids": [],
}


@pytest.fixture
def app() -> Iterator[MockApp]:
    made = create_app([KEY, "other-key"], job_duration=600)
    yield made
    made.close()


@pytest.fixture
def http(app: MockApp) -> Iterator[httpx.Client]:
    with app_client(app, KEY) as client:
        yield client


def _owner(http: httpx.Client) -> str:
    job_id = http.post("/jobs", json=BELL).json()["id"]
    owner: str = http.get(f"/jobs/{job_id}").json()["submitter_id"]
    return owner


def _same_as_sqlite(app: MockApp, owner: str) -> None:
    """Every page (several sizes, every cursor) from memory equals SQLite's."""
    store, now = app.store, time.time()
    every = store._list_sql(owner, 10_000, None, now, NO_FILTERS)
    assert store.list_jobs(owner, 10_000, None, now, NO_FILTERS) == every
    for limit in (1, 3, 25):
        for cursor in [None, *(row[0] for row in every), "0", "g"]:
            memory = store.list_jobs(owner, limit, cursor, now, NO_FILTERS)
            assert memory == store._list_sql(owner, limit, cursor, now, NO_FILTERS), (limit, cursor)


def test_pages_match_sqlite_after_any_writes(app: MockApp, http: httpx.Client) -> None:
    owner = _owner(http)
    _same_as_sqlite(app, owner)  # read in here; kept up to date from now on
    chance = random.Random(15)
    for step in range(60):
        ids = [row[0] for row in app.store._list_sql(owner, 10_000, None, 0, NO_FILTERS)]
        action = chance.choice(["create", "multi", "cancel", "bulk", "delete", "move", "edit"])
        if action in ("create", "multi") or not ids:
            http.post("/jobs", json=MULTI if action == "multi" else BELL)
        elif action == "cancel":
            http.put(f"/jobs/{chance.choice(ids)}/status/cancel")
        elif action == "bulk":
            http.request("DELETE", "/jobs", json={"ids": chance.sample(ids, min(3, len(ids)))})
        elif action == "delete":
            http.delete(f"/jobs/{chance.choice(ids)}")
        elif action == "move":
            http.post(f"/jobs/{chance.choice(ids)}/move", json={})
        else:
            target = chance.choice(ids)
            if chance.random() < 0.5:
                http.patch(f"/jobs/{target}", json={"name": f"step {step}"})
            else:
                finish(app, http, target)  # rewrites the job's timeline
        _same_as_sqlite(app, owner)


def test_an_unfiltered_page_reads_no_sqlite(app: MockApp, http: httpx.Client) -> None:
    for _ in range(3):
        http.post("/jobs", json=BELL)
    first = http.get("/jobs", params={"limit": 2}).json()
    selects: list[str] = []
    app.store.db.set_trace_callback(selects.append)
    assert http.get("/jobs", params={"limit": 2}).json() == first
    assert [s for s in selects if "FROM jobs" in s] == []
    # Filtered: still SQLite's answer.
    assert len(http.get("/jobs", params={"status": "submitted"}).json()["jobs"]) == 3
    assert [s for s in selects if "FROM jobs" in s] != []


def test_a_new_job_shows_first_and_a_deleted_one_goes(http: httpx.Client) -> None:
    older = http.post("/jobs", json=BELL).json()["id"]
    assert [j["id"] for j in http.get("/jobs").json()["jobs"]] == [older]
    newer = http.post("/jobs", json=BELL).json()["id"]
    assert [j["id"] for j in http.get("/jobs").json()["jobs"]] == [newer, older]
    http.delete(f"/jobs/{newer}")
    assert [j["id"] for j in http.get("/jobs").json()["jobs"]] == [older]


def test_keys_are_listed_apart(app: MockApp, http: httpx.Client) -> None:
    mine = http.post("/jobs", json=BELL).json()["id"]
    with app_client(app, "other-key") as other:
        assert other.get("/jobs").json()["jobs"] == []
        theirs = other.post("/jobs", json=BELL).json()["id"]
        assert [j["id"] for j in other.get("/jobs").json()["jobs"]] == [theirs]
    assert [j["id"] for j in http.get("/jobs").json()["jobs"]] == [mine]


def test_a_rolled_back_write_does_not_show(app: MockApp, http: httpx.Client) -> None:
    owner = _owner(http)
    _same_as_sqlite(app, owner)
    store = app.store
    stored = store.get_job(owner, store.list_jobs(owner, 1, None, 0, NO_FILTERS)[0][0], True)
    assert stored is not None
    row = dict(stored)
    victim = row["id"]
    child = {**row, "id": store.new_id()}
    # A move whose insert fails (the second row repeats the first's id) after its cancel
    # was made: both are undone.
    with pytest.raises(sqlite3.IntegrityError):
        store.insert_jobs([child, dict(child)], None, cancel=victim)
    _same_as_sqlite(app, owner)
    listed = {j["id"]: j["status"] for j in http.get("/jobs").json()["jobs"]}
    assert child["id"] not in listed
    assert listed[victim] == "submitted"


def test_the_index_alone() -> None:
    loads: list[str] = []

    def load(owner: str) -> list[tuple[Any, ...]]:
        loads.append(owner)
        return [(f"{owner}-{n}", n) for n in range(5)]

    index = ListingIndex(load)
    index.added("a", [("a-9", 9)])  # not read in yet: ignored, the load will have it
    assert index.page("a", 2, None) == [("a-4", 4), ("a-3", 3)]
    assert index.page("a", 10, "a-2") == [("a-1", 1), ("a-0", 0)]
    index.added("a", [("a-5", 5), ("a-25", 25)])  # the second out of order
    assert [row[0] for row in index.page("a", 10, None)] == [
        "a-5",
        "a-4",
        "a-3",
        "a-25",
        "a-2",
        "a-1",
        "a-0",
    ]
    index.changed("a", [("a-3", 33), ("nope", 0)])
    index.removed("a", ["a-4", "nope"])
    assert index.page("a", 3, None) == [("a-5", 5), ("a-3", 33), ("a-25", 25)]
    index.clear()
    assert index.page("a", 1, None) == [("a-4", 4)]
    assert loads == ["a", "a"]

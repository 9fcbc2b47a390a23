"""The edges of what the mock accepts and answers: each limit's last allowed value is
accepted and the next one refused, the last page of a listing has no cursor (exactly full
or not), and cancelling a finished job leaves it exactly as it was.

The limits are openapi.yaml's, written out here (the test checks the spec still states
them), so a change to the spec or the mock that moves a limit fails here: shots 1 to
1,000,000 (`JobCreateBase`, `CloneJobPayload`); a job's new name at most 255 characters
(`JobUpdate`; a new job's name has no limit); metadata at most 10 keys of 1 to 40
characters, each value at most 40,000 (`Metadata`); a page of 1 to 1,000 jobs, 25 by
default. The mock runs in process (`mock_app.py`).
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from typing import Any, Final

import httpx
import pytest
from mock_app import app_client, finish
from mock_http import BELL, NOISY_BELL

from ionq_mock.app import MockApp, create_app
from ionq_spec import load_spec

KEY: Final = "boundaries-key"
MAX_SHOTS: Final = 1_000_000
MAX_NEW_NAME: Final = 255
MAX_METADATA_KEYS: Final = 10
MAX_METADATA_KEY: Final = 40
MAX_METADATA_VALUE: Final = 40_000
MAX_LIMIT: Final = 1000
DEFAULT_LIMIT: Final = 25
FAILING: Final = {**BELL, "input": {**BELL["input"], "circuit": [{"gate": "x", "target": 5}]}}


@pytest.fixture
def app() -> Iterator[MockApp]:
    # Jobs last 600 s: nothing ends by itself while a test runs (`finish` ends one).
    made = create_app([KEY], job_duration=600)
    yield made
    made.close()


@pytest.fixture
def http(app: MockApp) -> Iterator[httpx.Client]:
    with app_client(app, KEY) as client:
        yield client


def schema(name: str) -> dict[str, Any]:
    found: dict[str, Any] = load_spec()["components"]["schemas"][name]
    return found


def create(http: httpx.Client, body: dict[str, Any]) -> str:
    answer = http.post("/jobs", json=body)
    assert answer.status_code == 201, answer.text
    job_id: str = answer.json()["id"]
    return job_id


def refused(answer: httpx.Response, keys: list[str]) -> None:
    """`answer` is the 400 naming `keys` of the body."""
    assert answer.status_code == 400, answer.text
    assert answer.json()["validation"] == {"keys": keys, "source": "body"}


def test_the_spec_states_these_limits() -> None:
    base, clone, update, metadata = (
        schema(name)["properties"] if name != "Metadata" else schema(name)
        for name in ("JobCreateBase", "CloneJobPayload", "JobUpdate", "Metadata")
    )
    for shots in (base["shots"], clone["shots"]):
        assert (shots["minimum"], shots["maximum"]) == (1, MAX_SHOTS)
    assert update["name"]["maxLength"] == MAX_NEW_NAME
    assert "maxLength" not in base["name"]
    assert metadata["maxProperties"] == MAX_METADATA_KEYS
    assert metadata["propertyNames"] == {"minLength": 1, "maxLength": MAX_METADATA_KEY}
    assert metadata["additionalProperties"]["maxLength"] == MAX_METADATA_VALUE
    limit = load_spec()["components"]["parameters"]["limit"]["schema"]
    assert (limit["minimum"], limit["maximum"], limit["default"]) == (1, MAX_LIMIT, DEFAULT_LIMIT)


# ------------------------------------------------------------------ shots
def test_the_fewest_shots_run_and_one_fewer_is_refused(app: MockApp, http: httpx.Client) -> None:
    # A sampled job (a noise model): one shot is measured, and the job completes.
    job_id = create(http, {**NOISY_BELL, "shots": 1})
    finish(app, http, job_id)
    job = http.get(f"/jobs/{job_id}").json()
    assert (job["status"], job["shots"]) == ("completed", 1)
    histogram = http.get(
        f"/jobs/{job_id}/artifacts/{job['results']['ionq.result.histogram.json.v2']['id']}"
    ).json()
    assert sum(histogram["histogram"]["registers"]["output_all"].values()) == 1
    for too_few in (0, -1):
        refused(http.post("/jobs", json={**NOISY_BELL, "shots": too_few}), ["shots"])
    # A copy takes the same limits.
    copy = http.post(f"/jobs/{job_id}/clone", json={"shots": 1})
    assert copy.status_code == 201
    finish(app, http, copy.json()["id"])
    assert http.get(f"/jobs/{copy.json()['id']}").json()["status"] == "completed"
    refused(http.post(f"/jobs/{job_id}/clone", json={"shots": 0}), ["shots"])
    assert len(http.get("/jobs").json()["jobs"]) == 2


def test_the_most_shots_are_accepted_and_one_more_is_refused(
    app: MockApp, http: httpx.Client
) -> None:
    job_id = create(http, {**NOISY_BELL, "shots": MAX_SHOTS})
    finish(app, http, job_id)
    job = http.get(f"/jobs/{job_id}").json()
    assert (job["status"], job["shots"]) == ("completed", MAX_SHOTS)
    refused(http.post("/jobs", json={**NOISY_BELL, "shots": MAX_SHOTS + 1}), ["shots"])
    refused(http.post(f"/jobs/{job_id}/clone", json={"shots": MAX_SHOTS + 1}), ["shots"])
    assert len(http.get("/jobs").json()["jobs"]) == 1


# ------------------------------------------------------------------ names
def test_the_longest_new_name_is_accepted_and_one_longer_refused(http: httpx.Client) -> None:
    job_id = create(http, {**BELL, "name": "first"})
    longest = "n" * MAX_NEW_NAME
    answer = http.patch(f"/jobs/{job_id}", json={"name": longest})
    assert answer.status_code == 200, answer.text
    assert answer.json()["name"] == longest
    refused(http.patch(f"/jobs/{job_id}", json={"name": longest + "n"}), ["name"])
    assert http.get(f"/jobs/{job_id}").json()["name"] == longest


def test_a_new_jobs_name_has_no_length_limit(http: httpx.Client) -> None:
    long_name = "n" * 100_000
    job_id = create(http, {**BELL, "name": long_name})
    assert http.get(f"/jobs/{job_id}").json()["name"] == long_name
    copy = http.post(f"/jobs/{job_id}/clone", json={"name": long_name + "2"})
    assert copy.status_code == 201
    assert http.get(f"/jobs/{copy.json()['id']}").json()["name"] == long_name + "2"


# ------------------------------------------------------------------ metadata
def keys(count: int) -> dict[str, str]:
    return {f"k{i}": "v" for i in range(count)}


@pytest.mark.parametrize(
    ("accepted", "one_over", "offending"),
    [
        (keys(MAX_METADATA_KEYS), keys(MAX_METADATA_KEYS + 1), "metadata"),
        ({"k" * MAX_METADATA_KEY: "v"}, {"k" * (MAX_METADATA_KEY + 1): "v"}, "metadata"),
        ({"k": "v"}, {"": "v"}, "metadata"),
        ({"k": "v" * MAX_METADATA_VALUE}, {"k": "v" * (MAX_METADATA_VALUE + 1)}, "metadata.k"),
    ],
    ids=["keys", "key length", "empty key", "value length"],
)
def test_metadata_at_each_limit_is_accepted_and_one_over_refused(
    http: httpx.Client, accepted: dict[str, str], one_over: dict[str, str], offending: str
) -> None:
    job_id = create(http, {**BELL, "metadata": accepted})
    assert http.get(f"/jobs/{job_id}").json()["metadata"] == accepted
    refused(http.post("/jobs", json={**BELL, "metadata": one_over}), [offending])
    refused(http.post(f"/jobs/{job_id}/clone", json={"metadata": one_over}), [offending])
    refused(http.patch(f"/jobs/{job_id}", json={"metadata": one_over}), [offending])
    assert [job["id"] for job in http.get("/jobs").json()["jobs"]] == [job_id]
    assert http.get(f"/jobs/{job_id}").json()["metadata"] == accepted


def test_an_update_may_fill_the_metadata_but_not_overfill_it(http: httpx.Client) -> None:
    job_id = create(http, {**BELL, "metadata": keys(MAX_METADATA_KEYS - 1)})
    # Merged key by key: one new key makes ten, which is allowed.
    full = http.patch(f"/jobs/{job_id}", json={"metadata": {"last": "v"}})
    assert full.status_code == 200, full.text
    assert len(full.json()["metadata"]) == MAX_METADATA_KEYS
    # Replacing a value keeps ten keys; one more key would make eleven: 409, nothing kept.
    assert http.patch(f"/jobs/{job_id}", json={"metadata": {"k0": "w"}}).status_code == 200
    over = http.patch(f"/jobs/{job_id}", json={"metadata": {"extra": "v"}, "name": "kept?"})
    assert over.status_code == 409
    stored = http.get(f"/jobs/{job_id}").json()
    assert stored["metadata"] == {**keys(MAX_METADATA_KEYS - 1), "k0": "w", "last": "v"}
    assert stored["name"] is None


# ------------------------------------------------------------------ pages
def walk(http: httpx.Client, path: str, limit: int | None, most: int) -> list[dict[str, Any]]:
    """Every page of a listing, first to last (at most `most` pages)."""
    pages: list[dict[str, Any]] = []
    cursor: str | None = None
    for _ in range(most):
        query: dict[str, Any] = {} if limit is None else {"limit": limit}
        if cursor is not None:
            query["next"] = cursor
        answer = http.get(path, params=query)
        assert answer.status_code == 200, answer.text
        pages.append(answer.json())
        cursor = pages[-1]["next"]
        if cursor is None:
            return pages
    raise AssertionError(f"{path} gave a cursor on {most} pages")


@pytest.mark.parametrize(
    ("count", "limit"),
    [(3, 3), (6, 3), (4, 3), (1, 1), (2, 1), (0, 3), (5, MAX_LIMIT), (25, None), (26, None)],
    ids=lambda value: str(value),
)
@pytest.mark.parametrize("in_session", [False, True], ids=["jobs", "session jobs"])
def test_the_last_page_has_no_cursor_even_when_exactly_full(
    http: httpx.Client, count: int, limit: int | None, in_session: bool
) -> None:
    path, body = "/jobs", dict(BELL)
    if in_session:
        session = http.post("/sessions", json={"backend": "qpu.aria-1"}).json()["id"]
        path, body = f"/sessions/{session}/jobs", {**BELL, "backend": "qpu.aria-1"}
        body["session_id"] = session
    made = [create(http, body) for _ in range(count)]
    size = DEFAULT_LIMIT if limit is None else limit
    pages = walk(http, path, limit, most=count + 2)
    expected = max(1, math.ceil(count / size))
    assert len(pages) == expected
    assert [len(page["jobs"]) for page in pages] == [
        min(size, count - i * size) for i in range(expected)
    ]
    # Each full page but the last names its last job as the cursor; the last names none.
    for page in pages[:-1]:
        assert page["next"] == page["jobs"][-1]["id"]
    assert pages[-1]["next"] is None
    assert [job["id"] for page in pages for job in page["jobs"]] == made[::-1]


def test_a_filtered_last_page_has_no_cursor_when_exactly_full(http: httpx.Client) -> None:
    made = [create(http, BELL) for _ in range(5)]
    for job_id in made[:2]:
        assert http.put(f"/jobs/{job_id}/status/cancel").status_code == 200
    page = http.get("/jobs", params={"status": "submitted", "limit": 3}).json()
    assert [job["id"] for job in page["jobs"]] == made[:1:-1]
    assert page["next"] is None
    first = http.get("/jobs", params={"status": "canceled", "limit": 1}).json()
    assert first["next"] == made[1]
    last = http.get("/jobs", params={"status": "canceled", "limit": 1, "next": made[1]}).json()
    assert ([job["id"] for job in last["jobs"]], last["next"]) == ([made[0]], None)


@pytest.mark.parametrize("limit", [0, -1, MAX_LIMIT + 1])
def test_a_limit_out_of_range_is_refused(http: httpx.Client, limit: int) -> None:
    answer = http.get("/jobs", params={"limit": limit})
    assert answer.status_code == 400
    assert answer.json()["validation"] == {"keys": ["limit"], "source": "query"}


# ------------------------------------------------------------------ cancelling a finished job
def finished_job(app: MockApp, http: httpx.Client, state: str, multi: bool = False) -> str:
    """A job that has ended in `state` (completed, failed or canceled)."""
    body = FAILING if state == "failed" else NOISY_BELL
    job_id = create(http, body)
    if state == "canceled":
        assert http.put(f"/jobs/{job_id}/status/cancel").status_code == 200
        # Cancelled long ago: cancelling it again must not re-stamp it (completed_at).
        owner = http.get(f"/jobs/{job_id}").json()["submitter_id"]
        app.store.update_job(owner, job_id, {"canceled_at": time.time() - 100})
    else:
        finish(app, http, job_id)
    assert http.get(f"/jobs/{job_id}").json()["status"] == state
    return job_id


def everything(http: httpx.Client, job_id: str) -> dict[str, Any]:
    """All a key can read of a job: itself, its cost, and (completed) its results."""
    job = http.get(f"/jobs/{job_id}").json()
    seen = {"job": job, "cost": http.get(f"/jobs/{job_id}/cost").json()}
    if job["status"] == "completed":
        seen["probabilities"] = http.get(f"/jobs/{job_id}/results/probabilities").json()
        seen["artifacts"] = {
            name: http.get(f"/jobs/{job_id}/artifacts/{d['id']}").json()
            for name, d in job["results"].items()
            if name.startswith("ionq.result.")
        }
    return seen


@pytest.mark.parametrize("state", ["completed", "failed", "canceled"])
@pytest.mark.parametrize(
    ("method", "path", "body", "status", "answer"),
    [
        ("PUT", "/jobs/{id}/status/cancel", None, 200, {"id": "{id}", "status": "canceled"}),
        ("PUT", "/jobs/status/cancel", {"ids": ["{id}"]}, 200, {"ids": [], "status": "canceled"}),
        ("POST", "/jobs/{id}/move", {}, 201, None),
    ],
    ids=["cancel", "bulk cancel", "move"],
)
def test_cancelling_a_finished_job_leaves_it_exactly_as_it_was(
    app: MockApp,
    http: httpx.Client,
    state: str,
    method: str,
    path: str,
    body: Any,
    status: int,
    answer: Any,
) -> None:
    """docs/mock-server.md, "Cancel and delete": a finished job keeps its status (and its
    results, its completion time, its cost); the answer still says `canceled`."""
    job_id = finished_job(app, http, state)
    before = everything(http, job_id)
    got = http.request(method, path.format(id=job_id), json=with_id(body, job_id))
    assert got.status_code == status, got.text
    if answer is not None:
        assert got.json() == with_id(answer, job_id)
    assert everything(http, job_id) == before


def with_id(value: Any, job_id: str) -> Any:
    """`value` with each "{id}" replaced by `job_id` (in strings, lists and dicts)."""
    if isinstance(value, str):
        return value.replace("{id}", job_id)
    if isinstance(value, list):
        return [with_id(item, job_id) for item in value]
    if isinstance(value, dict):
        return {key: with_id(item, job_id) for key, item in value.items()}
    return value

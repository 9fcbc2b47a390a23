"""Creating a job never leaves two jobs: ambiguous failures are resolved, not resent."""

from __future__ import annotations

import asyncio
import datetime
import json
import uuid
from typing import Any

import httpx
import pytest

from ionq_api.models.base_job import BaseJob
from ionq_api.models.job_created import JobCreated
from ionq_client import (
    APITimeoutError,
    Circuit,
    InternalServerError,
    IonQ,
    OutcomeUnknownError,
    RateLimitError,
    ValidationError,
)
from ionq_client._build import CREATE_TOKEN_KEY, NAME_TOKEN_PREFIX
from ionq_client._readback import RESOLVE_LOOKBACK_SECONDS, RESOLVE_MAX_PAGES, scan_for_token
from ionq_mock.faults import Faults
from ionq_mock.testing import MockServer

from .client_helpers import (
    JOB_ID,
    Recorder,
    error_body,
    job_json,
    json_response,
    make_async_client,
    make_client,
)

BELL = Circuit(2).h(0).cnot(0, 1)


class FakeServer:
    """A tiny in-memory jobs store behind MockTransport, failing as scripted.

    `script` lists what to do with each POST /jobs: "ok", "commit-500" (store, then 500),
    "500" (do not store), "429", "connect" (fail before sending), "commit-reset" (store,
    then drop the connection), "commit-timeout" (store, then time out).
    """

    def __init__(self, script: list[str]) -> None:
        self.script = list(script)
        self.jobs: list[dict[str, Any]] = []
        self.posts = 0
        self.lists = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.method == "GET" and request.url.path.endswith("/jobs"):
            self.lists += 1
            newest_first = list(reversed(self.jobs))
            return json_response(200, {"jobs": newest_first, "next": None})
        assert request.method == "POST"
        self.posts += 1
        action = self.script.pop(0) if self.script else "ok"
        if action == "connect":
            raise httpx.ConnectError("refused", request=request)
        if action == "429":
            return json_response(429, error_body(429), **{"retry-after": "0"})
        if action == "500":
            return json_response(500, error_body(500))
        body = json.loads(request.content)
        job = job_json(
            str(uuid.uuid4()), "submitted", metadata=body.get("metadata"), name=body.get("name")
        )
        self.jobs.append(job)
        if action == "commit-500":
            return json_response(500, error_body(500))
        if action == "commit-reset":
            raise httpx.RemoteProtocolError("server disconnected", request=request)
        if action == "commit-timeout":
            raise httpx.ReadTimeout("timed out", request=request)
        return json_response(201, {"id": job["id"], "status": "submitted", "session_id": None})


@pytest.mark.parametrize("failure", ["commit-500", "commit-reset", "commit-timeout"])
def test_failure_after_commit_is_resolved_not_resent(recorder: Recorder, failure: str) -> None:
    fake = FakeServer([failure])
    with make_client(fake, recorder) as client:
        created = client.jobs.create(BELL, backend="simulator")
    assert fake.posts == 1
    assert len(fake.jobs) == 1
    assert str(created.id) == fake.jobs[0]["id"]
    assert fake.lists == 1


def test_failure_before_commit_is_resent_once_known(recorder: Recorder) -> None:
    fake = FakeServer(["500", "ok"])
    with make_client(fake, recorder) as client:
        created = client.jobs.create(BELL, backend="simulator")
    assert fake.posts == 2
    assert fake.lists == 1  # looked before resending
    assert [j["id"] for j in fake.jobs] == [str(created.id)]


def test_certain_failures_are_retried_without_lookup(recorder: Recorder) -> None:
    fake = FakeServer(["connect", "429", "ok"])
    with make_client(fake, recorder) as client:
        client.jobs.create(BELL, backend="simulator")
    assert fake.posts == 3
    assert fake.lists == 0
    assert len(fake.jobs) == 1


def test_rate_limit_exhausted_raises(recorder: Recorder) -> None:
    fake = FakeServer(["429"] * 5)
    with make_client(fake, recorder, max_retries=1) as client, pytest.raises(RateLimitError):
        client.jobs.create(BELL, backend="simulator")
    assert fake.jobs == []


def test_gives_up_after_max_retries_when_never_stored(recorder: Recorder) -> None:
    fake = FakeServer(["500"] * 10)
    with make_client(fake, recorder) as client, pytest.raises(InternalServerError):
        client.jobs.create(BELL, backend="simulator", max_retries=1)
    assert fake.posts == 2
    assert fake.jobs == []


def test_found_even_when_no_retries_are_left(recorder: Recorder) -> None:
    fake = FakeServer(["commit-500"])
    with make_client(fake, recorder, max_retries=0) as client:
        created = client.jobs.create(BELL, backend="simulator")
    assert str(created.id) == fake.jobs[0]["id"]


def test_token_is_in_metadata_and_counts_against_the_limit(recorder: Recorder) -> None:
    fake = FakeServer([])
    with make_client(fake, recorder) as client:
        client.jobs.create(BELL, backend="simulator", metadata={f"k{i}": "v" for i in range(9)})
        sent = json.loads(recorder.requests[-1].content)
        assert len(sent["metadata"]) == 10
        assert len(sent["metadata"][CREATE_TOKEN_KEY]) == 32
        with pytest.raises(ValidationError) as info:
            client.jobs.create(BELL, backend="simulator", metadata={CREATE_TOKEN_KEY: "x"})
        assert info.value.key == f"metadata.{CREATE_TOKEN_KEY}"


def test_fallback_to_the_name_when_metadata_is_full(recorder: Recorder) -> None:
    fake = FakeServer(["commit-500"])
    full = {f"k{i}": "v" for i in range(10)}
    with make_client(fake, recorder) as client:
        created = client.jobs.create(BELL, backend="simulator", metadata=full)
    sent = json.loads(recorder.requests[0].content)
    assert sent["metadata"] == full
    assert sent["name"].startswith(NAME_TOKEN_PREFIX)
    assert str(created.id) == fake.jobs[0]["id"]
    assert fake.posts == 1


def test_no_room_for_a_token_means_no_blind_resend(recorder: Recorder) -> None:
    fake = FakeServer(["commit-500"])
    full = {f"k{i}": "v" for i in range(10)}
    with make_client(fake, recorder) as client, pytest.raises(OutcomeUnknownError) as info:
        client.jobs.create(BELL, backend="simulator", metadata=full, name="mine")
    assert isinstance(info.value.cause, InternalServerError)
    assert "no look-up token" in str(info.value)
    assert fake.posts == 1
    assert len(fake.jobs) == 1


@pytest.mark.parametrize("where", ["call", "client"])
def test_without_a_token_an_ambiguous_create_is_reported_unknown(
    recorder: Recorder, where: str
) -> None:
    fake = FakeServer(["commit-500"])
    per_call: dict[str, Any] = {"create_token": False} if where == "call" else {}
    per_client: dict[str, Any] = {"create_token": False} if where == "client" else {}
    with (
        make_client(fake, recorder, **per_client) as client,
        pytest.raises(OutcomeUnknownError),
    ):
        client.jobs.create(BELL, backend="simulator", **per_call)
    assert fake.posts == 1
    assert len(fake.jobs) == 1
    assert "ionq_client_create_token" not in json.dumps(fake.jobs)


def test_lookup_failure_reraises_the_original_error(recorder: Recorder) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            raise httpx.ReadTimeout("timed out", request=request)
        return json_response(503, error_body(503))

    with make_client(handler, recorder) as client, pytest.raises(OutcomeUnknownError) as info:
        client.jobs.create(BELL, backend="simulator")
    assert isinstance(info.value.cause, APITimeoutError)
    assert "looking it up failed" in str(info.value)
    assert info.value.token is not None


def test_async_create_resolves_after_commit(recorder: Recorder) -> None:
    fake = FakeServer(["commit-reset", "500", "ok"])

    async def run() -> None:
        async with make_async_client(fake, recorder) as client:
            first = await client.jobs.create(BELL, backend="simulator")
            second = await client.jobs.create(BELL, backend="simulator")
            assert {str(first.id), str(second.id)} == {j["id"] for j in fake.jobs}

    asyncio.run(run())
    assert len(fake.jobs) == 2


# ---------------------------------------------------------------- the live mock
# (the proof under many faults is in test_client_create_faults.py)


def test_writes_retried_after_commit_report_success() -> None:
    # Every write commits and then answers 500: the client must still report each success.
    slow = 3600.0  # jobs stay queued, so they can be cancelled
    with (
        MockServer(api_keys=["k"], job_duration=slow) as server,
        IonQ(api_key="k", base_url=server.base_url, _sleep=lambda s: None) as client,
    ):
        ids = [client.jobs.create(BELL, backend="simulator").id for _ in range(5)]
        server.app.faults = Faults(after_commit=1.0)
        assert client.jobs.update(ids[0], name="renamed", metadata={"a": "b"}).name == "renamed"
        assert client.jobs.cancel(ids[4]).status == "canceled"
        assert client.jobs.delete(ids[0]).status == "deleted"
        assert client.jobs.delete_many(ids[1:3]).ids == ids[1:3]
        created = client.jobs.create(BELL, backend="simulator")
        server.app.faults = Faults()
        remaining = {j.id: j.status for j in client.jobs.list()}
    assert set(remaining) == {ids[3], ids[4], created.id}
    assert remaining[ids[4]] == "canceled"


@pytest.mark.parametrize(("stored_name", "succeeds"), [("renamed", True), ("old", False)])
def test_update_reads_back_after_failures(
    recorder: Recorder, stored_name: str, succeeds: bool
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "PATCH":
            return json_response(500, error_body(500))
        return json_response(200, job_json(name=stored_name, metadata={"a": "b"}))

    with make_client(handler, recorder) as client:
        if succeeds:
            assert client.jobs.update(JOB_ID, name="renamed", metadata={"a": "b"}).name == "renamed"
        else:
            with pytest.raises(InternalServerError):
                client.jobs.update(JOB_ID, name="renamed")
    assert [r.method for r in recorder.requests] == ["PATCH"] * 3 + ["GET"]


@pytest.mark.parametrize(("status", "succeeds"), [("canceled", True), ("ready", False)])
def test_cancel_reads_back_after_failures(recorder: Recorder, status: str, succeeds: bool) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "PUT":
            raise httpx.ReadTimeout("slow", request=request)
        return json_response(200, job_json(status=status))

    async def run() -> None:
        async with make_async_client(handler, recorder) as client:
            if succeeds:
                assert (await client.jobs.cancel(JOB_ID)).status == "canceled"
            else:
                with pytest.raises(APITimeoutError):
                    await client.jobs.cancel(JOB_ID)

    asyncio.run(run())


# ---------------------------------------------------------------- the look-up's bounds


def _job(token: str, submitted_at: str) -> BaseJob:
    return BaseJob.from_dict(
        job_json(str(uuid.uuid4()), metadata={CREATE_TOKEN_KEY: token}, submitted_at=submitted_at)
    )


def test_the_lookup_stops_at_the_token_the_lookback_or_the_page_budget() -> None:
    started = datetime.datetime(2030, 1, 1, 12, tzinfo=datetime.UTC).timestamp()
    recent = "2030-01-01T11:59:30+00:00"
    old = "2030-01-01T11:58:59+00:00"  # just over RESOLVE_LOOKBACK_SECONDS before the start
    assert RESOLVE_LOOKBACK_SECONDS == 60.0
    mine = _job("mine", recent)
    page = [_job("other", recent), mine]
    more: dict[str, Any] = {"started": started, "page_number": 0, "last_page": False}
    found = scan_for_token(page, "mine", "metadata", **more)
    assert isinstance(found, JobCreated)
    assert found.id == mine.id
    # Not here, recent jobs, pages left: keep looking.
    assert scan_for_token(page, "x", "metadata", **more) == "more"
    # The page reaches jobs older than the look-back: the job was not stored.
    aged = [_job("other", recent), _job("other", old)]
    assert scan_for_token(aged, "x", "metadata", **more) == "absent"
    # The last page of the listing: not stored either.
    assert scan_for_token(page, "x", "metadata", **{**more, "last_page": True}) == "absent"
    # The page budget spent among recent jobs: that proves nothing, the outcome is unknown.
    last = {**more, "page_number": RESOLVE_MAX_PAGES - 1}
    assert scan_for_token(page, "x", "metadata", **last) == "unknown"
    # An empty (last) page: not stored.
    assert scan_for_token([], "x", "metadata", **{**more, "last_page": True}) == "absent"

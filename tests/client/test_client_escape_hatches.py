"""The escape hatches, sync and async: `with_options`, `extra_headers`/`extra_query`/
`extra_body`, `with_raw_response` and `http_client=`.

Each is shown reaching the wire through a recording transport, and a test per hatch
checks it exists on every public method (so a method added later without it fails).
"""

from __future__ import annotations

import asyncio
import inspect
import json
from typing import Any

import httpx
import pytest

from ionq_client import (
    AsyncIonQ,
    Circuit,
    InternalServerError,
    IonQ,
    NotFoundError,
    RawResponse,
    ValidationError,
)
from ionq_client._async.backends import AsyncBackends
from ionq_client._async.jobs import AsyncJobs
from ionq_client._async.organizations import AsyncOrganizations
from ionq_client._async.schemas import AsyncSchemas
from ionq_client._async.sessions import AsyncSessions
from ionq_client._sync.backends import Backends
from ionq_client._sync.jobs import Jobs
from ionq_client._sync.organizations import Organizations
from ionq_client._sync.schemas import Schemas
from ionq_client._sync.sessions import Sessions

from .client_helpers import (
    API_KEY,
    BASE_URL,
    JOB_ID,
    Recorder,
    error_body,
    job_json,
    json_response,
    make_async_client,
    make_client,
)

BELL = Circuit(2).h(0).cnot(0, 1)
RESOURCES: list[type] = [Jobs, Backends, Sessions, Organizations, Schemas]
ASYNC_RESOURCES: list[type] = [
    AsyncJobs,
    AsyncBackends,
    AsyncSessions,
    AsyncOrganizations,
    AsyncSchemas,
]
#: The public methods whose request has a JSON body: they also take `extra_body`.
WITH_BODY = {
    "Jobs.create",
    "Jobs.update",
    "Jobs.clone",
    "Jobs.move",
    "Jobs.cancel_many",
    "Jobs.delete_many",
    "Sessions.create",
}


def public_methods(cls: type) -> list[str]:
    return [
        name
        for name, value in vars(cls).items()
        if not name.startswith("_") and inspect.isfunction(value)
    ]


def answer(request: httpx.Request) -> httpx.Response:
    """A job for any job path, a created job for a POST, an empty page for listings."""
    if request.method == "POST":
        return json_response(201, {"id": JOB_ID, "status": "submitted", "session_id": None})
    if request.url.path.endswith("/jobs"):
        return json_response(200, {"jobs": [], "next": None})
    return json_response(200, job_json(), **{"x-request-id": "req-42"})


# ---------------------------------------------------------------- extra_headers/query/body


@pytest.mark.parametrize("cls", RESOURCES + ASYNC_RESOURCES, ids=lambda c: c.__name__)
def test_every_method_takes_the_extras(cls: type) -> None:
    for name in public_methods(cls):
        if name == "wait":  # polls `get` with its own pacing; no request options of its own
            continue
        params = inspect.signature(getattr(cls, name)).parameters
        assert "extra_headers" in params, name
        assert "extra_query" in params, name
        wants_body = f"{cls.__name__.removeprefix('Async')}.{name}" in WITH_BODY
        assert ("extra_body" in params) == wants_body, name


def test_extras_reach_that_request_only() -> None:
    recorder = Recorder()
    with make_client(answer, recorder) as client:
        client.jobs.get(JOB_ID, extra_headers={"X-Trace": "t-1"}, extra_query={"probe": "yes"})
        client.jobs.get(JOB_ID)
        client.jobs.update(JOB_ID, name="n", extra_body={"experimental": True})
    first, second, third = recorder.requests
    assert first.headers["x-trace"] == "t-1"
    assert first.url.params["probe"] == "yes"
    assert "x-trace" not in second.headers
    assert "probe" not in second.url.params
    assert json.loads(third.content) == {"name": "n", "experimental": True}
    assert third.headers["content-length"] == str(len(third.content))


def test_extra_body_replaces_a_field_of_that_name_and_survives_retries() -> None:
    calls: list[httpx.Request] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) == 1:
            return json_response(503, error_body(503))
        return answer(request)

    recorder = Recorder()
    with make_client(flaky, recorder) as client:
        client.jobs.update(JOB_ID, name="mine", extra_body={"name": "theirs"})
    assert [json.loads(r.content)["name"] for r in calls] == ["theirs", "theirs"]


def test_a_creates_look_up_carries_no_extras() -> None:
    recorder = Recorder()
    posts: list[int] = []

    def lost_then_listed(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            posts.append(1)
            return json_response(500, error_body(500))
        return json_response(200, {"jobs": [], "next": None})

    client = make_client(lost_then_listed, recorder, max_retries=0)
    with client, pytest.raises(InternalServerError):
        client.jobs.create(BELL, backend="simulator", extra_headers={"X-Trace": "t"})
    post, lookup = recorder.requests
    assert post.headers["x-trace"] == "t"
    assert "x-trace" not in lookup.headers


def test_async_extras_reach_the_request() -> None:
    recorder = Recorder()

    async def run() -> None:
        async with make_async_client(answer, recorder) as client:
            await client.jobs.update(
                JOB_ID, name="n", extra_headers={"X-A": "1"}, extra_body={"x": 1}
            )

    asyncio.run(run())
    post = recorder.requests[-1]
    assert post.method == "PATCH"
    assert post.headers["x-a"] == "1"
    assert json.loads(post.content)["x"] == 1


# ---------------------------------------------------------------- with_raw_response


@pytest.mark.parametrize("cls", RESOURCES + ASYNC_RESOURCES, ids=lambda c: c.__name__)
def test_every_method_has_a_raw_twin(cls: type) -> None:
    recorder = Recorder()
    maker = make_async_client if cls.__name__.startswith("Async") else make_client
    client = maker(answer, recorder)
    attribute = {"Jobs": "jobs", "Backends": "backends", "Sessions": "sessions"}
    name = cls.__name__.removeprefix("Async")
    resource = getattr(client, attribute.get(name, name.lower()))
    raw = resource.with_raw_response
    for method in public_methods(cls):
        twin = getattr(raw, method)
        assert inspect.signature(twin) == inspect.signature(getattr(resource, method)), method


def test_raw_response_has_the_answer_and_parses_to_the_usual_model() -> None:
    recorder = Recorder()
    with make_client(answer, recorder) as client:
        raw = client.jobs.with_raw_response.get(JOB_ID)
        plain = client.jobs.get(JOB_ID)
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.request_id == "req-42"
    assert raw.headers["content-type"] == "application/json"
    assert raw.http_request.url.path.endswith(f"/jobs/{JOB_ID}")
    assert raw.parse() == plain
    assert "req-42" in repr(raw)


def test_raw_response_changes_nothing_about_retries_and_errors() -> None:
    answers = [json_response(503, error_body(503)), json_response(200, job_json())]

    def handler(request: httpx.Request) -> httpx.Response:
        return answers.pop(0) if answers else json_response(404, error_body(404))

    recorder = Recorder()
    with make_client(handler, recorder) as client:
        raw = client.jobs.with_raw_response.get(JOB_ID)
        assert raw.status_code == 200
        assert len(recorder.requests) == 2  # retried as the plain call is
        with pytest.raises(NotFoundError):
            client.jobs.with_raw_response.get(JOB_ID)


def test_async_raw_response_of_a_listing_and_of_whoami() -> None:
    recorder = Recorder()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/whoami"):
            body = {"key_id": JOB_ID, "key_name": "n"}
            return json_response(200, body)
        return answer(request)

    async def run() -> tuple[Any, Any]:
        async with make_async_client(handler, recorder) as client:
            page = await client.jobs.with_raw_response.list(limit=5)
            me = await client.with_raw_response.whoami()
            return page, me

    page, me = asyncio.run(run())
    assert page.status_code == 200
    assert page.http_request.url.params["limit"] == "5"
    assert page.parse().items == []
    assert me.parse().key_name == "n"


# ---------------------------------------------------------------- with_options


def test_with_options_shares_the_pool_and_changes_only_what_it_is_given() -> None:
    recorder = Recorder()
    with make_client(answer, recorder, max_retries=4) as client:
        fast = client.with_options(
            max_retries=0, timeout=3.0, deadline=9.0, default_headers={"X-Team": "q"}
        )
        assert fast._transport.inner is client._transport.inner
        assert (fast.max_retries, fast.deadline, fast.timeout.read) == (0, 9.0, 3.0)
        assert client.max_retries == 4
        assert fast.base_url == client.base_url
        fast.jobs.get(JOB_ID)
        fast.close()  # the copy does not close the shared pool
        client.jobs.get(JOB_ID)
    sent_by_copy, sent_by_original = recorder.requests
    assert sent_by_copy.headers["x-team"] == "q"
    assert sent_by_copy.headers["authorization"] == f"apiKey {API_KEY}"
    assert "x-team" not in sent_by_original.headers
    assert API_KEY not in repr(fast)


def test_with_options_base_url_and_async() -> None:
    recorder = Recorder()

    async def run() -> None:
        async with make_async_client(answer, recorder) as client:
            other = client.with_options(base_url="http://other.test/v0.4")
            assert other._transport.inner is client._transport.inner
            await other.jobs.get(JOB_ID)

    asyncio.run(run())
    assert recorder.requests[0].url.host == "other.test"


def test_default_headers_may_not_replace_the_key() -> None:
    with pytest.raises(ValidationError) as info:
        IonQ(api_key=API_KEY, base_url=BASE_URL, default_headers={"Authorization": "x"})
    assert info.value.key == "default_headers"


# ---------------------------------------------------------------- http_client=


def test_a_users_http_client_is_used_as_given_and_left_open() -> None:
    hooked: list[str] = []
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return answer(request)

    own = httpx.Client(
        transport=httpx.MockTransport(handler),
        event_hooks={"request": [lambda request: hooked.append(request.method)]},
    )
    with IonQ(api_key=API_KEY, base_url=BASE_URL, http_client=own) as client:
        job = client.jobs.get(JOB_ID)
        assert API_KEY not in repr(client)
    assert str(job.id) == JOB_ID
    assert hooked == ["GET"]
    assert seen[0].headers["authorization"] == f"apiKey {API_KEY}"
    assert not own.is_closed  # the caller's to close
    own.close()


def test_a_users_async_http_client_and_the_wrong_flavour() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return answer(request)

    async def run() -> None:
        own = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        async with AsyncIonQ(api_key=API_KEY, base_url=BASE_URL, http_client=own) as client:
            await client.jobs.get(JOB_ID)
        assert not own.is_closed
        await own.aclose()

    asyncio.run(run())
    assert seen == [f"/v0.4/jobs/{JOB_ID}"]
    with pytest.raises(ValidationError):
        IonQ(api_key=API_KEY, base_url=BASE_URL, http_client=httpx.AsyncClient())  # type: ignore[arg-type]

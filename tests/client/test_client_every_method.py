"""Every public method, sync and async, through MockTransport: retries, Retry-After,
timeouts, error mapping and redaction, method by method.

`CALLS` holds one call of each public method; a test checks it lists every public method
of the resources (and `whoami`), so a method added later without a test here fails.
"""

from __future__ import annotations

import asyncio
import datetime
import inspect
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from ionq_client import (
    APIError,
    APITimeoutError,
    Circuit,
    NotFoundError,
    OutcomeUnknownError,
    RateLimitError,
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
    JOB_ID,
    Recorder,
    error_body,
    json_response,
    make_async_client,
    make_client,
)

BELL = Circuit(2).h(0).cnot(0, 1)
QPU = "qpu.forte-1"

#: One call of each public method, written once for both clients (`c` is `IonQ` or
#: `AsyncIonQ`; the async calls return awaitables, awaited by `invoke`).
CALLS: dict[str, Callable[[Any], Any]] = {
    "jobs.create": lambda c: c.jobs.create(BELL, backend="simulator"),
    "jobs.get": lambda c: c.jobs.get(JOB_ID),
    "jobs.list": lambda c: c.jobs.list(limit=10),
    "jobs.update": lambda c: c.jobs.update(JOB_ID, name="renamed"),
    "jobs.cancel": lambda c: c.jobs.cancel(JOB_ID),
    "jobs.delete": lambda c: c.jobs.delete(JOB_ID),
    "jobs.cancel_many": lambda c: c.jobs.cancel_many([JOB_ID]),
    "jobs.delete_many": lambda c: c.jobs.delete_many([JOB_ID]),
    "jobs.wait": lambda c: c.jobs.wait(JOB_ID),
    "jobs.results": lambda c: c.jobs.results(JOB_ID),
    "jobs.cost": lambda c: c.jobs.cost(JOB_ID),
    "jobs.estimate": lambda c: c.jobs.estimate(backend=QPU, qubits=2),
    "jobs.clone": lambda c: c.jobs.clone(JOB_ID, shots=10),
    "jobs.move": lambda c: c.jobs.move(JOB_ID, backend=QPU),
    "jobs.artifact": lambda c: c.jobs.artifact(JOB_ID, "probabilities"),
    "backends.list": lambda c: c.backends.list(),
    "backends.get": lambda c: c.backends.get(QPU),
    "backends.characterizations": lambda c: c.backends.characterizations(QPU),
    "backends.characterization": lambda c: c.backends.characterization(QPU, JOB_ID),
    "sessions.create": lambda c: c.sessions.create(backend=QPU),
    "sessions.get": lambda c: c.sessions.get(JOB_ID),
    "sessions.list": lambda c: c.sessions.list(),
    "sessions.end": lambda c: c.sessions.end(JOB_ID),
    "sessions.jobs": lambda c: c.sessions.jobs(JOB_ID),
    "organizations.usage": lambda c: c.organizations.usage(
        "org-1",
        start_date=datetime.date(2026, 9, 1),
        end_date=datetime.date(2026, 9, 30),
        group_by="project",
        modality="weekly",
    ),
    "schemas.format": lambda c: c.schemas.format("ionq.result.histogram.json.v2"),
    "whoami": lambda c: c.whoami(),
}

#: Requests a call makes when every request times out, with `max_retries=1`: GET, PUT,
#: PATCH and DELETE are retried once; a POST that may have been acted on is not. After a
#: write fails that way the client looks the outcome up (with its own budget of 8 retries,
#: so 9 reads) before giving up with `OutcomeUnknownError`. A session create lists the
#: sessions first, and a clone or move reads the original's metadata first: when that read
#: times out nothing was sent, and the timeout itself is raised.
TIMEOUT_ATTEMPTS: dict[str, int] = dict.fromkeys(CALLS, 2) | {
    "jobs.create": 1 + 9,
    "jobs.update": 2 + 9,
    "jobs.cancel": 2 + 9,
    "jobs.delete": 2 + 9,
    "jobs.cancel_many": 2 + 9,
    "jobs.delete_many": 2 + 9,
    "sessions.end": 1 + 9,
}
#: The calls whose timeouts end as `OutcomeUnknownError` (the write may have happened).
UNKNOWN_AFTER_TIMEOUTS = {name for name, count in TIMEOUT_ATTEMPTS.items() if count > 2}


def test_calls_cover_every_public_method() -> None:
    prefixes = ("jobs", "backends", "sessions", "organizations", "schemas")
    for resources in [
        (Jobs, Backends, Sessions, Organizations, Schemas),
        (AsyncJobs, AsyncBackends, AsyncSessions, AsyncOrganizations, AsyncSchemas),
    ]:
        public = {
            f"{prefix}.{name}"
            for prefix, cls in zip(prefixes, resources, strict=True)
            for name in vars(cls)
            if not name.startswith("_") and name != "with_raw_response"
        }
        assert public | {"whoami"} == set(CALLS)


def run_sync(name: str, handler: Callable[[httpx.Request], httpx.Response]) -> Any:
    """Call `name` on a sync client; return the exception it raised and the recorder."""
    recorder = Recorder()
    with make_client(handler, recorder, max_retries=1) as client, pytest.raises(APIError) as info:
        CALLS[name](client)
    return info.value, recorder


async def settle(pending: Any) -> None:
    """Await an async call (listings return an awaitable pager)."""
    if inspect.isawaitable(pending):
        await pending


def run_async(name: str, handler: Callable[[httpx.Request], httpx.Response]) -> Any:
    """The async twin of `run_sync`."""
    recorder = Recorder()

    async def run() -> APIError:
        async with make_async_client(handler, recorder, max_retries=1) as client:
            with pytest.raises(APIError) as info:
                await settle(CALLS[name](client))
            return info.value

    return asyncio.run(run()), recorder


RUNNERS = [pytest.param(run_sync, id="sync"), pytest.param(run_async, id="async")]


def assert_redacted(error: APIError, recorder: Recorder) -> None:
    assert all(r.headers["authorization"] == f"apiKey {API_KEY}" for r in recorder.requests)
    for text in (str(error), repr(error), repr(vars(error)), repr(getattr(error, "__notes__", []))):
        assert API_KEY not in text


@pytest.mark.parametrize("run", RUNNERS)
@pytest.mark.parametrize("name", list(CALLS))
def test_rate_limits_are_retried_after_retry_after(name: str, run: Any) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return json_response(429, error_body(429), **{"retry-after": "3"})

    error, recorder = run(name, handler)
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 3.0
    assert error.attempts == 2
    assert len(recorder.requests) == 2  # a 429 was certainly not acted on: even POSTs retry
    assert recorder.sleeps == [3.0]
    assert_redacted(error, recorder)


@pytest.mark.parametrize("run", RUNNERS)
@pytest.mark.parametrize("name", list(CALLS))
def test_timeouts_are_retried_where_safe_then_raised(name: str, run: Any) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("no answer", request=request)

    error, recorder = run(name, handler)
    if name in UNKNOWN_AFTER_TIMEOUTS:
        assert isinstance(error, OutcomeUnknownError)
        assert isinstance(error.cause, APITimeoutError)
    else:
        assert isinstance(error, APITimeoutError)
    assert len(recorder.requests) == TIMEOUT_ATTEMPTS[name]
    assert_redacted(error, recorder)


@pytest.mark.parametrize("run", RUNNERS)
@pytest.mark.parametrize("name", list(CALLS))
def test_a_404_maps_to_not_found_at_once(name: str, run: Any) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return json_response(404, error_body(404, "no such thing"), **{"x-request-id": "r-1"})

    error, recorder = run(name, handler)
    assert isinstance(error, NotFoundError)
    assert (error.status_code, error.request_id, error.message) == (404, "r-1", "no such thing")
    assert len(recorder.requests) == 1
    assert recorder.sleeps == []
    assert_redacted(error, recorder)

"""No httpx exception escapes the facade, whatever phase of the exchange fails.

A failure while connecting, while waiting for the headers, halfway through the body, or
while decoding it is an `APIConnectionError` (`APITimeoutError` for timeouts), sync and
async. A read that can be repeated is retried first; a create whose body was cut is
ambiguous (its job may exist) and is looked up, never blindly resent.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest

from ionq_client import (
    APIConnectionError,
    APITimeoutError,
    Circuit,
    IonQError,
    OutcomeUnknownError,
)
from ionq_client._build import CREATE_TOKEN_KEY

from .client_helpers import (
    JOB_ID,
    Recorder,
    job_json,
    json_response,
    make_async_client,
    make_client,
)

BELL = Circuit(2).h(0).cnot(0, 1)


class CutBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body whose connection closes after its first bytes."""

    def __init__(self, first: bytes) -> None:
        self.first = first

    def __iter__(self) -> Iterator[bytes]:
        yield self.first
        raise httpx.RemoteProtocolError("peer closed connection without sending complete body")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.first
        raise httpx.RemoteProtocolError("peer closed connection without sending complete body")


def cut(body: Any, status: int = 200) -> httpx.Response:
    text = json.dumps(body).encode()
    return httpx.Response(
        status,
        headers={"content-type": "application/json", "content-length": str(len(text))},
        stream=CutBody(text[: len(text) // 2]),
    )


def refused(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


def reset_before_headers(request: httpx.Request) -> httpx.Response:
    raise httpx.RemoteProtocolError("Server disconnected without sending a response.")


def read_timeout(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("timed out", request=request)


def body_cut(request: httpx.Request) -> httpx.Response:
    return cut(job_json())


def bad_gzip(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200,
        headers={"content-type": "application/json", "content-encoding": "gzip"},
        content=b"this is not gzip",
    )


PHASES: dict[str, tuple[Callable[[httpx.Request], httpx.Response], type[IonQError]]] = {
    "connect": (refused, APIConnectionError),
    "headers": (reset_before_headers, APIConnectionError),
    "headers-timeout": (read_timeout, APITimeoutError),
    "body": (body_cut, APIConnectionError),
    "decoding": (bad_gzip, APIConnectionError),
}
#: Attempts of a GET with max_retries=2: a transport failure is retried, a body that cannot
#: be decoded is not (the same bytes would come again).
ATTEMPTS = {"connect": 3, "headers": 3, "headers-timeout": 3, "body": 3, "decoding": 1}


def run(flavour: str, handler: Callable[[httpx.Request], httpx.Response], call: Any) -> Any:
    recorder = Recorder()
    if flavour == "sync":
        with make_client(handler, recorder) as client:
            try:
                return call(client), recorder
            except Exception as exc:
                return exc, recorder

    async def go() -> Any:
        async with make_async_client(handler, recorder) as client:
            try:
                return await call(client)
            except Exception as exc:
                return exc

    return asyncio.run(go()), recorder


@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize("phase", list(PHASES))
def test_a_read_failing_in_any_phase_is_retried_then_an_ionq_error(
    phase: str, flavour: str
) -> None:
    handler, expected = PHASES[phase]
    outcome, recorder = run(flavour, handler, lambda c: c.jobs.get(JOB_ID))
    assert type(outcome) is expected, repr(outcome)
    assert isinstance(outcome.__cause__, httpx.HTTPError)
    assert len(recorder.requests) == ATTEMPTS[phase]


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_read_whose_body_was_cut_once_succeeds_on_the_retry(flavour: str) -> None:
    answers = [cut(job_json()), json_response(200, job_json())]

    def handler(request: httpx.Request) -> httpx.Response:
        return answers.pop(0)

    job, recorder = run(flavour, handler, lambda c: c.jobs.get(JOB_ID))
    assert str(job.id) == JOB_ID
    assert len(recorder.requests) == 2


class OneJobServer:
    """POST /jobs stores the job and answers with a cut body; GET /jobs lists it."""

    def __init__(self) -> None:
        self.stored: list[dict[str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            body = json.loads(request.content)
            job = job_json(f"00000000-0000-4000-8000-{len(self.stored):012d}", "submitted")
            job["metadata"] = body.get("metadata")
            self.stored.append(job)
            return cut({"id": job["id"], "status": "submitted", "session_id": None}, 201)
        return json_response(200, {"jobs": list(reversed(self.stored)), "next": None})


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_create_whose_answer_was_cut_finds_its_job_and_hides_the_token(flavour: str) -> None:
    server = OneJobServer()
    created, recorder = run(flavour, server, lambda c: c.jobs.create(BELL, backend="simulator"))
    assert len(server.stored) == 1
    assert str(created.id) == server.stored[0]["id"]
    assert [r.method for r in recorder.requests] == ["POST", "GET"]

    listed, _ = run(flavour, server, lambda c: c.jobs.list())
    first = listed.items[0] if hasattr(listed, "items") else listed
    assert CREATE_TOKEN_KEY in server.stored[0]["metadata"]  # kept on the service
    assert CREATE_TOKEN_KEY not in first.metadata.additional_properties  # hidden from callers


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_without_a_token_a_cut_create_is_reported_unknown(flavour: str) -> None:
    server = OneJobServer()
    outcome, recorder = run(
        flavour, server, lambda c: c.jobs.create(BELL, backend="simulator", create_token=False)
    )
    assert isinstance(outcome, OutcomeUnknownError)
    assert isinstance(outcome.cause, APIConnectionError)
    assert len(server.stored) == 1
    assert len(recorder.requests) == 1  # never resent, never looked up

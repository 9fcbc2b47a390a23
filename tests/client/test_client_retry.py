"""The retry policy: pure functions, and the transport applying them (MockTransport)."""

from __future__ import annotations

import asyncio
import email.utils
import time

import httpx
import pytest

from ionq_client import (
    APIConnectionError,
    APITimeoutError,
    ConflictError,
    InternalServerError,
    RateLimitError,
    ValidationError,
)
from ionq_client._retry import (
    INITIAL_RETRY_DELAY,
    MAX_RETRY_AFTER,
    MAX_RETRY_DELAY,
    backoff_delay,
    parse_retry_after,
    retry_delay,
    should_retry,
    should_retry_exception,
)

from .client_helpers import (
    JOB_ID,
    Handler,
    Recorder,
    error_body,
    job_json,
    json_response,
    make_async_client,
    make_client,
)

# ---------------------------------------------------------------- pure functions


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504, *range(520, 530)])
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH"])
def test_safe_methods_retry_transient_statuses(method: str, status: int) -> None:
    assert should_retry(method, status)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 413, 422, 501, 505, 530])
def test_other_statuses_are_final(status: int) -> None:
    assert not should_retry("GET", status)


def test_409_only_on_get() -> None:
    assert should_retry("GET", 409)
    assert not should_retry("PATCH", 409)
    assert not should_retry("DELETE", 409)


@pytest.mark.parametrize("status", [500, 502, 503, 504, 520, 409])
def test_post_is_never_retried_on_an_ambiguous_status(status: int) -> None:
    assert not should_retry("POST", status)


def test_post_is_retried_on_429_and_unsent_connections() -> None:
    request = httpx.Request("POST", "http://x/jobs")
    assert should_retry("POST", 429)
    assert should_retry_exception("POST", httpx.ConnectError("refused", request=request))
    assert should_retry_exception("POST", httpx.ConnectTimeout("slow", request=request))
    assert should_retry_exception("POST", httpx.PoolTimeout("pool", request=request))
    assert not should_retry_exception("POST", httpx.ReadTimeout("read", request=request))
    assert not should_retry_exception("POST", httpx.RemoteProtocolError("rst", request=request))
    assert should_retry_exception("GET", httpx.ReadTimeout("read", request=request))


def test_parse_retry_after() -> None:
    assert parse_retry_after(None) is None
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after(" 1.5 ") == 1.5
    assert parse_retry_after("-4") == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after("nan") is None
    assert parse_retry_after("inf") is None
    now = time.time()
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert parse_retry_after(date, now=now) == pytest.approx(30, abs=1)


def test_backoff_grows_capped_with_jitter() -> None:
    assert backoff_delay(0, rand=1.0) == INITIAL_RETRY_DELAY
    assert backoff_delay(0, rand=0.0) == INITIAL_RETRY_DELAY / 2
    assert backoff_delay(1, rand=1.0) == 2 * INITIAL_RETRY_DELAY
    assert backoff_delay(50, rand=1.0) == MAX_RETRY_DELAY
    delays = {backoff_delay(2) for _ in range(20)}
    assert len(delays) > 1  # jittered
    assert all(2 * INITIAL_RETRY_DELAY <= d <= 4 * INITIAL_RETRY_DELAY for d in delays)


def test_retry_after_wins_but_is_capped() -> None:
    assert retry_delay(0, 7.0) == 7.0
    assert retry_delay(0, 10_000.0) == MAX_RETRY_AFTER


# ---------------------------------------------------------------- the transport


def _flaky(statuses: list[int], final: httpx.Response, **headers: str) -> Handler:
    queue = list(statuses)

    def handler(request: httpx.Request) -> httpx.Response:
        if queue:
            status = queue.pop(0)
            return json_response(status, error_body(status), **headers)
        return final

    return handler


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504, 409, 520, 527])
def test_get_is_retried_then_succeeds(recorder: Recorder, status: int) -> None:
    handler = _flaky([status, status], json_response(200, job_json()))
    with make_client(handler, recorder) as client:
        assert str(client.jobs.get(JOB_ID).id) == JOB_ID
    assert len(recorder.requests) == 3
    assert len(recorder.sleeps) == 2


def test_retries_give_up_after_max_retries(recorder: Recorder) -> None:
    handler = _flaky([503] * 10, json_response(200, job_json()))
    with (
        make_client(handler, recorder, max_retries=3) as client,
        pytest.raises(InternalServerError) as info,
    ):
        client.jobs.get(JOB_ID)
    assert info.value.status_code == 503
    assert info.value.attempts == 4
    assert len(recorder.requests) == 4


def test_max_retries_per_call_overrides_the_client(recorder: Recorder) -> None:
    handler = _flaky([503] * 10, json_response(200, job_json()))
    with make_client(handler, recorder, max_retries=5) as client:
        with pytest.raises(InternalServerError):
            client.jobs.get(JOB_ID, max_retries=0)
        assert len(recorder.requests) == 1
        recorder.requests.clear()
        with pytest.raises(InternalServerError):
            client.jobs.get(JOB_ID, max_retries=1)
        assert len(recorder.requests) == 2
        recorder.requests.clear()
        # The per-call option does not leak into the next call.
        with pytest.raises(InternalServerError):
            client.jobs.get(JOB_ID)
        assert len(recorder.requests) == 6


def test_retry_after_is_honoured(recorder: Recorder) -> None:
    handler = _flaky([429], json_response(200, job_json()), **{"retry-after": "7"})
    with make_client(handler, recorder) as client:
        client.jobs.get(JOB_ID)
    assert recorder.sleeps == [7.0]


def test_retry_after_is_capped(recorder: Recorder) -> None:
    handler = _flaky([503], json_response(200, job_json()), **{"retry-after": "86400"})
    with make_client(handler, recorder) as client:
        client.jobs.get(JOB_ID)
    assert recorder.sleeps == [MAX_RETRY_AFTER]


def test_rate_limit_error_carries_retry_after(recorder: Recorder) -> None:
    handler = _flaky([429] * 5, json_response(200, job_json()), **{"retry-after": "2"})
    with (
        make_client(handler, recorder, max_retries=1) as client,
        pytest.raises(RateLimitError) as info,
    ):
        client.jobs.get(JOB_ID)
    assert info.value.retry_after == 2.0


def test_conflict_is_retried_on_get_but_not_on_patch(recorder: Recorder) -> None:
    handler = _flaky([409] * 5, json_response(200, job_json()))
    with make_client(handler, recorder) as client, pytest.raises(ConflictError):
        client.jobs.update(JOB_ID, name="x")
    assert len(recorder.requests) == 1


def test_cancel_and_delete_are_retried(recorder: Recorder) -> None:
    canceled = json_response(200, {"id": JOB_ID, "status": "canceled"})
    with make_client(_flaky([502], canceled), recorder) as client:
        assert client.jobs.cancel(JOB_ID).status == "canceled"
    assert [r.method for r in recorder.requests] == ["PUT", "PUT"]


def test_connection_errors_are_retried_then_raised(recorder: Recorder) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with make_client(handler, recorder) as client, pytest.raises(APIConnectionError) as info:
        client.jobs.get(JOB_ID)
    assert not isinstance(info.value, APITimeoutError)
    assert len(recorder.requests) == 3
    assert isinstance(info.value.__cause__, httpx.ConnectError)


def test_timeouts_are_retried_then_raised(recorder: Recorder) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with make_client(handler, recorder, max_retries=1) as client, pytest.raises(APITimeoutError):
        client.jobs.get(JOB_ID)
    assert len(recorder.requests) == 2


def test_default_and_per_call_timeouts(recorder: Recorder) -> None:
    seen: list[dict[str, float | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(dict(request.extensions["timeout"]))
        return json_response(200, job_json())

    with make_client(handler, recorder) as client:
        client.jobs.get(JOB_ID)
        client.jobs.get(JOB_ID, timeout=2.5)
        client.jobs.get(JOB_ID, timeout=httpx.Timeout(9.0, connect=1.0))
        client.jobs.get(JOB_ID, timeout=None)
        client.jobs.get(JOB_ID)
    assert seen[0] == {"connect": 5.0, "read": 60.0, "write": 60.0, "pool": 60.0}
    assert seen[1] == {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}
    assert seen[2] == {"connect": 1.0, "read": 9.0, "write": 9.0, "pool": 9.0}
    assert seen[3] == {"connect": None, "read": None, "write": None, "pool": None}
    assert seen[4] == seen[0]


def test_client_timeout(recorder: Recorder) -> None:
    seen: list[dict[str, float | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(dict(request.extensions["timeout"]))
        return json_response(200, job_json())

    with make_client(handler, recorder, timeout=12) as client:
        client.jobs.get(JOB_ID)
    assert seen[0]["read"] == 12.0


def test_async_retries_honour_retry_after(recorder: Recorder) -> None:
    handler = _flaky([503, 429], json_response(200, job_json()), **{"retry-after": "1"})

    async def run() -> None:
        async with make_async_client(handler, recorder) as client:
            await client.jobs.get(JOB_ID)

    asyncio.run(run())
    assert len(recorder.requests) == 3
    assert recorder.sleeps == [1.0, 1.0]


def test_async_max_retries_per_call(recorder: Recorder) -> None:
    handler = _flaky([503] * 10, json_response(200, job_json()))

    async def run() -> None:
        async with make_async_client(handler, recorder, max_retries=4) as client:
            with pytest.raises(InternalServerError):
                await client.jobs.get(JOB_ID, max_retries=1)

    asyncio.run(run())
    assert len(recorder.requests) == 2


@pytest.mark.parametrize("bad", [-1.0, "10", True])
def test_bad_timeouts_are_rejected(recorder: Recorder, bad: object) -> None:
    with (
        make_client(lambda r: json_response(200, job_json()), recorder) as client,
        pytest.raises(ValidationError) as info,
    ):
        client.jobs.get(JOB_ID, timeout=bad)  # type: ignore[arg-type]
    assert info.value.key == "timeout"
    assert recorder.requests == []


def test_negative_max_retries_is_rejected(recorder: Recorder) -> None:
    with pytest.raises(ValidationError):
        make_client(lambda r: json_response(200, job_json()), recorder, max_retries=-1)
    with (
        make_client(lambda r: json_response(200, job_json()), recorder) as client,
        pytest.raises(ValidationError),
    ):
        client.jobs.get(JOB_ID, max_retries=-2)

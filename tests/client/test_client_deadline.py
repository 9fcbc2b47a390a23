"""A call's `deadline=` bounds it whole: every attempt, backoff and look-up included.

Shown against the live mock with answers stalled longer than the deadline (`latency`),
or failing on every attempt (503): no call outlives its deadline by more than one backoff
step (`INITIAL_RETRY_DELAY`, the first and shortest), sync or async, whether the deadline
is the call's or the client's.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any, Final

import pytest

from ionq_client import (
    APITimeoutError,
    AsyncIonQ,
    Circuit,
    InternalServerError,
    IonQ,
    OutcomeUnknownError,
    ValidationError,
)
from ionq_client._retry import INITIAL_RETRY_DELAY
from ionq_mock.faults import Faults
from ionq_mock.testing import MockServer

BELL = Circuit(1).h(0)
DEADLINE: Final = 0.6
STALL: Final = 3.0
#: How far past its deadline a call may end: one backoff step.
SLACK: Final = INITIAL_RETRY_DELAY


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer(api_keys=["k"], job_duration=0.05) as running:
        yield running


def timed(call: Any) -> tuple[Any, float]:
    start = time.monotonic()
    try:
        outcome = call()
    except Exception as exc:
        outcome = exc
    return outcome, time.monotonic() - start


def sync_client(server: MockServer, **kwargs: Any) -> IonQ:
    return IonQ(api_key="k", base_url=server.base_url, **kwargs)


@pytest.mark.parametrize("where", ["call", "client"])
def test_a_stalled_read_ends_at_its_deadline(server: MockServer, where: str) -> None:
    with sync_client(server) as setup:
        job = setup.jobs.create(BELL, backend="simulator")
    server.app.faults = Faults(latency=STALL)
    try:
        per_client: dict[str, Any] = {"deadline": DEADLINE} if where == "client" else {}
        per_call: dict[str, Any] = {"deadline": DEADLINE} if where == "call" else {}
        with sync_client(server, max_retries=5, **per_client) as client:
            outcome, elapsed = timed(lambda: client.jobs.get(job.id, **per_call))
    finally:
        server.app.faults = Faults()
    assert isinstance(outcome, APITimeoutError)
    assert DEADLINE * 0.9 <= elapsed <= DEADLINE + SLACK


def test_a_stalled_create_ends_at_its_deadline_as_unknown(server: MockServer) -> None:
    # The create commits, then its answer stalls: the look-up has no time left, so the
    # outcome is unknown (not a second job, and not a false "not created").
    server.app.faults = Faults(latency=STALL)
    try:
        with sync_client(server, max_retries=5) as client:
            outcome, elapsed = timed(
                lambda: client.jobs.create(BELL, backend="simulator", deadline=DEADLINE)
            )
    finally:
        server.app.faults = Faults()
    assert isinstance(outcome, OutcomeUnknownError)
    assert isinstance(outcome.cause, APITimeoutError)
    print(f"\ncreate with a {DEADLINE} s deadline, answer stalled {STALL} s: {elapsed:.2f} s")
    assert elapsed <= DEADLINE + SLACK


def test_retries_stop_before_the_deadline_with_the_last_error(server: MockServer) -> None:
    server.app.faults = Faults(rates={503: 1.0})
    try:
        with sync_client(server, max_retries=50) as client:
            outcome, elapsed = timed(lambda: client.backends.list(deadline=2.0))
    finally:
        server.app.faults = Faults()
    assert isinstance(outcome, InternalServerError)
    assert outcome.status_code == 503
    assert any("deadline" in note for note in outcome.__notes__)
    assert 1 < outcome.attempts < 50
    print(f"\n503s with a 2.0 s deadline: {outcome.attempts} attempts in {elapsed:.2f} s")
    assert elapsed <= 2.0 + SLACK


def test_a_call_may_lift_the_clients_deadline(server: MockServer) -> None:
    server.app.faults = Faults(latency=1.0)
    try:
        with sync_client(server, deadline=0.3) as client:
            outcome, elapsed = timed(lambda: client.backends.list(deadline=None))
    finally:
        server.app.faults = Faults()
    assert isinstance(outcome, list)
    assert elapsed >= 1.0


@pytest.mark.parametrize("bad", [0, -1, "1", True])
def test_a_deadline_must_be_positive_seconds(server: MockServer, bad: Any) -> None:
    with pytest.raises(ValidationError) as info:
        sync_client(server, deadline=bad)
    assert info.value.key == "deadline"
    with sync_client(server) as client, pytest.raises(ValidationError):
        client.backends.list(deadline=bad)


def test_async_calls_in_flight_each_end_at_their_deadline(server: MockServer) -> None:
    async def run() -> list[tuple[Any, float]]:
        async with AsyncIonQ(api_key="k", base_url=server.base_url, max_retries=5) as client:
            job = await client.jobs.create(BELL, backend="simulator")
            server.app.faults = Faults(latency=STALL)

            async def one(i: int) -> tuple[Any, float]:
                start = time.monotonic()
                try:
                    if i % 2:
                        outcome: Any = await client.jobs.get(job.id, deadline=DEADLINE)
                    else:
                        outcome = await client.jobs.create(
                            BELL, backend="simulator", deadline=DEADLINE
                        )
                except Exception as exc:
                    outcome = exc
                return outcome, time.monotonic() - start

            return list(await asyncio.gather(*(one(i) for i in range(8))))

    try:
        results = asyncio.run(run())
    finally:
        server.app.faults = Faults()
    for i, (outcome, elapsed) in enumerate(results):
        assert isinstance(outcome, OutcomeUnknownError if i % 2 == 0 else APITimeoutError)
        assert elapsed <= DEADLINE + SLACK

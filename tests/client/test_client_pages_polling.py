"""Pagination (page objects, lazy following) and polling (injected clock and sleep)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from ionq_client import NOT_GIVEN, JobFailedError, JobTimeoutError, ValidationError
from ionq_client._polling import MAX_POLL_INTERVAL, TERMINAL, UNSUCCESSFUL, next_interval

from .client_helpers import (
    JOB_ID,
    Recorder,
    job_json,
    json_response,
    make_async_client,
    make_client,
)

IDS = [f"01a20f69-83ba-7000-802c-63e2033750{i:02d}" for i in range(7)]


def paged(next_values: dict[str | None, str | None]) -> Any:
    """A handler serving IDS two per page, cursor = the last id of the previous page."""

    def handler(request: httpx.Request) -> httpx.Response:
        cursor = request.url.params.get("next")
        start = 0 if cursor is None else IDS.index(cursor) + 1
        chunk = IDS[start : start + 2]
        nxt = next_values.get(chunk[-1], chunk[-1]) if start + 2 < len(IDS) else None
        return json_response(200, {"jobs": [job_json(i) for i in chunk], "next": nxt})

    return handler


def test_iteration_follows_every_page_lazily(recorder: Recorder) -> None:
    with make_client(paged({}), recorder) as client:
        page = client.jobs.list(limit=2)
        assert len(recorder.requests) == 1
        assert [str(j.id) for j in page.items] == IDS[:2]
        assert page.has_next_page()
        iterator = iter(page)
        for _ in range(3):
            next(iterator)
        assert len(recorder.requests) == 2  # the second page only once it was needed
        assert [str(j.id) for j in client.jobs.list(limit=2)] == IDS
    assert recorder.requests[1].url.params["next"] == IDS[1]
    assert recorder.requests[1].url.params["limit"] == "2"


def test_iter_pages_and_next_page(recorder: Recorder) -> None:
    with make_client(paged({}), recorder) as client:
        pages = list(client.jobs.list(limit=2).iter_pages())
        assert [len(p.items) for p in pages] == [2, 2, 2, 1]
        assert not pages[-1].has_next_page()
        with pytest.raises(LookupError):
            pages[-1].next_page()


def test_a_repeated_cursor_stops_iteration(recorder: Recorder) -> None:
    # A server that answers the same cursor again would otherwise loop forever.
    def handler(request: httpx.Request) -> httpx.Response:
        return json_response(200, {"jobs": [job_json(IDS[0])], "next": IDS[0]})

    with make_client(handler, recorder) as client:
        assert len(list(client.jobs.list())) == 2
    assert len(recorder.requests) == 2


def test_filters_are_sent(recorder: Recorder) -> None:
    with make_client(paged({}), recorder) as client:
        client.jobs.list(status="completed", backend="simulator", ids=IDS[:2], limit=5)
    params = recorder.requests[0].url.params
    assert params["status"] == "completed"
    assert params["target"] == "simulator"  # IonQ's name for the backend filter
    assert "backend" not in params
    assert params.get_list("ids") == IDS[:2]


def test_several_backends_and_a_submitter_are_one_target_filter(recorder: Recorder) -> None:
    with make_client(paged({}), recorder) as client:
        client.jobs.list(backend=["simulator", "qpu.forte-1"], submitter_id="user-1")
        with pytest.raises(ValidationError) as info:
            client.jobs.list(backend=["simulator,qpu.aria-1"])
    assert info.value.key == "backend"
    assert len(recorder.requests) == 1
    params = recorder.requests[0].url.params
    assert params["target"] == "simulator,qpu.forte-1"
    assert params["submitter_id"] == "user-1"


@pytest.mark.parametrize("limit", [0, 1001, -1, True])
def test_page_size_is_checked(recorder: Recorder, limit: int) -> None:
    with make_client(paged({}), recorder) as client, pytest.raises(ValidationError) as info:
        client.jobs.list(limit=limit)
    assert info.value.key == "limit"
    assert recorder.requests == []


def test_characterizations_follow_page_numbers(recorder: Recorder) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page"])
        chars = [
            {
                "id": f"5e4d3c2b-1a09-4f8e-b7d6-c5b4a39281{number}{i}",
                "date": "2026-01-01T00:00:00+00:00",
                "backend": "qpu.forte-1",
                "qubits": 36,
                "connectivity": [[0, 1]],
                "fidelity": {"spam": {"median": 0.99, "stderr": 0.01}},
                "timing": {"readout": 0.0001, "reset": 0.00002},
            }
            for i in range(2)
        ]
        return json_response(200, {"characterizations": chars, "pages": 3})

    with make_client(handler, recorder) as client:
        every = list(client.backends.characterizations("qpu.forte-1", limit=2))
    assert len(every) == 6
    assert [r.url.params["page"] for r in recorder.requests] == ["1", "2", "3"]


@pytest.mark.parametrize(("sizes", "limit", "asked"), [([2, 2, 1], 2, 3), ([10, 3], None, 2)])
def test_characterizations_without_a_page_count_stop_at_a_short_page(
    recorder: Recorder, sizes: list[int], limit: int | None, asked: int
) -> None:
    """IonQ's document makes `pages` optional: then a page shorter than the page size (the
    `limit`, else the service's 10) is the last; no request is spent on an empty page."""

    def handler(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page"])
        size = sizes[number - 1] if number <= len(sizes) else 0
        chars = [{"timing": {"readout": 0.0001, "reset": 0.00002}}] * size
        return json_response(200, {"characterizations": chars})

    with make_client(handler, recorder) as client:
        every = list(client.backends.characterizations("qpu.forte-1", limit=limit or NOT_GIVEN))
    assert len(every) == sum(sizes)
    assert len(recorder.requests) == asked


def test_async_pager(recorder: Recorder) -> None:
    async def run() -> None:
        async with make_async_client(paged({}), recorder) as client:
            assert [str(j.id) async for j in client.jobs.list(limit=2)] == IDS
            first = await client.jobs.list(limit=2)
            pages = [p async for p in first.iter_pages()]
            assert [len(p.items) for p in pages] == [2, 2, 2, 1]
            with pytest.raises(LookupError):
                await pages[-1].next_page()

    asyncio.run(run())


# ---------------------------------------------------------------- polling


class FakeTime:
    """A clock that only moves when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


def statuses(*sequence: str, **extra: Any) -> Any:
    queue = list(sequence)

    def handler(request: httpx.Request) -> httpx.Response:
        status = queue.pop(0) if len(queue) > 1 else queue[0]
        return json_response(200, job_json(JOB_ID, status, **extra))

    return handler


def test_state_sets() -> None:
    assert frozenset({"completed", "failed", "canceled"}) == TERMINAL
    assert frozenset({"failed", "canceled"}) == UNSUCCESSFUL


def test_wait_polls_with_growing_capped_intervals(recorder: Recorder) -> None:
    fake = FakeTime()
    handler = statuses(*["submitted"] * 3, *["started"] * 10, "completed")
    seen: list[tuple[str, float]] = []
    with make_client(handler, recorder, _sleep=fake.sleep, _clock=fake.clock) as client:
        job = client.jobs.wait(
            JOB_ID,
            timeout=1000,
            poll_interval=1.0,
            on_progress=lambda j, elapsed: seen.append((j.status, elapsed)),
        )
    assert job.status == "completed"
    assert len(recorder.requests) == 14
    assert fake.sleeps[:4] == [1.0, 1.5, 2.25, 3.375]
    assert max(fake.sleeps) == MAX_POLL_INTERVAL
    assert all(b >= a for a, b in zip(fake.sleeps, fake.sleeps[1:], strict=False))
    assert seen[0] == ("submitted", 0.0)
    assert seen[-1][0] == "completed"
    assert next_interval(4.0) == MAX_POLL_INTERVAL


def test_wait_times_out_at_the_deadline(recorder: Recorder) -> None:
    fake = FakeTime()
    with (
        make_client(statuses("ready"), recorder, _sleep=fake.sleep, _clock=fake.clock) as client,
        pytest.raises(JobTimeoutError) as info,
    ):
        client.jobs.wait(JOB_ID, timeout=10, poll_interval=1.0)
    assert fake.now == pytest.approx(10.0)  # the last sleep was cut to the deadline
    assert info.value.last_status == "ready"
    assert info.value.job_id == JOB_ID


def test_wait_raises_for_failed_and_canceled(recorder: Recorder) -> None:
    fake = FakeTime()
    failure = {"code": "SimulationError", "message": "it broke"}
    with (
        make_client(
            statuses("started", "failed", failure=failure),
            recorder,
            _sleep=fake.sleep,
            _clock=fake.clock,
        ) as client,
        pytest.raises(JobFailedError) as info,
    ):
        client.jobs.wait(JOB_ID)
    assert info.value.code == "SimulationError"
    assert info.value.failure_message == "it broke"
    assert "it broke" in str(info.value)
    with (
        make_client(statuses("canceled"), recorder, _sleep=fake.sleep, _clock=fake.clock) as client,
        pytest.raises(JobFailedError) as canceled,
    ):
        client.jobs.wait(JOB_ID)
    assert canceled.value.status == "canceled"
    assert canceled.value.code is None


def test_async_wait_uses_the_injected_clock(recorder: Recorder) -> None:
    fake = FakeTime()

    async def run() -> None:
        async with make_async_client(
            statuses("submitted", "submitted", "completed"),
            recorder,
            _sleep=fake.asleep,
            _clock=fake.clock,
        ) as client:
            job = await client.jobs.wait(JOB_ID, poll_interval=2.0)
            assert job.status == "completed"
            with pytest.raises(JobTimeoutError):
                await make_async_client(
                    statuses("ready"), recorder, _sleep=fake.asleep, _clock=fake.clock
                ).jobs.wait(JOB_ID, timeout=3, poll_interval=1.0)

    asyncio.run(run())
    assert fake.sleeps[:2] == [2.0, 3.0]

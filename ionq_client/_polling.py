"""Waiting for a job to finish: explicit state sets, growing intervals, injectable time.

`poll` and `apoll` take the functions that read the job, tell the time and sleep, so tests
drive them with a fake clock and never really wait.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Final

from ionq_client._exceptions import JobFailedError, JobTimeoutError
from ionq_client._jobs import AnyJob

__all__ = [
    "DEFAULT_POLL_INTERVAL",
    "DEFAULT_WAIT_TIMEOUT",
    "MAX_POLL_INTERVAL",
    "POLL_MULTIPLIER",
    "TERMINAL",
    "UNSUCCESSFUL",
    "apoll",
    "next_interval",
    "poll",
]

#: States a job never leaves.
TERMINAL: Final = frozenset({"completed", "failed", "canceled"})
#: Terminal states that `wait` reports as `JobFailedError`.
UNSUCCESSFUL: Final = frozenset({"failed", "canceled"})

DEFAULT_POLL_INTERVAL: Final = 0.25
MAX_POLL_INTERVAL: Final = 5.0
POLL_MULTIPLIER: Final = 1.5
DEFAULT_WAIT_TIMEOUT: Final = 300.0

ProgressCallback = Callable[[AnyJob, float], None]


def next_interval(interval: float, maximum: float = MAX_POLL_INTERVAL) -> float:
    """The interval after `interval`: grown by `POLL_MULTIPLIER`, capped at `maximum`."""
    return min(maximum, interval * POLL_MULTIPLIER)


def _finish(job: AnyJob) -> AnyJob:
    if job.status in UNSUCCESSFUL:
        raise JobFailedError(job)
    return job


def _pause(
    job: AnyJob, job_id: str, timeout: float | None, elapsed: float, interval: float
) -> float:
    """Seconds to sleep before the next read: the interval, cut short so the last read
    happens at the deadline; past the deadline, `JobTimeoutError`."""
    if timeout is None:
        return interval
    remaining = timeout - elapsed
    if remaining <= 0:
        raise JobTimeoutError(job_id, timeout, job.status)
    return min(interval, remaining)


def poll(
    fetch: Callable[[], AnyJob],
    *,
    job_id: str,
    timeout: float | None,
    interval: float = DEFAULT_POLL_INTERVAL,
    max_interval: float = MAX_POLL_INTERVAL,
    on_progress: ProgressCallback | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> AnyJob:
    """Read the job until it is terminal; return it, or raise `JobFailedError`/`JobTimeoutError`.

    `on_progress(job, elapsed_seconds)` is called after every read. The last sleep is cut
    short so the final read happens at the deadline, not after it.
    """
    start = clock()
    while True:
        job = fetch()
        elapsed = clock() - start
        if on_progress is not None:
            on_progress(job, elapsed)
        if job.status in TERMINAL:
            return _finish(job)
        sleep(_pause(job, job_id, timeout, elapsed, interval))
        interval = next_interval(interval, max_interval)


async def apoll(
    fetch: Callable[[], Awaitable[AnyJob]],
    *,
    job_id: str,
    timeout: float | None,
    interval: float = DEFAULT_POLL_INTERVAL,
    max_interval: float = MAX_POLL_INTERVAL,
    on_progress: ProgressCallback | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], Awaitable[None]],
) -> AnyJob:
    """The async twin of `poll`."""
    start = clock()
    while True:
        job = await fetch()
        elapsed = clock() - start
        if on_progress is not None:
            on_progress(job, elapsed)
        if job.status in TERMINAL:
            return _finish(job)
        await sleep(_pause(job, job_id, timeout, elapsed, interval))
        interval = next_interval(interval, max_interval)

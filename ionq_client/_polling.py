"""Waiting for a job to finish: explicit state sets, growing intervals, injectable time.

The loop itself (`apoll` in `_async/polling.py`, `poll` generated from it) takes the
functions that read the job, tell the time and sleep, so tests drive it with a fake clock
and never really wait; what it decides at each read is here, free of I/O.
"""

from __future__ import annotations

from collections.abc import Callable
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
    "ProgressCallback",
    "finish",
    "next_interval",
    "pause",
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


def finish(job: AnyJob) -> AnyJob:
    if job.status in UNSUCCESSFUL:
        raise JobFailedError(job)
    return job


def pause(
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

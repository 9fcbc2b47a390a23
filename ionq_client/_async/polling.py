"""Waiting for a job to finish: read it until it is terminal, sleeping longer each time.

The state sets and the pure decisions (how long to sleep, when to give up) are in
`_polling`; this is the loop, with the reader, the clock and the sleep passed in.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from ionq_client._jobs import AnyJob
from ionq_client._polling import (
    DEFAULT_POLL_INTERVAL,
    MAX_POLL_INTERVAL,
    TERMINAL,
    ProgressCallback,
    finish,
    next_interval,
    pause,
)

__all__ = ["apoll"]


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
    """Read the job until it is terminal; return it, or raise `JobFailedError`/`JobTimeoutError`.

    `on_progress(job, elapsed_seconds)` is called after every read. The last sleep is cut
    short so the final read happens at the deadline, not after it.
    """
    start = clock()
    while True:
        job = await fetch()
        elapsed = clock() - start
        if on_progress is not None:
            on_progress(job, elapsed)
        if job.status in TERMINAL:
            return finish(job)
        await sleep(pause(job, job_id, timeout, elapsed, interval))
        interval = next_interval(interval, max_interval)

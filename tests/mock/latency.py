"""Latency bounds that hold on a loaded machine.

A test that says "other requests are not kept waiting while costly work runs" bounds the
slowest of those requests. A fixed bound alone fails when the machine itself is busy (CI
shares its two cores: with three CPU-bound processes beside it, a bare `GET /backends` on
an idle mock took 50 ms at the median and 120 ms at worst, against 2 ms unloaded). So the
bound is a fixed allowance for the costly work plus `LOAD_FACTOR` times the slowest of the
same requests measured just before, with nothing costly running: the machine's own delay
scales the bound, and a server that stalls for the length of the costly work (seconds, the
bugs these tests guard against) still fails it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final

# The slowest quiet request, times this, is what the machine's load may add.
LOAD_FACTOR: Final = 4.0
QUIET_SAMPLES: Final = 20
QUIET_PAUSE: Final = 0.005


def quiet_slowest(send: Callable[[], object], samples: int = QUIET_SAMPLES) -> float:
    """The slowest of `samples` calls of `send()`, one every `QUIET_PAUSE` seconds."""
    slowest = 0.0
    for _ in range(samples):
        start = time.perf_counter()
        send()
        slowest = max(slowest, time.perf_counter() - start)
        time.sleep(QUIET_PAUSE)
    return slowest


def allowed_wait(allowance: float, quiet: float) -> float:
    """The most a request may wait beside costly work: `allowance` for the work, plus the
    machine's own delay (`quiet`, the slowest of the same request with nothing running)."""
    return allowance + LOAD_FACTOR * quiet

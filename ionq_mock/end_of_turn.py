"""Work held until the event loop's turn ends, done sooner when someone needs it done.

Under load a turn of the event loop answers several requests, and work done between two
requests runs with the processor's caches full of other things, at a few times its
tight-loop cost. So the store holds created jobs' rows and the journal its entries
(ionq_mock/store.py, ionq_mock/journal.py) and each does its held work once, at the end of
the turn. Whoever reads first gets it done before reading (`now`): on the loop's thread at
once; from another thread (a test inspecting a `MockServer`'s app while it serves) by
asking the loop to do it and waiting, so that the held work never runs on two threads.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Final

# Seconds a reader on another thread waits for the loop to do the held work (a loop that
# does not answer in that time is stuck; the reader then reads without it).
WAIT_SECONDS: Final = 5.0


class EndOfTurn:
    """Runs `work` at the end of the turn in which `schedule` was called, or sooner by
    `now`. `work` must do nothing when nothing is held."""

    __slots__ = ("_loop", "_thread", "_work")

    def __init__(self, work: Callable[[], None]) -> None:
        self._work = work
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: int | None = None

    def schedule(self) -> None:
        """Do the work when the running loop's turn ends (call once per batch held)."""
        loop = asyncio.get_running_loop()
        self._loop, self._thread = loop, threading.get_ident()
        loop.call_soon(self._work)

    def now(self) -> None:
        """Do the held work before returning, on the loop's thread."""
        loop = self._loop
        if loop is None or threading.get_ident() == self._thread or not loop.is_running():
            self._work()
            return
        done = threading.Event()

        def work() -> None:
            try:
                self._work()
            finally:
                done.set()

        try:
            loop.call_soon_threadsafe(work)
        except RuntimeError:  # closed since: nothing runs on it any more
            self._work()
            return
        done.wait(WAIT_SECONDS)

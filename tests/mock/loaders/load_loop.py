"""What every crash-recovery loader shares: its arguments, its create loop, and how it knows
the server is gone.

A loader is a process of its own (as a user's program is) that creates jobs until the mock
disappears. It writes one line per acknowledged job id to its output file, flushed at once,
so whatever it had acknowledged when the server was killed is on disk for the test to read.
Each create carries `crash_loader` (the loader's name) and `crash_seq` (a number never reused
by that loader) in its metadata, so the test can tell two jobs made by one call apart from
two calls.

Exit status: 0 once the server's port refuses connections (the server is gone: probed
after every failed create, and every `WATCH_INTERVAL` seconds by a watchdog thread, so a
create stuck in its client's retries does not keep the loader alive); 2 after
`MAX_CONSECUTIVE_FAILURES` failed creates in a row while the server still accepts
connections (the client is broken, not the server); 3 when the hard timeout passes first.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import socket
import sys
import threading
import time
import traceback
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final, NoReturn
from urllib.parse import urlsplit

__all__ = [
    "BELL",
    "LoadArgs",
    "job_metadata",
    "parse_args",
    "run_async",
    "run_sync",
]

# A two-qubit circuit: cheap to validate and store, so the load is on the create path.
BELL: Final[dict[str, object]] = {
    "qubits": 2,
    "gateset": "qis",
    "circuit": [{"gate": "h", "target": 0}, {"gate": "cnot", "control": 0, "target": 1}],
}
MAX_CONSECUTIVE_FAILURES: Final = 20
PROBE_TIMEOUT: Final = 1.0
WATCH_INTERVAL: Final = 0.2
SERVER_GONE, CLIENT_BROKEN, TIMED_OUT = 0, 2, 3


@dataclass(frozen=True)
class LoadArgs:
    base_url: str
    api_key: str
    out: Path
    name: str
    hard_timeout: float

    @property
    def address(self) -> tuple[str, int]:
        """The server's host and port, to probe whether it still listens."""
        parts = urlsplit(self.base_url)
        return parts.hostname or "", parts.port or 0


def parse_args(description: str) -> LoadArgs:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--out", required=True, type=Path, help="acknowledged ids, one a line")
    parser.add_argument("--name", required=True, help="this loader's name in job metadata")
    parser.add_argument("--hard-timeout", type=float, default=60.0, help="seconds")
    parsed = parser.parse_args()
    parts = urlsplit(parsed.base_url)
    if parts.hostname is None or parts.port is None:
        parser.error(f"--base-url needs a host and a port: {parsed.base_url!r}")
    return LoadArgs(
        base_url=parsed.base_url,
        api_key=parsed.api_key,
        out=parsed.out,
        name=parsed.name,
        hard_timeout=parsed.hard_timeout,
    )


def job_metadata(args: LoadArgs, seq: int) -> dict[str, str]:
    return {"crash_loader": args.name, "crash_seq": str(seq)}


class Acknowledgements:
    """The output file: one acknowledged id a line, flushed at once. `exit` ends the
    process between two lines, never in the middle of one."""

    def __init__(self, path: Path) -> None:
        self._file = path.open("a", encoding="utf-8")
        self._lock = threading.Lock()

    def write(self, job_id: str) -> None:
        with self._lock:
            self._file.write(job_id + "\n")
            self._file.flush()

    def close(self) -> None:
        with self._lock:
            self._file.close()

    def exit(self, status: int) -> NoReturn:
        with self._lock:
            sys.stderr.flush()
            os._exit(status)


def report(args: LoadArgs, seq: int, exc: BaseException) -> None:
    print(f"{args.name}: create {seq} failed:", file=sys.stderr)
    traceback.print_exception(exc, file=sys.stderr)


def server_gone(args: LoadArgs) -> bool:
    """Whether the mock's port refuses connections (a killed server's port does at once)."""
    try:
        with socket.create_connection(args.address, timeout=PROBE_TIMEOUT):
            return False
    except ConnectionRefusedError:
        return True
    except OSError:
        return False  # a slow accept is a busy server, not a gone one


def start_watchdog(args: LoadArgs, acknowledgements: Acknowledgements) -> None:
    """End the process once the server is gone or the hard timeout has passed, even while
    a create is still inside its client's retries (a facade's look-up after an ambiguous
    failure retries for longer than this test waits)."""
    deadline = time.monotonic() + args.hard_timeout

    def watch() -> None:
        while time.monotonic() < deadline:
            time.sleep(WATCH_INTERVAL)
            if server_gone(args):
                acknowledgements.exit(SERVER_GONE)
        print(f"{args.name}: hard timeout of {args.hard_timeout} s passed", file=sys.stderr)
        acknowledgements.exit(TIMED_OUT)

    threading.Thread(target=watch, name="watchdog", daemon=True).start()


def run_sync(args: LoadArgs, create: Callable[[int], str]) -> int:
    """Call `create(seq)` for seq = 0, 1, ... until the server is gone; the exit status
    (unless the watchdog ends the process first)."""
    acknowledgements = Acknowledgements(args.out)
    start_watchdog(args, acknowledgements)
    seqs = itertools.count()
    failures = 0
    try:
        while True:
            seq = next(seqs)
            try:
                job_id = create(seq)
            except Exception as exc:
                if server_gone(args):
                    return SERVER_GONE
                report(args, seq, exc)
                failures += 1
                if failures >= MAX_CONSECUTIVE_FAILURES:
                    return CLIENT_BROKEN
                continue
            failures = 0
            acknowledgements.write(job_id)
    finally:
        acknowledgements.close()


async def run_async(
    args: LoadArgs, create: Callable[[int], Awaitable[str]], *, in_flight: int
) -> int:
    """`run_sync` with `in_flight` creates awaited at once; the first worker to find the
    server gone (or the client broken) stops them all."""
    acknowledgements = Acknowledgements(args.out)
    start_watchdog(args, acknowledgements)
    seqs = itertools.count()
    outcome: list[int] = []

    async def worker() -> None:
        failures = 0
        while not outcome:
            seq = next(seqs)
            try:
                job_id = await create(seq)
            except Exception as exc:
                if await asyncio.to_thread(server_gone, args):
                    outcome.append(SERVER_GONE)
                    return
                report(args, seq, exc)
                failures += 1
                if failures >= MAX_CONSECUTIVE_FAILURES:
                    outcome.append(CLIENT_BROKEN)
                continue
            failures = 0
            acknowledgements.write(job_id)

    try:
        await asyncio.gather(*(worker() for _ in range(in_flight)))
    finally:
        acknowledgements.close()
    return outcome[0]

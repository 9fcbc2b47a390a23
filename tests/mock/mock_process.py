"""`ionq-mock serve` as a process of its own, for the tests that kill it or load it from
other processes: start it on a free loopback port, stop it, and list a key's jobs raw (so
every stored field, the metadata the facade may hide included, is seen as stored)."""

from __future__ import annotations

import selectors
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import httpx

__all__ = ["list_jobs", "start_server", "stop"]

# Python start-up plus the app import, on a loaded 2-core machine.
START_TIMEOUT: Final = 20.0
STOP_TIMEOUT: Final = 10.0


def start_server(
    db: Path | None, keys: Sequence[str], extra: Sequence[str] = ()
) -> tuple[subprocess.Popen[str], str]:
    """`ionq-mock serve --port 0` with `keys` (and `--db db`, and `extra` flags); its
    process and announced base URL, or a failure if it does not announce one in time."""
    command = [sys.executable, "-c", "from ionq_mock.cli import main; main()", "serve"]
    command += ["--host", "127.0.0.1", "--port", "0"]
    for key in keys:
        command += ["--api-key", key]
    if db is not None:
        command += ["--db", str(db)]
    command += extra
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        ready = selector.select(timeout=START_TIMEOUT)
    if not ready:
        process.kill()
        stop(process)
        raise AssertionError(f"ionq-mock printed no ready line within {START_TIMEOUT} s")
    # The server prints the line in one write and flushes; a partial line ends at EOF.
    line = process.stdout.readline()
    if not line.startswith("ionq-mock listening on "):
        stop(process)
        raise AssertionError(f"ionq-mock did not start: first line {line!r}")
    return process, line.split()[-1]


def stop(process: subprocess.Popen[str]) -> None:
    """Stop `process` (SIGTERM, then SIGKILL if it lingers) and close its pipe."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if process.stdout is not None:
        process.stdout.close()


def list_jobs(base_url: str, key: str, *, timeout: float = 30.0) -> list[dict[str, Any]]:
    """Every job of `key`, newest first, following `next` to the last page (bounded by
    `timeout` seconds in all)."""
    jobs: list[dict[str, Any]] = []
    params: dict[str, str | int] = {"limit": 1000}
    deadline = time.monotonic() + timeout
    headers = {"Authorization": f"apiKey {key}"}
    with httpx.Client(base_url=base_url, headers=headers, timeout=timeout) as http:
        while time.monotonic() < deadline:
            answer = http.get("/jobs", params=params)
            assert answer.status_code == 200, answer.text
            page = answer.json()
            jobs += page["jobs"]
            if page["next"] is None:
                return jobs
            params["next"] = page["next"]
    raise AssertionError(f"listing {key}'s jobs took over {timeout} s ({len(jobs)} so far)")

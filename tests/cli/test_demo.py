"""`make demo` itself: `scripts/demo` as a subprocess, from a clean state, with `.venv` installed.

It must print the whole path (circuits, jobs, histograms, pages), exit 0, and leave nothing
running: its embedded server's port is closed once it has returned. Pointed at another
server it runs there; any failure is one line and exit 1.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
from pathlib import Path

from ionq_client import IonQ
from ionq_mock.testing import MockServer, free_port

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "scripts" / "demo"
KEY = "demo-test-key-0123456789"


def run_demo(**extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IONQ_")}
    env.update({"COLUMNS": "100", "NO_COLOR": "1", **extra})
    return subprocess.run(
        [str(DEMO)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def port_is_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def histograms(out: str) -> list[dict[str, int]]:
    """`{bitstring: count}` of each histogram printed, in order (a caption ends each)."""
    tables = out.split("bit order: qubit 0 leftmost")[:-1]
    row = re.compile(r"^│ ([01]+)\s+│\s+(\d+) │", re.MULTILINE)
    return [{m[1]: int(m[2]) for m in row.finditer(t)} for t in tables]


def test_make_demo_runs_everything_and_stops_its_server() -> None:
    done = run_demo()
    assert done.returncode == 0, done.stderr
    out = done.stdout
    started = re.search(r"started the mock server at http://127\.0\.0\.1:(\d+)/v0\.4", out)
    assert started, out
    port = int(started[1])
    assert f"stopped the mock server at http://127.0.0.1:{port}/v0.4" in out
    assert not port_is_open(port)

    for name in ("bell", "ghz-5", "native", "multi-circuit"):
        assert re.search(rf"^  {re.escape(name)}\s+completed\s+after \d+\.\ds$", out, re.M)
    # bell, ghz-5, native, then the two circuits of the multi-circuit job: each one's
    # dominant outcomes (noise adds small ones), in counts of 1000 shots.
    expected = [{"00", "11"}, {"00000", "11111"}, {"001", "111"}, {"100"}, {"000", "111"}]
    found = histograms(out)
    assert len(found) == len(expected), out
    for counts, dominant in zip(found, expected, strict=True):
        assert {b for b, c in counts.items() if c > 300} == dominant, counts
    assert "page 1" in out
    assert "page 2" in out
    assert done.stderr == ""


def test_the_demo_runs_against_another_server() -> None:
    with MockServer(api_keys=[KEY], job_duration=0.3) as server:
        done = run_demo(IONQ_BASE_URL=server.base_url, IONQ_API_KEY=KEY)
        with IonQ(api_key=KEY, base_url=server.base_url) as client:
            names = {job.name for job in client.jobs.list()}
    assert done.returncode == 0, done.stderr
    assert {"demo-bell", "demo-ghz-5", "demo-native", "demo-multi-circuit"} <= names
    assert f"using the server at {server.base_url}" in done.stdout
    assert "started the mock server" not in done.stdout
    assert "11111" in done.stdout


def test_a_failing_demo_is_one_line_and_exit_1() -> None:
    gone = f"http://127.0.0.1:{free_port()}/v0.4"
    done = run_demo(IONQ_BASE_URL=gone, IONQ_API_KEY=KEY)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"demo failed: cannot reach {gone}")
    assert KEY not in done.stderr + done.stdout

    missing_key = run_demo(IONQ_BASE_URL=gone)
    assert missing_key.returncode == 1
    assert "IONQ_API_KEY is not" in missing_key.stderr

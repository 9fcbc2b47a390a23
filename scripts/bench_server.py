"""Requests per second of the mock server and of Prism, side by side, on loopback.

    .venv/bin/python scripts/bench_server.py [--duration 10] [--connections 16] [--smoke]

Both serve the same openapi.yaml, one process each: `ionq-mock serve` (uvicorn, httptools,
uvloop, every request validated) and Prism 5.14 (`.bench-node/node_modules/.bin/prism`,
installed with `npm install --prefix .bench-node @stoplight/prism-cli@5.14.2`; skipped when
absent). The load generator is `wrk` (`apt-get install -y wrk`). Three figures each:
getting a job, listing a page of jobs, creating a job. `--smoke` runs one second of each
and asserts every figure was produced.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEY = "bench-key"
PRISM = ROOT / ".bench-node" / "node_modules" / ".bin" / "prism"
BELL = {
    "type": "ionq.circuit.v1",
    "backend": "simulator",
    "input": {
        "gateset": "qis",
        "qubits": 2,
        "circuit": [{"gate": "h", "target": 0}, {"gate": "cnot", "control": 0, "target": 1}],
    },
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port}")


def request(url: str, method: str = "GET", body: object = None) -> object:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Authorization", f"apiKey {KEY}")
    req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req) as answer:
        return json.loads(answer.read())


def wrk(url: str, seconds: int, connections: int, script: str | None) -> float:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s"]
    command += ["-H", f"Authorization: apiKey {KEY}"]
    if script is not None:
        command += ["-s", script]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    found = re.search(r"Requests/sec:\s+([0-9.]+)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+([0-9]+)", out)
    if found is None:
        raise RuntimeError(out)
    if non_2xx is not None:
        raise RuntimeError(f"{url}: {non_2xx.group(1)} error responses\n{out}")
    return float(found.group(1))


def post_script(folder: str) -> str:
    path = os.path.join(folder, "post.lua")
    body = json.dumps(BELL).replace("\\", "\\\\").replace('"', '\\"')
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(
            'wrk.method = "POST"\n'
            f'wrk.body = "{body}"\n'
            'wrk.headers["Content-Type"] = "application/json"\n'
        )
    return path


def measure(
    base: str, job_id: str, seconds: int, connections: int, folder: str
) -> dict[str, float]:
    return {
        "get job": wrk(f"{base}/jobs/{job_id}", seconds, connections, None),
        "list page": wrk(f"{base}/jobs?limit=25", seconds, connections, None),
        "create job": wrk(f"{base}/jobs", seconds, connections, post_script(folder)),
    }


def bench_mock(seconds: int, connections: int, folder: str) -> dict[str, float]:
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from ionq_mock.cli import main; main()",
            "serve",
            "--port",
            str(port),
            "--api-key",
            KEY,
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_port(port)
        base = f"http://127.0.0.1:{port}/v0.4"
        created = request(f"{base}/jobs", "POST", BELL)
        assert isinstance(created, dict)
        for _ in range(100):  # a realistic table, not an empty one
            request(f"{base}/jobs", "POST", BELL)
        return measure(base, created["id"], seconds, connections, folder)
    finally:
        server.terminate()
        server.wait()


def bench_prism(seconds: int, connections: int, folder: str) -> dict[str, float] | None:
    if not PRISM.exists():
        return None
    port = free_port()
    server = subprocess.Popen(
        [
            str(PRISM),
            "mock",
            str(ROOT / "openapi.yaml"),
            "-p",
            str(port),
            "-h",
            "127.0.0.1",
            "--errors",
            "false",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_port(port, 60)
        time.sleep(1)
        # Prism serves the paths without the servers' base path.
        base = f"http://127.0.0.1:{port}"
        return measure(base, "3d9a1f5e-8c2b-4e7a-b6d1-0f4c2a9e7b13", seconds, connections, folder)
    finally:
        server.terminate()
        server.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--smoke", action="store_true", help="one second each, assert figures")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed: apt-get install -y wrk", file=sys.stderr)
        return 2
    seconds = 1 if args.smoke else args.duration
    with tempfile.TemporaryDirectory() as folder:
        mock = bench_mock(seconds, args.connections, folder)
        prism = None if args.smoke else bench_prism(seconds, args.connections, folder)
    print(f"{'requests/s':<12} {'ionq-mock':>10} {'prism':>10} {'ratio':>7}")
    for name, value in mock.items():
        other = prism[name] if prism else None
        ratio = f"{value / other:.2f}x" if other else "-"
        print(f"{name:<12} {value:>10.0f} {other or 0:>10.0f} {ratio:>7}")
    if args.smoke:
        assert all(value > 0 for value in mock.values()), mock
    return 0


if __name__ == "__main__":
    sys.exit(main())

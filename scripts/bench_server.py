"""Requests per second of the mock server and of Prism, side by side, on loopback.

    .venv/bin/python scripts/bench_server.py [--runs 5] [--duration 5] [--connections 16]
                                             [--smoke] [--json FILE]

A fifth figure: the mock's GET of a job against a bare ASGI app that answers the same body
to every request, served the same way (scripts/bench_bare_app.py: the same uvicorn settings
and protocol, uvloop), the ceiling of a Python server here; in each run the two are
measured back to back, which goes first alternating from run to run.

Both serve the same openapi.yaml, one process each: `ionq-mock serve` (uvicorn, httptools,
uvloop, every request validated) and Prism 5.14.2 (`.bench-node/node_modules/.bin/prism`,
installed by scripts/bench with `npm install --prefix .bench-node
@stoplight/prism-cli@5.14.2`; skipped when absent). Both servers are started once and left
idle while the other is measured; each operation is measured on the two back to back,
which goes first alternating from run to run, so that drift in the machine's speed hits
both alike. The load generator is `wrk` (Debian's; `make
bench` installs it when missing and it can), else a Python one (threads with keep-alive
`http.client` connections; slower, but the same for both servers). Three figures each:
getting a job, listing a page of jobs, creating a job; each the median of `--runs` runs.

A fourth figure: the time to fetch a 25-job page from the middle of the listing when the
mock stores 100,000 jobs versus 1,000 (the listing pages by key, so it should not grow).
The stores are SQLite files seeded directly (see `seed_db`), not through 100,000 requests;
the two are asked in turn, call by call, so that a round's two medians share the drift.

`--smoke` runs a fraction of a second of each, without Prism, and asserts every figure was
produced. `--json FILE` writes the figures for scripts/bench_all.py.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench_all import figure

ROOT = Path(__file__).resolve().parent.parent
KEY = "bench-key"
PRISM = ROOT / ".bench-node" / "node_modules" / ".bin" / "prism"
PRISM_VERSION = "5.14.2"  # scripts/bench installs exactly this one
PRISM_JOB = "3d9a1f5e-8c2b-4e7a-b6d1-0f4c2a9e7b13"  # the example id Prism answers with
# The floors on ionq-mock / Prism in requests per second, by operation.
PRISM_FLOORS = {"get job": ">= 3", "list page": ">= 5", "create job": ">= 5"}
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
    """A loopback port that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_port(port: int, timeout: float = 30) -> None:
    """Return once something accepts connections on `port`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port}")


def request(url: str, method: str = "GET", body: object = None) -> Any:
    """One JSON request with the benchmark's key."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Authorization", f"apiKey {KEY}")
    req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req) as answer:
        return json.loads(answer.read())


# ------------------------------------------------------------------ load generators
def wrk(url: str, seconds: float, connections: int, script: str | None) -> float:
    """Requests per second that wrk (one thread) gets from `url`; error answers fail it."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s"]
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


def python_load(url: str, seconds: float, connections: int, post: bool) -> float:
    """Requests per second from `connections` threads, each on one keep-alive connection.

    The stand-in when wrk is missing: GIL-bound, so it saturates sooner than wrk, but it
    drives both servers the same way.
    """
    parsed = urllib.parse.urlparse(url)
    path = parsed.path + (f"?{parsed.query}" if parsed.query else "")
    body = json.dumps(BELL).encode() if post else None
    headers = {"Authorization": f"apiKey {KEY}", "Content-Type": "application/json"}
    counts = [0] * connections
    errors: list[str] = []
    stop = time.perf_counter() + seconds

    def worker(index: int) -> None:
        conn = http.client.HTTPConnection(parsed.hostname or "127.0.0.1", parsed.port)
        try:
            while time.perf_counter() < stop:
                conn.request("POST" if post else "GET", path, body=body, headers=headers)
                answer = conn.getresponse()
                answer.read()
                if answer.status >= 300:
                    errors.append(f"{url}: {answer.status}")
                    return
                counts[index] += 1
        finally:
            conn.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    if errors:
        raise RuntimeError(errors[0])
    return sum(counts) / elapsed


class Load:
    """The load generator for a run: wrk when installed, else `python_load`."""

    def __init__(self, seconds: float, connections: int, folder: str, kind: str) -> None:
        self.seconds = seconds
        self.connections = connections
        self.use_wrk = kind == "wrk" or (kind == "auto" and shutil.which("wrk") is not None)
        self.name = "wrk" if self.use_wrk else "python"
        self.post_lua = os.path.join(folder, "post.lua")
        body = json.dumps(BELL).replace("\\", "\\\\").replace('"', '\\"')
        with open(self.post_lua, "w", encoding="utf-8") as handle:
            handle.write(
                'wrk.method = "POST"\n'
                f'wrk.body = "{body}"\n'
                'wrk.headers["Content-Type"] = "application/json"\n'
            )

    def rate(self, url: str, post: bool = False) -> float:
        """Requests per second against `url` (a POST of a Bell job when `post`)."""
        if self.use_wrk:
            return wrk(url, self.seconds, self.connections, self.post_lua if post else None)
        return python_load(url, self.seconds, self.connections, post)


# ------------------------------------------------------------------ servers
@contextmanager
def mock_server(
    db: str | None = None, job_duration: float = 0.0, latency: float = 0.0
) -> Iterator[str]:
    """`ionq-mock serve` in a child process; yields its base URL (…/v0.4)."""
    port = free_port()
    command = [sys.executable, "-c", "from ionq_mock.cli import main; main()", "serve"]
    command += ["--port", str(port), "--api-key", KEY, "--job-duration", str(job_duration)]
    if db is not None:
        command += ["--db", db]
    if latency:
        command += ["--latency", str(latency)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    try:
        wait_port(port)
        yield f"http://127.0.0.1:{port}/v0.4"
    finally:
        server.terminate()
        server.wait()


@contextmanager
def bare_server(body: bytes, folder: str) -> Iterator[str]:
    """scripts/bench_bare_app.py answering `body` to everything, in a child process; its
    root URL."""
    port = free_port()
    body_file = os.path.join(folder, "bare-body.json")
    Path(body_file).write_bytes(body)
    script = str(ROOT / "scripts" / "bench_bare_app.py")
    server = subprocess.Popen([sys.executable, script, str(port), body_file])
    try:
        wait_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait()


@contextmanager
def prism_server() -> Iterator[str]:
    """Prism mocking openapi.yaml in a child process; yields its base URL."""
    port = free_port()
    command = [str(PRISM), "mock", str(ROOT / "openapi.yaml"), "-p", str(port)]
    command += ["-h", "127.0.0.1", "--errors", "false"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(port, 60)
        time.sleep(1)
        # Prism serves the paths without the servers' base path.
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait()


def seed_db(path: str, jobs: int) -> None:
    """Make a SQLite store at `path` holding `jobs` completed Bell jobs of the bench key.

    One job is created through the API (so its row is exactly what the server writes);
    the rest are copies of that row under fresh, increasing ids, inserted in one
    transaction: seconds for 100,000 jobs, where 100,000 requests would take minutes.
    """
    from ionq_mock.store import IdGenerator  # the server's own id order

    with mock_server(db=path) as base:
        request(f"{base}/jobs", "POST", BELL)
    db = sqlite3.connect(path)
    try:
        db.row_factory = sqlite3.Row
        row = dict(db.execute("SELECT * FROM jobs").fetchone())
        new_id = IdGenerator(row["id"])
        columns = list(row)
        rows = ({**row, "id": new_id()} for _ in range(jobs - 1))
        with db:
            db.executemany(
                f"INSERT INTO jobs ({', '.join(columns)}) VALUES"
                f" ({', '.join(':' + c for c in columns)})",
                rows,
            )
        count = db.execute("SELECT count(*) FROM jobs").fetchone()[0]
    finally:
        db.close()
    assert count == jobs, count


# ------------------------------------------------------------------ figures
def operations(base: str, job_id: str) -> dict[str, tuple[str, bool]]:
    """The three measured operations against one server: URL, and whether it is a POST."""
    return {
        "get job": (f"{base}/jobs/{job_id}", False),
        "list page": (f"{base}/jobs?limit=25", False),
        "create job": (f"{base}/jobs", True),
    }


def throughput(
    runs: int, load: Load, with_prism: bool, folder: str
) -> dict[str, dict[str, list[float]]]:
    """Requests/s per operation, per server, over `runs` runs; "bare" is the bare ASGI app
    answering the mock's own GET-job body (its "get job" only).

    Every ratio's two sides are measured back to back (the mock's GET and the bare app's;
    each operation on the mock and on Prism), which goes first alternating from run to
    run: the machine's speed drifts by tens of percent over a minute here, and a pair
    measured seconds apart shares most of it."""
    out: dict[str, dict[str, list[float]]] = {"mock": {}, "prism": {}, "bare": {}}
    with mock_server() as mock_base, contextlib.ExitStack() as stack:
        created = request(f"{mock_base}/jobs", "POST", BELL)
        for _ in range(100):  # a realistic table, not an empty one
            request(f"{mock_base}/jobs", "POST", BELL)
        job_url = f"{mock_base}/jobs/{created['id']}"
        get = urllib.request.Request(job_url, headers={"Authorization": f"apiKey {KEY}"})
        with urllib.request.urlopen(get) as answer:
            bare_base = stack.enter_context(bare_server(answer.read(), folder))
        prism = prism_server() if with_prism else None
        prism_base = prism.__enter__() if prism is not None else None
        servers = {"mock": operations(mock_base, created["id"])}
        bare_get = operations(f"{bare_base}/v0.4", created["id"])["get job"]
        servers["bare"] = {"get job": bare_get}
        if prism_base is not None:
            servers["prism"] = operations(prism_base, PRISM_JOB)
        try:
            for run in range(runs):
                figures: dict[str, dict[str, float]] = {name: {} for name in servers}
                for operation in servers["mock"]:
                    peers = [name for name in servers if operation in servers[name]]
                    for name in peers if run % 2 == 0 else peers[::-1]:
                        url, post = servers[name][operation]
                        figures[name][operation] = load.rate(url, post)
                for server, values in figures.items():
                    for name, value in values.items():
                        out[server].setdefault(name, []).append(value)
                print(f"  run {run + 1}: " + json.dumps(figures))
        finally:
            if prism is not None:
                prism.__exit__(None, None, None)
    return out


def page_seconds(bases: dict[int, str], cursors: dict[int, str], calls: int) -> dict[int, float]:
    """Median seconds per 25-job page starting at each store's middle cursor, the stores
    taking turns call by call (the first of each pair alternating), so that the machine's
    drift hits every size alike."""
    connections, paths = {}, {}
    for size, base in bases.items():
        parsed = urllib.parse.urlparse(base)
        connections[size] = http.client.HTTPConnection(parsed.hostname or "127.0.0.1", parsed.port)
        paths[size] = f"{parsed.path}/jobs?limit=25&next={cursors[size]}"
    headers = {"Authorization": f"apiKey {KEY}"}
    times: dict[int, list[float]] = {size: [] for size in bases}
    order = list(bases)
    try:
        for call in range(calls):
            for size in order if call % 2 == 0 else order[::-1]:
                start = time.perf_counter()
                connections[size].request("GET", paths[size], headers=headers)
                answer = connections[size].getresponse()
                page = json.loads(answer.read())
                times[size].append(time.perf_counter() - start)
                if answer.status != 200 or len(page["jobs"]) != 25:
                    raise RuntimeError(f"page answer {answer.status}: {page}")
    finally:
        for connection in connections.values():
            connection.close()
    return {size: statistics.median(values) for size, values in times.items()}


def middle_cursor(base: str, jobs: int) -> str:
    """The `next` cursor that starts the page halfway down the listing."""
    cursor = ""
    for _ in range(jobs // 2 // 1000):
        page = request(f"{base}/jobs?limit=1000" + (f"&next={cursor}" if cursor else ""))
        cursor = page["next"]
    if not cursor:  # fewer than 2,000 jobs: step by smaller pages
        page = request(f"{base}/jobs?limit={jobs // 2}")
        cursor = page["next"]
    return str(cursor)


def page_latency(sizes: tuple[int, int], rounds: int, calls: int, folder: str) -> dict[int, Any]:
    """Per-page seconds (round medians) at each store size, the sizes alternating call by
    call."""
    out: dict[int, list[float]] = {size: [] for size in sizes}
    servers = {}
    for size in sizes:
        path = os.path.join(folder, f"jobs-{size}.sqlite")
        seed_db(path, size)
        servers[size] = mock_server(db=path)
    bases = {size: server.__enter__() for size, server in servers.items()}
    try:
        cursors = {size: middle_cursor(bases[size], size) for size in sizes}
        page_seconds(bases, cursors, calls)  # warm-up
        for _ in range(rounds):
            for size, seconds in page_seconds(bases, cursors, calls).items():
                out[size].append(seconds)
    finally:
        for server in servers.values():
            server.__exit__(None, None, None)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (min 5)")
    parser.add_argument("--duration", type=float, default=5, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--jobs", type=int, default=100_000, help="the large store's size")
    parser.add_argument("--load", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--smoke", action="store_true", help="tiny runs, assert figures")
    parser.add_argument("--json", metavar="FILE", help="write the figures here")
    args = parser.parse_args()
    runs = 1 if args.smoke else max(5, args.runs)
    seconds = 0.3 if args.smoke else args.duration
    sizes = (100, 1_000) if args.smoke else (1_000, args.jobs)
    with_prism = PRISM.exists() and not args.smoke
    if not with_prism:
        print("skipped: Prism (not installed or --smoke); see scripts/bench")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        load = Load(seconds, args.connections, folder, args.load)
        if args.smoke and load.use_wrk:
            load.seconds = 1  # wrk's shortest run
        print(f"load generator: {load.name}, {args.connections} connections, {load.seconds} s")
        figures = throughput(runs, load, with_prism, folder)
        for name, mine in figures["mock"].items():
            peer = figures["prism"].get(name)
            case = f"{name} requests/s ({load.name})"
            prism = f"Prism {PRISM_VERSION}"
            floor = PRISM_FLOORS[name]
            rows.append(figure("server", case, mine, prism, peer, floor, unit="req/s"))
        bare = "a bare ASGI app, same server and body"
        case = f"get job requests/s vs the ceiling ({load.name})"
        ceiling = figures["bare"]["get job"]
        mine = figures["mock"]["get job"]
        rows.append(figure("server", case, mine, bare, ceiling, ">= 0.6", unit="req/s"))
        print(f"page latency at {sizes[0]:,} vs {sizes[1]:,} stored jobs:")
        latency = page_latency(sizes, runs, 20 if args.smoke else 200, folder)
        for size, values in latency.items():
            print(f"  {size:>7,} jobs: " + " ".join(f"{v * 1e3:.2f}" for v in values) + " ms")
    rows.append(
        figure(
            "server",
            f"page at {sizes[1]:,} vs {sizes[0]:,} jobs",
            latency[sizes[1]],
            f"same mock, {sizes[0]:,} jobs",
            latency[sizes[0]],
            "<= 1.1",
        )
    )
    print(f"{'figure':<34} {'ionq-mock':>10} {'peer':>10} {'ratio':>7}")
    for r in rows:
        mine = statistics.median(r["ours"])
        other = statistics.median(r["peer"]) if r["peer"] else None
        ratio = f"{mine / other:.2f}x" if other else "-"
        print(f"{r['case']:<34} {mine:>10.4g} {other or 0:>10.4g} {ratio:>7}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    assert all(v > 0 for r in rows for v in r["ours"]), rows
    return 0


if __name__ == "__main__":
    sys.exit(main())

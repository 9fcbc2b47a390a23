"""The client's figures: the facade vs raw httpx and vs IonQ's own `ionq-core`, async
concurrency, and memory while iterating a long listing.

    .bench-venv/bin/python scripts/bench_peers.py [--runs 5] [--smoke] [--json FILE]

Every figure runs against `ionq-mock serve` in a child process on loopback (so the server
does not share the benchmark's GIL), and each is the median of `--runs` runs (at least 5),
with the contenders alternating inside every run so drift in the machine's speed hits both:

- facade vs raw `httpx.Client` (+ `.json()`): seconds per call to get a job, list a page
  of 25, create a job, the two taking turns call by call;
- facade vs `ionq-core` 0.2.0 (`IonQClient`, `get_job`, `iter_jobs`, `create_job`, with
  its default retries, as the facade has its own): get 1,000 jobs, list 5,000 jobs through
  pagination (100 a page for both), create 500 jobs; skipped when ionq-core is missing;
- `AsyncIonQ` creating 1,000 jobs with 32 in flight vs one at a time. The server adds
  `--latency` (0.02 s, a short network round trip): a CPU-bound mock on a small machine with
  no latency cannot be sped up by any client, so without it the figure measures the server;
- peak Python memory (tracemalloc) while iterating 100,000 jobs vs 1,000 with
  `client.jobs.list(limit=100)`, each in a fresh subprocess: flat means the iterator
  holds one page, whatever the total.

`--smoke` shrinks every count so the whole script takes seconds; it checks only that each
figure was produced. `--json FILE` writes the figures for scripts/bench_all.py.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from bench_all import figure
from bench_server import BELL, KEY, mock_server, seed_db

from ionq_client import AsyncIonQ, Circuit, IonQ

PAGE = 100  # page size when listing through pagination, the same for every client


def timed(fn: Callable[[], object]) -> float:
    """Seconds `fn` takes."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def alternate(
    contenders: dict[str, Callable[[], object]], runs: int, calls: int = 1
) -> dict[str, list[float]]:
    """Seconds per call for each contender, one value a run (the mean of its `calls`
    calls), after a warm-up. The contenders take turns call by call, the first of each
    turn alternating (from run to run when a run is one call): calls of a millisecond or
    two drift with the machine's speed by tens of percent within seconds here, and
    neighbours share the drift."""
    items = list(contenders.items())
    for fn in contenders.values():
        fn()
    out: dict[str, list[float]] = {name: [] for name in contenders}
    for run in range(runs):
        spent = dict.fromkeys(contenders, 0.0)
        for call in range(calls):
            turn = run * calls + call
            for name, fn in items if turn % 2 == 0 else items[::-1]:
                spent[name] += timed(fn)
        for name, seconds in spent.items():
            out[name].append(seconds / calls)
    return out


def vs_raw(base: str, job_id: str, runs: int, calls: int) -> list[dict[str, Any]]:
    """Facade vs raw httpx per call: get a job, list a page, create a job."""
    bell = Circuit(2).h(0).cnot(0, 1)
    headers = {"Authorization": f"apiKey {KEY}"}
    rows = []
    with (
        IonQ(api_key=KEY, base_url=base) as client,
        httpx.Client(base_url=base, headers=headers) as raw,
    ):

        def raw_json(method: str, path: str, **kwargs: Any) -> Callable[[], object]:
            def call() -> object:
                answer = raw.request(method, path, **kwargs)
                answer.raise_for_status()
                return answer.json()

            return call

        cases: list[tuple[str, Callable[[], object], Callable[[], object], str | None]] = [
            (
                "get a job",
                lambda: client.jobs.get(job_id),
                raw_json("GET", f"/jobs/{job_id}"),
                "<= 1",
            ),
            (
                "list a page of 25",
                lambda: client.jobs.list(limit=25).items,
                raw_json("GET", "/jobs", params={"limit": 25}),
                "<= 1.1",
            ),
            (
                "create a job",
                lambda: client.jobs.create(bell, backend="simulator"),
                raw_json("POST", "/jobs", json=BELL),
                "<= 1",
            ),
        ]
        for name, facade, plain, floor in cases:
            per_call = alternate({"facade": facade, "raw": plain}, runs, calls)
            case = f"{name} (per call)"
            rows.append(
                figure("client", case, per_call["facade"], "raw httpx", per_call["raw"], floor)
            )
            print(f"  {name}: " + json.dumps(per_call))
    return rows


def vs_ionq_core(
    base: str, ids: list[str], runs: int, listed: int, creates: int
) -> list[dict[str, Any]]:
    """Facade vs ionq-core on the same work; empty when ionq-core is not installed."""
    try:
        core = importlib.import_module("ionq_core")
        get_job = importlib.import_module("ionq_core.api.default.get_job")
        create_job = importlib.import_module("ionq_core.api.default.create_job")
        models = importlib.import_module("ionq_core.models")
    except ImportError:
        print("skipped: ionq-core is not installed; see scripts/bench-env")
        return []
    with warnings.catch_warnings():
        # ionq-core warns that a plain-http URL sends the key in cleartext: this is loopback.
        warnings.simplefilter("ignore", UserWarning)
        theirs = core.IonQClient(api_key=KEY, base_url=base)
    payload = models.CircuitJobCreationPayload.from_dict(BELL)
    bell = Circuit(2).h(0).cnot(0, 1)
    rows = []
    with IonQ(api_key=KEY, base_url=base) as client:

        def count(jobs: Any) -> int:
            n = 0
            for _ in jobs:
                n += 1
                if n == listed:
                    break
            assert n == listed, n
            return n

        cases: list[tuple[str, Callable[[], object], Callable[[], object], str | None]] = [
            (
                f"get {len(ids):,} jobs",
                lambda: [client.jobs.get(i) for i in ids],
                lambda: [get_job.sync(uuid=i, client=theirs) for i in ids],
                None,
            ),
            (
                f"list {listed:,} jobs, {PAGE} a page",
                lambda: count(client.jobs.list(limit=PAGE)),
                lambda: count(core.iter_jobs(theirs, limit=PAGE)),
                "<= 0.8",
            ),
            (
                f"create {creates:,} jobs",
                lambda: [client.jobs.create(bell, backend="simulator") for _ in range(creates)],
                lambda: [create_job.sync(client=theirs, body=payload) for _ in range(creates)],
                None,
            ),
        ]
        for name, facade, other, floor in cases:
            times = alternate({"facade": facade, "ionq-core": other}, runs)
            theirs_name = "ionq-core 0.2.0"
            rows.append(
                figure("client", name, times["facade"], theirs_name, times["ionq-core"], floor)
            )
            print(f"  {name}: " + json.dumps(times))
    theirs.get_httpx_client().close()
    return rows


async def create_many(base: str, jobs: int, in_flight: int) -> float:
    """Seconds for `AsyncIonQ` to create `jobs` jobs, at most `in_flight` at a time."""
    bell = Circuit(2).h(0).cnot(0, 1)
    async with AsyncIonQ(api_key=KEY, base_url=base) as client:
        await client.jobs.create(bell, backend="simulator")  # warm the connection pool
        gate = asyncio.Semaphore(in_flight)

        async def one() -> None:
            async with gate:
                await client.jobs.create(bell, backend="simulator")

        start = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(jobs)))
        return time.perf_counter() - start


def concurrency(base: str, runs: int, jobs: int) -> dict[str, Any]:
    """One at a time vs 32 in flight, alternating."""
    times: dict[str, list[float]] = {"32": [], "1": []}
    for run in range(runs):
        for flight in ("32", "1") if run % 2 == 0 else ("1", "32"):
            times[flight].append(asyncio.run(create_many(base, jobs, int(flight))))
    print(f"  create {jobs:,} async: " + json.dumps(times))
    return figure(
        "client",
        f"async create {jobs:,} jobs, 32 in flight",
        times["32"],
        "AsyncIonQ one at a time",
        times["1"],
        "<= 0.2",  # i.e. at least 5x faster
    )


def iterate_child(base: str, total: int) -> None:
    """Subprocess body: iterate every job under tracemalloc; print the peak in bytes."""
    with IonQ(api_key=KEY, base_url=base) as client:
        client.jobs.get  # noqa: B018 (attribute access only: build the resource first)
        tracemalloc.start()
        n = sum(1 for _ in client.jobs.list(limit=PAGE))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert n == total, (n, total)
    print(json.dumps({"peak_bytes": peak}))


def iterate_peak(base: str, total: int) -> float:
    """Peak traced bytes while iterating `total` jobs, in a fresh interpreter."""
    cmd = [sys.executable, __file__, "--child-iterate", base, str(total)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=os.environ)
    peak: float = json.loads(out.stdout.strip().splitlines()[-1])["peak_bytes"]
    return peak


def memory(runs: int, sizes: tuple[int, int], folder: str) -> dict[str, Any]:
    """Peak memory iterating the large store vs the small one, alternating."""
    peaks: dict[int, list[float]] = {size: [] for size in sizes}
    for size in sizes:
        seed_db(os.path.join(folder, f"iterate-{size}.sqlite"), size)
    for _ in range(runs):
        for size in sizes:
            with mock_server(db=os.path.join(folder, f"iterate-{size}.sqlite")) as base:
                peaks[size].append(iterate_peak(base, size))
    print("  iterate peaks: " + json.dumps(peaks))
    small, large = sizes
    return figure(
        "client",
        f"peak memory iterating {large:,} jobs",
        peaks[large],
        f"iterating {small:,} jobs",
        peaks[small],
        "<= 1.1",
        unit="B",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (min 5)")
    parser.add_argument("--latency", type=float, default=0.02, help="server delay, s (async)")
    parser.add_argument("--smoke", action="store_true", help="tiny counts; check figures exist")
    parser.add_argument("--json", metavar="FILE", help="write the figures here")
    parser.add_argument("--child-iterate", nargs=2, metavar=("BASE", "TOTAL"))
    args = parser.parse_args()
    if args.child_iterate:
        iterate_child(args.child_iterate[0], int(args.child_iterate[1]))
        return 0
    if args.smoke:
        runs, calls, gets, listed, creates, async_jobs = 1, 10, 20, 250, 10, 40
        sizes = (200, 1_000)
    else:
        runs, calls, gets, listed, creates, async_jobs = (
            max(5, args.runs),
            200,
            1000,
            5000,
            500,
            1000,
        )
        sizes = (1_000, 100_000)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, "jobs.sqlite")
        seed_db(db, listed)
        with mock_server(db=db) as base:
            page = httpx.get(
                f"{base}/jobs", params={"limit": gets}, headers={"Authorization": f"apiKey {KEY}"}
            ).json()
            ids = [job["id"] for job in page["jobs"]]
            print("facade vs raw httpx:")
            rows += vs_raw(base, ids[0], runs, calls)
            print("facade vs ionq-core:")
            rows += vs_ionq_core(base, ids, runs, listed, creates)
        print(f"async creates (server latency {args.latency:g} s):")
        with mock_server(latency=args.latency) as base:
            rows.append(concurrency(base, runs, async_jobs))
        print("memory while iterating:")
        rows.append(memory(runs, sizes, folder))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    for r in rows:
        mine, other = statistics.median(r["ours"]), statistics.median(r["peer"])
        print(f"{r['case']:<40} {mine:>10.4g} {other:>10.4g} {mine / other:7.3f}x")
    assert all(v > 0 for r in rows for v in r["ours"]), rows
    return 0


if __name__ == "__main__":
    sys.exit(main())

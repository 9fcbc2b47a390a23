"""Benchmark the facade against raw httpx on the loopback mock server.

Two figures:

1. **Per-call overhead**: `client.jobs.get(id)` versus a raw `httpx.Client.get` plus
   `.json()` on the same server, in alternating rounds (raw, facade, raw, ...); the ratio
   of the median per-call times. The target is at most 1.05.
   The bare generated call (`get_job.sync_detailed` on a plain `AuthenticatedClient`) is
   measured alongside, to separate the generated client's own cost (mostly `Job.from_dict`)
   from the facade's.
2. **Async concurrency**: `AsyncIonQ` creating N jobs with 32 requests in flight versus
   one at a time; the target is a speed-up of at least 5x. The server answers after
   `--latency` seconds (default 0.02, a short network round trip; the real API is further
   away): a CPU-bound mock on a 2-core machine with no latency cannot be sped up by any
   client's concurrency, so without it the figure would measure the server, not the client.

The mock server runs in a separate process (`ionq-mock serve`), so it does not share the
benchmark's GIL. `--smoke` runs a few seconds' worth and only checks each figure was made.

    .venv/bin/python scripts/bench_client.py            # full run
    .venv/bin/python scripts/bench_client.py --smoke    # for `make test`
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import httpx

from ionq_api.api.jobs import get_job
from ionq_api.client import AuthenticatedClient
from ionq_client import AsyncIonQ, Circuit, IonQ

API_KEY = "bench-key"


@contextmanager
def mock_server(job_duration: float = 0.05, latency: float = 0.0) -> Iterator[str]:
    """Start `ionq-mock serve` on a free port in a child process; yield its base URL."""
    env = {**os.environ, "IONQ_MOCK_API_KEYS": API_KEY}
    code = "from ionq_mock.cli import main; main()"
    args = ["serve", "--port", "0", "--job-duration", str(job_duration)]
    if latency:
        args += ["--latency", str(latency)]
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if "listening on" not in line:
            raise RuntimeError(f"mock server did not start: {line!r}")
        yield line.rsplit(" ", 1)[-1].strip()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _per_call(fn: Callable[[], object], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - start) / calls


def bench_overhead(base_url: str, rounds: int, calls: int) -> dict[str, float]:
    """Median seconds per call, raw and facade, over alternating rounds."""
    generated = AuthenticatedClient(base_url=base_url, token=API_KEY, prefix="apiKey")
    with (
        IonQ(api_key=API_KEY, base_url=base_url) as client,
        httpx.Client(base_url=base_url, headers={"Authorization": f"apiKey {API_KEY}"}) as raw,
        generated,
    ):
        job = client.jobs.create(Circuit(2).h(0).cnot(0, 1), backend="simulator")
        client.jobs.wait(job.id)
        path = f"/jobs/{job.id}"

        def generated_call() -> object:
            return get_job.sync_detailed(str(job.id), client=generated).parsed

        def raw_call() -> object:
            response = raw.get(path)
            response.raise_for_status()
            return response.json()

        def facade_call() -> object:
            return client.jobs.get(job.id)

        contenders = {"raw": raw_call, "generated": generated_call, "facade": facade_call}
        # Warm every path (connections, imports, caches) before measuring.
        for fn in contenders.values():
            _per_call(fn, 50)
        times: dict[str, list[float]] = {name: [] for name in contenders}
        for i in range(rounds):
            # Alternate the order, so drift in the machine's speed hits all alike.
            order = list(contenders.items())
            for name, fn in order if i % 2 == 0 else reversed(order):
                times[name].append(_per_call(fn, calls))
    med = {name: statistics.median(values) for name, values in times.items()}
    return {
        "raw_us": med["raw"] * 1e6,
        "generated_us": med["generated"] * 1e6,
        "facade_us": med["facade"] * 1e6,
        "ratio": med["facade"] / med["raw"],
        "generated_ratio": med["generated"] / med["raw"],
        "facade_vs_generated": med["facade"] / med["generated"],
    }


async def _create_many(base_url: str, jobs: int, in_flight: int) -> float:
    bell = Circuit(2).h(0).cnot(0, 1)
    async with AsyncIonQ(api_key=API_KEY, base_url=base_url) as client:
        await client.jobs.create(bell, backend="simulator")  # warm the pool
        semaphore = asyncio.Semaphore(in_flight)

        async def one() -> None:
            async with semaphore:
                await client.jobs.create(bell, backend="simulator")

        start = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(jobs)))
        return time.perf_counter() - start


def bench_concurrency(base_url: str, jobs: int) -> dict[str, float]:
    """Seconds to create `jobs` jobs one at a time and 32 at a time."""
    serial = asyncio.run(_create_many(base_url, jobs, 1))
    parallel = asyncio.run(_create_many(base_url, jobs, 32))
    return {"serial_s": serial, "concurrent_s": parallel, "speedup": serial / parallel}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--smoke", action="store_true", help="a few seconds; check figures exist")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.02, help="server answer delay, s")
    args = parser.parse_args()
    rounds, calls, jobs = (3, 30, 40) if args.smoke else (args.rounds, args.calls, args.jobs)
    if rounds < 7 and not args.smoke:
        parser.error("use at least 7 rounds")
    with mock_server() as base_url:
        overhead = bench_overhead(base_url, rounds, calls)
        print(
            f"get a job ({rounds} rounds x {calls} calls, medians): raw httpx+json "
            f"{overhead['raw_us']:.1f} us, bare generated {overhead['generated_us']:.1f} us "
            f"({overhead['generated_ratio']:.3f}x), facade {overhead['facade_us']:.1f} us "
            f"({overhead['ratio']:.3f}x raw, target <= 1.05; "
            f"{overhead['facade_vs_generated']:.3f}x the bare generated call)"
        )
    with mock_server(latency=args.latency) as base_url:
        conc = bench_concurrency(base_url, jobs)
        print(
            f"create {jobs} jobs (server latency {args.latency:g} s): one at a time "
            f"{conc['serial_s']:.2f} s, 32 in flight {conc['concurrent_s']:.2f} s, "
            f"speed-up {conc['speedup']:.1f}x (target >= 5)"
        )
    figures = [*overhead.values(), *conc.values()]
    if not all(f > 0 for f in figures):
        print("a figure is missing", file=sys.stderr)
        return 1
    if not args.smoke and (overhead["ratio"] > 1.05 or conc["speedup"] < 5):
        print("a target was missed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The mock server at two commits, side by side: requests per second and the server's CPU
time per request, the two served at once and measured alternately with wrk.

    .venv/bin/python scripts/bench_server_ab.py BASE [--runs 5] [--seconds 3]
                                                [--ops get,list,create,bare]

BASE is any git revision; its tree is exported (`git archive`) to a scratch folder and
served by this checkout's venv beside the working tree (uncommitted changes included).
Each run measures every operation on both, the order of the two flipping from run to run,
so that drift in the machine's speed hits both alike; each figure is the median of the
runs. `bare` is scripts/bench_bare_app.py (the ceiling of a Python server here), run once
per tree with that tree's GET-job body. CPU time per request is the server process's
user + system time over a wrk run divided by its requests: on this shared 2-core machine
it moves less with the neighbours than requests per second do.

This is the tool for "did this change make the server faster": `make bench` (and its
floors against Prism) stays the record.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
from contextlib import ExitStack
from pathlib import Path

from bench_server import BELL, KEY, Load, free_port, request, wait_port

ROOT = Path(__file__).resolve().parent.parent
OPERATIONS = ("get", "list", "create", "bare")


def cpu_seconds(pid: int) -> float:
    """The user + system CPU time of process `pid` so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(load: Load, url: str, pid: int, post: bool) -> tuple[float, float]:
    """`load` (wrk) against `url`: requests per second, and the server's CPU microseconds
    per request."""
    before = cpu_seconds(pid)
    rate = load.rate(url, post)
    used = cpu_seconds(pid) - before
    return rate, used / (rate * load.seconds) * 1e6


def export(revision: str, folder: Path) -> Path:
    """The tree of `revision`, exported under `folder`."""
    archive = folder / "base.tar"
    subprocess.run(["git", "-C", str(ROOT), "archive", "-o", str(archive), revision], check=True)
    tree = folder / "base"
    with tarfile.open(archive) as handle:
        handle.extractall(tree, filter="data")
    return tree


def serve(stack: ExitStack, tree: Path, folder: Path, name: str) -> dict[str, tuple[str, int]]:
    """The mock (and the bare app with its GET body) from `tree`: URL and pid by operation."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    port = free_port()
    command = [sys.executable, "-c", "from ionq_mock.cli import main; main()", "serve"]
    command += ["--port", str(port), "--api-key", KEY, "--job-duration", "0"]
    mock = subprocess.Popen(command, env=env, cwd=tree, stdout=subprocess.DEVNULL)
    stack.callback(mock.wait)
    stack.callback(mock.terminate)
    wait_port(port)
    base = f"http://127.0.0.1:{port}/v0.4"
    created = request(f"{base}/jobs", "POST", BELL)
    for _ in range(100):  # a realistic table, as bench_server.py has
        request(f"{base}/jobs", "POST", BELL)
    job_url = f"{base}/jobs/{created['id']}"
    get = urllib.request.Request(job_url, headers={"Authorization": f"apiKey {KEY}"})
    with urllib.request.urlopen(get) as answer:
        body_file = folder / f"{name}-body.json"
        body_file.write_bytes(answer.read())
    bare_port = free_port()
    script = str(tree / "scripts" / "bench_bare_app.py")
    bare = subprocess.Popen([sys.executable, script, str(bare_port), str(body_file)], env=env)
    stack.callback(bare.wait)
    stack.callback(bare.terminate)
    wait_port(bare_port)
    return {
        "get": (job_url, mock.pid),
        "list": (f"{base}/jobs?limit=25", mock.pid),
        "create": (f"{base}/jobs", mock.pid),
        "bare": (f"http://127.0.0.1:{bare_port}/v0.4/jobs/{created['id']}", bare.pid),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the git revision to compare the working tree with")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=3, help="seconds per wrk run")
    parser.add_argument("--ops", default="get,list,create,bare")
    args = parser.parse_args()
    ops = args.ops.split(",")
    if unknown := set(ops) - set(OPERATIONS):
        parser.error(f"unknown operations {sorted(unknown)}; use {','.join(OPERATIONS)}")
    with tempfile.TemporaryDirectory() as scratch, ExitStack() as stack:
        folder = Path(scratch)
        load = Load(args.seconds, 16, scratch, "wrk")
        trees = {"base": export(args.base, folder), "new": ROOT}
        urls = {name: serve(stack, tree, folder, name) for name, tree in trees.items()}
        got: dict[tuple[str, str], list[tuple[float, float]]] = {
            (name, op): [] for name in trees for op in ops
        }
        for run in range(args.runs):
            order = ("base", "new") if run % 2 == 0 else ("new", "base")
            for op in ops:
                for name in order:
                    url, pid = urls[name][op]
                    got[(name, op)].append(measure(load, url, pid, op == "create"))
            shown = " ".join(f"{n}:{o} {v[-1][0]:.0f}/s" for (n, o), v in got.items())
            print(f"run {run + 1}: {shown}", flush=True)
        print(f"\n{'':8s} {'base req/s':>11s} {'us/req':>7s} {'new req/s':>11s} {'us/req':>7s}")
        for op in ops:
            row = f"{op:8s}"
            for name in trees:
                rates = [rate for rate, _ in got[(name, op)]]
                costs = [cost for _, cost in got[(name, op)]]
                row += f" {statistics.median(rates):11.0f} {statistics.median(costs):7.1f}"
            print(row)
        if "get" in ops and "bare" in ops:
            for name in trees:
                pairs = zip(got[(name, "get")], got[(name, "bare")], strict=True)
                ratios = [get[0] / bare[0] for get, bare in pairs]
                shown = ", ".join(f"{r:.2f}" for r in ratios)
                print(f"{name}: get / bare per run {shown}; median {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()

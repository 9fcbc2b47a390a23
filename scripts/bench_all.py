"""Run every benchmark, print one table of ratios against peers, write docs/benchmarks.md.

    scripts/bench                                   # what `make bench` runs: installs the
                                                    # peers, then this script in .bench-venv
    .bench-venv/bin/python scripts/bench_all.py [--runs 5] [--only client,server,simulator]
    .venv/bin/python scripts/bench_all.py --smoke   # seconds; no docs written

Each area's script (scripts/bench_simulator.py, bench_server.py, bench_peers.py) runs in
its own interpreter and hands its figures back as JSON: every figure is ours and a peer's
measured in the same run, alternating, over at least 5 runs. The table gives the medians,
the ratio of the medians (ours / peer), the range of the per-run ratios, and the floor set
in the issues where there is one. Absolute times on a shared machine mean little; the
ratios are the figures. `--smoke` runs each script's smoke mode (tiny sizes, no floors).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as dist_version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = {
    "simulator": "bench_simulator.py",
    "server": "bench_server.py",
    "client": "bench_peers.py",
}
DOC = ROOT / "docs" / "benchmarks.md"
# Where a floor is clearer said another way than "ours / peer <= x".
FLOOR_WORDS = {
    "async create": "at least 5x faster",
    "peak memory iterating": "flat (at most 1.1x)",
    "page at": "the same (at most 1.1x)",
    "vs the ceiling": "at least 0.6x a bare ASGI app",
    "requests/s": "at least Nx Prism",
    "max abs(p - p_aer)": "within 1e-12 of aer",
}


def figure(
    area: str,
    case: str,
    ours: list[float],
    peer_name: str,
    peer: list[float] | None,
    floor: str | None,
    unit: str = "s",
    **extra: Any,
) -> dict[str, Any]:
    """One figure as an area's script hands it back in its `--json` file.

    `floor` is on ours / peer (e.g. "<= 1.05", ">= 3"), or on ours itself when `extra`
    has `absolute=True`.
    """
    return {
        "area": area,
        "case": case,
        "unit": unit,
        "ours": ours,
        "peer_name": peer_name,
        "peer": peer,
        "floor": floor,
        **extra,
    }


def run_area(area: str, smoke: bool, runs: int, folder: str) -> tuple[list[dict[str, Any]], int]:
    """Run one area's script, its output going to the terminal; its figures and exit code."""
    out = os.path.join(folder, f"{area}.json")
    command = [sys.executable, str(ROOT / "scripts" / SCRIPTS[area]), "--json", out]
    command += ["--smoke"] if smoke else (["--circuits" if area == "simulator" else "--runs"])
    if not smoke:
        command.append(str(runs))
    print(f"\n=== {area}: {' '.join(command[1:])}", flush=True)
    code = subprocess.run(command, check=False).returncode
    if not os.path.exists(out):
        return [], code or 1
    rows: list[dict[str, Any]] = json.loads(Path(out).read_text(encoding="utf-8"))
    return rows, code


def check(floor: str | None, value: float) -> bool | None:
    """Whether `value` meets a floor like "<= 1.05" or ">= 3"; None when there is none."""
    if floor is None or value != value:  # NaN never meets a floor
        return None if floor is None else False
    op, limit = floor.split()
    return value <= float(limit) if op == "<=" else value >= float(limit)


def summarise(r: dict[str, Any]) -> dict[str, Any]:
    """Medians, ratio of medians, per-run ratio range, and the floor's verdict."""
    ours = statistics.median(r["ours"])
    s: dict[str, Any] = {**r, "ours_median": ours, "runs": len(r["ours"])}
    if r["peer"]:
        peer = statistics.median(r["peer"])
        s["peer_median"] = peer
        s["ratio"] = ours / peer if peer else float("nan")
        pairs = [a / b for a, b in zip(r["ours"], r["peer"], strict=False) if b]
        s["ratio_range"] = (min(pairs), max(pairs)) if pairs else None
        s["met"] = check(r["floor"], s["ratio"])
    else:
        # Agreement with aer: the floor is on the worst run. Otherwise the peer was not run
        # (not installed, or smoke mode) and there is nothing to hold to a floor.
        s["peer_median"] = s["ratio"] = s["ratio_range"] = None
        s["met"] = check(r["floor"], max(r["ours"])) if r.get("absolute") else None
    return s


def fmt(value: float | None, unit: str) -> str:
    """A value in a readable unit."""
    if value is None:
        return "-"
    if unit == "s":
        for scale, suffix in ((1, "s"), (1e-3, "ms"), (1e-6, "us")):
            if abs(value) >= scale:
                return f"{value / scale:.3g} {suffix}"
        return f"{value * 1e6:.3g} us"
    if unit == "B":
        return f"{value / 2**20:.3g} MiB"
    if unit == "req/s":
        return f"{value:,.0f}/s"
    return f"{value:.1e}"


def spread(values: list[float] | None, unit: str) -> str:
    """min-max of the runs."""
    if not values:
        return "-"
    return f"{fmt(min(values), unit)} - {fmt(max(values), unit)}"


def verdict(s: dict[str, Any]) -> str:
    """met, NOT MET, or why there is no verdict."""
    if s["met"] is None:
        return "peer not run" if s["floor"] else ""
    return "met" if s["met"] else "NOT MET"


def table(summaries: list[dict[str, Any]]) -> list[str]:
    """The full table, as Markdown lines."""
    lines = [
        "| area | figure | ours (median) | ours: min - max | peer | peer (median) "
        "| peer: min - max | ratio | per-run ratios | runs | floor | |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in summaries:
        unit = s["unit"]
        ratio = f"{s['ratio']:.3f}" if s["ratio"] is not None else "-"
        rr = s["ratio_range"]
        ratio_range = f"{rr[0]:.3f} - {rr[1]:.3f}" if rr else "-"
        cells = [
            s["area"],
            s["case"],
            fmt(s["ours_median"], unit),
            spread(s["ours"], unit),
            s["peer_name"],
            fmt(s["peer_median"], unit),
            spread(s["peer"], unit),
            ratio,
            ratio_range,
            str(s["runs"]),
            s["floor"] or "",
            verdict(s),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def floors_table(summaries: list[dict[str, Any]]) -> list[str]:
    """Only the figures with a floor: what the issue asks, what was measured."""
    lines = ["| figure | floor (issue) | measured | |", "|---|---|---|---|"]
    for s in summaries:
        if s["floor"] is None:
            continue
        words = next((w for k, w in FLOOR_WORDS.items() if k in s["case"]), None)
        if s["ratio"] is None and not s.get("absolute"):
            measured = "-"
        elif s["ratio"] is None:
            measured = f"worst {fmt(max(s['ours']), s['unit'])}"
        elif s["case"].startswith("async create"):
            measured = f"{1 / s['ratio']:.1f}x faster"
        else:
            measured = f"{s['ratio']:.2f}x {s['peer_name']}"
        if words is not None and "Nx" in words:
            words = words.replace("N", s["floor"].split()[-1])
        floor = f"{words} ({s['floor']})" if words else f"ratio {s['floor']}"
        lines.append(f"| {s['area']}: {s['case']} | {floor} | {measured} | {verdict(s)} |")
    return lines


def tool_version(command: list[str], pattern: str) -> str:
    """A version out of a tool's own output, or "not installed"."""
    if shutil.which(command[0]) is None and not os.path.exists(command[0]):
        return "not installed"
    out = subprocess.run(command, capture_output=True, text=True, check=False)
    found = re.search(pattern, out.stdout + out.stderr)
    return found.group(1) if found else "unknown"


def machine(load_before: tuple[float, ...], load_after: tuple[float, ...]) -> list[str]:
    """Cores, memory, CPU, versions, and how busy the machine was."""
    meminfo = Path("/proc/meminfo").read_text() if os.path.exists("/proc/meminfo") else ""
    mem = re.search(r"MemTotal:\s+(\d+) kB", meminfo)
    cpuinfo = Path("/proc/cpuinfo").read_text() if os.path.exists("/proc/cpuinfo") else ""
    model = re.search(r"model name\s*:\s*(.+)", cpuinfo)

    def pkg(name: str) -> str:
        try:
            return dist_version(name)
        except PackageNotFoundError:
            return "not installed"

    prism = ROOT / ".bench-node" / "node_modules" / "@stoplight" / "prism-cli" / "package.json"
    prism_version = json.loads(prism.read_text())["version"] if prism.exists() else "not installed"
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    node = tool_version(["node", "--version"], r"v(\S+)")
    wrk = tool_version(["wrk", "-v"], r"wrk (\S+)")
    now = datetime.datetime.now(datetime.UTC)
    return [
        f"- CPU: {os.cpu_count()} cores, {model.group(1) if model else platform.processor()}",
        f"- memory: {int(mem.group(1)) / 2**20:.1f} GiB" if mem else "- memory: unknown",
        f"- OS: {platform.platform()}",
        f"- Python {platform.python_version()}, numpy {pkg('numpy')}, httpx {pkg('httpx')}",
        f"- peers: qiskit-aer {pkg('qiskit-aer')}, qiskit {pkg('qiskit')}, "
        f"cirq-core {pkg('cirq-core')}, qulacs {pkg('qulacs')}, qsimcirq {pkg('qsimcirq')}, "
        f"ionq-core {pkg('ionq-core')}, "
        f"Prism {prism_version} on node {node}, wrk {wrk}",
        f"- commit {commit or 'unknown'}, {now:%Y-%m-%d %H:%M} UTC",
        "- load average (1, 5, 15 min) before: {:.2f} {:.2f} {:.2f}; ".format(*load_before)
        + "after: {:.2f} {:.2f} {:.2f}".format(*load_after),
    ]


def document(table_lines: list[str], floors: list[str], info: list[str], took: float) -> str:
    """docs/benchmarks.md: how the figures were made, then the figures."""
    return "\n".join(
        [
            "# Benchmarks",
            "",
            "Generated by `make bench` (scripts/bench, then scripts/bench_all.py); do not edit "
            "by hand, run it again. The machines this runs on are shared and noisy, so no "
            "absolute time is the figure: each figure is ours against a peer measured in the "
            "same run, the two alternating, over at least 5 runs. The ratio is ours / peer "
            "(medians); below 1 is faster (or smaller) for times and memory, above 1 is "
            'better for requests per second. "per-run ratios" is the range of the ratio '
            "within single runs, which shows how steady it was.",
            "",
            "What is measured (each script's docstring has the details):",
            "",
            "- **simulator** (scripts/bench_simulator.py): random H/RZ/CNOT circuits, 20 "
            "qubits x 200 gates, against qiskit-aer's statevector method, cirq's "
            "`Simulator` and qulacs (complex128, qulacs on both cores), with Google's qsim "
            "(complex64) beside them; 25 qubits x 100 gates against aer, qulacs and qsim, "
            "each run in its own subprocess, time and peak resident memory above the "
            "post-import baseline; per call, circuit construction included, a 10-qubit "
            "100-gate circuit and a Bell circuit against qulacs and qsim; every result is "
            "checked against ours and aer's probabilities.",
            "- **server** (scripts/bench_server.py): requests per second for getting a job, "
            "listing a page of 25 and creating a job, `ionq-mock serve` vs Prism on the same "
            "openapi.yaml, one process each, the same load generator (wrk, 1 thread, 16 "
            "connections); getting a job against a bare ASGI app answering the same body on "
            "the same server settings (the ceiling of a Python server here); the time to "
            "fetch a page from the middle of the listing with 100,000 vs 1,000 stored jobs.",
            "- **client** (scripts/bench_peers.py): the facade against a raw `httpx.Client` "
            "call plus `.json()` (get a job, list a page, create a job); against IonQ's "
            "`ionq-core` on the same mock and the same work (get 1,000 jobs, list 5,000 "
            "through pagination, create 500); `AsyncIonQ` creating 1,000 jobs 32 in flight "
            "vs one at a time (the mock adds 20 ms to each answer, a short network round "
            "trip; with none, a CPU-bound local server is the limit and no client could be "
            "faster concurrently); peak traced Python memory while iterating 100,000 jobs vs "
            "1,000 (flat: the iterator holds one page). scripts/bench_client.py (the "
            "facade's own breakdown, including the bare generated call) is run separately.",
            "",
            "Peers are installed by `make bench` into `.bench-venv/` (scripts/bench-env, exact "
            "pins) and `.bench-node/` (Prism), never into the project's dependencies.",
            "",
            "## Floors vs measured",
            "",
            *floors,
            "",
            "## All figures",
            "",
            *table_lines,
            "",
            "## Machine",
            "",
            *info,
            f"- `make bench` took {took / 60:.1f} min",
            "",
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="each script's smoke mode")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (min 5)")
    parser.add_argument("--only", default=",".join(SCRIPTS), help="areas, comma-separated")
    parser.add_argument("--out", help="Markdown file (default docs/benchmarks.md; none in smoke)")
    args = parser.parse_args()
    areas = [a for a in args.only.split(",") if a]
    unknown = set(areas) - set(SCRIPTS)
    if unknown:
        parser.error(f"unknown areas: {', '.join(sorted(unknown))}")
    start = time.monotonic()
    load_before = os.getloadavg()
    rows: list[dict[str, Any]] = []
    failed = []
    with tempfile.TemporaryDirectory() as folder:
        for area in areas:
            area_rows, code = run_area(area, args.smoke, max(5, args.runs), folder)
            if args.smoke:  # tiny sizes: figures, not verdicts
                area_rows = [{**r, "floor": None} for r in area_rows]
            rows += area_rows
            # bench_simulator.py exits 1 when a floor is missed, and still writes its figures.
            if not area_rows:
                failed.append(f"{area} (exit {code}, no figures)")
    took = time.monotonic() - start
    summaries = [summarise(r) for r in rows]
    lines = table(summaries)
    floors = floors_table(summaries)
    info = machine(load_before, os.getloadavg())
    print("\n" + "\n".join(floors) + "\n\n" + "\n".join(lines) + "\n\n" + "\n".join(info))
    print(f"took {took:.0f} s")
    out = args.out or (None if args.smoke else str(DOC))
    if out:
        Path(out).write_text(document(lines, floors, info, took), encoding="utf-8")
        print(f"wrote {out}")
    if failed:
        print(f"no figures from: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

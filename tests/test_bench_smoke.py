"""`make bench`'s scripts still run: every area's smoke mode, through the orchestrator.

Needs neither .bench-venv, Prism nor network: peers that are not installed are skipped and
our side still runs. Sizes are tiny, so only that each figure was produced is checked, not
its value; the floor logic of the orchestrator is checked on its own.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
sys.path.insert(0, str(SCRIPTS))

import bench_all  # noqa: E402 (a script, importable once scripts/ is on the path)
import bench_simulator  # noqa: E402


def test_every_benchmark_produces_figures(tmp_path: Path) -> None:
    out = tmp_path / "benchmarks.md"
    done = subprocess.run(
        [sys.executable, str(SCRIPTS / "bench_all.py"), "--smoke", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = [line.split(" | ") for line in out.read_text().splitlines() if line.startswith("| ")]
    figures: dict[str, list[str]] = {}
    for cells in rows:
        area = cells[0].removeprefix("| ")
        if area in bench_all.SCRIPTS:
            figures.setdefault(area, []).append(cells[2])  # ours (median)
    assert set(figures) == set(bench_all.SCRIPTS)
    for area, values in figures.items():
        for value in values:
            number = re.match(r"[\d,.]+", value)
            assert number is not None, (area, value)
            assert float(number.group().replace(",", "")) > 0, (area, value)
    # The client figures cover every comparison the issue lists.
    cases = "\n".join(cells[1] for cells in rows)
    for case in ("get a job", "list a page", "create a job", "async create", "peak memory"):
        assert case in cases


def test_simulator_bench_measures_or_names_every_peer(tmp_path: Path) -> None:
    """Each simulator peer is either compared with ours or skipped by name, never dropped."""
    out = tmp_path / "simulator.json"
    command = [sys.executable, str(SCRIPTS / "bench_simulator.py"), "--smoke", "--circuits", "1"]
    done = subprocess.run(
        [*command, "--json", str(out)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for peer in bench_simulator.PEERS:
        if peer == "ours":
            continue
        measured = f"time vs {peer}" in done.stdout
        skipped = f"skipped: {peer} (" in done.stdout
        assert measured != skipped, (peer, done.stdout)
        if measured and peer in bench_simulator.PER_CALL:
            assert f"Bell per call vs {peer}" in done.stdout
    figures = json.loads(out.read_text())
    assert figures
    assert all(min(f["ours"]) > 0 for f in figures if f["unit"] == "s")


def test_server_bench_python_load_generator() -> None:
    """The fallback when wrk is missing drives the server too."""
    done = subprocess.run(
        [sys.executable, str(SCRIPTS / "bench_server.py"), "--smoke", "--load", "python"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "get job requests/s (python)" in done.stdout


@pytest.mark.parametrize(
    ("floor", "value", "met"),
    [("<= 1.05", 1.05, True), ("<= 1.05", 1.06, False), (">= 3", 2.9, False), (">= 3", 3, True)],
)
def test_floor_check(floor: str, value: float, met: bool) -> None:
    assert bench_all.check(floor, value) is met


def test_summary_ratio_and_verdicts() -> None:
    row = {"case": "x", "unit": "s", "ours": [1.0, 2.0, 3.0], "peer": [2.0, 2.0, 4.0]}
    summary = bench_all.summarise({**row, "floor": "<= 1.0"})
    assert summary["ratio"] == 2.0 / 2.0
    assert summary["ratio_range"] == (0.5, 1.0)
    assert summary["met"] is True
    # A peer that was not run gives no verdict; agreement with aer is held to its worst run.
    assert bench_all.summarise({**row, "peer": None, "floor": ">= 3"})["met"] is None
    diff = {**row, "peer": None, "floor": "<= 2.5", "absolute": True}
    assert bench_all.summarise(diff)["met"] is False


@pytest.mark.skipif(shutil.which("wrk") is None, reason="the A/B tool drives wrk")
def test_the_server_ab_tool_measures_both_trees() -> None:
    """scripts/bench_server_ab.py against HEAD: every operation, both trees, a figure each."""
    command = [sys.executable, str(SCRIPTS / "bench_server_ab.py"), "HEAD"]
    done = subprocess.run(
        [*command, "--runs", "1", "--seconds", "1", "--ops", "get,create,bare"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = {line.split()[0]: line.split()[1:] for line in done.stdout.splitlines() if line}
    for op in ("get", "create", "bare"):
        base_rate, base_cost, new_rate, new_cost = (float(v) for v in rows[op])
        assert min(base_rate, base_cost, new_rate, new_cost) > 0, (op, rows[op])
    assert "get / bare per run" in done.stdout

"""The benchmark script's smoke mode still runs (peers are skipped when not installed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "bench_simulator.py"


def test_bench_smoke_runs() -> None:
    out = subprocess.run(
        [sys.executable, str(SCRIPT), "--smoke", "--circuits", "3"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "8 qubits x 40 gates" in out.stdout

"""The client benchmark's smoke mode still runs and produces every figure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "bench_client.py"


def test_bench_smoke_produces_every_figure() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--smoke"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "get a job" in result.stdout
    assert "x the bare generated call" in result.stdout
    assert "speed-up" in result.stdout

"""The drift guard must pass on the committed tree and fail on a spec edited without
regeneration: a description change and a new field are both caught."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A minimal copy of the repository: the spec, the generated client and the scripts."""
    for name in ("openapi.yaml", "scripts"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy2(source, tmp_path / name)
    shutil.copytree(
        ROOT / "generated", tmp_path / "generated", ignore=shutil.ignore_patterns("__pycache__")
    )
    (tmp_path / ".venv").symlink_to(ROOT / ".venv")
    return tmp_path


def _check(checkout: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(checkout / "scripts" / "check-generated")], capture_output=True, text=True
    )


def test_committed_client_matches_the_spec(checkout: Path) -> None:
    result = _check(checkout)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_changed_description_is_caught(checkout: Path) -> None:
    spec = checkout / "openapi.yaml"
    text = spec.read_text()
    assert "summary: Create a job\n" in text
    spec.write_text(text.replace("summary: Create a job\n", "summary: Submit a job\n", 1))
    result = _check(checkout)
    assert result.returncode == 1
    assert "create_job.py" in result.stdout
    assert "stale" in result.stderr


def test_a_new_field_is_caught(checkout: Path) -> None:
    spec = checkout / "openapi.yaml"
    text = spec.read_text()
    anchor = "    Whoami:\n"
    start = text.index(anchor)
    properties = text.index("      properties:\n", start) + len("      properties:\n")
    new_field = "        team:\n          type: string\n          description: The key's team.\n"
    spec.write_text(text[:properties] + new_field + text[properties:])
    result = _check(checkout)
    assert result.returncode == 1
    assert "whoami.py" in result.stdout

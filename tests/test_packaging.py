"""The built wheel is the product users install: it must carry all three packages,
their `py.typed` markers, the console scripts and the contract itself."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # --no-isolation: build with the pinned hatchling already in .venv, so nothing downloads.
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "-o", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("*.whl")
    return built


def test_wheel_carries_packages_markers_and_spec(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for package in ("ionq_client", "ionq_api", "ionq_mock", "ionq_spec"):
        assert f"{package}/__init__.py" in names
        assert f"{package}/py.typed" in names
    assert "ionq_spec/openapi.yaml" in names
    packaged = zipfile.ZipFile(wheel).read("ionq_spec/openapi.yaml")
    assert packaged == (ROOT / "openapi.yaml").read_bytes()
    # The mock serves these from the installed package (ionq_mock/console.py).
    for served in ("web/index.html", "web/app.js", "web/app.css", "journal-openapi.yaml"):
        assert f"ionq_mock/{served}" in names


def test_wheel_declares_console_scripts(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (entry_points,) = [n for n in archive.namelist() if n.endswith("entry_points.txt")]
        text = archive.read(entry_points).decode()
    assert "ionq = ionq_client.cli:main" in text
    assert "ionq-mock = ionq_mock.cli:main" in text


def test_installed_wheel_reads_its_packaged_spec(wheel: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path)
    # The unpacked wheel goes first on sys.path, ahead of the editable checkout.
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import ionq_spec; "
        "print(ionq_spec.spec_path()); print(ionq_spec.load_spec()['openapi'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], check=True, capture_output=True, text=True
    )
    path, version = result.stdout.split()
    assert Path(path) == tmp_path / "ionq_spec" / "openapi.yaml"
    assert version == "3.1.0"

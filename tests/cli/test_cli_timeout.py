"""`--timeout` bounds every command, and a failed write says in one line whether it was done.

Exit status 1: the command failed (a write that failed was not done); 3: a write's outcome
is unknown (its answer was lost and the look-up could not tell), so look before retrying.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ionq_client import Circuit, IonQ
from ionq_client._cli_base import EXIT_OUTCOME_UNKNOWN
from ionq_client.cli import cli
from ionq_mock.faults import Faults
from ionq_mock.testing import MockServer

KEY = "cli-timeout-key-0123456789"
BELL = '{"qubits": 2, "circuit": [{"gate": "h", "target": 0}]}'
STALL = 3.0


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer(api_keys=[KEY], job_duration=3600) as running:
        yield running


@pytest.fixture
def faults(server: MockServer) -> Iterator[MockServer]:
    yield server
    server.app.faults = Faults()


def ionq(server: MockServer, *args: str) -> tuple[Result, float]:
    env = {"IONQ_API_KEY": KEY, "IONQ_BASE_URL": server.base_url, "NO_COLOR": "1"}
    start = time.monotonic()
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result, time.monotonic() - start


def one_error_line(result: Result) -> str:
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ")
    assert "Traceback" not in result.output
    return lines[0]


def test_a_stalled_submit_ends_at_its_timeout_with_an_unknown_outcome(
    faults: MockServer, tmp_path: Path
) -> None:
    program = tmp_path / "bell.json"
    program.write_text(BELL)
    faults.app.faults = Faults(latency=STALL)
    result, elapsed = ionq(faults, "jobs", "submit", str(program), "--timeout", "0.5")
    assert result.exit_code == EXIT_OUTCOME_UNKNOWN
    line = one_error_line(result)
    assert "submit the job: could not tell whether it was done" in line
    assert "outcome unknown" in line
    assert elapsed < 0.5 + 1.0


def test_a_read_ends_at_its_timeout(faults: MockServer) -> None:
    faults.app.faults = Faults(latency=STALL)
    result, elapsed = ionq(faults, "backends", "--timeout", "0.4")
    assert result.exit_code == 1
    assert "timed out" in one_error_line(result)
    assert elapsed < 0.4 + 1.0


def test_a_write_that_failed_says_it_was_not_done(server: MockServer) -> None:
    missing = str(uuid.uuid4())
    result, _ = ionq(server, "jobs", "cancel", missing, "--timeout", "5")
    assert result.exit_code == 1
    line = one_error_line(result)
    assert f"cancel job {missing}: not done: 404" in line


def test_a_write_whose_answer_and_look_up_fail_is_unknown(faults: MockServer) -> None:
    with IonQ(api_key=KEY, base_url=faults.base_url) as client:
        job_id = str(client.jobs.create(Circuit(2).h(0), backend="simulator").id)
    faults.app.faults = Faults(rates={503: 1.0})
    result, elapsed = ionq(faults, "jobs", "cancel", job_id, "--timeout", "1.5")
    assert result.exit_code == EXIT_OUTCOME_UNKNOWN
    assert f"cancel job {job_id}: could not tell whether it was done" in one_error_line(result)
    assert elapsed < 1.5 + 1.0

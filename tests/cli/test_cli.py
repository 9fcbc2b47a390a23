"""Every `ionq` command against the live mock server: output, `--json` parsed back, exit codes,
and failures (400, 401, 404, bad files, no server) as one line with no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from ionq_client.cli import cli
from ionq_mock.testing import MockServer, free_port

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
KEY = "cli-test-key-0123456789"


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    # Short jobs: each `jobs wait` returns within one poll interval.
    with MockServer(api_keys=[KEY], job_duration=0.05) as s:
        yield s


@pytest.fixture(scope="module")
def hour_server() -> Iterator[MockServer]:
    # Jobs run for an hour: one is certainly still running when a test cancels it.
    with MockServer(api_keys=[KEY], job_duration=3600) as s:
        yield s


def env_for(server: MockServer) -> dict[str, str]:
    return {
        "IONQ_API_KEY": KEY,
        "IONQ_BASE_URL": server.base_url,
        "COLUMNS": "100",
        "NO_COLOR": "1",
    }


@pytest.fixture
def env(server: MockServer) -> dict[str, str]:
    return env_for(server)


@pytest.fixture
def hour_env(hour_server: MockServer) -> dict[str, str]:
    return env_for(hour_server)


def ionq(env: dict[str, str], *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, input=input, catch_exceptions=False)


def as_json(result: Result) -> Any:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def one_line_error(result: Result) -> str:
    """The failure's stderr, checked to be exactly one `Error:` line with no traceback."""
    assert result.exit_code == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert "Traceback" not in result.stderr
    assert KEY not in result.stderr
    assert KEY not in result.stdout
    return lines[0]


def submit(env: dict[str, str], *args: str) -> str:
    job_id: str = as_json(ionq(env, "jobs", "submit", *args, "--json"))["id"]
    return job_id


# ---------------------------------------------------------------------------- identity
def test_whoami_names_the_key_but_never_prints_it(env: dict[str, str]) -> None:
    result = ionq(env, "whoami")
    assert result.exit_code == 0
    assert "key name:" in result.stdout
    assert env["IONQ_BASE_URL"] in result.stdout
    assert KEY not in result.stdout
    data = as_json(ionq(env, "whoami", "--json"))
    assert set(data) >= {"key_id", "key_name", "base_url"}
    assert KEY not in json.dumps(data)


def test_flags_override_the_environment(server: MockServer) -> None:
    result = ionq(
        {"IONQ_API_KEY": "", "IONQ_BASE_URL": ""},
        "whoami",
        "--json",
        "--api-key",
        KEY,
        "--base-url",
        server.base_url,
    )
    assert as_json(result)["base_url"] == server.base_url


def test_backends_table_and_json(env: dict[str, str]) -> None:
    result = ionq(env, "backends")
    assert result.exit_code == 0
    assert "simulator" in result.stdout
    assert "qpu.forte-1" in result.stdout
    names = {b["backend"] for b in as_json(ionq(env, "backends", "--json"))}
    assert {"simulator", "qpu.forte-1"} <= names


# ---------------------------------------------------------------------------- the lifecycle
def test_submit_wait_results_in_the_documented_bit_order(env: dict[str, str]) -> None:
    job_id = submit(env, str(EXAMPLES / "bell.json"))
    waited = ionq(env, "jobs", "wait", job_id)
    assert waited.exit_code == 0
    assert f"job {job_id}: completed" in waited.stderr
    assert as_json(ionq(env, "jobs", "wait", job_id, "--json"))["status"] == "completed"

    data = as_json(ionq(env, "jobs", "results", job_id, "--json"))
    assert data["bit_order"] == "q0-leftmost"
    assert data["circuits"][0]["probabilities"] == pytest.approx({"00": 0.5, "11": 0.5})

    table = ionq(env, "jobs", "results", job_id, "--shots", "100").stdout
    rows = [line for line in table.splitlines() if line.startswith("│ ")]
    assert [r.split("│")[1].strip() for r in rows] == ["00", "11"]
    assert all("50" in r and "█" in r for r in rows)
    assert "qubit 0 leftmost" in table


def test_only_qubit_0_flipped_reads_100(env: dict[str, str], tmp_path: Path) -> None:
    program = tmp_path / "flip.json"
    program.write_text(json.dumps({"qubits": 3, "circuit": [{"gate": "x", "target": 0}]}))
    result = as_json(ionq(env, "jobs", "submit", str(program), "--wait", "--json"))
    assert result["job"]["status"] == "completed"
    assert result["results"]["circuits"][0]["probabilities"] == {"100": 1.0}


def test_submit_wait_shows_histogram_with_counts(env: dict[str, str]) -> None:
    result = ionq(env, "jobs", "submit", str(EXAMPLES / "ghz5.json"), "--noise", "aria-1", "--wait")
    assert result.exit_code == 0, result.stderr
    assert "completed" in result.stderr
    assert "count" in result.stdout
    assert "100 shots" in result.stdout
    assert "00000" in result.stdout
    assert "11111" in result.stdout


def test_native_and_multi_circuit_programs(env: dict[str, str]) -> None:
    native = as_json(ionq(env, "jobs", "submit", str(EXAMPLES / "native.json"), "--wait", "--json"))
    assert native["job"]["type"] == "ionq.circuit.v1"
    assert set(native["results"]["circuits"][0]["probabilities"]) == {"001", "111"}

    multi = as_json(ionq(env, "jobs", "submit", str(EXAMPLES / "multi.json"), "--wait", "--json"))
    assert multi["job"]["type"] == "ionq.multi-circuit.v1"
    assert len(multi["results"]["circuits"]) == 2
    text = ionq(env, "jobs", "results", multi["job"]["id"]).stdout
    assert "circuit 1 of 2" in text
    assert "circuit 2 of 2" in text


def test_programs_with_rotations_pauliexp_nop_and_mixed_gate_sets() -> None:
    from ionq_client._cli_program import parse_program

    single = parse_program(
        {
            "gateset": "qis",
            "circuit": [
                {"gate": "z", "target": 0, "rotation": 0.25},
                {"gate": "pauliexp", "targets": [0, 1], "paulis": ["X", "Z"], "rotation": 0.5},
                {
                    "gate": "pauliexp",
                    "targets": [1],
                    "terms": ["Y"],
                    "coefficients": [2],
                    "time": 0.1,
                },
            ],
        }
    )
    gates = single.circuits[0].to_input().to_dict()["circuit"]
    assert gates[0] == {"gate": "z", "rotation": 0.25, "target": 0}
    assert gates[1]["paulis"] == ["X", "Z"]
    assert gates[2]["coefficients"] == [2.0]
    multi = parse_program(
        {
            "gateset": "native",
            "circuits": [
                {"gateset": "qis", "circuit": [{"gate": "h", "target": 0}]},
                {
                    "circuit": [
                        {"gate": "nop", "targets": [0, 1]},
                        {"gate": "gpi", "target": 0, "phase": 0},
                    ]
                },
            ],
        }
    )
    assert [c.gateset for c in multi.circuits] == ["qis", "native"]
    assert multi.circuits[1].qubits == 2


def test_options_override_the_file(env: dict[str, str]) -> None:
    job_id = submit(
        env,
        str(EXAMPLES / "bell.json"),
        "--name",
        "renamed",
        "--shots",
        "321",
        "--metadata",
        "team=qa",
        "--metadata",
        "run=7",
        "--noise",
        "aria-1",
    )
    job = as_json(ionq(env, "jobs", "get", job_id, "--json"))
    assert job["name"] == "renamed"
    assert job["shots"] == 321
    assert job["noise"]["model"] == "aria-1"
    assert {"team": "qa", "run": "7"}.items() <= job["metadata"].items()
    shown = ionq(env, "jobs", "get", job_id).stdout
    assert "renamed" in shown
    assert "metadata.team" in shown


def test_program_from_stdin(env: dict[str, str]) -> None:
    program = (EXAMPLES / "ghz5.json").read_text()
    created = as_json(ionq(env, "jobs", "submit", "-", "--json", input=program))
    assert created["status"] in {"submitted", "ready", "started", "completed"}


def test_list_pages_status_and_all(env: dict[str, str]) -> None:
    ids = {submit(env, str(EXAMPLES / "bell.json")) for _ in range(3)}
    first = as_json(ionq(env, "jobs", "list", "--limit", "2", "--json"))
    assert len(first["jobs"]) == 2
    assert first["has_more"] is True
    everything = as_json(ionq(env, "jobs", "list", "--limit", "2", "--all", "--json"))
    assert everything["has_more"] is False
    assert ids <= {j["id"] for j in everything["jobs"]}
    assert len(everything["jobs"]) > 2

    table = ionq(env, "jobs", "list", "--limit", "2")
    assert table.exit_code == 0
    assert "2 job(s) (more: --all" in table.stdout

    ionq(env, "jobs", "wait", sorted(ids)[0])
    done = as_json(ionq(env, "jobs", "list", "--status", "completed", "--all", "--json"))
    assert done["jobs"]
    assert all(j["status"] == "completed" for j in done["jobs"])


def test_cancel_then_wait_fails_and_delete_then_get_is_404(hour_env: dict[str, str]) -> None:
    job_id = submit(hour_env, str(EXAMPLES / "bell.json"))
    assert as_json(ionq(hour_env, "jobs", "get", job_id, "--json"))["status"] == "submitted"
    cancelled = as_json(ionq(hour_env, "jobs", "cancel", job_id, "--json"))
    assert cancelled == {"id": job_id, "status": "canceled"}
    assert "canceled" in one_line_error(ionq(hour_env, "jobs", "wait", job_id))

    deleted = ionq(hour_env, "jobs", "delete", job_id)
    assert deleted.exit_code == 0
    assert f"job {job_id}: deleted" in deleted.stdout
    assert "404" in one_line_error(ionq(hour_env, "jobs", "get", job_id))


def test_results_show_the_measured_counts_of_the_histogram_artifact(env: dict[str, str]) -> None:
    # A noisy simulation measures shots (the ideal simulator computes probabilities only).
    job_id = submit(env, str(EXAMPLES / "bell.json"), "--shots", "200", "--noise", "aria-1")
    ionq(env, "jobs", "wait", job_id)
    measured = as_json(ionq(env, "jobs", "results", job_id, "--json"))["circuits"][0]
    assert measured["measured"] is True
    assert sum(measured["counts"].values()) == 200
    assert measured["counts"].get("00", 0) + measured["counts"].get("11", 0) > 150
    assert "200 shots measured" in ionq(env, "jobs", "results", job_id).stdout
    # --shots scales the probabilities instead.
    scaled = as_json(ionq(env, "jobs", "results", job_id, "--shots", "1000", "--json"))
    assert scaled["circuits"][0]["measured"] is False
    assert sum(scaled["circuits"][0]["counts"].values()) == 1000


def test_clone_and_move(env: dict[str, str]) -> None:
    job_id = submit(env, str(EXAMPLES / "bell.json"), "--noise", "aria-1")
    ionq(env, "jobs", "wait", job_id)
    cloned = as_json(ionq(env, "jobs", "clone", job_id, "--shots", "50", "--json"))
    assert cloned["id"] != job_id
    copy = as_json(ionq(env, "jobs", "get", cloned["id"], "--json"))
    assert copy["shots"] == 50
    assert copy["type"] == "ionq.circuit.v1"
    text = ionq(env, "jobs", "clone", cloned["id"], "--move", "--backend", "simulator").stdout
    assert text.startswith("moved: job ")
    assert cloned["id"] not in text  # the new job's id, not the original's


def test_artifact_by_format_and_by_id(env: dict[str, str]) -> None:
    job_id = submit(env, str(EXAMPLES / "bell.json"), "--shots", "100", "--noise", "aria-1")
    ionq(env, "jobs", "wait", job_id)
    fmt = "ionq.result.histogram.json.v2"
    job = as_json(ionq(env, "jobs", "get", job_id, "--json"))
    assert fmt in job["results"]
    content = as_json(ionq(env, "jobs", "artifact", job_id, fmt))
    counts = content["histogram"]["registers"]["output_all"]
    assert sum(counts.values()) == 100
    by_id = as_json(ionq(env, "jobs", "artifact", job_id, job["results"][fmt]["id"]))
    assert by_id == content
    missing = one_line_error(ionq(env, "jobs", "artifact", job_id, "ionq.result.nothing.v9"))
    assert "has no ionq.result.nothing.v9 artifact" in missing


# ---------------------------------------------------------------------------- failures
def test_a_400_is_one_line_naming_the_offending_key(env: dict[str, str]) -> None:
    line = one_line_error(
        ionq(env, "jobs", "submit", str(EXAMPLES / "bell.json"), "--backend", "qpu.nope")
    )
    assert "400 Bad Request" in line
    assert "offending keys: backend" in line


def test_a_401_is_one_line_and_never_shows_the_key(server: MockServer) -> None:
    wrong = "wrong-key-that-must-not-appear"
    env = {"IONQ_API_KEY": wrong, "IONQ_BASE_URL": server.base_url}
    result = ionq(env, "jobs", "list")
    line = one_line_error(result)
    assert "401" in line
    assert "IONQ_API_KEY" in line
    assert wrong not in result.stderr
    assert wrong not in result.stdout


def test_no_key_no_server_bad_id(env: dict[str, str]) -> None:
    assert "no API key" in one_line_error(ionq({**env, "IONQ_API_KEY": ""}, "whoami"))
    gone = f"http://127.0.0.1:{free_port()}/v0.4"
    assert "cannot reach " + gone in one_line_error(ionq({**env, "IONQ_BASE_URL": gone}, "whoami"))
    assert "not a UUID" in one_line_error(ionq(env, "jobs", "get", "nope"))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "not valid JSON (line 1"),
        ('{"circuit": [{"gate": "h", "target": 0}, {"gate": "warp"}]}', "input.circuit[1].gate"),
        ('{"qubits": 2, "circuit": [{"gate": "h", "target": 5}]}', "input.circuit[0].target"),
        ('{"input": {"circuit": []}, "colour": "red"}', "colour"),
    ],
)
def test_a_bad_program_file_is_one_line(
    env: dict[str, str], tmp_path: Path, content: str, expected: str
) -> None:
    program = tmp_path / "bad.json"
    program.write_text(content)
    assert expected in one_line_error(ionq(env, "jobs", "submit", str(program)))


def test_usage_errors_exit_2(env: dict[str, str]) -> None:
    assert ionq(env, "jobs", "list", "--status", "bogus").exit_code == 2
    assert ionq(env, "jobs", "submit", "missing.json").exit_code == 2
    bad_meta = ionq(env, "jobs", "submit", str(EXAMPLES / "bell.json"), "--metadata", "novalue")
    assert bad_meta.exit_code == 2
    assert "KEY=VALUE" in bad_meta.stderr


def test_the_console_script_exit_codes(env: dict[str, str]) -> None:
    """The installed `ionq` entry point, as a real process: 0, then 1 with one line."""
    exe = str(Path(sys.executable).with_name("ionq"))
    ok = subprocess.run(
        [exe, "backends", "--json"], env={**os.environ, **env}, capture_output=True, text=True
    )
    assert ok.returncode == 0
    assert json.loads(ok.stdout)
    bad = subprocess.run(
        [exe, "jobs", "get", "00000000-0000-0000-0000-000000000000"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1
    assert bad.stderr.count("\n") == 1
    assert bad.stderr.startswith("Error: 404")

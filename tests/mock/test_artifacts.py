"""Result artifacts: the format-keyed `results` of a job, each format's content, and the
JSON Schema of each format (`getFormatSchema`)."""

from __future__ import annotations

import doctest
from collections import Counter
from types import ModuleType
from typing import Any

import httpx
import jsonschema_rs
import pytest
from mock_http import BELL, NOISY_BELL, SAMPLED_FORMATS, client, create, wait_done

from ionq_mock import artifacts, formats, usage
from ionq_mock.testing import MockServer

MULTI: dict[str, Any] = {
    "type": "ionq.multi-circuit.v1",
    "backend": "simulator",
    "shots": 200,
    "noise": {"model": "forte-1", "seed": 3},
    "input": {
        "gateset": "qis",
        "qubits": 3,
        "circuits": [
            {"circuit": [{"gate": "x", "target": 0}], "registers": {"first": [0], "ends": [2, 0]}},
            {"circuit": [{"gate": "h", "target": 0}]},
        ],
    },
}


def artifact(http: httpx.Client, job: dict[str, Any], format_id: str) -> Any:
    descriptor = job["results"][format_id]
    assert descriptor == {
        "id": artifacts.artifact_id(job["id"], format_id),
        "format": format_id,
        "media_type": "application/json",
    }
    answer = http.get(f"/jobs/{job['id']}/artifacts/{descriptor['id']}")
    assert answer.status_code == 200, answer.text
    return answer.json()


@pytest.fixture(scope="module")
def bell() -> Any:
    """A server, a client and a completed noisy Bell job (1000 shots) on it."""
    with MockServer(job_duration=0.05) as server, client(server) as http:
        yield http, wait_done(http, create(http, NOISY_BELL))


def test_a_sampled_job_lists_every_format(bell: Any) -> None:
    _, job = bell
    assert job["status"] == "completed"
    assert list(job["results"]) == ["probabilities", "histogram", "shots", *SAMPLED_FORMATS]
    assert job["results"]["probabilities"] == {
        "url": f"/v0.4/jobs/{job['id']}/results/probabilities"
    }
    # The legacy links of a sampled job point at its v1 artifacts (qiskit-ionq reads
    # per-shot memory from `shots.url`).
    for link, format_id in (("histogram", artifacts.HISTOGRAM_V1), ("shots", artifacts.SHOTS_V1)):
        artifact_id = job["results"][format_id]["id"]
        assert job["results"][link] == {"url": f"/v0.4/jobs/{job['id']}/artifacts/{artifact_id}"}


def test_probability_formats(bell: Any) -> None:
    http, job = bell
    flat = artifact(http, job, "ionq.result.probabilities.json.v1")
    assert flat == http.get(f"/jobs/{job['id']}/results/probabilities").json()
    assert sum(flat.values()) == pytest.approx(1.0)
    nested = artifact(http, job, "ionq.result.probabilities.json.v2")
    [(name, by_bits)] = nested["probabilities"]["registers"].items()
    assert name == "output_all"
    # Bits first qubit first, padded to the job's 2 qubits: state 1 is "10", 2 is "01".
    expected = {"0": "00", "1": "10", "2": "01", "3": "11"}
    assert by_bits == {expected[state]: p for state, p in flat.items()}


def test_histogram_formats_count_every_shot(bell: Any) -> None:
    http, job = bell
    histogram = artifact(http, job, "ionq.result.histogram.json.v1")
    assert sum(histogram.values()) == 1000
    assert all(isinstance(n, int) for n in histogram.values())
    flat = artifact(http, job, "ionq.result.probabilities.json.v1")
    assert {s: n / 1000 for s, n in histogram.items()} == pytest.approx(flat)
    nested = artifact(http, job, "ionq.result.histogram.json.v2")["histogram"]["registers"]
    assert sum(nested["output_all"].values()) == 1000
    assert all(len(bits) == 2 for bits in nested["output_all"])


def test_shot_formats_have_one_entry_per_shot(bell: Any) -> None:
    http, job = bell
    histogram = artifact(http, job, "ionq.result.histogram.json.v1")
    shots = artifact(http, job, "ionq.result.shots.json.v1")
    assert len(shots) == 1000
    assert Counter(shots) == histogram
    assert shots != sorted(shots)  # shuffled, not grouped by state
    assert artifact(http, job, "ionq.result.shots.json.v1") == shots  # the same every time
    per_shot = artifact(http, job, "ionq.result.shots.json.v2")["shots"]
    assert len(per_shot) == 1000
    # Each shot's bit array, qubit 0 first, is the state of the same shot in v1.
    for state, shot in zip(shots, per_shot, strict=True):
        assert shot == {"registers": {"output_all": [int(state) & 1, int(state) >> 1 & 1]}}


def test_every_artifact_matches_its_format_schema(bell: Any) -> None:
    http, job = bell
    for format_id in SAMPLED_FORMATS:
        content = artifact(http, job, format_id)
        jsonschema_rs.Draft7Validator(formats.SCHEMAS[format_id]).validate(content)


def test_an_exact_job_has_only_probabilities(ionq_mock_server: MockServer) -> None:
    with client(ionq_mock_server) as http:
        job = wait_done(http, create(http, BELL))
        assert "shots" not in job
        assert list(job["results"]) == [
            "probabilities",
            "ionq.result.probabilities.json.v1",
            "ionq.result.probabilities.json.v2",
        ]
        wrong = artifacts.artifact_id(job["id"], "ionq.result.histogram.json.v1")
        assert http.get(f"/jobs/{job['id']}/artifacts/{wrong}").status_code == 404


def test_multi_circuit_aggregate_and_registers(ionq_mock_server: MockServer) -> None:
    with client(ionq_mock_server) as http:
        job = wait_done(http, create(http, MULTI))
        assert list(job["results"]) == [
            "probabilities",
            "ionq.result.probabilities-aggregate.json.v1",
        ]
        assert job["results"]["probabilities"]["url"].endswith("/results/probabilities/aggregated")
        aggregate = artifact(http, job, "ionq.result.probabilities-aggregate.json.v1")
        expected = http.get(f"/jobs/{job['id']}/results/probabilities/aggregated").json()
        assert aggregate == expected
        assert list(aggregate) == job["child_job_ids"]
        # A child is a circuit job with its own artifacts; its registers are reported.
        child = http.get(f"/jobs/{job['child_job_ids'][0]}").json()
        registers = artifact(http, child, "ionq.result.histogram.json.v2")["histogram"]["registers"]
        assert list(registers) == ["output_all", "first", "ends"]
        assert sum(registers["first"].values()) == 200
        assert set(registers["ends"]) <= {"00", "01", "10", "11"}
        # x on qubit 0 makes qubit 0 mostly 1: "ends" lists qubit 2 then qubit 0.
        assert max(registers["ends"], key=registers["ends"].get) == "01"


@pytest.mark.parametrize("unfinished", [True, False])
def test_unknown_artifact_or_unfinished_job_is_404(unfinished: bool) -> None:
    with MockServer(job_duration=60 if unfinished else 0.0) as server, client(server) as http:
        job_id = create(http, NOISY_BELL)
        for format_id in SAMPLED_FORMATS:
            found = http.get(f"/jobs/{job_id}/artifacts/{artifacts.artifact_id(job_id, format_id)}")
            assert found.status_code == (404 if unfinished else 200)
        for wanted in ["not-an-artifact", artifacts.artifact_id(BELL_ID, SAMPLED_FORMATS[0])]:
            missing = http.get(f"/jobs/{job_id}/artifacts/{wanted}")
            assert missing.status_code == 404
            assert set(missing.json()) == {"statusCode", "error", "message"}
        assert http.get(f"/jobs/{BELL_ID}/artifacts/x").status_code == 404


BELL_ID = "00000000-0000-4000-8000-000000000000"


@pytest.mark.parametrize("format_id", sorted(formats.SCHEMAS))
def test_format_schema_documents(ionq_mock_server: MockServer, format_id: str) -> None:
    with client(ionq_mock_server) as http:
        answer = http.get(f"/schemas/formats/{format_id}")
        assert answer.status_code == 200
        document = answer.json()
        assert document["$id"] == format_id
        assert document["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert document["type"] in ("object", "array")
        assert document["description"]
        jsonschema_rs.meta.validate(document)


def test_unknown_format_is_400(ionq_mock_server: MockServer) -> None:
    with client(ionq_mock_server) as http:
        answer = http.get("/schemas/formats/ionq.result.nothing.v9")
        assert answer.status_code == 400
        assert answer.json()["validation"]["source"] == "params"


def test_counts_sum_to_shots_by_largest_remainder() -> None:
    assert artifacts.counts({"0": 0.5, "3": 0.5}, 1001) == {"0": 501, "3": 500}
    thirds = artifacts.counts({"0": 1 / 3, "1": 1 / 3, "2": 1 / 3}, 100)
    assert sum(thirds.values()) == 100
    assert sorted(thirds.values()) == [33, 33, 34]
    assert artifacts.counts({"5": 0.999, "6": 0.001}, 10) == {"5": 10}


def test_bitstrings_are_first_qubit_first() -> None:
    assert artifacts.bitstring(1, [0, 1]) == "10"
    assert artifacts.bitstring(6, [0, 1, 2]) == "011"
    assert artifacts.bitstring(6, [2, 0]) == "10"
    assert artifacts.registers({"registers": {"r": [1], "bad": [5], "no": "x"}}, 2) == {
        "output_all": [0, 1],
        "r": [1],
    }


@pytest.mark.parametrize("module", [artifacts, usage])
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0

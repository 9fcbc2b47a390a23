"""The leniency rules (ionq_mock/leniency.py), each answered both ways: the default mode
accepts what IonQ's service accepts and shows the converted or dropped value; `strict`
rejects it with a 400 naming the key and the rule. Conversion never rescues a bad value."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from mock_http import BELL, NOISY_BELL, client, create, wait_done

from ionq_mock.leniency import RULES, boolean_from_text, number_from_text
from ionq_mock.testing import MockServer

DOCS = Path(__file__).parents[2] / "docs" / "mock-server.md"


@pytest.fixture(scope="module")
def lenient() -> Iterator[MockServer]:
    with MockServer(job_duration=0.05) as server:
        yield server


@pytest.fixture(scope="module")
def strict() -> Iterator[MockServer]:
    with MockServer(job_duration=0.05, strict=True) as server:
        yield server


def refused(answer: httpx.Response, keys: list[str], rule: str, source: str = "body") -> str:
    """Assert `answer` is strict mode's 400 for `rule` on `keys`; its message."""
    assert answer.status_code == 400, answer.text
    body = answer.json()
    assert body["validation"] == {"keys": keys, "source": source}
    message: str = body["message"]
    assert f"(leniency rule {rule})" in message
    assert "IonQ's service" in message
    assert "ionq-mock --strict does not" in message
    return message


def rejected(answer: httpx.Response, keys: list[str], source: str = "body") -> str:
    """Assert `answer` is an ordinary 400 on `keys`, citing no leniency rule; its message."""
    assert answer.status_code == 400, answer.text
    body = answer.json()
    assert body["validation"] == {"keys": keys, "source": source}
    assert "leniency rule" not in body["message"]
    message: str = body["message"]
    return message


# ------------------------------------------------------------------ numeric-string
def test_numeric_string_shots(lenient: MockServer, strict: MockServer) -> None:
    body = {**NOISY_BELL, "shots": "1000"}
    with client(lenient) as http:
        job = wait_done(http, create(http, body))
        assert job["shots"] == 1000
        histogram = job["results"]["ionq.result.histogram.json.v1"]
        counts = http.get(f"/jobs/{job['id']}/artifacts/{histogram['id']}").json()
        assert sum(counts.values()) == 1000
    with client(strict) as http:
        message = refused(http.post("/jobs", json=body), ["shots"], "numeric-string")
        assert message.startswith('"shots": "1000" is a string where the spec wants an integer')
        assert "converts it" in message


def test_numeric_strings_inside_a_circuit(lenient: MockServer, strict: MockServer) -> None:
    # rx(pi) on qubit "0": the converted target and rotation flip qubit 0.
    body = {
        **BELL,
        "input": {
            "gateset": "qis",
            "qubits": "1",
            "circuit": [{"gate": "rx", "target": "0", "rotation": "3.141592653589793"}],
        },
    }
    with client(lenient) as http:
        job = wait_done(http, create(http, body))
        probabilities = http.get(f"/jobs/{job['id']}/results/probabilities").json()
        assert probabilities["1"] == pytest.approx(1.0)
        assert job["stats"]["qubits"] == 1
    with client(strict) as http:
        refused(
            http.post("/jobs", json=body),
            ["input.qubits", "input.circuit.0.target", "input.circuit.0.rotation"],
            "numeric-string",
        )


@pytest.mark.parametrize(("text", "shots"), [("1e3", 1000), (" 250 ", 250), ("+7", 7)])
def test_joi_number_spellings_convert(lenient: MockServer, text: str, shots: int) -> None:
    with client(lenient) as http:
        job = wait_done(http, create(http, {**NOISY_BELL, "shots": text}))
        assert job["shots"] == shots


def test_numeric_string_in_the_query(lenient: MockServer, strict: MockServer) -> None:
    with client(lenient) as http:
        for _ in range(3):
            create(http, BELL)
        assert len(http.get("/jobs", params={"limit": "+2"}).json()["jobs"]) == 2
    with client(strict) as http:
        refused(http.get("/jobs", params={"limit": "+2"}), ["limit"], "numeric-string", "query")
        assert http.get("/jobs", params={"limit": "2"}).status_code == 200


# ------------------------------------------------------------------ boolean-string
def test_boolean_string_in_the_body(lenient: MockServer, strict: MockServer) -> None:
    body = {**BELL, "dry_run": "TRUE"}
    with client(lenient) as http:
        job = http.get(f"/jobs/{create(http, body)}").json()
        assert job["dry_run"] is True
        job = http.get(f"/jobs/{create(http, {**BELL, 'dry_run': 'false'})}").json()
        assert job["dry_run"] is False
    with client(strict) as http:
        message = refused(http.post("/jobs", json=body), ["dry_run"], "boolean-string")
        assert message.startswith('"dry_run": "TRUE" is a string where the spec wants a boolean')


def test_boolean_string_in_the_query(lenient: MockServer, strict: MockServer) -> None:
    # qiskit-ionq and pennylane-ionq pass `sharpen` as a Python bool: requests sends "True".
    with client(lenient) as http:
        job_id = create(http, BELL)
        wait_done(http, job_id)
        answer = http.get(f"/jobs/{job_id}/results/probabilities", params={"sharpen": "True"})
        assert answer.status_code == 200
        assert answer.json().keys() == {"0", "3"}
    with client(strict) as http:
        job_id = create(http, BELL)
        wait_done(http, job_id)
        path = f"/jobs/{job_id}/results/probabilities"
        refused(http.get(path, params={"sharpen": "True"}), ["sharpen"], "boolean-string", "query")
        assert http.get(path, params={"sharpen": "true"}).status_code == 200


# ------------------------------------------------------------------ null-optional
def test_null_for_an_optional_field_is_absent(lenient: MockServer, strict: MockServer) -> None:
    body = {**NOISY_BELL, "shots": None, "name": None, "settings": None}
    with client(lenient) as http:
        job = wait_done(http, create(http, body))
        assert job["shots"] == 100  # the spec's default: as if `shots` were not sent
        assert job["name"] is None
    with client(strict) as http:
        message = refused(
            http.post("/jobs", json=body), ["shots", "name", "settings"], "null-optional"
        )
        assert "reads it as absent" in message


def test_a_null_the_spec_allows_needs_no_rule(strict: MockServer) -> None:
    # qiskit-ionq's `noise.seed: null`: openapi.yaml allows it, so strict mode takes it.
    with client(strict) as http:
        create(http, {**BELL, "noise": {"model": "ideal", "seed": None}, "session_id": None})


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"backend": None}, "backend"),  # required: null is not absence
        ({"type": None}, "type"),
        ({"metadata": {"a": None}}, "metadata.a"),  # a map's value is data, not a field
        ({"noise": {"model": None}}, "noise.model"),
    ],
)
def test_null_for_a_required_field_or_a_value_stays_a_400(
    lenient: MockServer, change: dict[str, Any], key: str
) -> None:
    with client(lenient) as http:
        rejected(http.post("/jobs", json={**NOISY_BELL, **change}), [key])


# ------------------------------------------------------------------ unknown-field
def test_unknown_job_field_is_dropped(lenient: MockServer, strict: MockServer) -> None:
    # cirq-ionq's `lang: "json"`. openapi.yaml's job objects are open, so strict mode takes
    # it too (rejecting it would reject schema-valid requests); both drop it.
    body = {**NOISY_BELL, "lang": "json", "external_settings": {"x": 1}}
    for server in (lenient, strict):
        with client(server) as http:
            job = wait_done(http, create(http, body))
            assert "lang" not in job
            assert "external_settings" not in job
            clone = http.post(f"/jobs/{job['id']}/clone", json={})
            assert clone.status_code == 201
            assert "lang" not in http.get(f"/jobs/{clone.json()['id']}").json()


# ------------------------------------------------------------------ missing-content-type
def test_json_body_without_content_type(lenient: MockServer, strict: MockServer) -> None:
    # pennylane-ionq posts `data=json.dumps(...)`: requests sets no Content-Type.
    raw = json.dumps({**NOISY_BELL, "shots": 321}).encode()
    with client(lenient) as http:
        answer = http.post("/jobs", content=raw)
        assert answer.status_code == 201, answer.text
        assert wait_done(http, answer.json()["id"])["shots"] == 321
        other = http.post("/jobs", content=raw, headers={"content-type": "text/plain"})
        rejected(other, ["content-type"], "headers")
    with client(strict) as http:
        message = refused(
            http.post("/jobs", content=raw), ["content-type"], "missing-content-type", "headers"
        )
        assert "reads it as JSON" in message
        other = http.post("/jobs", content=raw, headers={"content-type": "text/plain"})
        rejected(other, ["content-type"], "headers")


# ------------------------------------------------------------------ unexpected-body
def test_body_on_an_operation_that_takes_none(lenient: MockServer, strict: MockServer) -> None:
    # cirq-ionq's `_list` sends `{"limit": 1000}` as a JSON body on GET /jobs.
    limit = json.dumps({"limit": 1}).encode()
    headers = {"content-type": "application/json"}
    with client(lenient) as http:
        for _ in range(2):
            create(http, BELL)
        listed = http.request("GET", "/jobs", content=limit, headers=headers)
        assert listed.status_code == 200
        assert len(listed.json()["jobs"]) >= 2  # the body's `limit` was not read
    with client(strict) as http:
        answer = http.request("GET", "/jobs", content=limit, headers=headers)
        message = refused(answer, ["limit"], "unexpected-body")
        assert message.startswith("GET /jobs takes no request body")
        assert http.get("/jobs").status_code == 200


# ------------------------------------------------------------------ unknown-query-parameter
def test_unknown_query_parameter(lenient: MockServer, strict: MockServer) -> None:
    # pennylane-ionq sends `sharpen` on GET /jobs/{id}; qiskit-ionq `session` on the estimate.
    with client(lenient) as http:
        job_id = create(http, BELL)
        assert http.get(f"/jobs/{job_id}", params={"sharpen": "False"}).status_code == 200
        estimate = {"backend": "qpu.forte-1", "session": "false"}
        assert http.get("/jobs/estimate", params=estimate).status_code == 200
    with client(strict) as http:
        job_id = create(http, BELL)
        answer = http.get(f"/jobs/{job_id}", params={"sharpen": "False"})
        message = refused(answer, ["sharpen"], "unknown-query-parameter", "query")
        assert message.startswith('"sharpen" is not a query parameter of GET /jobs/{job_id}')


# ------------------------------------------------------------------ nothing else loosens
@pytest.mark.parametrize(
    ("change", "key", "says"),
    [
        ({"shots": "abc"}, "shots", '"abc" is not of type "integer"'),
        ({"shots": "0"}, "shots", "less than the minimum of 1"),  # "0" -> 0, still < 1
        ({"shots": "1.5"}, "shots", '"1.5" is not of type "integer"'),
        ({"shots": "1e400"}, "shots", "is not of type"),  # not a finite number
        ({"shots": "0x10"}, "shots", "is not of type"),
        ({"shots": True}, "shots", "is not of type"),  # only strings convert
        ({"dry_run": "yes"}, "dry_run", "is not of type"),
        ({"dry_run": 1}, "dry_run", "is not of type"),
        ({"metadata": {"a": 1}}, "metadata.a", "is not of type"),  # no number -> string
        ({"noise": {"model": "ideal", "seed": "x"}}, "noise.seed", "is not of type"),
    ],
)
def test_conversion_does_not_rescue_a_bad_value(
    lenient: MockServer, strict: MockServer, change: dict[str, Any], key: str, says: str
) -> None:
    for server in (lenient, strict):
        with client(server) as http:
            assert says in rejected(http.post("/jobs", json={**NOISY_BELL, **change}), [key])


def test_a_bad_value_beside_a_converted_one(lenient: MockServer, strict: MockServer) -> None:
    body = {**NOISY_BELL, "shots": "1000", "dry_run": "maybe"}
    with client(lenient) as http:
        rejected(http.post("/jobs", json=body), ["dry_run"])
    with client(strict) as http:
        # The service would refuse it for `dry_run` too; strict also names the string shots.
        rejected(http.post("/jobs", json=body), ["dry_run", "shots"])


def test_nothing_is_stored_on_a_refusal(strict: MockServer) -> None:
    with client(strict) as http:
        before = len(http.get("/jobs", params={"limit": 1000}).json()["jobs"])
        assert http.post("/jobs", json={**BELL, "shots": "10"}).status_code == 400
        assert len(http.get("/jobs", params={"limit": 1000}).json()["jobs"]) == before


# ------------------------------------------------------------------ cost and wiring
class CountingValidator:
    """A validator wrapper counting the calls the app makes."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.calls: list[str] = []

    def is_valid(self, value: Any) -> bool:
        self.calls.append("is_valid")
        return bool(self.inner.is_valid(value))

    def iter_errors(self, value: Any) -> Any:
        self.calls.append("iter_errors")
        return self.inner.iter_errors(value)


def test_a_valid_body_costs_one_is_valid_call(monkeypatch: pytest.MonkeyPatch) -> None:
    with MockServer() as server:
        # The compiled spec is shared by every app of the process: patched for this test only.
        operation = server.app.spec.by_id["createJob"]
        counting = CountingValidator(operation.body_validator)
        monkeypatch.setattr(operation, "body_validator", counting)
        with client(server) as http:
            create(http, {**BELL, "lang": "json"})
            assert counting.calls == ["is_valid"]
            counting.calls.clear()
            create(http, {**BELL, "shots": "10"})
            assert counting.calls[:2] == ["is_valid", "iter_errors"]


def test_ionq_mock_serve_strict() -> None:
    command = [sys.executable, "-c", "from ionq_mock.cli import main; main()", "serve"]
    command += ["--port", "0", "--api-key", "cli-key", "--strict"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("ionq-mock listening on "), line
        headers = {"Authorization": "apiKey cli-key"}
        answer = httpx.post(
            line.split()[-1] + "/jobs", json={**BELL, "shots": "1000"}, headers=headers
        )
        refused(answer, ["shots"], "numeric-string")
    finally:
        process.terminate()
        process.wait()
        if process.stdout is not None:
            process.stdout.close()


def test_joi_conversions() -> None:
    assert [number_from_text(t) for t in ("1000", "-2", "1e3", ".5", "2.", " 3 ")] == [
        1000,
        -2,
        1000,
        0.5,
        2,
        3,
    ]
    for text in ("", "abc", "1e400", "NaN", "Infinity", "0x10", "1_000", "1 2", "9" * 17):
        assert number_from_text(text) is None, text
    assert [boolean_from_text(t) for t in ("true", "FALSE", "True")] == [True, False, True]
    assert [boolean_from_text(t) for t in ("yes", "1", "", " true")] == [None] * 4


def test_every_rule_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("## What the mock accepts beyond the spec (leniency rules)")[1]
    table = section.split("\n## ")[0]
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", table, flags=re.MULTILINE))
    assert documented == set(RULES)

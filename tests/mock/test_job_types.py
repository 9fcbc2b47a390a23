"""Every job type over HTTP: OpenQASM 3 (ideal and sampled, every artifact), multi-circuit
jobs mixing gate sets, hamiltonian-energy quantum functions, and QAOA jobs (which fail:
the mock cannot reach Q-CTRL)."""

from __future__ import annotations

import math
from typing import Any

import httpx
import pytest
from mock_http import client, create, wait_done

from ionq_mock import artifacts
from ionq_mock.testing import MockServer

MCM = """OPENQASM 3.0;
include "stdgates.inc";
bit[1] a;
bit[2] b;
qubit[2] q;
h q[0];
a[0] = measure q[0];
reset q[0];
if (a[0]) {
  x q[1];
}
x q[0];
b[0] = measure q[0];
b[1] = measure q[1];
"""


def qasm3(data: str, **extra: Any) -> dict[str, Any]:
    return {"type": "ionq.qasm3.v1", "backend": "simulator", "input": {"data": data}, **extra}


def artifact(http: httpx.Client, job: dict[str, Any], format_id: str) -> Any:
    descriptor = job["results"][format_id]
    answer = http.get(f"/jobs/{job['id']}/artifacts/{descriptor['id']}")
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_an_ideal_qasm3_job_has_exact_probabilities_by_register(
    ionq_mock_server: MockServer,
) -> None:
    with client(ionq_mock_server) as http:
        job = wait_done(http, create(http, qasm3(MCM, shots=500)))
        assert job["status"] == "completed", job["failure"]
        assert job["stats"] == {"qubits": 2, "circuits": 1, "gate_counts": {"1q": 3, "2q": 0}}
        assert "shots" not in job  # the ideal simulator reports exact results
        formats = {k for k in job["results"] if k != "probabilities"}
        assert formats == {artifacts.PROBABILITIES_V1, artifacts.PROBABILITIES_V2}
        # v1: over the qubits: q[0] always ends at 1; q[1] is 1 half the time.
        probabilities = http.get(f"/jobs/{job['id']}/results/probabilities").json()
        assert probabilities == pytest.approx({"1": 0.5, "3": 0.5})
        assert artifact(http, job, artifacts.PROBABILITIES_V1) == probabilities
        registers = artifact(http, job, artifacts.PROBABILITIES_V2)["probabilities"]["registers"]
        assert list(registers) == ["output_all", "a", "b"]
        assert registers["a"] == pytest.approx({"0": 0.5, "1": 0.5})
        # b[0] first: b[0] is always 1, b[1] copies a.
        assert registers["b"] == pytest.approx({"10": 0.5, "11": 0.5})
        assert registers["output_all"] == pytest.approx({"10": 0.5, "11": 0.5})


def test_a_sampled_qasm3_job_has_every_format_in_one_shot_order(
    ionq_mock_server: MockServer,
) -> None:
    body = qasm3(MCM, shots=400, noise={"model": "aria-1", "seed": 11})
    with client(ionq_mock_server) as http:
        job = wait_done(http, create(http, body))
        assert job["status"] == "completed", job["failure"]
        shots_v2 = artifact(http, job, artifacts.SHOTS_V2)["shots"]
        shots_v1 = artifact(http, job, artifacts.SHOTS_V1)
        assert len(shots_v2) == len(shots_v1) == 400
        agree = 0
        for decimal, shot in zip(shots_v1, shots_v2, strict=True):
            regs = shot["registers"]
            assert set(regs) == {"output_all", "a", "b"}
            # v1 is the qubits' state, v2's output_all the same bits, qubit 0 first.
            assert [(int(decimal) >> q) & 1 for q in range(2)] == regs["output_all"]
            agree += regs["b"][1] == regs["a"][0]
        assert agree >= 380  # b[1] copies a[0] but for readout and gate errors
        histogram = artifact(http, job, artifacts.HISTOGRAM_V2)["histogram"]["registers"]
        assert sum(histogram["a"].values()) == sum(histogram["b"].values()) == 400
        counts_v1 = artifact(http, job, artifacts.HISTOGRAM_V1)
        assert sum(counts_v1.values()) == 400
        assert counts_v1 == {s: shots_v1.count(s) for s in set(shots_v1)}
        assert job["stats"]["qubits"] == 2


def test_qiskit_style_register_reading(ionq_mock_server: MockServer) -> None:
    """Fold the shots as qiskit-ionq does (clbit_labels [name, index], bits[index])."""
    labels = [["a", 0], ["b", 0], ["b", 1]]
    body = qasm3(MCM, shots=300, noise={"model": "forte-1", "seed": 2})
    with client(ionq_mock_server) as http:
        job = wait_done(http, create(http, body))
        counts: dict[str, int] = {}
        for shot in artifact(http, job, artifacts.SHOTS_V2)["shots"]:
            value = 0
            for index, (name, bit) in enumerate(labels):
                if int(shot["registers"][name][bit]):
                    value |= 1 << index
            key = format(value, "03b")
            counts[key] = counts.get(key, 0) + 1
    # qiskit's key "b1 b0 a0": mostly 010 (a = 0) and 111 (a = 1).
    top = sorted(counts, key=counts.__getitem__)[-2:]
    assert sorted(top) == ["010", "111"]


def test_a_qasm3_syntax_error_fails_the_job_naming_the_line(
    ionq_mock_server: MockServer,
) -> None:
    with client(ionq_mock_server) as http:
        job = wait_done(http, create(http, qasm3("OPENQASM 3.0;\nqubit[2] q;\nh q[0]\n")))
        assert job["status"] == "failed"
        assert job["failure"]["code"] == "InvalidInput"
        assert "line 4" in job["failure"]["message"]
        unsupported = wait_done(http, create(http, qasm3("OPENQASM 3.0; qubit q; mygate q;")))
        assert unsupported["failure"]["code"] == "UnsupportedGate"


def test_a_multi_circuit_job_mixes_gate_sets(ionq_mock_server: MockServer) -> None:
    body = {
        "type": "ionq.multi-circuit.v1",
        "backend": "simulator",
        "input": {
            "gateset": "native",
            "qubits": 2,
            "circuits": [
                {
                    "gateset": "qis",
                    "circuit": [
                        {"gate": "h", "target": 0},
                        {"gate": "cnot", "control": 0, "target": 1},
                    ],
                },
                {"circuit": [{"gate": "gpi", "phase": 0, "target": 1}]},
            ],
        },
    }
    with client(ionq_mock_server) as http:
        job = wait_done(http, create(http, body))
        assert job["status"] == "completed", job["failure"]
        answer = http.get(f"/jobs/{job['id']}/results/probabilities/aggregated").json()
        first, second = job["child_job_ids"]
        assert answer[first] == {"0": 0.5, "3": 0.5}
        assert answer[second] == {"2": 1.0}  # gpi(0) is X, on qubit 1


HAMILTONIAN: dict[str, Any] = {
    "type": "quantum-function",
    "backend": "simulator",
    "shots": 1000,
    "input": {
        "data": {
            "type": "hamiltonian-energy",
            "data": {
                "hamiltonian": [
                    {"pauli_string": "ZZ", "coefficient": 0.5},
                    {"pauli_string": "ZI", "coefficient": 0.25},
                ],
                "ansatz": {
                    "data": 'OPENQASM 3.0;\ninclude "stdgates.inc";\ninput float[64] t;\n'
                    "qubit[2] q;\nry(t) q[0];\ncx q[0], q[1];\n"
                },
                "penalty": 0,
            },
        },
        "params": [0.0],
    },
}


def test_a_hamiltonian_energy_function_returns_value_and_variance(
    ionq_mock_server: MockServer,
) -> None:
    with client(ionq_mock_server) as http:
        job = wait_done(http, create(http, HAMILTONIAN))
        assert job["status"] == "completed", job["failure"]
        # ry(0) then cx: |00>, so <ZZ> = <ZI> = 1, each term certain: variance 0.
        assert job["results"] == {"value": 0.75, "variance": 0.0}
        assert job["stats"] == {}
        listed = http.get("/jobs", params={"ids": job["id"]}).json()["jobs"]
        assert listed[0]["results"] == job["results"]
        # A function's results are in the job: no probabilities, no artifacts.
        assert http.get(f"/jobs/{job['id']}/results/probabilities").status_code == 404
        some = artifacts.artifact_id(job["id"], artifacts.PROBABILITIES_V1)
        assert http.get(f"/jobs/{job['id']}/artifacts/{some}").status_code == 404
        body = {**HAMILTONIAN, "input": {**HAMILTONIAN["input"], "params": [1.2]}}
        turned = wait_done(http, create(http, body))["results"]
        # cos(0.6)|00> + sin(0.6)|11>: <ZZ> = 1, <ZI> (Z on qubit 1) = cos(1.2); the
        # variance is sum c^2 (1 - <P>^2) / shots.
        assert turned["value"] == pytest.approx(0.5 + 0.25 * math.cos(1.2))
        assert turned["variance"] == pytest.approx(0.0625 * math.sin(1.2) ** 2 / 1000)


def test_a_bad_function_fails(ionq_mock_server: MockServer) -> None:
    body = {**HAMILTONIAN, "input": {**HAMILTONIAN["input"], "params": []}}
    with client(ionq_mock_server) as http:
        job = wait_done(http, create(http, body))
        assert (job["status"], job["failure"]["code"]) == ("failed", "InvalidInput")
        assert job["results"] is None


def test_a_qaoa_job_fails_because_the_mock_cannot_reach_q_ctrl(
    ionq_mock_server: MockServer,
) -> None:
    body = {
        "type": "qctrl.qaoa.v1",
        "backend": "qpu.forte-1",
        "input": {"problem_type": "maxcut", "problem": {"nodes": [{"id": 0}], "adjacency": [[]]}},
        "external_settings": {"api_credentials": "qctrl-secret"},
    }
    with client(ionq_mock_server) as http:
        job = wait_done(http, create(http, body))
        assert job["status"] == "failed"
        assert job["failure"]["code"] == "OptimizationError"
        assert "Q-CTRL" in job["failure"]["message"]
        assert job["results"] is None
        assert "qctrl-secret" not in http.get(f"/jobs/{job['id']}").text

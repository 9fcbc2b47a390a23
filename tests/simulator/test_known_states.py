"""Known states, bit order, controlled gates with 1..7 controls, multi-circuit jobs."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from dense_reference import run

from ionq_mock.simulator import StateVector, parse_circuit, probabilities, run_job, to_histogram


def qis(circuit: list[dict[str, Any]], qubits: int | None = None) -> dict[str, Any]:
    program: dict[str, Any] = {"gateset": "qis", "circuit": circuit}
    if qubits is not None:
        program["qubits"] = qubits
    return program


BELL = qis([{"gate": "h", "target": 0}, {"gate": "cnot", "control": 0, "target": 1}], 2)


def test_bell_histogram_is_exact() -> None:
    assert run_job("ionq.circuit.v1", BELL) == [{"0": 0.5, "3": 0.5}]
    assert probabilities(BELL).tolist() == pytest.approx([0.5, 0, 0, 0.5], abs=1e-15)


@pytest.mark.parametrize("n", [2, 3, 5, 8, 12])
def test_ghz(n: int) -> None:
    circuit = [{"gate": "h", "target": 0}] + [
        {"gate": "cnot", "control": i, "target": i + 1} for i in range(n - 1)
    ]
    [hist] = run_job("ionq.circuit.v1", qis(circuit))
    assert hist.keys() == {"0", str(2**n - 1)}
    assert hist["0"] == pytest.approx(0.5, abs=1e-12)
    assert sum(hist.values()) == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize("n", [1, 4, 10])
def test_all_h_is_uniform(n: int) -> None:
    probs = probabilities(qis([{"gate": "h", "targets": list(range(n))}]))
    np.testing.assert_allclose(probs, np.full(2**n, 2.0**-n), atol=1e-15)


@pytest.mark.parametrize(("qubit", "key"), [(0, "1"), (1, "2"), (4, "16")])
def test_qubit_zero_is_least_significant(qubit: int, key: str) -> None:
    [hist] = run_job("ionq.circuit.v1", qis([{"gate": "x", "target": qubit}], 5))
    assert hist == {key: 1.0}


def test_qubits_inferred_from_highest_index() -> None:
    assert probabilities(qis([{"gate": "x", "target": 3}])).shape == (16,)
    assert probabilities(qis([])).tolist() == [1.0, 0.0]  # an empty circuit has 1 qubit


def test_to_histogram_drops_zeros_and_sums_to_one() -> None:
    probs = probabilities(qis([{"gate": "h", "target": 0}, {"gate": "h", "target": 0}], 3))
    assert to_histogram(probs) == {"0": 1.0}
    rng = np.random.default_rng(0)
    p = rng.random(64)
    p[rng.random(64) < 0.5] = 0
    hist = to_histogram(p / p.sum())
    assert len(hist) == np.count_nonzero(p)
    assert sum(hist.values()) == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize("n_controls", range(1, 8))
@pytest.mark.parametrize("name", ["x", "ry", "zz"])
def test_controlled_gates_against_dense_reference(name: str, n_controls: int) -> None:
    n = n_controls + (2 if name == "zz" else 1) + 1
    rng = np.random.default_rng(n_controls)
    order = rng.permutation(n).tolist()
    gate: dict[str, Any] = {"gate": name, "controls": order[:n_controls], "rotation": 0.7}
    gate["targets"] = order[n_controls : n_controls + (2 if name == "zz" else 1)]
    if name == "x":
        del gate["rotation"]
    psi = rng.normal(size=1 << n) + 1j * rng.normal(size=1 << n)
    psi /= np.linalg.norm(psi)
    state = StateVector.from_amplitudes(psi)
    for op in parse_circuit("qis", [gate], n, n).ops:
        state.apply(op)
    np.testing.assert_allclose(state.amplitudes(), run(n, "qis", [gate], psi), atol=1e-12)


@pytest.mark.parametrize("n_controls", range(1, 8))
def test_multi_controlled_not_needs_every_control(n_controls: int) -> None:
    controls = list(range(1, n_controls + 1))
    flip = {"gate": "cnot", "controls": controls, "target": 0}
    all_set = qis([{"gate": "x", "targets": controls}, flip])
    assert run_job("ionq.circuit.v1", all_set) == [{str(2 ** (n_controls + 1) - 1): 1.0}]
    prep = [{"gate": "x", "targets": controls[1:]}] if n_controls > 1 else []
    one_missing = qis([*prep, flip], n_controls + 1)
    assert run_job("ionq.circuit.v1", one_missing) == [{str(2 ** (n_controls + 1) - 4): 1.0}]


def test_native_bell_from_ms() -> None:
    program = {
        "gateset": "native",
        "circuit": [{"gate": "ms", "phases": [0, 0], "targets": [0, 1]}],
    }
    [hist] = run_job("ionq.circuit.v1", program)
    assert hist == pytest.approx({"0": 0.5, "3": 0.5}, abs=1e-12)


def test_native_gpi2_twice_is_a_flip() -> None:
    gate = {"gate": "gpi2", "phase": 0.25, "target": 1}
    [hist] = run_job("ionq.circuit.v1", {"gateset": "native", "circuit": [gate, gate]})
    assert hist == pytest.approx({"2": 1.0}, abs=1e-12)


def test_multi_circuit_one_result_each_with_overrides() -> None:
    job = {
        "gateset": "qis",
        "qubits": 2,
        "circuits": [
            {"name": "bell", "circuit": BELL["circuit"]},
            {"circuit": [{"gate": "x", "target": 2}], "qubits": 3},
            {"gateset": "native", "circuit": [{"gate": "gpi", "phase": 0, "target": 0}]},
        ],
    }
    assert run_job("ionq.multi-circuit.v1", job) == [
        {"0": 0.5, "3": 0.5},
        {"4": 1.0},
        {"1": pytest.approx(1.0, abs=1e-15)},
    ]


def test_rotation_probabilities() -> None:
    [hist] = run_job("ionq.circuit.v1", qis([{"gate": "rx", "target": 0, "rotation": 1.0}]))
    assert hist["1"] == pytest.approx(math.sin(0.5) ** 2, abs=1e-15)


def test_longest_allowed_job_runs() -> None:
    # 150,000 gates (the per-job maximum): fusion must stay linear in the gate count.
    gates = [{"gate": "x", "target": i % 6} for i in range(149_999)]
    gates.append({"gate": "cnot", "control": 5, "target": 6})
    [hist] = run_job("ionq.circuit.v1", qis(gates))
    # 149,999 x gates cycling over qubits 0..5: 25,000 (even) on qubits 0-4, which end at 0,
    # and 24,999 (odd) on qubit 5, which ends at 1 and so flips qubit 6.
    assert hist == {str(0b1100000): 1.0}


PAULIEXP_CASES: list[dict[str, Any]] = [
    {"targets": [0], "terms": ["X"], "coefficients": [0.4], "time": 1.3},
    {"targets": [2, 0], "terms": ["XZ"], "coefficients": [-0.7], "time": 0.9},
    {"targets": [1, 2], "terms": ["XX", "YY", "ZZ"], "coefficients": [0.1, 0.2, 0.3], "time": 2},
    {
        "targets": [0, 2, 1],
        "terms": ["XYI", "ZIX", "XYI"],
        "coefficients": [0.5, 1, 0.25],
        "time": 1,
    },
    {"targets": [1], "controls": [0], "terms": ["Y", "Z"], "coefficients": [1, 0.5], "time": 0.6},
]


@pytest.mark.parametrize("case", PAULIEXP_CASES)
def test_pauliexp_against_dense_reference(case: dict[str, Any]) -> None:
    """exp(-i t sum_k c_k P_k), the last character of each term on targets[0]."""
    gate = {"gate": "pauliexp", **case}
    rng = np.random.default_rng(len(str(case)))
    psi = rng.normal(size=8) + 1j * rng.normal(size=8)
    psi /= np.linalg.norm(psi)
    state = StateVector.from_amplitudes(psi)
    for op in parse_circuit("qis", [gate], 3, 3).ops:
        state.apply(op)
    np.testing.assert_allclose(state.amplitudes(), run(3, "qis", [gate], psi), atol=1e-12)


def test_pauliexp_terms_are_little_endian_as_the_clients_send_them() -> None:
    """The last letter acts on targets[0]: cirq-ionq sends Z(q0)Y(q2) as terms ["YZ"]
    with targets [0, 2], and qiskit-ionq sends Qiskit labels, whose last letter is qubit 0."""
    flip = {"gate": "pauliexp", "targets": [1, 0], "terms": ["XI"], "coefficients": [1.0]}
    [hist] = run_job("ionq.circuit.v1", qis([{**flip, "time": math.pi / 2}], 2))
    assert hist == {"1": pytest.approx(1.0)}


@pytest.mark.parametrize(("fixed", "rotation"), [("x", "rx"), ("y", "ry"), ("z", "rz")])
def test_a_rotation_on_a_pauli_is_the_rotation_gate(fixed: str, rotation: str) -> None:
    """qiskit-ionq sends phase gates as `z` with a rotation (and controlled ones with controls)."""
    with_rotation = {"gate": fixed, "target": 1, "controls": [0], "rotation": 0.8}
    expected = {"gate": rotation, "target": 1, "controls": [0], "rotation": 0.8}
    prepare = {"gate": "h", "targets": [0, 1]}
    got = probabilities(qis([prepare, with_rotation, prepare], 2))
    want = probabilities(qis([prepare, expected, prepare], 2))
    np.testing.assert_allclose(got, want, atol=1e-14)
    assert not np.allclose(
        got,
        probabilities(qis([prepare, {"gate": fixed, "target": 1, "controls": [0]}, prepare], 2)),
    )

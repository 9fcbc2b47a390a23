"""The compiled engine (`compiled.py`, numba): the dense reference's probabilities for every
kind of gate, the fused numpy path's on states large enough to split between threads, and
chosen by `simulate` exactly when installed, not switched off, and from FROM_QUBITS up."""

from __future__ import annotations

import os
from typing import Any
from unittest import mock

import numpy as np
import pytest
from dense_reference import run
from hypothesis import given, settings
from hypothesis import strategies as st
from test_small_state import gates

from ionq_mock.simulator import (
    Op,
    SimulationFailure,
    compiled,
    engine,
    parse_circuit,
    probabilities,
)

# The dev install has numba (pyproject's `fast` extra is in `dev`): this suite must run,
# never skip, where `make test` runs.
assert compiled.available(), "numba is missing or IONQ_SIM_ENGINE=numpy is set"


@st.composite
def circuits(draw: st.DrawFn) -> tuple[int, list[dict[str, Any]]]:
    n = draw(st.integers(1, 7))
    return n, draw(st.lists(gates(n), max_size=30))


@settings(max_examples=200, deadline=None)
@given(circuits(), st.integers(1, 8), st.booleans())
def test_every_gate_kind_matches_the_dense_reference(
    case: tuple[int, list[dict[str, Any]]], chunk_qubits: int, merge: bool
) -> None:
    # Small states run every kernel too (compiled.simulate takes any size): dense 1-qubit
    # gates on every qubit (t < 3 and the contiguous runs), diagonal ones, controlled X
    # with controls above and below the target, and the general kernel for the rest; with
    # chunks shrunk, runs of ops go through several chunks, and ops on targets above the
    # chunk take the whole-state pass; runs of 1-qubit gates merged first or not.
    n, circuit = case
    ops = list(parse_circuit("qis", circuit, n, 8).ops)
    with (
        mock.patch.object(compiled, "CHUNK_QUBITS", chunk_qubits),
        mock.patch.object(compiled, "MERGE_FROM_QUBITS", 0 if merge else 99),
    ):
        got = compiled.simulate(n, ops)
    np.testing.assert_allclose(got, np.abs(run(n, "qis", circuit)) ** 2, atol=1e-12)


def native_gate(rng: np.random.Generator, n: int) -> dict[str, Any]:
    a, b = (int(q) for q in rng.choice(n, 2, replace=False))
    kind = rng.integers(4)
    if kind == 0:
        return {"gate": "gpi", "target": a, "phase": float(rng.uniform(-1, 1))}
    if kind == 1:
        return {"gate": "gpi2", "target": a, "phase": float(rng.uniform(-1, 1))}
    if kind == 2:
        phases = [float(rng.uniform(-1, 1)), float(rng.uniform(-1, 1))]
        return {"gate": "ms", "targets": [a, b], "phases": phases}
    return {"gate": "zz", "targets": [a, b], "angle": float(rng.uniform(-1, 1))}


@pytest.mark.parametrize("gateset", ["qis", "native"])
def test_a_state_split_between_threads_matches_the_fused_path(gateset: str) -> None:
    # 16 qubits: every pass has 2^15 pairs or more, over compiled._SPLIT_FROM, so two
    # threads share it; the fused numpy path is the reference at this size.
    n = 16
    rng = np.random.default_rng(7)
    circuit: list[dict[str, Any]] = []
    for _ in range(120):
        if gateset == "native":
            circuit.append(native_gate(rng, n))
            continue
        a, b, c = (int(q) for q in rng.choice(n, 3, replace=False))
        choices: list[dict[str, Any]] = [
            {"gate": "h", "target": a},
            {"gate": "rz", "target": a, "rotation": float(rng.uniform(-3, 3))},
            {"gate": "ry", "target": a, "rotation": float(rng.uniform(-3, 3))},
            {"gate": "cnot", "control": b, "target": a},
            {"gate": "x", "target": a, "controls": [b, c]},
            {"gate": "h", "target": a, "control": b},
            {"gate": "swap", "targets": [a, b]},
            {"gate": "xx", "targets": [a, b], "rotation": float(rng.uniform(-3, 3))},
        ]
        circuit.append(choices[int(rng.integers(len(choices)))])
    assert 1 << (n - 1) >= compiled._SPLIT_FROM
    ops = list(parse_circuit(gateset, circuit, n, 28).ops)
    got = compiled.simulate(n, ops)
    np.testing.assert_allclose(got, engine.simulate_fused(n, ops), atol=1e-12)
    assert got.sum() == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize("n", [compiled.FROM_QUBITS, engine.SMALL_QUBITS + 1])
def test_simulate_uses_it_from_from_qubits_unless_switched_off(n: int) -> None:
    program = {"gateset": "qis", "qubits": n, "circuit": [{"gate": "h", "target": n - 1}]}
    with mock.patch.object(compiled, "simulate", wraps=compiled.simulate) as spy:
        probs = probabilities(program)
        assert spy.call_count == 1
        with mock.patch.dict(os.environ, {compiled.ENGINE_VARIABLE: "numpy"}):
            again = probabilities(program)
        assert spy.call_count == 1  # the fused path answered
        below = compiled.FROM_QUBITS - 1
        small = {"gateset": "qis", "qubits": below, "circuit": [{"gate": "h", "target": 0}]}
        probabilities(small)
        assert spy.call_count == 1  # the small-state path answered
    np.testing.assert_allclose(probs, again, atol=1e-12)
    assert probs[1 << (n - 1)] == pytest.approx(0.5)


def test_a_drifted_norm_is_a_simulation_error() -> None:
    not_unitary = Op((0,), np.array([[2.0, 0.0], [0.0, 2.0]], dtype=np.complex128))
    with pytest.raises(SimulationFailure, match="norm drifted"):
        compiled.simulate(2, [not_unitary, Op((0, 1), np.eye(4, dtype=complex))])

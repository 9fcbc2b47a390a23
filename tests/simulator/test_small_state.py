"""The small-state path (`engine._simulate_small`): the same probabilities as the fused path
and the dense reference, and `simulate` choosing it exactly up to `SMALL_QUBITS`."""

from __future__ import annotations

import os
from typing import Any
from unittest import mock

import numpy as np
import pytest
from dense_reference import run
from hypothesis import given, settings
from hypothesis import strategies as st

from ionq_mock.simulator import Op, SimulationFailure, engine, parse_circuit, probabilities
from ionq_mock.simulator.ops import Probabilities

ONE_Q = ["x", "not", "y", "z", "h", "s", "si", "t", "ti", "v", "vi", "rx", "ry", "rz"]
TWO_Q = ["swap", "xx", "yy", "zz"]
angles = st.floats(-7.0, 7.0, allow_nan=False)


@st.composite
def gates(draw: st.DrawFn, n: int) -> dict[str, Any]:
    """A QIS gate of any kind: with or without controls, several targets, or a pauliexp,
    so every branch of `_apply_small` (permutation, diagonal, batched, gathered) runs."""
    names = [*ONE_Q, "cnot", *TWO_Q, "pauliexp"] if n > 1 else [*ONE_Q, "pauliexp"]
    name = draw(st.sampled_from(names))
    width = {"swap": 2, "xx": 2, "yy": 2, "zz": 2}.get(name, 1)
    if name == "pauliexp":
        width = draw(st.integers(1, min(3, n)))
    elif name in ONE_Q and n > 1:
        width = draw(st.integers(1, 2))  # a 1-qubit gate on two targets is two ops
    most_controls = 0 if name == "swap" else min(3, n - width)
    n_controls = draw(
        st.integers(1 if name == "cnot" else 0, max(1 if name == "cnot" else 0, most_controls))
    )
    qubits = draw(st.permutations(range(n)))[: width + n_controls]
    gate: dict[str, Any] = {"gate": name, "targets": qubits[:width]}
    if n_controls:
        gate["controls"] = qubits[width:]
    if name in ("rx", "ry", "rz", "xx", "yy", "zz"):
        gate["rotation"] = draw(angles)
    if name == "pauliexp":
        gate["terms"] = [draw(st.text("IXYZ", min_size=width, max_size=width))]
        gate["coefficients"] = [draw(st.floats(-2.0, 2.0, allow_nan=False))]
        gate["time"] = draw(st.floats(0.0, 2.0, allow_nan=False))
    return gate


@st.composite
def circuits(draw: st.DrawFn) -> tuple[int, list[dict[str, Any]]]:
    n = draw(st.integers(1, 7))
    return n, draw(st.lists(gates(n), max_size=30))


def fused(n: int, ops: list[Op]) -> Probabilities:
    return engine.simulate_fused(n, ops)


@settings(max_examples=150, deadline=None)
@given(circuits())
def test_small_path_matches_fused_path_and_dense_reference(
    case: tuple[int, list[dict[str, Any]]],
) -> None:
    n, circuit = case
    ops = list(parse_circuit("qis", circuit, n, 8).ops)
    got = engine._simulate_small(n, ops)
    np.testing.assert_allclose(got, fused(n, ops), atol=1e-12)
    np.testing.assert_allclose(got, np.abs(run(n, "qis", circuit)) ** 2, atol=1e-12)


@pytest.mark.parametrize("n", [engine._BATCHED_FROM_QUBIT + 2, engine.SMALL_QUBITS])
def test_every_qubit_of_a_wide_small_state(n: int) -> None:
    # Targets on every qubit, high ones included (the batched matmul), against the fused
    # path: the dense reference is too slow at 13 qubits.
    rng = np.random.default_rng(n)
    circuit: list[dict[str, Any]] = []
    for q in range(n):
        circuit.append({"gate": "h", "target": q})
        circuit.append({"gate": "ry", "target": q, "rotation": float(rng.uniform(-3, 3))})
        circuit.append({"gate": "rz", "target": q, "rotation": float(rng.uniform(-3, 3))})
        circuit.append({"gate": "cnot", "control": q, "target": (q + n // 2) % n})
        circuit.append({"gate": "xx", "targets": [q, (q + 1) % n], "rotation": 0.3 + q})
    ops = list(parse_circuit("qis", circuit, n, 28).ops)
    np.testing.assert_allclose(engine._simulate_small(n, ops), fused(n, ops), atol=1e-12)


def test_simulate_takes_the_small_path_up_to_small_qubits_only() -> None:
    def program(n: int) -> dict[str, Any]:
        return {"gateset": "qis", "qubits": n, "circuit": [{"gate": "h", "target": n - 1}]}

    with (
        mock.patch.dict(os.environ, {"IONQ_SIM_ENGINE": "numpy"}),
        mock.patch.object(engine, "fuse", side_effect=AssertionError("fused")),
    ):
        probs = probabilities(program(engine.SMALL_QUBITS))
        with pytest.raises(AssertionError, match="fused"):
            probabilities(program(engine.SMALL_QUBITS + 1))
    assert probs[0] == pytest.approx(0.5)
    assert probs[1 << (engine.SMALL_QUBITS - 1)] == pytest.approx(0.5)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 5), st.lists(gates(7), min_size=1, max_size=30))
def test_fused_small_chunks_match_dense_reference(
    chunk_qubits: int, circuit: list[dict[str, Any]]
) -> None:
    # States this small take the small path; force the fused one, with chunks shrunk so
    # that the loop over chunks and the in-place probabilities run too.
    program = {"gateset": "qis", "qubits": 7, "circuit": circuit}
    with (
        mock.patch.dict(os.environ, {"IONQ_SIM_ENGINE": "numpy"}),
        mock.patch.object(engine, "SMALL_QUBITS", 0),
        mock.patch.object(engine, "CHUNK_QUBITS", chunk_qubits),
    ):
        got = probabilities(program)
    np.testing.assert_allclose(got, np.abs(run(7, "qis", circuit)) ** 2, atol=1e-12)


def test_a_drifted_norm_is_a_simulation_error() -> None:
    not_unitary = Op((0,), np.array([[2.0, 0.0], [0.0, 2.0]], dtype=np.complex128))
    with pytest.raises(SimulationFailure, match="norm drifted"):
        engine._simulate_small(2, [not_unitary, Op((0, 1), np.eye(4, dtype=complex))])

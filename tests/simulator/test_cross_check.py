"""Random circuits (hypothesis) against the kron-built dense reference, up to 8 qubits."""

from __future__ import annotations

import os
from typing import Any
from unittest import mock

import numpy as np
from dense_reference import run
from hypothesis import given, settings
from hypothesis import strategies as st

from ionq_mock.simulator import StateVector, engine, fuse, parse_circuit, probabilities

ONE_Q = ["x", "y", "z", "h", "not", "s", "si", "t", "ti", "v", "vi", "rx", "ry", "rz"]
TWO_Q = ["swap", "xx", "yy", "zz"]
angles = st.floats(-7.0, 7.0, allow_nan=False)


@st.composite
def qis_gate(draw: st.DrawFn, n: int) -> dict[str, Any]:
    name = draw(st.sampled_from([*ONE_Q, "cnot", *TWO_Q] if n > 1 else ONE_Q))
    width = 2 if name in TWO_Q else 1
    most_controls = 0 if name == "swap" else min(7, n - width)
    n_controls = draw(st.integers(1 if name == "cnot" else 0, most_controls))
    qubits = draw(st.permutations(range(n)))[: width + n_controls]
    gate: dict[str, Any] = {"gate": name}
    targets, controls = qubits[:width], qubits[width:]
    if width == 1 and draw(st.booleans()):
        gate["target"] = targets[0]
    else:
        gate["targets"] = targets
    if len(controls) == 1 and draw(st.booleans()):
        gate["control"] = controls[0]
    elif controls:
        gate["controls"] = controls
    if name in ("rx", "ry", "rz", "xx", "yy", "zz"):
        gate["rotation"] = draw(angles)
    return gate


@st.composite
def native_gate(draw: st.DrawFn, n: int) -> dict[str, Any]:
    name = draw(st.sampled_from(["gpi", "gpi2", "ms", "zz"] if n > 1 else ["gpi", "gpi2"]))
    phase = st.floats(-1.0, 1.0, allow_nan=False)
    if name in ("gpi", "gpi2"):
        return {"gate": name, "phase": draw(phase), "target": draw(st.integers(0, n - 1))}
    targets = draw(st.permutations(range(n)))[:2]
    if name == "ms":
        gate: dict[str, Any] = {
            "gate": "ms",
            "phases": [draw(phase), draw(phase)],
            "targets": targets,
        }
        if draw(st.booleans()):
            gate["angle"] = draw(st.floats(0.0, 0.25))
        return gate
    key = draw(st.sampled_from(["angle", "phase"]))  # Cirq sends the zz angle as `phase`
    return {"gate": "zz", key: draw(st.floats(-1.0, 1.0)), "targets": targets}


@st.composite
def circuits(draw: st.DrawFn) -> tuple[int, str, list[dict[str, Any]]]:
    n = draw(st.integers(1, 8))
    gateset = draw(st.sampled_from(["qis", "native"]))
    gate = qis_gate(n) if gateset == "qis" else native_gate(n)
    return n, gateset, draw(st.lists(gate, max_size=25))


@settings(max_examples=200, deadline=None)
@given(circuits())
def test_probabilities_match_dense_reference(case: tuple[int, str, list[dict[str, Any]]]) -> None:
    n, gateset, circuit = case
    expected = np.abs(run(n, gateset, circuit)) ** 2
    got = probabilities({"gateset": gateset, "qubits": n, "circuit": circuit})
    np.testing.assert_allclose(got, expected, atol=1e-12)


@settings(max_examples=100, deadline=None)
@given(circuits(), st.integers(1, 5), st.integers(0, 2**32 - 1))
def test_amplitudes_match_dense_reference_from_random_state(
    case: tuple[int, str, list[dict[str, Any]]], fuse_qubits: int, seed: int
) -> None:
    # Amplitudes (not just probabilities) catch wrong phases; varying the block size
    # exercises layouts and fusion boundaries.
    n, gateset, circuit = case
    rng = np.random.default_rng(seed)
    psi = rng.normal(size=1 << n) + 1j * rng.normal(size=1 << n)
    psi /= np.linalg.norm(psi)
    parsed = parse_circuit(gateset, circuit, n, 8)
    state = StateVector.from_amplitudes(psi)
    for op in fuse(list(parsed.ops), min(fuse_qubits, n)):
        state.apply(op)
    np.testing.assert_allclose(state.amplitudes(), run(n, gateset, circuit, psi), atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 5), st.lists(qis_gate(7), min_size=1, max_size=30))
def test_small_chunks_match_dense_reference(
    chunk_qubits: int, circuit: list[dict[str, Any]]
) -> None:
    # Real states only split into chunks above 2^16 amplitudes; shrink the chunk so these
    # small circuits run the loop over chunks (and the in-place probabilities) too, on the
    # fused path (states this small take the small-state path by default).
    program = {"gateset": "qis", "qubits": 7, "circuit": circuit}
    with (
        mock.patch.dict(os.environ, {"IONQ_SIM_ENGINE": "numpy"}),
        mock.patch.object(engine, "CHUNK_QUBITS", chunk_qubits),
        mock.patch.object(engine, "SMALL_QUBITS", 0),
    ):
        got = probabilities(program)
    np.testing.assert_allclose(got, np.abs(run(7, "qis", circuit)) ** 2, atol=1e-12)

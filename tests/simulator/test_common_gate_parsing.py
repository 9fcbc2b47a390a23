"""The parser's fast path for the common gate shape (`program._common_gate`) gives exactly
what the general path (`program._parse_gate`) gives, and declines every other shape."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ionq_mock.simulator import Op, SimulationFailure, gates, parse_circuit, program

FIXED = sorted(gates.FIXED_1Q)
ROTATIONS = sorted(gates.ROTATIONS_1Q)


@st.composite
def common_gates(draw: st.DrawFn) -> dict[str, Any]:
    """A gate in the shape the fast path takes: a name, "target", maybe "control", and a
    float "rotation" for rx/ry/rz."""
    name = draw(st.sampled_from(FIXED + ROTATIONS))
    target = draw(st.integers(0, 30))
    gate: dict[str, Any] = {"gate": name, "target": target}
    if name == "cnot" or draw(st.booleans()):
        gate["control"] = draw(st.integers(0, 30).filter(lambda c: c != target))
    if name in ROTATIONS:
        gate["rotation"] = draw(st.floats(-1e6, 1e6, allow_nan=False))
    return gate


def same_ops(fast: list[Op], slow: list[Op]) -> None:
    assert len(fast) == len(slow)
    for a, b in zip(fast, slow, strict=True):
        assert a.targets == b.targets
        assert a.controls == b.controls
        np.testing.assert_array_equal(a.matrix, b.matrix)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(common_gates())
def test_the_fast_path_gives_the_general_paths_op(gate: dict[str, Any]) -> None:
    fast = program._common_gate(gate)
    assert fast is not None
    same_ops([fast], program._parse_gate("qis", gate))


@pytest.mark.parametrize(
    "gate",
    [
        {"gate": "h", "target": True},  # a bool is not a qubit index
        {"gate": "h", "target": -1},
        {"gate": "h", "target": 1.0},
        {"gate": "h", "target": 0, "targets": [1]},
        {"gate": "h", "target": 0, "control": 0},  # a qubit twice
        {"gate": "h", "target": 0, "control": None},
        {"gate": "h", "target": 0, "controls": [1]},
        {"gate": "cnot", "target": 0},  # cnot without a control
        {"gate": "x", "target": 0, "rotation": 0.5},  # x with a rotation is rx
        {"gate": "rz", "target": 0},
        {"gate": "rz", "target": 0, "rotation": 1},  # an int angle: the general path
        {"gate": "rz", "target": 0, "rotation": float("inf")},
        {"gate": "rz", "target": 0, "rotation": "0.5"},
        {"gate": "swap", "target": 0},
        {"gate": "pauliexp", "target": 0},
        {"gate": "h", "target": 0, "extra": 1},  # an unknown key: the general path decides
    ],
)
def test_every_other_shape_is_left_to_the_general_path(gate: dict[str, Any]) -> None:
    assert program._common_gate(gate) is None


def test_a_circuit_counts_and_widths_are_the_same_either_way() -> None:
    circuit = [
        {"gate": "h", "target": 0},
        {"gate": "cnot", "control": 0, "target": 3},
        {"gate": "rz", "target": 2, "rotation": 0.25},
        {"gate": "x", "targets": [1, 4]},  # general path
        {"gate": "rx", "target": 1, "rotation": 1},  # general path (int angle)
    ]
    parsed = parse_circuit("qis", circuit, None, 29)
    assert (parsed.qubits, parsed.gates_1q, parsed.gates_2q) == (5, 5, 1)
    slow = [op for gate in circuit for op in program._parse_gate("qis", gate)]
    same_ops(list(parsed.ops), slow)


def test_bad_gates_still_fail_with_the_general_paths_message() -> None:
    with pytest.raises(SimulationFailure, match="uses a qubit twice"):
        parse_circuit("qis", [{"gate": "h", "target": 1, "control": 1}], None, 29)
    with pytest.raises(SimulationFailure, match="cnot needs a control"):
        parse_circuit("qis", [{"gate": "cnot", "target": 1}], None, 29)
    with pytest.raises(SimulationFailure, match="has 3 qubits"):
        parse_circuit("qis", [{"gate": "h", "target": 3}], 3, 29)

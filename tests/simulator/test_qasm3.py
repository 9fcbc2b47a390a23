"""The OpenQASM 3 front end (simulator/qasm3.py) and its runs (simulator/dynamic.py).

Known answers are worked out by hand in each test (a reset after X is |0>, a Bell pair's
bits agree...), or compared with the JSON-circuit path, which tests/simulator checks
against a dense reference of its own.
"""

from __future__ import annotations

import cmath
import contextlib
import math
import random

import numpy as np
import pytest

from ionq_mock.simulator import SimulationFailure, StateVector, probabilities
from ionq_mock.simulator.dynamic import exact_outcomes, sampled_outcomes
from ionq_mock.simulator.jobs import run_qasm3
from ionq_mock.simulator.qasm3 import parse_program

HEADER = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n'

# What qiskit 2.6's qasm3.dumps writes for a dynamic circuit (h, measure, reset, x, if).
QISKIT_DYNAMIC = """OPENQASM 3.0;
include "stdgates.inc";
bit[2] c;
qubit[2] q;
h q[0];
c[0] = measure q[0];
reset q[0];
x q[0];
if (c[0]) {
  x q[1];
}
c[1] = measure q[1];
"""

# qiskit 2.6's export of gates outside stdgates.inc (as gate definitions) and an if/else
# on a whole register.
QISKIT_DEFINITIONS = """OPENQASM 3.0;
include "stdgates.inc";
gate rzz(p0) _gate_q_0, _gate_q_1 {
  cx _gate_q_0, _gate_q_1;
  rz(p0) _gate_q_1;
  cx _gate_q_0, _gate_q_1;
}
gate sxdg _gate_q_0 {
  s _gate_q_0;
  h _gate_q_0;
  s _gate_q_0;
}
bit[2] a;
bit[1] b;
qubit[3] q;
h q[0];
cx q[0], q[1];
a[0] = measure q[0];
a[1] = measure q[1];
if (a == 3) {
  x q[2];
} else {
  h q[2];
  h q[2];
}
b[0] = measure q[2];
"""


def outcome(state: int, bits: int, qubits: int) -> int:
    """An outcome key: the qubits' final state, then the classical bits above them."""
    return state | (bits << qubits)


def exact(source: str) -> dict[int, float]:
    return exact_outcomes(parse_program(source))


def test_a_bell_program_is_one_simulation_and_its_bits_copy_the_qubits() -> None:
    program = parse_program(HEADER + "qubit[2] q; bit[2] c; h q[0]; cx q[0], q[1]; c = measure q;")
    assert program.unitary  # the final measurements are read off the final state
    assert program.deferred == ((0, 0), (1, 1))
    assert (program.qubits, program.clbits, program.gates_1q, program.gates_2q) == (2, 2, 1, 1)
    got = exact_outcomes(program)
    assert got == pytest.approx({outcome(0, 0, 2): 0.5, outcome(3, 3, 2): 0.5})


def test_measure_forms_write_the_same_bits() -> None:
    forms = [
        "c = measure q;",
        "measure q -> c;",
        "c[0] = measure q[0]; c[1] = measure q[1];",
        "measure q[0] -> c[0]; measure q[1] -> c[1];",
    ]
    for form in forms:
        got = exact(HEADER + f"qubit[2] q; bit[2] c; x q[1]; {form}")
        assert got == pytest.approx({outcome(2, 2, 2): 1.0}), form
    declared = exact(HEADER + "qubit[1] q; x q[0]; bit b = measure q[0];")
    assert declared == pytest.approx({outcome(1, 1, 1): 1.0})


def test_reset_after_x_gives_zero() -> None:
    got = exact(HEADER + "qubit[1] q; bit[1] c; x q[0]; reset q[0]; c[0] = measure q[0];")
    assert got == pytest.approx({0: 1.0})


def test_reset_of_a_superposition_leaves_the_rest_mixed() -> None:
    # Bell pair, then reset qubit 0: qubit 1 is 0 or 1 with probability 1/2 each.
    got = exact(HEADER + "qubit[2] q; h q[0]; cx q[0], q[1]; reset q[0];")
    assert got == pytest.approx({0: 0.5, 2: 0.5})


def test_mid_circuit_measurement_then_conditional_x_gives_a_deterministic_register() -> None:
    program = parse_program(QISKIT_DYNAMIC)
    assert not program.unitary
    got = exact_outcomes(program)
    # c[0] is 0 or 1 at random; q[0] ends as 1 (reset, then x); q[1] is flipped iff c[0].
    assert got == pytest.approx({outcome(0b01, 0b00, 2): 0.5, outcome(0b11, 0b11, 2): 0.5})
    shots = sampled_outcomes(program, 400, np.random.default_rng(3))
    assert shots.shape == (400,)
    bits = shots >> 2
    assert set((bits & 1).tolist()) == {0, 1}
    assert ((bits & 1) == (bits >> 1)).all()  # c[1] always equals c[0]


def test_if_else_on_a_register_and_user_gates() -> None:
    program = parse_program(QISKIT_DEFINITIONS)
    assert set(program.registers) == {"a", "b"}
    got = exact_outcomes(program)
    # a is 00 or 11; a == 3 flips q[2] (b = 1), else h h leaves it 0 (b = 0).
    assert got == pytest.approx(
        {outcome(0b000, 0b000, 3): 0.5, outcome(0b111, 0b111, 3): 0.5}, abs=1e-12
    )


def test_a_register_value_has_bit_zero_least_significant() -> None:
    source = HEADER + "qubit[2] q; bit[2] c; x q[1]; c = measure q; if (c == 2) x q[0];"
    assert exact(source) == pytest.approx({outcome(0b11, 0b10, 2): 1.0})


@pytest.mark.parametrize(
    ("condition", "fires"),
    [
        ("c[0]", True),
        ("!c[0]", False),
        ("c[0] == true && c[1]", False),
        ("c[0] || c[1]", True),
        ("c != 0", True),
        ("c >= 2", False),
        ("(c & 1) == 1", True),
    ],
)
def test_conditions(condition: str, fires: bool) -> None:
    source = HEADER + f"qubit[3] q; bit[2] c; x q[0]; c = measure q[0:1]; if ({condition}) x q[2];"
    [(key, p)] = exact(source).items()
    assert p == pytest.approx(1.0)
    assert (key >> 2) & 1 == int(fires)


def test_switch_for_and_classical_variables() -> None:
    source = (
        HEADER
        + """qubit[2] q;
bit[1] c;
int n = 0;
for int i in [0:2] { n = n + i; }
switch (n) {
  case 3 { x q[0]; }
  default { x q[1]; }
}
for int i in {0, 1} { x q[i]; }
"""
    )
    # n = 0 + 1 + 2 = 3 flips q[0]; the set loop flips q[0] back and q[1]: state 0b10.
    assert exact(source) == pytest.approx({0b10: 1.0})


def test_repeat_until_success_terminates_with_a_certain_outcome() -> None:
    source = (
        HEADER
        + "qubit[1] q; bit[1] c; while (c[0] == 0) { reset q[0]; h q[0]; c[0] = measure q[0]; }"
    )
    got = exact(source)
    assert got == pytest.approx({outcome(1, 1, 1): 1.0})
    shots = sampled_outcomes(parse_program(source), 200, np.random.default_rng(1))
    assert set(shots.tolist()) == {outcome(1, 1, 1)}


def test_break_continue_and_end() -> None:
    source = HEADER + (
        "qubit[2] q; int k = 0;"
        " while (k < 10) { k += 1; if (k == 2) { continue; } if (k == 4) { break; } x q[0]; }"
        " end; x q[1];"
    )
    # x runs for k = 1 and 3: q[0] ends at 0; `end` skips the last x.
    assert exact(source) == pytest.approx({0: 1.0})


def test_standard_gates_match_their_definitions() -> None:
    """Each standard gate against the matrix written out from stdgates.inc's definition."""
    a, b, c, g = 0.3, -1.1, 2.2, 0.7

    def u(theta: float, phi: float, lam: float) -> np.ndarray:
        return np.array(
            [
                [math.cos(theta / 2), -cmath.exp(1j * lam) * math.sin(theta / 2)],
                [
                    cmath.exp(1j * phi) * math.sin(theta / 2),
                    cmath.exp(1j * (phi + lam)) * math.cos(theta / 2),
                ],
            ]
        )

    def ctrl(m: np.ndarray) -> np.ndarray:
        out = np.eye(2 * m.shape[0], dtype=complex)
        out[m.shape[0] :, m.shape[0] :] = m
        return out

    expected = {
        f"U({a}, {b}, {c})": u(a, b, c),
        f"u3({a}, {b}, {c})": u(a, b, c),
        f"u2({b}, {c})": u(math.pi / 2, b, c),
        f"p({a})": u(0, 0, a),
        "h": u(math.pi / 2, 0, math.pi),
        "x": u(math.pi, 0, math.pi),
        "y": u(math.pi, math.pi / 2, math.pi / 2),
        "sdg": u(0, 0, -math.pi / 2),
        "tdg": u(0, 0, -math.pi / 4),
        "sx": np.array([[1 + 1j, 1 - 1j], [1 - 1j, 1 + 1j]]) / 2,
        f"rx({a})": cmath.exp(-1j * (-math.pi / 2 + math.pi / 2) / 2)
        * u(a, -math.pi / 2, math.pi / 2),
        f"rz({a})": np.diag([cmath.exp(-1j * a / 2), cmath.exp(1j * a / 2)]),
        f"cu({a}, {b}, {c}, {g})": ctrl(cmath.exp(1j * g) * u(a, b, c)),
        f"crz({a})": ctrl(np.diag([cmath.exp(-1j * a / 2), cmath.exp(1j * a / 2)])),
        f"cp({a})": np.diag([1, 1, 1, cmath.exp(1j * a)]),
        "cz": np.diag([1, 1, 1, -1]),
        "ch": ctrl(u(math.pi / 2, 0, math.pi)),
        "swap": np.eye(4)[[0, 2, 1, 3]],
        "ccx": np.eye(8)[[0, 1, 2, 3, 4, 5, 7, 6]],
        "cswap": np.eye(8)[[0, 1, 2, 3, 4, 6, 5, 7]],
    }
    for call, matrix in expected.items():
        k = matrix.shape[0].bit_length() - 1
        operands = ", ".join(f"q[{i}]" for i in range(k))
        program = parse_program(HEADER + f"qubit[{k}] q; {call} {operands};")
        got = np.eye(1 << k, dtype=complex)
        # Columns of the identity through the op (kron order: q[0] the first index bit).
        for column in range(1 << k):
            amplitudes = np.zeros(1 << k, dtype=complex)
            # StateVector indexes qubit 0 as the lowest bit; kron order has it highest.
            amplitudes[_reverse_bits(column, k)] = 1
            state = StateVector.from_amplitudes(amplitudes)
            for op in program.ops():
                state.apply(op)
            out = state.amplitudes()
            got[:, column] = [out[_reverse_bits(row, k)] for row in range(1 << k)]
        np.testing.assert_allclose(got, matrix, atol=1e-12, err_msg=call)


def _reverse_bits(value: int, width: int) -> int:
    return int(format(value, f"0{width}b")[::-1], 2)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("ctrl @ x q[0], q[1];", "cx q[0], q[1];"),
        ("ctrl(2) @ x q[0], q[1], q[2];", "ccx q[0], q[1], q[2];"),
        ("negctrl @ x q[0], q[1];", "x q[0]; cx q[0], q[1]; x q[0];"),
        ("inv @ s q[0];", "sdg q[0];"),
        ("pow(0.5) @ x q[0];", "sx q[0];"),
        ("pow(2) @ t q[0];", "s q[0];"),
        ("ctrl @ gphase(pi) q[0];", "z q[0];"),
        ("gate g(t) a, b { h a; crx(t) a, b; } g(0.4) q[1], q[0];", "h q[1]; crx(0.4) q[1], q[0];"),
        ("h q;", "h q[0]; h q[1]; h q[2];"),
        ("cx q[0:1], q[1:2];", "cx q[0], q[1]; cx q[1], q[2];"),
    ],
)
def test_modifiers_definitions_and_broadcasting(left: str, right: str) -> None:
    prepare = "h q[0]; rx(0.3) q[1]; ry(0.8) q[2]; cx q[0], q[2]; "
    one = parse_program(HEADER + "qubit[3] q; " + prepare + left)
    two = parse_program(HEADER + "qubit[3] q; " + prepare + right)
    states = []
    for program in (one, two):
        state = StateVector(3)
        for op in program.ops():
            state.apply(op)
        states.append(state.amplitudes())
    np.testing.assert_allclose(states[0], states[1], atol=1e-12)


def test_a_program_matches_the_json_circuit_path() -> None:
    source = HEADER + (
        "qubit[3] q; h q[0]; cx q[0], q[1]; rx(0.7) q[2]; cz q[1], q[2]; swap q[0], q[2];"
        " ry(1.3) q[1]; t q[0]; sdg q[2];"
    )
    circuit = {
        "gateset": "qis",
        "qubits": 3,
        "circuit": [
            {"gate": "h", "target": 0},
            {"gate": "cnot", "control": 0, "target": 1},
            {"gate": "rx", "target": 2, "rotation": 0.7},
            {"gate": "z", "control": 1, "target": 2},
            {"gate": "swap", "targets": [0, 2]},
            {"gate": "ry", "target": 1, "rotation": 1.3},
            {"gate": "t", "target": 0},
            {"gate": "si", "target": 2},
        ],
    }
    want = probabilities(circuit)
    got = exact(source)
    dense = np.zeros(8)
    for key, p in got.items():
        dense[key] = p
    np.testing.assert_allclose(dense, want, atol=1e-12)


def test_inputs_are_bound_in_declaration_order() -> None:
    source = "OPENQASM 3.0; input float[64] a; input float b; qubit[2] q; rx(a) q[0]; rx(b) q[1];"
    got = exact_outcomes(parse_program(source, inputs=[math.pi, 0.0]))
    assert got == pytest.approx({1: 1.0})
    with pytest.raises(SimulationFailure, match="2 parameters given"):
        parse_program(source.replace("input float b;", "const float b = 0;"), inputs=[1.0, 2.0])


def test_input_qubits_widens_the_program() -> None:
    program = parse_program("OPENQASM 3.0; qubit[1] q; x q[0];", qubits=3)
    assert program.qubits == 3
    with pytest.raises(SimulationFailure) as failure:
        parse_program("OPENQASM 3.0; qubit[2] q;", qubits=1)
    assert failure.value.code == "InvalidInput"


def test_physical_qubits() -> None:
    assert exact("OPENQASM 3.0; x $2;") == pytest.approx({4: 1.0})


@pytest.mark.parametrize(
    ("source", "code", "words"),
    [
        ("OPENQASM 3.0;\nqubit[1] q;\nh q[0]\n", "InvalidInput", "line 4"),
        ("OPENQASM 3.0;\nqubit[1] q;\nh q[0]; @", "InvalidInput", "line 3"),
        ("OPENQASM 3.0;\nqubit[1] q;\nfoo q[0];", "UnsupportedGate", "line 3"),
        ("OPENQASM 3.0;\ndef f() { }", "UnsupportedGate", "line 2"),
        ('OPENQASM 3.0; include "mine.inc";', "InvalidInput", "stdgates.inc"),
        ("OPENQASM 3.0; input float t; qubit q; rx(t) q;", "InvalidInput", "input"),
        (
            "OPENQASM 3.0; qubit[2] q; bit[2] c; c = measure q; rx(c) q[0];",
            "UnsupportedGate",
            "constant",
        ),
        ("OPENQASM 3.0; qubit[29] q;", "NotEnoughQubits", "29"),
        ("OPENQASM 3.0; qubit[2] q; cx q[0], q[0];", "InvalidInput", "twice"),
        ("OPENQASM 3.0; qubit[2] q; h q[2];", "InvalidInput", "out of range"),
        ("OPENQASM 3.0; qubit[2] q; rx(1, 2) q[0];", "InvalidInput", "takes 1"),
        ("OPENQASM 3.0; qubit[2] q; bit[3] c; c = measure q;", "InvalidInput", "2 qubits into 3"),
        ("OPENQASM 3.0; qubit q; qubit q;", "InvalidInput", "twice"),
        ("OPENQASM 3.0; qubit q; while (true) { x q; }", "SimulationError", "loop"),
        ("", "InvalidInput", "OpenQASM"),
    ],
)
def test_failures_name_their_cause(source: str, code: str, words: str) -> None:
    with pytest.raises(SimulationFailure) as failure:
        run_qasm3({"data": source})
    assert failure.value.code == code
    assert words in failure.value.message


def test_no_input_escapes_as_another_exception() -> None:
    """Random cuts and splices of real programs: a result or a SimulationFailure, nothing else."""
    pieces = [
        QISKIT_DYNAMIC,
        QISKIT_DEFINITIONS,
        HEADER + "qubit[2] q; ctrl @ pow(0.3) @ h q[0], q[1];",
    ]
    rng = random.Random(12)
    for _ in range(300):
        source = rng.choice(pieces)
        cut = rng.randrange(len(source))
        other = rng.choice(pieces)
        mutated = source[:cut] + other[rng.randrange(len(other)) :]
        with contextlib.suppress(SimulationFailure):
            run_qasm3({"data": mutated})


def test_sampled_runs_are_reproducible_and_noise_reaches_the_classical_bits() -> None:
    job = {"data": QISKIT_DYNAMIC}
    first = run_qasm3(job, shots=2000, noise_model="harmony", seed=5)
    assert first == run_qasm3(job, shots=2000, noise_model="harmony", seed=5)
    assert sum(first.probabilities.values()) == pytest.approx(1.0)
    agree = sum(
        p for key, p in first.probabilities.items() if (int(key) >> 2) & 1 == (int(key) >> 3) & 1
    )
    assert 0.9 < agree < 1.0  # readout and gate errors break the c[0] == c[1] relation sometimes
    assert first.registers == {"output_all": [0, 1], "c": [2, 3]}

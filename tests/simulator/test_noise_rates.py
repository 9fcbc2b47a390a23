"""Each noise model's gate errors come at the right rate for the right gates: a circuit of
only two-qubit gates loses fidelity at the two-qubit rate `p2`, one of only one-qubit gates
at `p1`, a mix at both, in every front end (`ionq.circuit.v1` and OpenQASM 3).

The circuits return to |0...0> (an even number of CNOTs or Xs), so the model predicts the
share of shots measured 0 exactly (docs/simulator.md, "Noise models"): a shot is ideal with
probability (1-p1)^n1 (1-p2)^n2, a failed shot is uniform over the 2^w states, and then each
bit flips with the readout rate. The gate count is chosen so the kept share is about 0.4 at
the rate under test, where the other rate would keep far more: the two predictions differ
by at least 0.2, and with 200,000 seeded shots (standard deviation 0.0011) the measured
share is within 0.01 of the right one.
"""

from __future__ import annotations

import math
from typing import Any, Final

import pytest

from ionq_mock.simulator import NOISE_MODELS, NoiseModel, run_job, run_qasm3

SHOTS: Final = 200_000
WIDTH: Final = 2
NOISY: Final = sorted(name for name, model in NOISE_MODELS.items() if model.p2 > 0)
CNOT: Final = {"gate": "cnot", "control": 0, "target": 1}
X: Final = {"gate": "x", "target": 0}


def gates_for(rate: float) -> int:
    """An even number of gates after which a share of about 0.4 of the shots is ideal."""
    return 2 * round(math.log(0.4) / math.log(1 - rate) / 2)


def zero_share(model: NoiseModel, gates_1q: int, gates_2q: int) -> float:
    """The share of shots the model measures as 0 on a circuit that returns to |00>."""
    keep = model.ideal_shot_probability(gates_1q, gates_2q)
    return keep * (1 - model.readout) ** WIDTH + (1 - keep) / 2**WIDTH


def expected(model: NoiseModel, gates_1q: int, gates_2q: int) -> float:
    """The model's prediction, written out from its rates (not through the model's code)."""
    keep = (1 - model.p1) ** gates_1q * (1 - model.p2) ** gates_2q
    return keep * (1 - model.readout) ** WIDTH + (1 - keep) / 2**WIDTH


def measured_zero(name: str, circuit: list[dict[str, Any]]) -> float:
    program = {"gateset": "qis", "qubits": WIDTH, "circuit": circuit}
    [histogram] = run_job("ionq.circuit.v1", program, shots=SHOTS, noise_model=name, seed=11)
    return histogram.get("0", 0.0)


@pytest.mark.parametrize("name", NOISY)
def test_two_qubit_gates_fail_at_the_two_qubit_rate(name: str) -> None:
    model = NOISE_MODELS[name]
    count = gates_for(model.p2)
    right = expected(model, 0, count)
    at_one_qubit_rate = expected(model, count, 0)
    assert at_one_qubit_rate - right > 0.2  # the two rates give clearly different answers
    assert zero_share(model, 0, count) == pytest.approx(right, abs=1e-12)
    assert measured_zero(name, [CNOT] * count) == pytest.approx(right, abs=0.01)


@pytest.mark.parametrize("name", NOISY)
def test_one_qubit_gates_fail_at_the_one_qubit_rate(name: str) -> None:
    model = NOISE_MODELS[name]
    count = gates_for(model.p1)
    right = expected(model, count, 0)
    assert right - expected(model, 0, count) > 0.2
    assert measured_zero(name, [X] * count) == pytest.approx(right, abs=0.01)


def test_a_mix_of_gates_fails_at_both_rates() -> None:
    model = NOISE_MODELS["harmony"]
    ones, twos = 40, 20
    right = expected(model, ones, twos)
    # Either rate alone, for every gate, would be far off.
    assert abs(expected(model, ones + twos, 0) - right) > 0.1
    assert abs(expected(model, 0, ones + twos) - right) > 0.1
    circuit = [X] * ones + [CNOT] * twos
    assert measured_zero("harmony", circuit) == pytest.approx(right, abs=0.01)


@pytest.mark.parametrize("name", ["harmony", "aria-1"])
def test_openqasm_two_qubit_gates_fail_at_the_two_qubit_rate(name: str) -> None:
    model = NOISE_MODELS[name]
    count = gates_for(model.p2)
    program = {"data": f"OPENQASM 3.0; qubit[{WIDTH}] q;" + " cx q[0], q[1];" * count}
    result = run_qasm3(program, shots=SHOTS, noise_model=name, seed=11)
    assert expected(model, count, 0) - expected(model, 0, count) > 0.2
    assert result.probabilities["0"] == pytest.approx(expected(model, 0, count), abs=0.01)

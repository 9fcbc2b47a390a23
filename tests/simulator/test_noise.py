"""Noise models: seeded determinism, shot counts, convergence, and the model's own effects."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from ionq_mock.simulator import NOISE_MODELS, probabilities, run_job, sample
from ionq_mock.simulator.noise import frequencies

GHZ: dict[str, Any] = {
    "gateset": "qis",
    "circuit": [{"gate": "h", "target": 0}]
    + [{"gate": "cnot", "control": i, "target": i + 1} for i in range(4)],
}
NOISY = sorted(set(NOISE_MODELS) - {"ideal"})


@pytest.mark.parametrize("model", NOISY)
def test_same_seed_same_counts(model: str) -> None:
    first = run_job("ionq.circuit.v1", GHZ, shots=500, noise_model=model, seed=7)
    assert first == run_job("ionq.circuit.v1", GHZ, shots=500, noise_model=model, seed=7)
    assert first != run_job("ionq.circuit.v1", GHZ, shots=500, noise_model=model, seed=8)


@pytest.mark.parametrize("shots", [1, 3, 100, 999])
@pytest.mark.parametrize("model", NOISY)
def test_frequencies_are_counts_over_shots(model: str, shots: int) -> None:
    [hist] = run_job("ionq.circuit.v1", GHZ, shots=shots, noise_model=model, seed=1)
    counts = [f * shots for f in hist.values()]
    assert counts == pytest.approx([round(c) for c in counts], abs=1e-9)
    assert sum(round(c) for c in counts) == shots


def test_ideal_model_gives_exact_probabilities_whatever_the_shots() -> None:
    exact = run_job("ionq.circuit.v1", GHZ)
    assert run_job("ionq.circuit.v1", GHZ, shots=10, seed=3) == exact
    assert exact == [{"0": pytest.approx(0.5, abs=1e-12), "31": pytest.approx(0.5, abs=1e-12)}]


def test_ideal_sampling_converges_to_exact_probabilities() -> None:
    program = {
        "gateset": "qis",
        "circuit": [
            {"gate": "ry", "target": 0, "rotation": 1.0},
            {"gate": "h", "target": 1},
            {"gate": "cnot", "control": 1, "target": 2},
            {"gate": "rx", "target": 2, "rotation": 0.4},
        ],
    }
    probs = probabilities(program)
    rng = np.random.default_rng(0)
    errors = []
    for shots in (1_000, 400_000):
        freq = frequencies(sample(probs, shots, rng, NOISE_MODELS["ideal"]), probs.shape[0])
        errors.append(float(np.abs(freq - probs).max()))
        assert freq[probs == 0].sum() == 0  # the ideal model never reports an impossible state
    assert errors[1] < 0.005  # about 4 standard deviations of the worst entry
    assert errors[1] < errors[0]


def test_readout_error_rate_shows_on_an_empty_circuit() -> None:
    model = NOISE_MODELS["harmony"]
    empty = {"gateset": "qis", "qubits": 10, "circuit": []}
    [hist] = run_job("ionq.circuit.v1", empty, shots=200_000, noise_model="harmony", seed=2)
    assert hist["0"] == pytest.approx((1 - model.readout) ** 10, abs=0.005)


def test_gate_errors_scale_with_gate_count() -> None:
    model = NOISE_MODELS["harmony-2"]
    deep = {"gateset": "qis", "qubits": 3, "circuit": [{"gate": "x", "target": 0}] * 100}
    probs = probabilities(deep)  # 100 x gates: back to |000>
    shots = 100_000
    outcomes = sample(probs, shots, np.random.default_rng(5), model, gates_1q=100)
    keep = model.ideal_shot_probability(100, 0)
    # Failed shots are uniform over 8 states; readout flips then act on every shot.
    p_zero_before_readout = keep + (1 - keep) / 8
    expected = p_zero_before_readout * (1 - model.readout) ** 3
    assert np.mean(outcomes == 0) == pytest.approx(expected, abs=0.01)
    assert keep < 0.7  # the 100 gates matter at Harmony's rates


def test_multi_circuit_noisy_one_result_per_circuit() -> None:
    job = {"gateset": "qis", "circuits": [GHZ, {"circuit": [{"gate": "x", "target": 0}]}]}
    results = run_job("ionq.multi-circuit.v1", job, shots=200, noise_model="aria-1", seed=4)
    assert len(results) == 2
    assert all(sum(r.values()) == pytest.approx(1.0) for r in results)
    assert max(results[1], key=lambda k: results[1][k]) == "1"

"""Noise models named by IonQ's API, and sampling shots from a distribution.

Each hardware-named model is the same simple, documented model with its own rates; none is
IonQ's real noise model, whose details are not public:

- Gate errors, as global depolarizing noise (the "white noise" approximation): each 1-qubit
  gate fails with probability `p1` and each 2-qubit gate (a multi-controlled gate counts as
  one) with probability `p2`. A shot in which any gate failed is drawn from the uniform
  distribution over all 2^n states, i.e. from the fully depolarized state; the others from
  the ideal distribution. So a shot is ideal with probability (1-p1)^n1 (1-p2)^n2.
- Readout errors: each measured bit of every shot flips with probability `readout`.

This costs one ideal simulation per circuit whatever the shot count, which keeps 25-qubit
noisy jobs as fast as ideal ones; the price is that errors never produce the structured
(non-uniform) distortions a Pauli-trajectory simulation would.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

from .errors import SimulationFailure
from .ops import Probabilities

# The largest state this simulator holds: 2^28 amplitudes x 16 bytes = 4 GiB, updated in
# place. 29 qubits would fit the run (8 GiB) but not, with margin on a 24 GiB machine, the
# arrays that building a histogram of it takes. IonQ's simulator allows 29; see
# docs/simulator.md.
SIMULATOR_MAX_QUBITS: Final = 28
MAX_SHOTS: Final = 1_000_000
DEFAULT_SHOTS: Final = 100


@dataclass(frozen=True)
class NoiseModel:
    """Per-model qubit limit and error rates (probabilities per gate / per measured bit)."""

    name: str
    max_qubits: int
    p1: float
    p2: float
    readout: float

    def ideal_shot_probability(self, gates_1q: int, gates_2q: int) -> float:
        """Probability that no gate of the circuit failed in a shot."""
        return float((1.0 - self.p1) ** gates_1q * (1.0 - self.p2) ** gates_2q)


def _model(name: str, max_qubits: int, p1: float, p2: float, readout: float) -> NoiseModel:
    return NoiseModel(name, min(max_qubits, SIMULATOR_MAX_QUBITS), p1, p2, readout)


# Rates are round figures of the order of each system's published fidelities.
# Qubit limits are the reference's: the QPU's count, Forte capped at 29 (here at 28).
NOISE_MODELS: Final[dict[str, NoiseModel]] = {
    m.name: m
    for m in (
        _model("ideal", 29, 0.0, 0.0, 0.0),
        _model("harmony", 11, 0.005, 0.025, 0.007),
        _model("harmony-1", 11, 0.005, 0.025, 0.007),
        _model("harmony-2", 11, 0.005, 0.025, 0.007),
        _model("aria-1", 25, 0.0005, 0.004, 0.004),
        _model("aria-2", 25, 0.0005, 0.004, 0.004),
        _model("forte-1", 29, 0.0002, 0.005, 0.005),
        _model("forte-enterprise-1", 29, 0.0002, 0.005, 0.005),
    )
}


def noise_model(name: object) -> NoiseModel:
    """The model called `name`, or InvalidInput."""
    if not isinstance(name, str) or name not in NOISE_MODELS:
        raise SimulationFailure(
            "InvalidInput", f"noise model {name!r} is not one of {sorted(NOISE_MODELS)}"
        )
    return NOISE_MODELS[name]


def check_shots(shots: object) -> int:
    """`shots` as an int in 1..1,000,000 (None means the API default, 100)."""
    if shots is None:
        return DEFAULT_SHOTS
    if isinstance(shots, bool) or not isinstance(shots, int) or shots < 1:
        raise SimulationFailure("InvalidInput", f"shots must be a positive integer, got {shots!r}")
    if shots > MAX_SHOTS:
        raise SimulationFailure("TooManyShots", f"{shots} shots; at most {MAX_SHOTS}")
    return shots


def check_seed(seed: object) -> int | None:
    """`seed` as None or a non-negative integer (what numpy's generators accept)."""
    if seed is None:
        return None
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise SimulationFailure("InvalidInput", f"seed must be an integer >= 0, got {seed!r}")
    return seed


def sample(
    probs: Probabilities,
    shots: int,
    rng: np.random.Generator,
    model: NoiseModel,
    gates_1q: int = 0,
    gates_2q: int = 0,
) -> npt.NDArray[np.int64]:
    """Measure `shots` times: the basis state of each shot, noise applied.

    The draws are made in a fixed order, so a seeded `rng` gives the same shots every time.
    """
    size = probs.shape[0]
    cdf = np.cumsum(probs)
    outcomes = np.searchsorted(cdf, rng.random(shots) * cdf[-1], side="right")
    np.minimum(outcomes, size - 1, out=outcomes)  # a draw of exactly cdf[-1]
    return corrupt(outcomes.astype(np.int64), size.bit_length() - 1, rng, model, gates_1q, gates_2q)


def corrupt(
    outcomes: npt.NDArray[np.int64],
    width: int,
    rng: np.random.Generator,
    model: NoiseModel,
    gates_1q: int = 0,
    gates_2q: int = 0,
) -> npt.NDArray[np.int64]:
    """Apply the model's errors to ideal outcomes of `width` measured bits, in place: a
    failed shot becomes uniformly random, then each bit flips with the readout rate."""
    shots = int(outcomes.shape[0])
    keep = model.ideal_shot_probability(gates_1q, gates_2q)
    if keep < 1.0:
        failed: npt.NDArray[np.bool_] = rng.random(shots) >= keep
        outcomes[failed] = rng.integers(0, 1 << width, size=int(failed.sum()), dtype=np.int64)
    if model.readout > 0.0:
        for q in range(width):
            flips = rng.random(shots) < model.readout
            outcomes[flips] ^= 1 << q
    return outcomes


def frequencies(outcomes: npt.NDArray[np.int64], size: int) -> Probabilities:
    """Counts / shots, as a dense array of length `size`."""
    counts = np.bincount(outcomes, minlength=size)
    result: Probabilities = counts.astype(np.float64) / outcomes.shape[0]
    return result

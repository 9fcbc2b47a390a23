"""The `hamiltonian-energy` quantum function: <psi(params)|H|psi(params)> and its variance.

Input (IonQ's `HamiltonianEnergyData`): `hamiltonian`, a list of `{pauli_string,
coefficient}`, and `ansatz.data`, an OpenQASM 3 program whose `input float` declarations
take the job's `params` in declaration order (IonQ's and ionq-core's examples:
`input float[64] theta0; ... ry(theta0) q[0];`). Choices, where IonQ's document is silent:

- A Pauli string has one letter per qubit of the ansatz, the **last letter on qubit 0**
  (IonQ's API is little-endian: cirq-ionq reverses its Pauli strings for it, and qiskit's
  labels, which qiskit-ionq sends as they are, end with qubit 0).
- An all-`I` term is ignored (it adds no information; IonQ's own example,
  ionq-core-python's examples/hamiltonian_energy_vqe.py, says the API ignores "II").
- The ansatz must be unitary: measurements at its end are ignored, a mid-circuit
  measurement or reset is `InvalidInput`.

Each term P_k is estimated from its own `shots` shots in P_k's eigenbasis, so the estimator
E = sum_k c_k m_k (m_k the mean of the shots' +-1 parities) has variance
sum_k c_k^2 (1 - <P_k>^2) / shots. The ideal model gives the exact value
sum_k c_k <psi|P_k|psi> and that variance with the exact <P_k>; another noise model samples
each term (with its gate and readout errors) and reports the estimate and the same formula
with the sampled means m_k.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from . import gates, noise
from .engine import StateVector, blas_on_one_thread
from .errors import SimulationFailure
from .gates import Matrix
from .instructions import Program
from .ops import Op
from .qasm3 import parse_program

MAX_TERMS: Final = 10_000
# Turns a term's X or Y letters into Z before measuring: H for X, H S^dagger for Y.
_TO_Z: Final[dict[str, Matrix]] = {"X": gates.H, "Y": gates.H @ gates.S.conj().T}


@dataclass(frozen=True)
class Term:
    """One Pauli term: qubit -> letter (identity letters left out), and its coefficient."""

    letters: dict[int, str]
    coefficient: float


def _fail(message: str) -> SimulationFailure:
    return SimulationFailure("InvalidInput", message)


def parse_terms(hamiltonian: object, qubits: int) -> list[Term]:
    """The Hamiltonian's terms, all-identity ones dropped; InvalidInput when malformed."""
    if not isinstance(hamiltonian, list) or not hamiltonian:
        raise _fail("'hamiltonian' must be a non-empty list of {pauli_string, coefficient}")
    if len(hamiltonian) > MAX_TERMS:
        raise _fail(f"the Hamiltonian has {len(hamiltonian)} terms; at most {MAX_TERMS}")
    terms = []
    for index, term in enumerate(hamiltonian):
        where = f"hamiltonian.{index}"
        if not isinstance(term, Mapping):
            raise _fail(f"{where} must be an object")
        letters, coefficient = term.get("pauli_string"), term.get("coefficient")
        if not isinstance(letters, str) or len(letters) != qubits or letters.strip("IXYZ"):
            raise _fail(
                f"{where}.pauli_string must be {qubits} letters of I, X, Y, Z (one per qubit"
                f" of the ansatz, the last on qubit 0), got {letters!r}"
            )
        if isinstance(coefficient, bool) or not isinstance(coefficient, int | float):
            raise _fail(f"{where}.coefficient must be a number")
        if not np.isfinite(coefficient):
            raise _fail(f"{where}.coefficient must be finite")
        on = {qubits - 1 - i: p for i, p in enumerate(letters) if p != "I"}
        if on:
            terms.append(Term(on, float(coefficient)))
    return terms


def _parity(values: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """The parity of each value's bits (numpy 1.26 has no bitwise_count)."""
    for shift in (32, 16, 8, 4, 2, 1):
        values = values ^ (values >> shift)
    result: npt.NDArray[np.int64] = values & 1
    return result


def expectation(amplitudes: Matrix, term: Term) -> float:
    """<psi|P|psi> for the Pauli string P, from the amplitudes (qubit 0 the lowest bit).

    P|i> = i^(#Y) (-1)^popcount(i & z) |i ^ x>, with x the X/Y qubits and z the Y/Z ones.
    """
    x_mask = sum(1 << q for q, p in term.letters.items() if p in "XY")
    z_mask = sum(1 << q for q, p in term.letters.items() if p in "YZ")
    index = np.arange(amplitudes.shape[0], dtype=np.int64)
    parity = _parity(index & z_mask)
    applied = (1j ** sum(p == "Y" for p in term.letters.values())) * np.where(parity, -1.0, 1.0)
    value = np.vdot(amplitudes[index ^ x_mask], applied * amplitudes)
    return float(value.real)


def _ansatz(ansatz: object, params: object, max_qubits: int) -> Program:
    if not isinstance(ansatz, Mapping) or not isinstance(ansatz.get("data"), str):
        raise _fail("'ansatz' must be an object with the program in 'data'")
    if params is None:
        params = []
    if not isinstance(params, list) or not all(
        isinstance(p, int | float) and not isinstance(p, bool) and np.isfinite(p) for p in params
    ):
        raise _fail("'params' must be a list of finite numbers")
    program = parse_program(ansatz["data"], None, max_qubits, [float(p) for p in params])
    if not program.unitary:
        raise _fail(
            "the ansatz must be a unitary circuit: it measures or resets mid-circuit or uses"
            " classical control"
        )
    return program


@dataclass(frozen=True)
class Energy:
    """A hamiltonian-energy result, and the size of the ansatz."""

    value: float
    variance: float
    qubits: int
    gates_1q: int
    gates_2q: int

    def results(self) -> dict[str, float]:
        """The job's `results`: `{value, variance}`."""
        return {"value": self.value, "variance": self.variance}


def hamiltonian_energy(
    data: Mapping[str, Any],
    params: object,
    shots: int,
    model_name: str = "ideal",
    seed: int | None = None,
    max_qubits: int = noise.SIMULATOR_MAX_QUBITS,
) -> Energy:
    """Evaluate a `hamiltonian-energy` function (see the module docstring).

    >>> data = {"hamiltonian": [{"pauli_string": "Z", "coefficient": -1.0}],
    ...         "ansatz": {"data": "OPENQASM 3.0; input float theta; qubit[1] q;"
    ...                            " ry(theta) q[0];"}}
    >>> e = hamiltonian_energy(data, [0.0], shots=100)
    >>> e.value, e.variance
    (-1.0, 0.0)
    """
    model = noise.noise_model(model_name)
    shots = noise.check_shots(shots)
    program = _ansatz(data.get("ansatz"), params, min(max_qubits, model.max_qubits))
    terms = parse_terms(data.get("hamiltonian"), program.qubits)
    state = StateVector(program.qubits)
    with blas_on_one_thread():
        for op in program.ops():
            state.apply(op)
    amplitudes = state.amplitudes()
    if model.name == "ideal":
        means = [expectation(amplitudes, t) for t in terms]
    else:
        rng = np.random.default_rng(noise.check_seed(seed))
        means = [_sampled_mean(amplitudes, t, shots, rng, model, program) for t in terms]
    value = sum(t.coefficient * m for t, m in zip(terms, means, strict=True))
    variance = sum(
        t.coefficient**2 * max(0.0, 1.0 - m * m) for t, m in zip(terms, means, strict=True)
    )
    return Energy(
        float(value), float(variance / shots), program.qubits, program.gates_1q, program.gates_2q
    )


def _sampled_mean(
    amplitudes: Matrix,
    term: Term,
    shots: int,
    rng: np.random.Generator,
    model: noise.NoiseModel,
    program: Program,
) -> float:
    """The mean parity of `shots` noisy shots measured in the term's basis."""
    state = StateVector.from_amplitudes(amplitudes)
    rotations = [Op((q,), _TO_Z[p]) for q, p in sorted(term.letters.items()) if p in _TO_Z]
    with blas_on_one_thread():
        for op in rotations:
            state.apply(op)
    probs = state.probabilities()
    outcomes = noise.sample(
        probs, shots, rng, model, program.gates_1q + len(rotations), program.gates_2q
    )
    mask = sum(1 << q for q in term.letters)
    parities = _parity(outcomes & mask)
    return float(np.mean(1.0 - 2.0 * parities))

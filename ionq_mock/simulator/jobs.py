"""What the server and the benchmark call: probabilities, histograms, validation, jobs.

A circuit's result is sparse: the basis states seen and their probabilities, as two numpy
arrays (`Sparse`). `run_job` gives it as a dict; `run_job_json` as the JSON text of that
dict, written part by part from the arrays, so a result of millions of states never
exists as millions of Python objects (a 23-qubit dict is about 1.5 GB of them).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from . import dynamic, noise, qasm3
from .engine import simulate
from .errors import SimulationFailure
from .ops import Probabilities
from .program import Circuit, parse_job

QASM3: Final = "ionq.qasm3.v1"
ALL_QUBITS: Final = "output_all"

# Probabilities below this are left out of histograms: amplitudes that are exactly zero in
# exact arithmetic come out of the floating point as about 1e-16 (probability 1e-32), and a
# true probability under 1e-20 is below anything a histogram of doubles summing to 1 shows.
ZERO_PROBABILITY: Final = 1e-20
# States per part of `sparse_json`: each part is one json.dumps of a dict this big.
JSON_PART_STATES: Final = 32_768

# The basis states seen (ascending) and their probabilities, summing to 1.
Sparse = tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]


def probabilities(program: Mapping[str, Any]) -> Probabilities:
    """Exact probabilities of one circuit's `input`, indexed by basis state (qubit 0 = LSB).

    >>> bell = {"gateset": "qis", "qubits": 2, "circuit": [
    ...     {"gate": "h", "target": 0}, {"gate": "cnot", "control": 0, "target": 1}]}
    >>> probabilities(bell).round(12).tolist()
    [0.5, 0.0, 0.0, 0.5]
    """
    [circuit] = parse_job("ionq.circuit.v1", program, noise.SIMULATOR_MAX_QUBITS)
    return run_circuit(circuit)


def run_circuit(circuit: Circuit) -> Probabilities:
    """Simulate one parsed circuit; any numerical failure is a SimulationError."""
    try:
        return simulate(circuit.qubits, list(circuit.ops))
    except SimulationFailure:
        raise
    except (MemoryError, FloatingPointError, ValueError) as exc:
        raise SimulationFailure("SimulationError", f"simulation failed: {exc!r}") from exc


def to_histogram(probs: Probabilities) -> dict[str, float]:
    """The API's sparse form: `{"<basis state as decimal>": p}`, zeros left out, sum 1.

    >>> to_histogram(np.array([0.5, 0.0, 0.0, 0.5]))
    {'0': 0.5, '3': 0.5}
    """
    return sparse_dict(_nonzero(probs))


def _nonzero(probs: Probabilities) -> Sparse:
    """The states with a probability above `ZERO_PROBABILITY`, renormalised to sum 1."""
    nonzero = np.flatnonzero(probs > ZERO_PROBABILITY)
    values = probs[nonzero]  # a copy: normalise it in place, the caller's array untouched
    values /= values.sum()
    return nonzero.astype(np.int64, copy=False), values


def sparse_dict(sparse: Sparse) -> dict[str, float]:
    """`{"<state>": p}` in state order."""
    states, values = sparse
    return dict(zip(map(str, states.tolist()), values.tolist(), strict=True))


def sparse_json(sparse: Sparse, part_states: int = JSON_PART_STATES) -> Iterator[str]:
    """The JSON text of `sparse_dict(sparse)` as the server stores it (`json.dumps` with
    separators `,` and `:`), in parts of at most `part_states` states; joined, the parts
    are that text exactly (each is one json.dumps of a slice, braces trimmed).

    >>> list(sparse_json((np.array([0, 3]), np.array([0.5, 0.5])), part_states=1))
    ['{"0":0.5', ',"3":0.5}']
    """
    states, values = sparse
    total = len(states)
    if total == 0:
        yield "{}"
        return
    for start in range(0, total, part_states):
        stop = min(total, start + part_states)
        text = json.dumps(
            sparse_dict((states[start:stop], values[start:stop])), separators=(",", ":")
        )
        yield ("{" if start == 0 else ",") + text[1:-1] + ("}" if stop == total else "")


def validate(
    job_type: str,
    job_input: Mapping[str, Any],
    shots: int | None = None,
    noise_model: str = "ideal",
) -> list[Circuit]:
    """Check a job without simulating it; raise SimulationFailure as `run_job` would.

    Cheap (linear in the number of gates), so the server can reject bad jobs before queueing.
    """
    model = noise.noise_model(noise_model)
    noise.check_shots(shots)
    return parse_job(job_type, job_input, model.max_qubits)


def run_job(
    job_type: str,
    job_input: Mapping[str, Any],
    shots: int | None = None,
    noise_model: str = "ideal",
    seed: int | None = None,
) -> list[dict[str, float]]:
    """Run a job: one histogram per circuit, in the order of the input's circuits.

    `ideal` gives exact probabilities whatever `shots` says (as IonQ's simulator does);
    another model samples `shots` shots (default 100) with `seed`, and gives counts / shots.

    >>> run_job("ionq.circuit.v1", {"gateset": "qis", "circuit": [{"gate": "x", "target": 1}]})
    [{'2': 1.0}]
    """
    return [
        sparse_dict(result) for result in run_sparse(job_type, job_input, shots, noise_model, seed)
    ]


def run_job_json(
    job_type: str,
    job_input: Mapping[str, Any],
    shots: int | None = None,
    noise_model: str = "ideal",
    seed: int | None = None,
) -> Iterator[Iterator[str]]:
    """`run_job`, each circuit's histogram as its JSON text in parts (see `sparse_json`)."""
    return (
        sparse_json(result) for result in run_sparse(job_type, job_input, shots, noise_model, seed)
    )


def run_sparse(
    job_type: str,
    job_input: Mapping[str, Any],
    shots: int | None = None,
    noise_model: str = "ideal",
    seed: int | None = None,
) -> Iterator[Sparse]:
    """`run_job`'s histograms in the sparse form, one circuit at a time (the input is
    checked, and a SimulationFailure raised, before the first)."""
    circuits = validate(job_type, job_input, shots, noise_model)
    model = noise.noise_model(noise_model)
    rng = np.random.default_rng(noise.check_seed(seed))
    return _run_circuits(circuits, shots, model, rng)


def _run_circuits(
    circuits: list[Circuit], shots: int | None, model: noise.NoiseModel, rng: np.random.Generator
) -> Iterator[Sparse]:
    for circuit in circuits:
        probs = run_circuit(circuit)
        if model.name == "ideal":
            yield _nonzero(probs)
            continue
        n_shots = noise.check_shots(shots)
        outcomes = noise.sample(probs, n_shots, rng, model, circuit.gates_1q, circuit.gates_2q)
        del probs
        states, counts = np.unique(outcomes, return_counts=True)
        yield states.astype(np.int64, copy=False), counts / n_shots


def parse_qasm3(job_input: object, max_qubits: int = noise.SIMULATOR_MAX_QUBITS) -> qasm3.Program:
    """An `ionq.qasm3.v1` input (`{data, qubits?}`) parsed, or a SimulationFailure."""
    if not isinstance(job_input, Mapping):
        raise SimulationFailure("InvalidInput", "'input' must be an object")
    return qasm3.parse_program(job_input.get("data"), job_input.get("qubits"), max_qubits)


@dataclass(frozen=True)
class Qasm3Result:
    """An OpenQASM 3 job's outcomes: `probabilities` keyed by decimal outcome (bits
    0..qubits-1 the final state of every qubit, bit qubits + i the classical bit i), and
    the bit positions of each register in those outcomes (`output_all` first)."""

    probabilities: dict[str, float]
    qubits: int
    registers: dict[str, list[int]]

    def stored(self) -> dict[str, Any]:
        """The JSON the server keeps."""
        return {
            "probabilities": self.probabilities,
            "qubits": self.qubits,
            "registers": self.registers,
        }


def run_qasm3(
    job_input: Mapping[str, Any],
    shots: int | None = None,
    noise_model: str = "ideal",
    seed: int | None = None,
) -> Qasm3Result:
    """Run an `ionq.qasm3.v1` job. `ideal` gives the exact distribution of outcomes; another
    model samples `shots` shots (each shot's mid-circuit outcomes drawn in turn, see
    dynamic.py) and applies its errors to every recorded bit.

    >>> r = run_qasm3({"data": "OPENQASM 3.0; qubit[1] q; bit[1] c; x q[0]; reset q[0];"
    ...                        " c[0] = measure q[0];"})
    >>> r.probabilities, r.registers
    ({'0': 1.0}, {'output_all': [0], 'c': [1]})
    """
    model = noise.noise_model(noise_model)
    program = parse_qasm3(job_input, model.max_qubits)
    n = program.qubits
    registers = {ALL_QUBITS: list(range(n))}
    registers.update(
        {
            name: [n + c for c in bits]
            for name, bits in program.registers.items()
            if name != ALL_QUBITS
        }
    )
    try:
        if model.name == "ideal":
            exact = dynamic.exact_outcomes(program)
            probs = {str(k): v for k, v in exact.items()}
        else:
            n_shots = noise.check_shots(shots)
            rng = np.random.default_rng(noise.check_seed(seed))
            outcomes = dynamic.sampled_outcomes(program, n_shots, rng)
            noise.corrupt(
                outcomes, n + program.clbits, rng, model, program.gates_1q, program.gates_2q
            )
            states, counts = np.unique(outcomes, return_counts=True)
            probs = dict(zip(map(str, states.tolist()), (counts / n_shots).tolist(), strict=True))
    except SimulationFailure:
        raise
    except (MemoryError, FloatingPointError, ValueError) as exc:
        raise SimulationFailure("SimulationError", f"simulation failed: {exc!r}") from exc
    return Qasm3Result(probs, n, registers)

"""A state-vector simulator for IonQ's job types: `ionq.circuit.v1`, `ionq.multi-circuit.v1`,
`ionq.qasm3.v1` (OpenQASM 3, mid-circuit measurement included) and the `hamiltonian-energy`
quantum function.

Pure numpy, no server code. The mock server calls `validate` (or `parse_qasm3`) when a job
arrives and `run_job` (or `run_qasm3`, `hamiltonian_energy`) to produce its results;
`probabilities` and `to_histogram` are the building blocks.
Every input it cannot simulate raises `SimulationFailure` with an IonQ `failure.code`.
See docs/simulator.md for gates, bit order, noise models and limits.
"""

from .engine import FUSE_QUBITS, StateVector, fuse, simulate
from .errors import FAILURE_CODES, SimulationFailure
from .hamiltonian import Energy, hamiltonian_energy
from .jobs import (
    Qasm3Result,
    parse_qasm3,
    probabilities,
    run_circuit,
    run_job,
    run_qasm3,
    to_histogram,
    validate,
)
from .noise import (
    DEFAULT_SHOTS,
    MAX_SHOTS,
    NOISE_MODELS,
    SIMULATOR_MAX_QUBITS,
    NoiseModel,
    sample,
)
from .ops import Op
from .program import MAX_CIRCUITS, MAX_CONTROLS, MAX_GATES, Circuit, parse_circuit, parse_job

__all__ = [
    "DEFAULT_SHOTS",
    "FAILURE_CODES",
    "FUSE_QUBITS",
    "MAX_CIRCUITS",
    "MAX_CONTROLS",
    "MAX_GATES",
    "MAX_SHOTS",
    "NOISE_MODELS",
    "SIMULATOR_MAX_QUBITS",
    "Circuit",
    "Energy",
    "NoiseModel",
    "Op",
    "Qasm3Result",
    "SimulationFailure",
    "StateVector",
    "fuse",
    "hamiltonian_energy",
    "parse_circuit",
    "parse_job",
    "parse_qasm3",
    "probabilities",
    "run_circuit",
    "run_job",
    "run_qasm3",
    "sample",
    "simulate",
    "to_histogram",
    "validate",
]

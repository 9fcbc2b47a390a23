"""A state-vector simulator for IonQ `ionq.circuit.v1` and `ionq.multi-circuit.v1` jobs.

Pure numpy, no server code. The mock server calls `validate` when a job arrives and
`run_job` to produce its results; `probabilities` and `to_histogram` are the building blocks.
Every input it cannot simulate raises `SimulationFailure` with an IonQ `failure.code`.
See docs/simulator.md for gates, bit order, noise models and limits.
"""

from .engine import FUSE_QUBITS, Op, StateVector, fuse, simulate
from .errors import FAILURE_CODES, SimulationFailure
from .jobs import probabilities, run_circuit, run_job, to_histogram, validate
from .noise import (
    DEFAULT_SHOTS,
    MAX_SHOTS,
    NOISE_MODELS,
    SIMULATOR_MAX_QUBITS,
    NoiseModel,
    sample,
)
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
    "NoiseModel",
    "Op",
    "SimulationFailure",
    "StateVector",
    "fuse",
    "parse_circuit",
    "parse_job",
    "probabilities",
    "run_circuit",
    "run_job",
    "sample",
    "simulate",
    "to_histogram",
    "validate",
]

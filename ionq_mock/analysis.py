"""What a submission is, checked with the simulator before it is stored (`analyse`).

What each job type does here:

- `ionq.circuit.v1`, `ionq.multi-circuit.v1`: checked now, simulated when a result is
  first read (ionq_mock/handlers/results.py), one child job per circuit of a
  multi-circuit job.
- `ionq.qasm3.v1`: parsed now (simulator/qasm3.py; a parse error is `InvalidInput` naming
  the line), its `stats` from the program; simulated when a result is first read.
- `quantum-function` with a `hamiltonian-energy` function: evaluated now (it is small and
  its `{value, variance}` are shown in the job itself), stored in the row's `results`,
  shown once the job completes; it has no artifacts. Another function type, or
  constraints with a penalty, or CVaR, fail with `PreflightError`.
- `qctrl.qaoa.v1`: runs on Q-CTRL's optimizer with the user's Q-CTRL key, which the mock
  cannot reach: it fails with `OptimizationError` (the optimization step is what cannot
  run), its key never stored.

A program the simulator rejects (a qubit index out of range, too many qubits for the
backend, an unsupported gate...) is no error here: its `failure` is recorded, and the job
is created and fails, as on IonQ's service.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from . import catalog
from .lifecycle import CIRCUIT_TYPES, FUNCTION, MULTI, QAOA, QASM3
from .simulator import DEFAULT_SHOTS, SimulationFailure, validate
from .simulator.hamiltonian import hamiltonian_energy
from .simulator.jobs import parse_qasm3
from .simulator.noise import SIMULATOR_MAX_QUBITS, noise_model
from .simulator.program import Circuit

DEBIASING_MIN_SHOTS: Final = 500
# Characters of OpenQASM source per gate, to decide when a program is parsed off the loop.
CHARS_PER_GATE: Final = 4
MAX_SEED: Final = 2**63 - 1  # what SQLite's INTEGER holds


@dataclass
class Analysis:
    """What the simulator says about a submission, before it is stored."""

    qubits: int
    circuits: int
    gates_1q: int
    gates_2q: int
    failure: dict[str, str] | None
    noise_model: str
    child_programs: list[dict[str, Any]]
    child_stats: list[dict[str, Any]]
    # The job's `stats` when they are not the circuit counts (functions).
    stats: dict[str, Any] | None = None
    # Results computed at submission (a quantum function's `{value, variance}`).
    results: dict[str, Any] | None = None


def _entries(program: object) -> list[Mapping[str, Any]]:
    """A circuit input's circuits (itself for a single circuit); only the objects."""
    if not isinstance(program, Mapping):
        return []
    entries = program.get("circuits")
    if not isinstance(entries, list):
        entries = [program]
    return [e for e in entries if isinstance(e, Mapping)]


def _source(body: Mapping[str, Any]) -> str:
    """The OpenQASM source a submission carries (a qasm3 job's or a function's ansatz)."""
    program = body.get("input")
    if not isinstance(program, Mapping):
        return ""
    if body.get("type") == QASM3:
        data = program.get("data")
        return data if isinstance(data, str) else ""
    function = program.get("data")
    inner = function.get("data") if isinstance(function, Mapping) else None
    ansatz = inner.get("ansatz") if isinstance(inner, Mapping) else None
    data = ansatz.get("data") if isinstance(ansatz, Mapping) else None
    return data if isinstance(data, str) else ""


def gate_count(body: Mapping[str, Any]) -> int:
    """How many gates a submission's circuits hold, whatever its shape (for OpenQASM, an
    estimate from the source's length): the server checks big ones off its event loop."""
    if body.get("type") in (QASM3, FUNCTION):
        program = body.get("input")
        function = program.get("data") if isinstance(program, Mapping) else None
        inner = function.get("data") if isinstance(function, Mapping) else None
        terms = inner.get("hamiltonian") if isinstance(inner, Mapping) else None
        # A Hamiltonian's terms each cost a pass over the state.
        extra = 10 * len(terms) if isinstance(terms, list) else 0
        return len(_source(body)) // CHARS_PER_GATE + extra
    return sum(
        len(e["circuit"]) for e in _entries(body.get("input")) if isinstance(e.get("circuit"), list)
    )


def storable_seed(seed: object) -> bool:
    """Whether a noise seed fits the store's INTEGER column (the row keeps it)."""
    return type(seed) is int and 0 <= seed <= MAX_SEED


def _fallback_stats(body: Mapping[str, Any]) -> tuple[int, int, int]:
    program = body.get("input")
    outer = program.get("qubits") if isinstance(program, Mapping) else None
    entries = _entries(program)
    widths = [e.get("qubits") or outer or 0 for e in entries]
    qubits = max([w for w in widths if type(w) is int] or [0])
    if body.get("type") in (QASM3, FUNCTION):  # gate_count is only an estimate for these
        return qubits, len(entries), 0
    return qubits, len(entries), gate_count(body)


def _qaoa(model: str) -> Analysis:
    """A Q-CTRL QAOA job: accepted, and failed (the mock cannot reach Q-CTRL)."""
    failure = {
        "code": "OptimizationError",
        "message": "qctrl.qaoa.v1 jobs run on Q-CTRL's QAOA optimizer with your Q-CTRL"
        " credentials; this mock cannot reach Q-CTRL, so the optimization cannot run here",
    }
    return Analysis(0, 0, 0, 0, failure, model, [], [], {})


def _function_failure(code: str, message: str, model: str) -> Analysis:
    return Analysis(0, 0, 0, 0, {"code": code, "message": message}, model, [], [], {})


def _quantum_function(body: Mapping[str, Any], model: str, limit: int) -> Analysis:
    """A quantum function: a `hamiltonian-energy` one is evaluated now."""
    program = body.get("input")
    function = program.get("data") if isinstance(program, Mapping) else None
    kind = function.get("type") if isinstance(function, Mapping) else None
    if not isinstance(function, Mapping) or kind != "hamiltonian-energy":
        found = kind if kind is not None else (program or {}).get("type")
        return _function_failure(
            "PreflightError",
            f"this mock evaluates hamiltonian-energy quantum functions only, not {found!r}",
            model,
        )
    data = function.get("data")
    if not isinstance(data, Mapping):
        return _function_failure("InvalidInput", "input.data.data must be an object", model)
    penalty = data.get("penalty") or 0
    constrained = data.get("linear_constraints") or data.get("quadratic_constraints")
    if constrained and penalty:
        return _function_failure(
            "PreflightError", "this mock does not evaluate constraint penalties", model
        )
    if data.get("cvar_alpha") not in (None, 1):
        return _function_failure("PreflightError", "this mock does not evaluate CVaR", model)
    try:
        seed = (body.get("noise") or {}).get("seed")
        energy = hamiltonian_energy(
            data,
            program.get("params") if isinstance(program, Mapping) else None,
            body.get("shots", DEFAULT_SHOTS),
            model,
            seed if storable_seed(seed) else None,
            limit,
        )
    except SimulationFailure as failure:
        return Analysis(0, 0, 0, 0, failure.as_failure(), model, [], [], {})
    return Analysis(
        energy.qubits,
        1,
        energy.gates_1q,
        energy.gates_2q,
        None,
        model,
        [],
        [],
        {},
        energy.results(),
    )


def _children(program: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The programs of a multi-circuit job's children: each circuit, with the parent's
    `gateset` and `qubits` unless it has its own, and its `registers`."""
    children = []
    for entry in _entries(program):
        child = {
            "gateset": entry.get("gateset", program.get("gateset", "qis")),
            "circuit": entry.get("circuit"),
        }
        qubits = entry.get("qubits", program.get("qubits"))
        if qubits is not None:
            child["qubits"] = qubits
        if entry.get("registers") is not None:
            child["registers"] = entry["registers"]
        children.append(child)
    return children


def analyse(body: Mapping[str, Any], max_qubits: int) -> Analysis:
    """Check a schema-valid submission with the simulator; never raises for bad programs."""
    backend = catalog.BACKENDS.get(body["backend"])
    if backend is None or backend.noise_model is None:
        model = (body.get("noise") or {}).get("model", "ideal")
    else:
        model = backend.noise_model
    kind = body.get("type")
    if kind == QAOA:
        return _qaoa(str(model))
    if kind not in (*CIRCUIT_TYPES, QASM3, FUNCTION):
        return _function_failure("PreflightError", f"this mock cannot run {kind} jobs", str(model))
    program = body["input"]
    multi = body["type"] == MULTI
    children = _children(program) if multi and isinstance(program, Mapping) else []
    shots = body.get("shots", DEFAULT_SHOTS)
    try:
        if backend is None:
            raise SimulationFailure("InvalidInput", f"backend {body['backend']!r} does not exist")
        limit = min(noise_model(model).max_qubits, backend.qubits, max_qubits, SIMULATOR_MAX_QUBITS)
        seed = (body.get("noise") or {}).get("seed")
        if backend.noise_model is None and seed is not None and not storable_seed(seed):
            raise SimulationFailure(
                "InvalidInput", f"noise.seed must be an integer in 0..{MAX_SEED}, got {seed!r}"
            )
        debiasing = ((body.get("settings") or {}).get("error_mitigation") or {}).get("debiasing")
        if debiasing and backend.noise_model is not None and shots < DEBIASING_MIN_SHOTS:
            raise SimulationFailure(
                "InvalidInput",
                f"settings.error_mitigation.debiasing needs at least {DEBIASING_MIN_SHOTS}"
                f" shots; the job has {shots}",
            )
        if kind == FUNCTION:
            return _quantum_function(body, str(model), limit)
        if kind == QASM3:
            validate("ionq.circuit.v1", {"circuit": []}, shots, model)  # shots and model
            parsed = parse_qasm3(program, limit)
            circuits = [Circuit(None, parsed.qubits, (), parsed.gates_1q, parsed.gates_2q)]
        else:
            circuits = validate(body["type"], program, shots, model)
        # The simulator checks its own ceiling; the backend's count and the server's
        # configured simulation limit may be lower.
        for index, circuit in enumerate(circuits):
            if circuit.qubits > limit:
                where = f"input.circuits.{index}" if multi else "input"
                raise SimulationFailure(
                    "NotEnoughQubits",
                    f"{where} needs {circuit.qubits} qubits; {body['backend']} runs at most"
                    f" {limit} here",
                )
    except SimulationFailure as failure:
        qubits, count, gates = _fallback_stats(body)
        return Analysis(qubits, count, gates, 0, failure.as_failure(), str(model), [], [])
    return Analysis(
        qubits=max(c.qubits for c in circuits),
        circuits=len(circuits),
        gates_1q=sum(c.gates_1q for c in circuits),
        gates_2q=sum(c.gates_2q for c in circuits),
        failure=None,
        noise_model=model,
        child_programs=children,
        child_stats=[
            {
                "qubits": c.qubits,
                "circuits": 1,
                "gate_counts": {"1q": c.gates_1q, "2q": c.gates_2q},
            }
            for c in circuits
        ]
        if multi
        else [],
    )

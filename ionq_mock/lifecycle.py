"""Jobs from submission to result: the rows a submission becomes, and the status and JSON
a stored job shows at a given time.

A job's timeline is fixed when it is created: `submitted`, then `ready` at 20% of the job
duration, `started` at 50%, and `completed` at 100%. A job the simulator rejects (a qubit
index out of range, too many qubits for the backend, an unsupported gate...) is created
anyway, as IonQ's service does, and fails at 20% with the real failure code. A dry run
completes at once. Cancelling stores the time; nothing else is ever stored about status.

Job types the simulator does not run (`ionq.qasm3.v1`, `quantum-function`,
`qctrl.qaoa.v1`) are accepted the same way and fail with `PreflightError`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from . import artifacts, catalog
from .simulator import DEFAULT_SHOTS, SimulationFailure, validate
from .simulator.noise import SIMULATOR_MAX_QUBITS, noise_model
from .store import dumps, loads

READY_AT: Final = 0.2
STARTED_AT: Final = 0.5
DEBIASING_MIN_SHOTS: Final = 500
CIRCUIT_TYPES: Final = ("ionq.circuit.v1", "ionq.multi-circuit.v1")
MULTI: Final = "ionq.multi-circuit.v1"
MAX_SEED: Final = 2**63 - 1  # what SQLite's INTEGER holds


@dataclass(frozen=True)
class Identity:
    """Who a key is: the ids the mock derives from it."""

    key_id: str
    key_name: str
    project_id: str
    submitter_id: str


def status(row: Mapping[str, Any] | sqlite3.Row, now: float) -> str:
    """The job's status at `now` (mirrors `store.STATUS_SQL`)."""
    if row["canceled_at"] is not None:
        return "canceled"
    if now >= row["end_at"]:
        return str(row["end_status"])
    if now >= row["started_at"]:
        return "started"
    if now >= row["ready_at"]:
        return "ready"
    return "submitted"


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
    # The job's `stats` when they are not the circuit counts (job types not simulated).
    stats: dict[str, Any] | None = None


def _entries(program: object) -> list[Mapping[str, Any]]:
    """A circuit input's circuits (itself for a single circuit); only the objects."""
    if not isinstance(program, Mapping):
        return []
    entries = program.get("circuits")
    if not isinstance(entries, list):
        entries = [program]
    return [e for e in entries if isinstance(e, Mapping)]


def gate_count(body: Mapping[str, Any]) -> int:
    """How many gates a submission's circuits hold, whatever its shape."""
    return sum(
        len(e["circuit"]) for e in _entries(body.get("input")) if isinstance(e.get("circuit"), list)
    )


def _storable(seed: object) -> bool:
    return type(seed) is int and 0 <= seed <= MAX_SEED


def _fallback_stats(body: Mapping[str, Any]) -> tuple[int, int, int]:
    program = body.get("input")
    outer = program.get("qubits") if isinstance(program, Mapping) else None
    entries = _entries(program)
    widths = [e.get("qubits") or outer or 0 for e in entries]
    qubits = max([w for w in widths if type(w) is int] or [0])
    return qubits, len(entries), gate_count(body)


def _not_simulated(body: Mapping[str, Any], model: str) -> Analysis:
    """A job type the mock accepts and cannot run: it fails with PreflightError."""
    kind = str(body.get("type"))
    program = body.get("input")
    stats: dict[str, Any] = {}
    if kind == "ionq.qasm3.v1":
        qubits = program.get("qubits") if isinstance(program, Mapping) else None
        stats = {"qubits": qubits if type(qubits) is int else 0, "circuits": 1}
    failure = {
        "code": "PreflightError",
        "message": f"this mock cannot run {kind} jobs yet; it simulates"
        f" {' and '.join(CIRCUIT_TYPES)} only",
    }
    return Analysis(0, 0, 0, 0, failure, model, [], [], stats)


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
    if body.get("type") not in CIRCUIT_TYPES:
        return _not_simulated(body, str(model))
    program = body["input"]
    multi = body["type"] == MULTI
    children = _children(program) if multi and isinstance(program, Mapping) else []
    shots = body.get("shots", DEFAULT_SHOTS)
    try:
        if backend is None:
            raise SimulationFailure("InvalidInput", f"backend {body['backend']!r} does not exist")
        limit = min(noise_model(model).max_qubits, backend.qubits, max_qubits, SIMULATOR_MAX_QUBITS)
        seed = (body.get("noise") or {}).get("seed")
        if backend.noise_model is None and seed is not None and not _storable(seed):
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


def job_rows(
    body: Mapping[str, Any],
    analysis: Analysis,
    owner: str,
    now: float,
    duration: float,
    session_failure: str | None,
    new_id: Any,
) -> list[dict[str, Any]]:
    """The rows a submission becomes: the job, then its children (multi-circuit jobs)."""
    backend = catalog.BACKENDS.get(body["backend"])
    simulator = backend is None or backend.noise_model is None
    shots = body.get("shots", DEFAULT_SHOTS)
    dry_run = bool(body.get("dry_run", False))
    failure = analysis.failure
    if failure is None and session_failure is not None:
        failure = {"code": "InvalidInput", "message": session_failure}
    noise = None
    if simulator:
        noise = dict(body.get("noise") or {"model": "ideal"})
    ideal = simulator and analysis.noise_model == "ideal"
    stats = analysis.stats
    if stats is None:
        stats = {
            "qubits": analysis.qubits,
            "circuits": analysis.circuits,
            "gate_counts": {"1q": analysis.gates_1q, "2q": analysis.gates_2q},
        }
    cost = catalog.estimate_cost(body["backend"], shots, analysis.gates_1q, analysis.gates_2q)
    if dry_run:
        times = (now, now, now, "completed", 0)
    elif failure is not None:
        fail = now + duration * READY_AT
        times = (fail, fail, fail, "failed", 0)
    else:
        times = (
            now + duration * READY_AT,
            now + duration * STARTED_AT,
            now + duration,
            "completed",
            1,
        )
    parent_id = new_id()
    # A job that fails (in its program or its session) gets no child jobs.
    children = (
        [
            (new_id(), program, child_stats)
            for program, child_stats in zip(
                analysis.child_programs, analysis.child_stats, strict=True
            )
        ]
        if failure is None
        else []
    )
    child_ids = [child_id for child_id, _, _ in children]
    base = {
        "owner": owner,
        "backend": body["backend"],
        "name": body.get("name"),
        "metadata": dumps(body["metadata"]) if body.get("metadata") is not None else None,
        "session_id": body.get("session_id"),
        "dry_run": int(dry_run),
        "submitted_at": now,
        "ready_at": times[0],
        "started_at": times[1],
        "end_at": times[2],
        "end_status": times[3],
        "runs": times[4],
        "canceled_at": None,
        "failure": dumps(failure) if failure is not None else None,
        "settings": dumps(body.get("settings") or {}),
        "shots": None if ideal else shots,
        "noise": dumps(noise) if noise is not None else None,
        "seed": seed if _storable(seed := (noise or {}).get("seed")) else None,
        "results": None,
        "estimated_cost": cost,
    }
    rows = [
        {
            **base,
            "id": parent_id,
            "type": body["type"],
            "parent_job_id": None,
            "child_job_ids": dumps(child_ids) if body["type"] == MULTI else None,
            "stats": dumps(stats),
            "program": dumps(body["input"]),
        }
    ]
    for child_id, program, child_stats in children:
        rows.append(
            {
                **base,
                "id": child_id,
                "type": "ionq.circuit.v1",
                "parent_job_id": parent_id,
                "child_job_ids": None,
                "session_id": body.get("session_id"),
                "stats": dumps(child_stats),
                "program": dumps(program),
            }
        )
    return rows


def render(row: sqlite3.Row, now: float, base_path: str, project_id: str) -> dict[str, Any]:
    """The `Job` object of a stored job at `now`."""
    state = status(row, now)
    runs = bool(row["runs"])
    finished = state in ("completed", "failed", "canceled")
    if state == "canceled":
        completed_at: float | None = row["canceled_at"]
    elif finished:
        completed_at = row["end_at"]
    else:
        completed_at = None
    started = (
        runs
        and now >= row["started_at"]
        and (state != "canceled" or row["canceled_at"] >= row["started_at"])
    )
    duration_ms = round((row["end_at"] - row["started_at"]) * 1000)
    wait_ms = round((row["started_at"] - row["submitted_at"]) * 1000)
    job: dict[str, Any] = {
        "id": row["id"],
        "status": state,
        "type": row["type"],
        "backend": row["backend"],
        "name": row["name"],
        "metadata": loads(row["metadata"]),
        "submitter_id": row["owner"],
        "project_id": project_id,
        "parent_job_id": row["parent_job_id"],
        "session_id": row["session_id"],
        "child_job_ids": loads(row["child_job_ids"]),
        "dry_run": bool(row["dry_run"]),
        "submitted_at": catalog.iso(row["submitted_at"]),
        "started_at": catalog.iso(row["started_at"]) if started else None,
        "completed_at": catalog.iso(completed_at) if completed_at is not None else None,
        "predicted_wait_time_ms": wait_ms if runs else None,
        "predicted_execution_duration_ms": duration_ms if runs else None,
        "execution_duration_ms": duration_ms if state == "completed" and runs else None,
        "failure": loads(row["failure"]) if state == "failed" else None,
        "output": {},
        "settings": loads(row["settings"]),
        "stats": loads(row["stats"]),
        "results": None,
    }
    if state == "completed" and runs:
        multi, sampled = row["child_job_ids"] is not None, row["shots"] is not None
        job["results"] = artifacts.results(row["id"], base_path, multi, sampled)
    if row["shots"] is not None:
        job["shots"] = row["shots"]
    if row["noise"] is not None:
        job["noise"] = loads(row["noise"])
    return job

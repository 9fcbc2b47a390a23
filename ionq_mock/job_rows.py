"""The rows a submission becomes (`job_rows`): the job, then its children.

Everything a job will show is fixed here, at creation: its timeline (ready, started and
ended at fractions of the job duration, ionq_mock/lifecycle.py), its end status (failed
when the analysis or the session refused it), its cost estimate, and what it stores of
the submission (program, settings, noise, seed).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from . import catalog
from .analysis import Analysis, storable_seed
from .lifecycle import MULTI, READY_AT, STARTED_AT
from .simulator import DEFAULT_SHOTS
from .store import dumps

# The text of what nearly every job stores, written without the encoder (~1 us a call):
# the default noise, and the stats of a circuit job (the encoder's exact output, tested).
IDEAL_NOISE_TEXT: Final = '{"model":"ideal"}'


def _noise_text(noise: dict[str, Any] | None) -> str | None:
    if noise is None:
        return None
    return IDEAL_NOISE_TEXT if noise == {"model": "ideal"} else dumps(noise)


def _stats_text(stats: Mapping[str, Any]) -> str:
    counts = stats.get("gate_counts")
    if (
        len(stats) == 3
        and type(qubits := stats.get("qubits")) is int
        and type(circuits := stats.get("circuits")) is int
        and type(counts) is dict
        and len(counts) == 2
        and type(one := counts.get("1q")) is int
        and type(two := counts.get("2q")) is int
    ):
        return (
            f'{{"qubits":{qubits},"circuits":{circuits},"gate_counts":{{"1q":{one},"2q":{two}}}}}'
        )
    return dumps(stats)


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
    # The parent row as one literal (merging a shared base into each row cost ~1 us a
    # job); a child is the parent's row with its own id, program and stats.
    parent = {
        "id": parent_id,
        "owner": owner,
        "type": body["type"],
        "backend": body["backend"],
        "name": body.get("name"),
        "metadata": dumps(body["metadata"]) if body.get("metadata") is not None else None,
        "parent_job_id": None,
        "session_id": body.get("session_id"),
        "child_job_ids": dumps(child_ids) if body["type"] == MULTI else None,
        "dry_run": int(dry_run),
        "submitted_at": now,
        "ready_at": times[0],
        "started_at": times[1],
        "end_at": times[2],
        "end_status": times[3],
        "runs": times[4],
        "canceled_at": None,
        "failure": dumps(failure) if failure is not None else None,
        "settings": dumps(settings) if (settings := body.get("settings")) else "{}",
        "stats": _stats_text(stats),
        "shots": None if ideal else shots,
        "noise": _noise_text(noise),
        "seed": seed if storable_seed(seed := (noise or {}).get("seed")) else None,
        "program": dumps(body["input"]),
        "results": dumps(analysis.results) if analysis.results is not None else None,
        "estimated_cost": cost,
    }
    rows = [parent]
    for child_id, program, child_stats in children:
        rows.append(
            {
                **parent,
                "id": child_id,
                "type": "ionq.circuit.v1",
                "parent_job_id": parent_id,
                "child_job_ids": None,
                "stats": dumps(child_stats),
                "program": dumps(program),
            }
        )
    return rows

"""A stored job's status at a given time, and the `Job` object it shows then.

A job's timeline is fixed when it is created (ionq_mock/job_rows.py): `submitted`, then
`ready` at 20% of the job duration, `started` at 50%, and `completed` at 100%. A job the
simulator rejects is created anyway, as IonQ's service does, and fails at 20% with the
real failure code. A dry run completes at once. Cancelling stores the time; nothing else
is ever stored about status: it is derived here from the stored times when read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any, Final

from . import artifacts, catalog
from .store import loads

READY_AT: Final = 0.2
STARTED_AT: Final = 0.5
CIRCUIT_TYPES: Final = ("ionq.circuit.v1", "ionq.multi-circuit.v1")
MULTI: Final = "ionq.multi-circuit.v1"
QASM3: Final = "ionq.qasm3.v1"
FUNCTION: Final = "quantum-function"
QAOA: Final = "qctrl.qaoa.v1"


def status(row: Mapping[str, Any] | sqlite3.Row, now: float) -> str:
    """The job's status at `now` (mirrors `store.STATUS_SQL`)."""
    return status_at(
        row["ready_at"],
        row["started_at"],
        row["end_at"],
        row["end_status"],
        row["canceled_at"],
        now,
    )


def status_at(
    ready_at: float,
    started_at: float,
    end_at: float,
    end_status: str,
    canceled_at: float | None,
    now: float,
) -> str:
    """The status at `now` of a job with this timeline (the columns of `status`, for
    callers holding them as values: a listing's rows are plain tuples)."""
    if canceled_at is not None:
        return "canceled"
    if now >= end_at:
        return str(end_status)
    if now >= started_at:
        return "started"
    if now >= ready_at:
        return "ready"
    return "submitted"


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
        if row["type"] == FUNCTION:
            # A listing's narrow row has them as `function_results`, a full row as `results`.
            # (`in` on a sqlite3.Row looks at its values, hence keys().)
            key = "function_results" if "function_results" in row.keys() else "results"  # noqa: SIM118
            job["results"] = loads(row[key])
        elif row["type"] in (*CIRCUIT_TYPES, QASM3):
            multi, sampled = row["child_job_ids"] is not None, row["shots"] is not None
            job["results"] = artifacts.results(row["id"], base_path, multi, sampled)
    if row["shots"] is not None:
        job["shots"] = row["shots"]
    if row["noise"] is not None:
        job["noise"] = loads(row["noise"])
    return job

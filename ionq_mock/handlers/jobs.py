"""The job handlers: create, read, list, update, cancel and delete jobs (one or in bulk),
clone and move them, and their cost (estimated before, charged after).

A submission is checked by the simulator (ionq_mock/analysis.py; on a worker thread when
it is big) and stored as the rows ionq_mock/job_rows.py makes; a copy (clone, move) is a
new submission of the stored program with the request's changes.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping, Sequence
from typing import Any, Final

from .. import analysis, catalog, clone, estimate, filters, lifecycle, sessions
from ..auth import organization_id
from ..errors import ApiError, BadRequest
from ..job_rows import job_rows
from ..registry import Handlers, Request, Response
from ..state import MockState
from ..store import dumps, loads, storable_text
from .job_views import job_row, job_text, page, render

# Programs with more gates than this are checked in a worker thread, not on the loop.
INLINE_GATES: Final = 2_000
# At most this many metadata keys on a job (IonQ's limit).
MAX_METADATA_KEYS: Final = 10

handlers = Handlers()


@handlers.operation("createJob")
async def create_job(state: MockState, request: Request) -> Response:
    return await _submit(state, request.owner, request.body)


async def _submit(
    state: MockState,
    owner: str,
    body: Mapping[str, Any],
    copy: bool = False,
    cancel: str | None = None,
) -> Response:
    """Create a job from a submission (a new one, or a `copy` of a stored one); `cancel`
    names a job to cancel in the same transaction (a move).

    An unknown session is 404 for a new job; a copy into one is created and fails
    instead (the job the request names exists; the 404 would say it does not).
    """
    _storable_name(body)
    now = time.time()
    session_failure = None
    counted = session_id = body.get("session_id")
    if session_id is not None:
        session = state.store.get_session(owner, str(session_id).lower())
        if session is None and not copy:
            raise ApiError(404, f"session {session_id} not found")
        if session is None:
            counted, session_failure = None, f"session {session_id} not found"
        else:
            counted = session_id = session["id"]
            body = {**body, "session_id": session_id}
            if sessions.state(session, now)[0] == "ended":
                session_failure = f"session {session_id} has ended and takes no more jobs"
            elif session["backend"] != body["backend"]:
                session_failure = (
                    f"session {session_id} runs on {session['backend']}, not {body['backend']}"
                )
    if analysis.gate_count(body) > INLINE_GATES:
        loop = asyncio.get_running_loop()
        checked = await loop.run_in_executor(
            state.executor, analysis.analyse, body, state.max_qubits
        )
    else:
        checked = analysis.analyse(body, state.max_qubits)
    now = time.time()
    rows = job_rows(
        body, checked, owner, now, state.job_duration, session_failure, state.store.new_id
    )
    state.store.insert_jobs(rows, counted, cancel, hold=True)
    state.after_commit()
    return 201, {
        "id": rows[0]["id"],
        "status": lifecycle.status(rows[0], now),
        "session_id": session_id,
    }


def _storable_name(body: Mapping[str, Any]) -> None:
    """A 400 for a name with a lone surrogate (`"\\ud800"` in the JSON): it has no UTF-8
    form, so the store cannot keep it (the other texts a job keeps are the server's own,
    or JSON written as ASCII)."""
    if not storable_text(body.get("name")):
        raise BadRequest(
            '"name" holds a lone surrogate (an unpaired \\ud800-\\udfff escape), which is not text',
            ["name"],
            "body",
        )


@handlers.operation("cloneJob")
async def clone_job(state: MockState, request: Request) -> Response:
    row = job_row(state, request, full=True)
    body = clone.submission(row, request.body or {})
    return await _submit(state, request.owner, body, copy=True)


@handlers.operation("moveJob")
async def move_job(state: MockState, request: Request) -> Response:
    row = job_row(state, request, full=True)
    body = clone.submission(row, request.body or {})
    return await _submit(state, request.owner, body, copy=True, cancel=row["id"])


@handlers.operation("getJob")
async def get_job(state: MockState, request: Request) -> Response:
    return 200, job_text(state, job_row(state, request), time.time())


@handlers.operation("listJobs")
async def list_jobs(state: MockState, request: Request) -> Response:
    return 200, page(
        state, request.owner, request.query, filters.job_filters(request.query, request.owner)
    )


@handlers.operation("updateJob")
async def update_job(state: MockState, request: Request) -> Response:
    row = job_row(state, request)
    changes: dict[str, Any] = {}
    body = request.body or {}
    if "name" in body:
        _storable_name(body)
        changes["name"] = body["name"]
    if "metadata" in body:
        merged = {**(loads(row["metadata"]) or {}), **body["metadata"]}
        if len(merged) > MAX_METADATA_KEYS:
            raise ApiError(
                409,
                f"the job's metadata would have {len(merged)} keys; at most"
                f" {MAX_METADATA_KEYS} are allowed",
            )
        changes["metadata"] = dumps(merged)
    if changes:
        state.store.update_job(request.owner, row["id"], changes)
        state.after_commit()
    return 200, render(state, job_row(state, request), time.time())


@handlers.operation("deleteJob")
async def delete_job(state: MockState, request: Request) -> Response:
    row = job_row(state, request)
    state.store.cancel_jobs(request.owner, [row["id"]], time.time())
    state.store.delete_jobs(request.owner, [row["id"]])
    state.after_commit()
    return 200, {"id": row["id"], "status": "deleted"}


@handlers.operation("cancelJob")
async def cancel_job(state: MockState, request: Request) -> Response:
    row = job_row(state, request)
    state.store.cancel_jobs(request.owner, [row["id"]], time.time())
    state.after_commit()
    # Always `canceled` (IonQ's only documented answer); a finished job keeps its status.
    return 200, {"id": row["id"], "status": "canceled"}


def _existing(state: MockState, owner: str, ids: Sequence[str]) -> list[str]:
    """The canonical ids of a bulk request, each once, in the request's order; 404 if
    any names no job of `owner` (bulk requests are all-or-nothing)."""
    wanted = list(dict.fromkeys(i.lower() for i in ids))
    found = state.store.owned_ids(owner, wanted)
    missing = [i for i in wanted if i not in found]
    if missing:
        raise ApiError(404, f"job {missing[0]} not found")
    return wanted


@handlers.operation("deleteJobs")
async def delete_jobs(state: MockState, request: Request) -> Response:
    ids = _existing(state, request.owner, request.body["ids"])
    state.store.cancel_jobs(request.owner, ids, time.time())
    state.store.delete_jobs(request.owner, ids)
    state.after_commit()
    return 200, {"ids": ids, "status": "deleted"}


@handlers.operation("cancelJobs")
async def cancel_jobs(state: MockState, request: Request) -> Response:
    ids = _existing(state, request.owner, request.body["ids"])
    cancelled = state.store.cancel_jobs(request.owner, ids, time.time())
    state.after_commit()
    return 200, {"ids": cancelled, "status": "canceled"}


@handlers.operation("estimateJobCost")
async def estimate_job_cost(state: MockState, request: Request) -> Response:
    name = request.query["backend"]
    info = catalog.BACKENDS.get(name)
    if info is None:
        raise ApiError(404, f"backend {name} not found")
    ident = request.identity
    assert ident is not None
    organization = organization_id(ident.submitter_id)
    answer = estimate.estimate(request.query, info, time.time(), organization, ident.project_id)
    return 200, answer


@handlers.operation("getJobCost")
async def get_job_cost(state: MockState, request: Request) -> Response:
    row = job_row(state, request)
    status = lifecycle.status(row, time.time())
    estimated = {"value": row["estimated_cost"], "unit": "usd"}
    body: dict[str, Any] = {"dry_run": bool(row["dry_run"]), "estimated_cost": estimated}
    if not row["dry_run"] and status in ("completed", "failed", "canceled"):
        charged = row["estimated_cost"] if status == "completed" else 0.0
        body["cost"] = {"value": charged, "unit": "usd"}
    return 200, body

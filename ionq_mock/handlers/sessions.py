"""The session handlers: create, read, list and end sessions, and list a session's jobs.

A session's status and `Session` object are ionq_mock/sessions.py's; a new one starts
once its backend is ready, at the same point of the job duration a job is ready.
"""

from __future__ import annotations

import time
from typing import Any

from .. import filters, lifecycle
from ..auth import organization_id
from ..errors import ApiError
from ..registry import Handlers, Request, Response
from ..sessions import render as render_session
from ..sessions import state as session_state
from ..state import MockState
from ..store import dumps
from .job_views import page

handlers = Handlers()


def _render(state: MockState, row: Any, now: float) -> dict[str, Any]:
    owner = row["owner"]
    return render_session(row, now, organization_id(owner), state.project_of(owner))


def _session(state: MockState, request: Request) -> Any:
    """The stored session the request's path names; 404 when the key owns none such."""
    session_id = str(request.path["session_id"]).lower()
    row = state.store.get_session(request.owner, session_id)
    if row is None:
        raise ApiError(404, f"session {session_id} not found")
    return row


@handlers.operation("createSession")
async def create_session(state: MockState, request: Request) -> Response:
    now = time.time()
    row = {
        "id": state.store.new_id(),
        "owner": request.owner,
        "backend": request.body["backend"],
        "settings": dumps(request.body.get("settings") or {}),
        "created_at": now,
        "start_at": now + state.job_duration * lifecycle.READY_AT,
        "ended_at": None,
        "ender_id": None,
        "job_count": 0,
    }
    state.store.insert_session(row)
    state.after_commit()
    stored = state.store.get_session(request.owner, row["id"])
    return 201, _render(state, stored, now)


@handlers.operation("listSessions")
async def list_sessions(state: MockState, request: Request) -> Response:
    now = time.time()
    items = [_render(state, r, now) for r in state.store.list_sessions(request.owner)]
    active = request.query.get("active")
    if active is not None:
        items = [item for item in items if item["active"] is active]
    return 200, {"organization_id": organization_id(request.owner), "sessions": items}


@handlers.operation("getSession")
async def get_session(state: MockState, request: Request) -> Response:
    return 200, _render(state, _session(state, request), time.time())


@handlers.operation("endSession")
async def end_session(state: MockState, request: Request) -> Response:
    row = _session(state, request)
    now = time.time()
    if session_state(row, now)[0] != "ended":
        state.store.end_session(request.owner, row["id"], now, request.owner)
        state.after_commit()
    return 200, _render(state, _session(state, request), now)


@handlers.operation("listSessionJobs")
async def list_session_jobs(state: MockState, request: Request) -> Response:
    row = _session(state, request)
    wanted = filters.job_filters(request.query, request.owner, row["id"])
    return 200, page(state, request.owner, request.query, wanted)

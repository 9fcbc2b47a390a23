"""Sessions: their status at a given time, and the `Session` object a stored one shows.

A session is `created`, then `started` once its backend is ready (at 20% of the job
duration), then `ended`: when ended by request, when its `job_count_limit` is reached
(the store records that), or `duration_limit_min` minutes after it was created (derived
here, never stored; `settings.expires_at` says when; a limit of 0 or less ends it at once).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any, Final

from . import catalog
from .store import loads

Row = Mapping[str, Any] | sqlite3.Row


# The last instant an ISO timestamp can show (9999-12-31); a later expiry is never.
LAST_TIMESTAMP: Final = 253_402_300_799.0


def expires_at(row: Row) -> float | None:
    """When the session's duration limit ends it, if it has one: `duration_limit_min`
    after its creation (a limit of 0 or less ends it at once; one past year 9999, never)."""
    limit = loads(row["settings"]).get("duration_limit_min")
    if type(limit) is not int:
        return None
    created = float(row["created_at"])
    if limit * 60 > LAST_TIMESTAMP - created:
        return None
    return created + max(0, limit) * 60


def state(row: Row, now: float) -> tuple[str, float | None]:
    """The session's status at `now`, and when it ended (None unless ended)."""
    ended_at = row["ended_at"]
    deadline = expires_at(row)
    if deadline is not None and deadline <= now and (ended_at is None or deadline < ended_at):
        ended_at = deadline
    if ended_at is not None and now >= ended_at:
        return "ended", ended_at
    return ("started" if now >= row["start_at"] else "created"), None


def render(row: Row, now: float, organization_id: str, project_id: str | None) -> dict[str, Any]:
    """The `Session` object of a stored session at `now`."""
    status, ended_at = state(row, now)
    settings = loads(row["settings"])
    deadline = expires_at(row)
    if deadline is not None:
        settings["expires_at"] = catalog.iso(deadline)
    return {
        "id": row["id"],
        "status": status,
        "active": status != "ended",
        "backend": row["backend"],
        "organization_id": organization_id,
        "project_id": project_id,
        "creator_id": row["owner"],
        "created_at": catalog.iso(row["created_at"]),
        "started_at": catalog.iso(row["start_at"]) if now >= row["start_at"] else None,
        "ended_at": catalog.iso(ended_at) if ended_at is not None else None,
        # Whoever ended it by request; nobody when a limit did.
        "ender_id": row["ender_id"] if status == "ended" and row["ended_at"] == ended_at else None,
        "settings": settings,
    }

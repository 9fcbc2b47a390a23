"""The submission a clone (or move) of a stored job makes: its program, with overrides.

A clone runs the stored job's program (`type` and `input`) again as a new job. It keeps
the original's `backend`, `name`, `metadata`, `shots`, `settings`, `noise` and `dry_run`
unless the request gives them; it joins a session only if the request names one (a
session is a reservation, so joining it is never implied). A field given as null drops
the original's value. `parent` is accepted and ignored (the new job is a top-level job).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any, Final

from .store import loads

OVERRIDES: Final = (
    "name",
    "metadata",
    "shots",
    "backend",
    "session_id",
    "settings",
    "dry_run",
    "noise",
)


def submission(
    row: Mapping[str, Any] | sqlite3.Row, overrides: Mapping[str, Any]
) -> dict[str, Any]:
    """The createJob body of a clone of the job stored as `row` (a full row)."""
    body: dict[str, Any] = {
        "type": row["type"],
        "input": loads(row["program"]),
        "backend": row["backend"],
    }
    kept = {
        "name": row["name"],
        "metadata": loads(row["metadata"]),
        "shots": row["shots"],
        "settings": loads(row["settings"]) or None,
        "noise": loads(row["noise"]),
        "dry_run": True if row["dry_run"] else None,
    }
    body.update({key: value for key, value in kept.items() if value is not None})
    for key in OVERRIDES:
        if key not in overrides:
            continue
        if overrides[key] is None:
            body.pop(key, None)
        else:
            body[key] = overrides[key]
    if body.get("backend") is None:
        body["backend"] = row["backend"]
    return body

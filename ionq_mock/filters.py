"""The filters of a job listing (`listJobs`, `listSessionJobs`), from its query.

`target` is one backend or a comma-separated list; `submitter_id` matches only the key's
own id (the mock has no shared projects); in a session's listing a `session_id` other
than the path's matches nothing. `None` means nothing can match: the page is empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def _lower(value: Any) -> str | None:
    return str(value).lower() if value else None


def job_filters(
    query: Mapping[str, Any], owner: str, session_id: str | None = None
) -> dict[str, Any] | None:
    """What `Store.list_jobs` filters on, or None when nothing can match."""
    submitter = query.get("submitter_id")
    if submitter is not None and str(submitter).lower() != owner:
        return None
    asked = _lower(query.get("session_id"))
    if session_id is not None and asked is not None and asked != session_id:
        return None
    targets = {t.strip() for t in str(query.get("target") or "").split(",") if t.strip()}
    return {
        "status": query.get("status"),
        "backends": sorted(targets) if targets else None,
        "session_id": session_id or asked,
        "parent_job_id": _lower(query.get("parent_job_id")),
        "ids": [str(i).lower() for i in query.get("ids", [])],
    }

"""Jobs as handlers show them: one stored job by its path id, its JSON (cached), and pages
of list items.

A job's JSON depends only on its status now, the writes to it (the row's `version`
counts them: name, metadata, failure, cancellation) and whether it is a list item, so the
text is cached under those; a status change or a write makes a new key. A listing reads
narrow rows and reads in full only the jobs it has not rendered yet.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any, Final, cast

from .. import lifecycle
from ..errors import ApiError
from ..registry import Raw, Request, encode
from ..state import MockState
from ..validation import BASE_PATH

DEFAULT_LIMIT: Final = 25
# Rendered jobs kept at most; the cache is cleared when full.
RENDER_CACHE_SIZE: Final = 100_000


def job_row(state: MockState, request: Request, full: bool = False) -> Any:
    """The stored job the request's path names (`full`: with its program and results);
    404 when the key owns no such job."""
    job_id = str(request.path["job_id"]).lower()
    row = state.store.get_job(request.owner, job_id, full)
    if row is None:
        raise ApiError(404, f"job {job_id} not found")
    return row


def render(state: MockState, row: Any, now: float, listing: bool = False) -> dict[str, Any]:
    """The `Job` object (`listing`: the list item, IonQ's `BaseJob`, without
    `child_job_ids`)."""
    job = lifecycle.render(row, now, BASE_PATH, state.project_of(row["owner"]) or "")
    if listing:
        del job["child_job_ids"]
    return job


def _render_key(row: Any, now: float, listing: bool) -> tuple[str, str, int, bool]:
    """What a job's rendering depends on: its status now, every write to it, and list
    item or not."""
    return row["id"], lifecycle.status(row, now), row["version"], listing


def job_text(state: MockState, row: Any, now: float, listing: bool = False) -> Raw:
    """A job's JSON text (a full row), from the cache when nothing it depends on changed;
    kept as `Raw`, so an answer sends the cached object itself."""
    key = _render_key(row, now, listing)
    rendered = state.rendered
    text = rendered.get(key)
    if text is None:
        if len(rendered) >= RENDER_CACHE_SIZE:
            rendered.clear()
        text = rendered[key] = Raw(encode(render(state, row, now, listing)))
    return cast(Raw, text)  # every entry is made here, as Raw


def page(
    state: MockState, owner: str, query: Mapping[str, Any], wanted: dict[str, Any] | None
) -> Raw:
    """A page of list items; `wanted` (the filters) None matches nothing."""
    if wanted is None:
        return Raw(b'{"jobs":[],"next":null}')
    limit = query.get("limit", DEFAULT_LIMIT)
    after = query.get("next")
    now = time.time()
    rows = state.store.list_jobs(owner, limit, after.lower() if after else None, now, wanted)
    more = len(rows) > limit
    rows = rows[:limit]
    following = encode(rows[-1][0] if more else None)
    status_at = lifecycle.status_at
    rendered = state.rendered
    # The page's text in parts, joined once (a page of 100 is ~80 KB): a job's part is its
    # cached rendering, or its `_render_key` (the rows are tuples of store.LIST_COLUMNS)
    # until it is rendered below.
    parts: list[Any] = [b'{"jobs":[']
    missing: list[int] = []
    for job_id, ready, started, end, end_status, canceled, version in rows:
        key = (job_id, status_at(ready, started, end, end_status, canceled, now), version, True)
        text = rendered.get(key)
        if text is None:
            missing.append(len(parts))
        parts += [key if text is None else text, b","]
    if missing:
        full = state.store.jobs_by_id(owner, [parts[index][0] for index in missing])
        for index in missing:
            parts[index] = job_text(state, full[parts[index][0]], now, True)
    if rows:
        parts.pop()  # the last comma
    parts += [b'],"next":', following, b"}"]
    return Raw(b"".join(parts))

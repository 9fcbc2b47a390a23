"""Each key's jobs in id order, with what a listing reads of each, in memory: an unfiltered
page of `GET /jobs` is a binary search and a slice, not an SQLite query.

A page of 25 from the middle of 5,000 jobs took 35 us from SQLite (an index-only scan of
`jobs_owner_timeline`, ~20% of the request under wrk), 8 us from here. SQLite stays the
record: the store tells the index of every write to the jobs table as it makes it
(`added`, `changed`, `removed`), and drops it whole (`clear`) when a transaction rolls
back, so the next listing reads it again. A key's jobs are read in when it is first
listed. Filtered listings still query SQLite.

Each job is kept as its id (a str, in a sorted list) and its timeline, the rest of
`store.LIST_COLUMNS`: ~300 bytes a job, 30 MB for 100,000.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from typing import Any

# A row of store.LIST_COLUMNS: (id, ready_at, started_at, end_at, end_status, canceled_at,
# version).
Row = tuple[Any, ...]


class _Jobs:
    """One key's jobs: ids ascending, and each one's timeline (its row without the id)."""

    __slots__ = ("ids", "timelines")

    def __init__(self, rows: Iterable[Row]) -> None:
        self.ids: list[str] = []
        self.timelines: dict[str, Row] = {}
        for row in rows:
            self.ids.append(row[0])
            self.timelines[row[0]] = row[1:]


class ListingIndex:
    """The jobs of each key listed so far; `load(owner)` reads a key's rows, ids ascending."""

    def __init__(self, load: Callable[[str], Sequence[Row]]) -> None:
        self._load = load
        self._owners: dict[str, _Jobs] = {}

    def page(self, owner: str, count: int, before: str | None) -> list[Row]:
        """Up to `count` rows of `owner`'s jobs with ids below `before` (None: any),
        newest first."""
        jobs = self._owners.get(owner)
        if jobs is None:
            jobs = self._owners[owner] = _Jobs(self._load(owner))
        ids = jobs.ids
        end = len(ids) if before is None else bisect.bisect_left(ids, before)
        timelines = jobs.timelines
        return [(job_id, *timelines[job_id]) for job_id in reversed(ids[max(0, end - count) : end])]

    def added(self, owner: str, rows: Iterable[Row]) -> None:
        """New jobs of `owner` (committed)."""
        jobs = self._owners.get(owner)
        if jobs is None:
            return  # read in whole when first listed
        ids = jobs.ids
        for row in rows:
            job_id = row[0]
            if not ids or ids[-1] < job_id:
                ids.append(job_id)  # ids are issued in increasing order: the usual case
            else:
                bisect.insort(ids, job_id)
            jobs.timelines[job_id] = row[1:]

    def changed(self, owner: str, rows: Iterable[Row]) -> None:
        """Jobs of `owner` whose timeline columns were written, as they now are."""
        jobs = self._owners.get(owner)
        if jobs is None:
            return
        for row in rows:
            if row[0] in jobs.timelines:
                jobs.timelines[row[0]] = row[1:]

    def removed(self, owner: str, job_ids: Iterable[str]) -> None:
        """Jobs of `owner` deleted."""
        jobs = self._owners.get(owner)
        if jobs is None:
            return
        ids = jobs.ids
        for job_id in job_ids:
            if jobs.timelines.pop(job_id, None) is not None:
                index = bisect.bisect_left(ids, job_id)
                del ids[index]

    def clear(self) -> None:
        """Forget every key's jobs (a write was rolled back): read again when listed."""
        self._owners.clear()

"""SQLite storage for jobs and sessions: in memory by default, or a file (WAL mode).

In a file, every write is one transaction, committed before the app answers, so an
acknowledged job survives a SIGKILL of the server. In memory, no other connection can see
the database and nothing of it outlives the process, so a commit marks nothing anyone can
observe; it costs half of a job's INSERT (~13 us of ~28). There the store keeps one
transaction open and commits it every `MEMORY_COMMIT_WRITES` writes (which bounds the
rollback journal it keeps in memory); a write of several statements is a savepoint in it,
all or nothing as in a file. A created job (one row, outside a session) is not even
written at once there: the store holds its row until the event loop's turn ends, or until
anything uses the connection (`Store.db`), whichever comes first, so every read and write
sees it, and the jobs of one turn go in as one statement. A busy server creates several a
turn, and one INSERT of several rows costs far less than several INSERTs, each made
between other requests (with SQLite's code and pages out of the processor's caches). The
201 may leave before its row is written; nothing can observe that (every later use of the
connection writes it first, on the loop's thread even when the reader is another thread:
ionq_mock/end_of_turn.py), a row SQLite could not take (a text with no UTF-8 form) is
never held, and what could refuse a held row (SQLite out of memory) would roll back the
open transaction's earlier writes just the same.
Job status is never stored: it is derived from the stored timestamps when read (see
`lifecycle`), so it keeps moving across a restart.

Ids are time-ordered UUIDs (version 7 layout) issued in strictly increasing order, so
"newest first" is `ORDER BY id DESC` on an index and any id is a valid page cursor: the
next page holds the ids below it. A page therefore costs the same at any table size, and
jobs created or deleted during a listing never make another job appear twice or vanish.

A circuit's simulated result is stored as its JSON text, in parts of at most `PART_BYTES`
(`result_parts`), then recorded as complete (`results`): a 23-qubit result is 270 MB, and
one statement writing or reading it would hold the event loop for seconds, where each part
takes a millisecond and the server answers other requests in between. A part left by an
interrupted write is never read (its job has no `results` row): the next write replaces
it, and opening the store deletes it. Deleting 270 MB of parts in one statement would hold
the loop too (0.26 s in memory, 1.2 s in a file), so a deleted job's parts are deleted
afterwards, a few at a time between other requests (`_sweep`). The `jobs.results` column
holds what a job has from its submission (a quantum function's results), and a circuit's
result in database files written before the parts existed.
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import sqlite3
import threading
import time
import uuid
from _json import make_encoder as _make_c_encoder
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Final

from .end_of_turn import EndOfTurn
from .job_index import ListingIndex

SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    type TEXT NOT NULL,
    backend TEXT NOT NULL,
    name TEXT,
    metadata TEXT,
    parent_job_id TEXT,
    session_id TEXT,
    child_job_ids TEXT,
    dry_run INTEGER NOT NULL,
    submitted_at REAL NOT NULL,
    ready_at REAL NOT NULL,
    started_at REAL NOT NULL,
    end_at REAL NOT NULL,
    end_status TEXT NOT NULL,
    runs INTEGER NOT NULL,
    canceled_at REAL,
    failure TEXT,
    settings TEXT NOT NULL,
    stats TEXT NOT NULL,
    shots INTEGER,
    noise TEXT,
    seed INTEGER,
    program TEXT,
    results TEXT,
    estimated_cost REAL NOT NULL,
    version INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
DROP INDEX IF EXISTS jobs_owner;
CREATE INDEX IF NOT EXISTS jobs_owner_timeline ON jobs
    (owner, id, ready_at, started_at, end_at, end_status, canceled_at, version);
DROP INDEX IF EXISTS jobs_parent;
DROP INDEX IF EXISTS jobs_session;
-- Partial: most jobs have neither a parent nor a session, and a NULL entry costs every
-- insert a B-tree write (~3 us a job) for lookups that never ask for NULL (`x = ?`
-- implies `x IS NOT NULL`, so SQLite still uses them).
CREATE INDEX IF NOT EXISTS jobs_parent_set ON jobs (owner, parent_job_id, id)
    WHERE parent_job_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS jobs_session_set ON jobs (owner, session_id, id)
    WHERE session_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    backend TEXT NOT NULL,
    settings TEXT NOT NULL,
    created_at REAL NOT NULL,
    start_at REAL NOT NULL,
    ended_at REAL,
    ender_id TEXT,
    job_count INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sessions_owner ON sessions (owner, id);
CREATE TABLE IF NOT EXISTS results (
    job_id TEXT PRIMARY KEY,
    parts INTEGER NOT NULL,
    size INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS result_parts (
    job_id TEXT NOT NULL,
    part INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (job_id, part)
);
"""

# The most bytes of a stored result one statement writes or reads.
PART_BYTES: Final = 1 << 20
# In memory, the open transaction is committed after this many writes (see the docstring):
# its rollback journal holds at most the pages these writes changed.
MEMORY_COMMIT_WRITES: Final = 256
# Bytes of OS randomness `IdGenerator` reads at once (7 per id).
RANDOM_POOL: Final = 7 * 512
# Parts of deleted results one step of `_sweep` deletes.
SWEEP_PARTS: Final = 4
# Job rows (`JOB_COLUMNS`) kept in memory at most, ~1 KB each; cleared when full. A test
# polls a few jobs at a time: these are the jobs being polled.
ROW_CACHE_SIZE: Final = 10_000

FUNCTION_RESULTS: Final = "CASE WHEN type = 'quantum-function' THEN results END AS function_results"
# The columns a job listing needs: never the program or a circuit's results, which may be
# large; a quantum function's results (`{value, variance}`) are part of the job's JSON.
# First the columns every GET reads (the owner, and what its cached rendering's key is made
# of): a `sqlite3.Row` finds a column by name by comparing the names before it (0.37 us for
# the 24th, 0.03 us for the first).
JOB_COLUMNS: Final = (
    "id, owner, version, end_at, end_status, canceled_at, started_at, ready_at, type,"
    " backend, name, metadata, parent_job_id, session_id, child_job_ids, dry_run,"
    " submitted_at, runs, failure, settings, stats, shots, noise, estimated_cost, "
    + FUNCTION_RESULTS
)

# What a listing reads per job: enough to derive the status and to find the job's rendering
# in the server's cache (`version` counts the writes to the job); full rows are read only
# for jobs whose rendering is not cached. The narrow read is 2.5x faster than the full one,
# and reads only the index `jobs_owner_timeline` (which holds these columns), not the table.
LIST_COLUMNS: Final = "id, ready_at, started_at, end_at, end_status, canceled_at, version"

# The derived status, in SQL, for the `status` filter; mirrors `lifecycle.status`.
STATUS_SQL: Final = (
    "CASE WHEN canceled_at IS NOT NULL THEN 'canceled'"
    " WHEN :now >= end_at THEN end_status"
    " WHEN :now >= started_at THEN 'started'"
    " WHEN :now >= ready_at THEN 'ready' ELSE 'submitted' END"
)


# One C encoder, made once, for every call: `json.dumps` builds a new encoder each time
# (~1.5 us; a created job's row is five texts), and `JSONEncoder.encode` its C core each
# time, with a dict to catch circular values (half of encoding a small program). What is
# encoded here was parsed from JSON or built by the server: never circular. Encoding keeps
# no state in the encoder.
_C_ENCODER: Final = _make_c_encoder(
    None,  # no circularity check
    json.JSONEncoder().default,  # raises TypeError for what JSON cannot hold
    json.encoder.encode_basestring_ascii,
    None,  # no indent
    ":",
    ",",
    False,  # sort_keys
    False,  # skipkeys
    True,  # allow_nan, as `json.dumps`
)


def dumps(value: Any) -> str:
    """JSON text for storage; ASCII-only so lone surrogates from clients cannot break it."""
    return "".join(_C_ENCODER(value, 0))


@functools.cache
def _insert_statement(columns: tuple[str, ...]) -> str:
    """The INSERT of a job row with these columns, values bound by position (a handful of
    column sets occur; binding 27 values by name costs ~3 us more than by position)."""
    return f"INSERT INTO jobs ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


class IdGenerator:
    """Strictly increasing UUIDs in the version 7 layout (48-bit ms time first).

    The 122 bits a v7 UUID leaves free (time, then random) are kept as one counter that
    only grows; stamping the version and variant bits at fixed positions keeps the order,
    so ids compare (as integers and as lowercase text) in creation order.
    """

    def __init__(self, floor: str | None = None) -> None:
        self._lock = threading.Lock()
        self._last = self._free(uuid.UUID(floor).int) if floor else 0
        # Random bits from the OS, read `RANDOM_POOL` bytes at a time: one system call per
        # 512 ids, not one per id (a call cost ~1 us warm, far more between requests).
        self._pool = b""
        self._taken = 0

    @staticmethod
    def _free(raw: int) -> int:
        return ((raw >> 80) << 74) | (((raw >> 64) & 0xFFF) << 62) | (raw & ((1 << 62) - 1))

    def __call__(self) -> str:
        millis = time.time_ns() // 1_000_000
        with self._lock:
            if self._taken >= len(self._pool):
                self._pool, self._taken = os.urandom(RANDOM_POOL), 0
            random_bits = int.from_bytes(self._pool[self._taken : self._taken + 7], "big")
            self._taken += 7
            free = (millis << 74) | random_bits
            if free <= self._last:
                free = self._last + 1
            self._last = free
        raw = (
            ((free >> 74) << 80)
            | (0x7 << 76)
            | (((free >> 62) & 0xFFF) << 64)
            | (0x2 << 62)
            | (free & ((1 << 62) - 1))
        )
        # `str(uuid.UUID(int=raw))`'s text, without making the object (1.2 us of 3).
        text = f"{raw:032x}"
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


# The columns of a job's row that hold a client's text as it came (the rest is numbers,
# the server's own text, or JSON the encoder wrote as ASCII).
_CLIENT_TEXT: Final = ("name", "backend", "type", "session_id")


def storable_text(value: object) -> bool:
    """Whether SQLite can keep `value` as it is, if it is a text: a lone surrogate
    (`"\\ud800"` in a client's JSON) has no UTF-8 form, and binding it fails."""
    if type(value) is not str or value.isascii():
        return True
    try:
        value.encode()
    except UnicodeEncodeError:
        return False
    return True


def _bindable(row: Mapping[str, Any]) -> bool:
    """Whether SQLite can take the row's client texts. A row it cannot take is written at
    once, so that its refusal is the request's own and never another's held row's."""
    return all(storable_text(row[column]) for column in _CLIENT_TEXT)


class Store:
    """The database; used from the event-loop thread only (one connection)."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path or ":memory:"
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        # Reached through `db` (below), which writes the created jobs held first.
        self._connection = db
        db.row_factory = sqlite3.Row
        if path:
            db.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode: a committed transaction survives a killed process (not
            # a power cut), which is the durability a test server needs.
            db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(SCHEMA)
        columns = {row[1] for row in db.execute("PRAGMA table_info(jobs)")}
        if "version" not in columns:  # a database file written before the column existed
            db.execute("ALTER TABLE jobs ADD COLUMN version INTEGER NOT NULL DEFAULT 0")
        # Parts a server stopped while writing them, or before deleting them: none of them is
        # in use yet, so they go now.
        db.execute("DELETE FROM result_parts WHERE job_id NOT IN (SELECT job_id FROM results)")
        db.execute("DELETE FROM results WHERE job_id NOT IN (SELECT id FROM jobs)")
        # In memory: one open transaction, committed every `MEMORY_COMMIT_WRITES` writes.
        self._in_memory = not path
        # In memory: created jobs not yet written, by INSERT statement (`_write_pending`).
        self._pending: dict[str, list[tuple[Any, ...]]] = {}
        self._end_of_turn = EndOfTurn(self._write_pending)
        self._uncommitted = 0
        if self._in_memory:
            db.execute("BEGIN")
        # Job rows as `get_job` last read them (`JOB_COLUMNS`), by id: a GET of a job
        # reads memory, not SQLite (~7 us of a ~20 us answer). Every write to a job
        # drops its row (`_forget`); nothing a row holds changes with time alone (the
        # status is derived when read), so a kept row is the stored one.
        self._rows: dict[str, sqlite3.Row] = {}
        # Each listed key's jobs in id order (ionq_mock/job_index.py): an unfiltered page
        # is read from memory. Told of every write to the jobs table below.
        self._listing = ListingIndex(self._listed_rows)
        # Deleted results whose parts are still to delete, and whether `_sweep` is due.
        self._unswept: set[str] = set()
        self._sweeping = False
        self._closed = False
        newest = db.execute(
            "SELECT max(id) FROM (SELECT max(id) AS id FROM jobs UNION ALL"
            " SELECT max(id) FROM sessions)"
        ).fetchone()[0]
        self.new_id = IdGenerator(newest)

    @property
    def db(self) -> sqlite3.Connection:
        """The connection, with every created job written: whatever reads or writes
        through it sees them (`_write_pending`)."""
        if self._pending:
            self._end_of_turn.now()
        return self._connection

    def _write_pending(self) -> None:
        """Write the created jobs held in memory (`insert_jobs`), one statement for each
        set of columns (on the event loop's thread: `EndOfTurn`)."""
        if not self._pending or self._closed:
            return
        pending, self._pending = self._pending, {}
        self._reopen_if_ended()
        try:
            for insert, values in pending.items():
                self._connection.executemany(insert, values)
        except BaseException:
            # Lost, as the writes of a transaction SQLite rolled back are (in memory
            # only: out of memory, say; `_bindable` keeps rows SQLite cannot take from
            # being held); what the caches hold of them goes too.
            self._rows.clear()
            self._listing.clear()
            raise
        self._wrote(sum(map(len, pending.values())))

    def close(self) -> None:
        """Close the connection."""
        self._closed = True
        self._pending = {}  # in memory: closing discards every job anyway
        self._connection.close()

    def _execute(self, sql: str, parameters: Sequence[Any]) -> sqlite3.Cursor:
        """One write statement as a transaction of its own: in a file, the connection
        commits it (autocommit); in memory, it joins the open transaction (`_wrote`)."""
        self._reopen_if_ended()
        cursor = self.db.execute(sql, parameters)
        self._wrote()
        return cursor

    def _reopen_if_ended(self) -> None:
        """In memory, open a new transaction if the open one is gone: SQLite rolled it back
        whole (out of memory, say), with the writes since the last commit, and what the
        caches hold of those goes too."""
        if not self._in_memory or self.db.in_transaction:
            return
        self._rows.clear()
        self._listing.clear()
        self.db.execute("BEGIN")

    def _wrote(self, writes: int = 1) -> None:
        """Count writes done in memory; commit the open transaction every
        `MEMORY_COMMIT_WRITES` of them."""
        if not self._in_memory:
            return
        self._uncommitted += writes
        if self._uncommitted >= MEMORY_COMMIT_WRITES:
            self._uncommitted = 0
            self._connection.execute("COMMIT")
            self._connection.execute("BEGIN")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, committed on exit (rolled back on an exception); in
        memory, a savepoint in the open transaction, released or rolled back alike."""
        self._reopen_if_ended()
        if self._in_memory:
            begin, commit, rollback = "SAVEPOINT write", "RELEASE write", "ROLLBACK TO write"
        else:
            begin, commit, rollback = "BEGIN IMMEDIATE", "COMMIT", "ROLLBACK"
        self.db.execute(begin)
        try:
            yield self.db
        except BaseException:
            self.db.execute(rollback)
            if self._in_memory:
                self.db.execute(commit)  # ROLLBACK TO leaves the savepoint open
            self._listing.clear()  # it may hold a write just undone
            raise
        try:
            self.db.execute(commit)
        except BaseException:
            self._listing.clear()
            raise
        self._wrote()

    # ---------------------------------------------------------------- jobs
    def insert_jobs(
        self,
        rows: Sequence[dict[str, Any]],
        session_id: str | None,
        cancel: str | None = None,
        *,
        hold: bool = False,
    ) -> None:
        """Insert a job and its children in one transaction; count it in its session.

        `cancel` names a job of the same owner to cancel in that same transaction (a move):
        both happen or neither does. `hold`, for a caller on the event loop: in memory, a
        single job may be written at the end of the loop's turn (see the module's doc).
        """
        columns = tuple(rows[0])
        insert = _insert_statement(columns)
        if len(rows) == 1 and session_id is None and cancel is None:
            if hold and self._in_memory and _bindable(rows[0]):
                # Held until the loop's turn ends, or until anything uses the connection
                # first (`db`): the turn's jobs are one INSERT (see the module's doc).
                held = self._pending.get(insert)
                if held is None:
                    if not self._pending:
                        self._end_of_turn.schedule()
                    held = self._pending[insert] = []
                held.append(tuple(rows[0].values()))
            else:
                # One statement is its own transaction (`_execute`): the same all-or-nothing
                # write without BEGIN and COMMIT around it (~5 us).
                self._execute(insert, tuple(rows[0].values()))
            self._listing.added(rows[0]["owner"], [_listed(rows[0])])
            return
        with self.transaction() as db:
            if cancel is not None:
                self._cancel(db, rows[0]["owner"], cancel, rows[0]["submitted_at"])
            db.executemany(insert, [tuple(row[c] for c in columns) for row in rows])
            self._listing.added(rows[0]["owner"], [_listed(row) for row in rows])
            if session_id is not None:
                db.execute(
                    "UPDATE sessions SET job_count = job_count + 1 WHERE id = ?", (session_id,)
                )
                db.execute(
                    "UPDATE sessions SET ended_at = :now WHERE id = :id AND ended_at IS NULL"
                    " AND json_extract(settings, '$.job_count_limit') <= job_count",
                    {"id": session_id, "now": rows[0]["submitted_at"]},
                )

    def get_job(self, owner: str, job_id: str, full: bool = False) -> sqlite3.Row | None:
        """One job of `owner`, or None (`full`: every column, else `JOB_COLUMNS`)."""
        if not full:
            kept = self._rows.get(job_id)
            if kept is not None and kept["owner"] == owner:
                return kept
        columns = "*" if full else JOB_COLUMNS
        row: sqlite3.Row | None = self.db.execute(
            f"SELECT {columns} FROM jobs WHERE id = ? AND owner = ?", (job_id, owner)
        ).fetchone()
        if row is not None and not full:
            if len(self._rows) >= ROW_CACHE_SIZE:
                self._rows.clear()
            self._rows[job_id] = row
        return row

    def _forget(self, job_ids: Iterable[str]) -> None:
        """Drop the kept rows of jobs just written (see `_rows`)."""
        for job_id in job_ids:
            self._rows.pop(job_id, None)

    def list_jobs(
        self,
        owner: str,
        limit: int,
        after: str | None,
        now: float,
        filters: dict[str, Any],
    ) -> list[tuple[Any, ...]]:
        """Up to `limit` + 1 jobs of `owner`, newest first, with ids below `after`.

        Each row is a plain tuple of `LIST_COLUMNS`, in that order (a page of 25 costs
        ~10 us less than as `sqlite3.Row`s, read by name); `jobs_by_id` reads full rows.
        Unfiltered, the page comes from memory (`_listing`); filtered, from SQLite.
        """
        # Every filter unset (None, or no ids): a filter added to `job_filters` later
        # sends its listings to SQLite until the memory index learns it.
        if all(value is None or value == [] for value in filters.values()):
            return self._listing.page(owner, limit + 1, after)
        return self._list_sql(owner, limit, after, now, filters)

    def _list_sql(
        self,
        owner: str,
        limit: int,
        after: str | None,
        now: float,
        filters: dict[str, Any],
    ) -> list[tuple[Any, ...]]:
        """`list_jobs`, read from SQLite (every filtered listing)."""
        where = ["owner = :owner"]
        args: dict[str, Any] = {"owner": owner, "now": now, "limit": limit + 1}
        if after is not None:
            where.append("id < :after")
            args["after"] = after
        for column in ("session_id", "parent_job_id"):
            if filters.get(column) is not None:
                where.append(f"{column} = :{column}")
                args[column] = filters[column]
        if filters.get("backends") is not None:
            marks = []
            for index, backend in enumerate(filters["backends"]):
                marks.append(f":backend{index}")
                args[f"backend{index}"] = backend
            where.append(f"backend IN ({', '.join(marks)})")
        if filters.get("status") is not None:
            where.append(f"({STATUS_SQL}) = :status")
            args["status"] = filters["status"]
        if filters.get("ids"):
            marks = []
            for index, job_id in enumerate(filters["ids"]):
                marks.append(f":id{index}")
                args[f"id{index}"] = job_id
            where.append(f"id IN ({', '.join(marks)})")
        cursor = self.db.cursor()
        cursor.row_factory = None
        rows: list[tuple[Any, ...]] = cursor.execute(
            f"SELECT {LIST_COLUMNS} FROM jobs WHERE {' AND '.join(where)}"
            " ORDER BY id DESC LIMIT :limit",
            args,
        ).fetchall()
        return rows

    def _listed_rows(self, owner: str) -> list[tuple[Any, ...]]:
        """Every job of `owner` as `LIST_COLUMNS` tuples, ids ascending (for `_listing`)."""
        cursor = self.db.cursor()
        cursor.row_factory = None
        rows: list[tuple[Any, ...]] = cursor.execute(
            f"SELECT {LIST_COLUMNS} FROM jobs WHERE owner = ? ORDER BY id", (owner,)
        ).fetchall()
        return rows

    def jobs_by_id(self, owner: str, ids: Sequence[str]) -> dict[str, sqlite3.Row]:
        """Full rows (`JOB_COLUMNS`) of `owner`'s jobs among `ids`, by id."""
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        rows = self.db.execute(
            f"SELECT {JOB_COLUMNS} FROM jobs WHERE owner = ? AND id IN ({marks})",
            (owner, *ids),
        ).fetchall()
        return {row["id"]: row for row in rows}

    def owned_ids(self, owner: str, ids: Sequence[str]) -> set[str]:
        """Which of `ids` name jobs of `owner`."""
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ", ".join("?" * len(chunk))
            found.update(
                r[0]
                for r in self.db.execute(
                    f"SELECT id FROM jobs WHERE owner = ? AND id IN ({marks})", (owner, *chunk)
                )
            )
        return found

    def _cancel(self, db: sqlite3.Connection, owner: str, job_id: str, now: float) -> bool:
        """Cancel one job (and its children) if it has not finished; whether it was."""
        changed = db.execute(
            "UPDATE jobs SET canceled_at = :now, version = version + 1"
            " WHERE owner = :owner AND (id = :id OR parent_job_id = :id)"
            f" AND canceled_at IS NULL AND end_at > :now RETURNING {LIST_COLUMNS}",
            {"now": now, "owner": owner, "id": job_id},
        ).fetchall()
        self._forget([row[0] for row in changed])
        self._listing.changed(owner, [tuple(row) for row in changed])
        if not changed:
            return False
        got = db.execute("SELECT canceled_at FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return got is not None and got[0] == now

    def cancel_jobs(self, owner: str, ids: Sequence[str], now: float) -> list[str]:
        """Cancel the unfinished jobs among `ids` (and their children); the ids cancelled."""
        with self.transaction() as db:
            return [job_id for job_id in ids if self._cancel(db, owner, job_id, now)]

    def delete_jobs(self, owner: str, ids: Sequence[str]) -> None:
        """Delete jobs and their children, with their stored results (whose parts go
        afterwards, see `_sweep`)."""
        deleted: list[str] = []
        with self.transaction() as db:
            for job_id in ids:
                args = {"owner": owner, "id": job_id}
                deleted += [
                    row[0]
                    for row in db.execute(
                        "DELETE FROM results WHERE job_id IN (SELECT id FROM jobs WHERE"
                        " owner = :owner AND (id = :id OR parent_job_id = :id)) RETURNING job_id",
                        args,
                    )
                ]
                gone = db.execute(
                    "DELETE FROM jobs WHERE owner = :owner AND (id = :id OR parent_job_id = :id)"
                    " RETURNING id",
                    args,
                ).fetchall()
                self._forget([row[0] for row in gone])
                self._listing.removed(owner, [row[0] for row in gone])
        self._unswept.update(deleted)
        self._sweep_soon()

    def update_job(self, owner: str, job_id: str, changes: dict[str, Any]) -> None:
        """Set some columns of one job."""
        self._forget([job_id])
        with self.transaction() as db:
            sets = ", ".join([*(f"{c} = :{c}" for c in changes), "version = version + 1"])
            changed = db.execute(
                f"UPDATE jobs SET {sets} WHERE id = :id AND owner = :owner"
                f" RETURNING {LIST_COLUMNS}",
                {**changes, "id": job_id, "owner": owner},
            ).fetchall()
            self._listing.changed(owner, [tuple(row) for row in changed])

    def ran(self, owner: str, start: float, end: float, now: float) -> list[sqlite3.Row]:
        """`owner`'s top-level jobs that ran to completion with `start <= end_at < end`
        (multi-circuit children are left out: their parent counts for them)."""
        return self.db.execute(
            "SELECT id, name, started_at, end_at, estimated_cost FROM jobs"
            " WHERE owner = :owner AND parent_job_id IS NULL AND runs = 1 AND dry_run = 0"
            " AND canceled_at IS NULL AND end_status = 'completed' AND end_at <= :now"
            " AND end_at >= :start AND end_at < :end ORDER BY id",
            {"owner": owner, "start": start, "end": end, "now": now},
        ).fetchall()

    def first_job_at(self, owner: str) -> float | None:
        """When `owner` submitted its first job still stored, or None."""
        found = self.db.execute(
            "SELECT min(submitted_at) FROM jobs WHERE owner = ?", (owner,)
        ).fetchone()[0]
        return None if found is None else float(found)

    # ---------------------------------------------------------------- results
    def result_layout(self, job_id: str) -> tuple[int, int] | None:
        """How a circuit job's simulated result is stored, `(parts, bytes)`, or None if it
        is not (yet)."""
        found = self.db.execute(
            "SELECT parts, size FROM results WHERE job_id = ?", (job_id,)
        ).fetchone()
        if found is not None:
            return int(found[0]), int(found[1])
        # A database file from before the parts: the whole text in the job's row.
        legacy = self.db.execute(
            "SELECT length(CAST(results AS BLOB)) FROM jobs WHERE id = ? AND results IS NOT NULL",
            (job_id,),
        ).fetchone()
        return None if legacy is None else (1, int(legacy[0]))

    def result_part(self, job_id: str, index: int) -> bytes:
        """Part `index` of a stored result (see `result_layout`); b"" if it has gone (the
        job was deleted meanwhile)."""
        found = self.db.execute(
            "SELECT data FROM result_parts WHERE job_id = ? AND part = ?", (job_id, index)
        ).fetchone()
        if found is not None:
            return bytes(found[0])
        legacy = self.db.execute(
            "SELECT CAST(results AS BLOB) FROM jobs WHERE id = ? AND results IS NOT NULL",
            (job_id,),
        ).fetchone()
        return bytes(legacy[0]) if legacy is not None and index == 0 else b""

    def add_result_part(self, job_id: str, index: int, data: bytes) -> None:
        """Store part `index` of a result being written (one short statement)."""
        if len(data) > PART_BYTES:
            raise ValueError(f"a result part is at most {PART_BYTES} bytes")
        self._execute(
            "INSERT OR REPLACE INTO result_parts (job_id, part, data) VALUES (?, ?, ?)",
            (job_id, index, data),
        )

    def finish_result(self, job_id: str, parts: int, size: int) -> None:
        """Record a result whose `parts` parts are stored as complete; parts of an earlier
        interrupted write beyond them are dropped, and so is the whole result if the job
        was deleted while it was written."""
        with self.transaction() as db:
            db.execute("DELETE FROM result_parts WHERE job_id = ? AND part >= ?", (job_id, parts))
            exists = db.execute("SELECT 1 FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if exists is not None:
                db.execute(
                    "INSERT OR REPLACE INTO results (job_id, parts, size) VALUES (?, ?, ?)",
                    (job_id, parts, size),
                )
        if exists is None:
            self._unswept.add(job_id)
            self._sweep_soon()

    def _sweep_soon(self) -> None:
        """Delete the parts of deleted results: on the running event loop a few at a time
        (`_sweep`), with no loop (a script, a test) at once."""
        if not self._unswept or self._sweeping:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            while self._unswept:
                self._execute("DELETE FROM result_parts WHERE job_id = ?", (self._unswept.pop(),))
            return
        self._sweeping = True
        loop.call_soon(self._sweep, loop)

    def _sweep(self, loop: asyncio.AbstractEventLoop) -> None:
        """Delete up to `SWEEP_PARTS` parts of deleted results, then come back (other
        callbacks and requests run in between) until none is left."""
        while self._unswept and not self._closed:
            job_id = next(iter(self._unswept))
            gone = self._execute(
                "DELETE FROM result_parts WHERE job_id = ? AND part IN"
                " (SELECT part FROM result_parts WHERE job_id = ? LIMIT ?)",
                (job_id, job_id, SWEEP_PARTS),
            ).rowcount
            if gone:
                loop.call_soon(self._sweep, loop)
                return
            self._unswept.discard(job_id)
        self._sweeping = False

    # ---------------------------------------------------------------- sessions
    def insert_session(self, row: dict[str, Any]) -> None:
        """Store a new session."""
        with self.transaction() as db:
            columns = list(row)
            db.execute(
                f"INSERT INTO sessions ({', '.join(columns)}) VALUES"
                f" ({', '.join(':' + c for c in columns)})",
                row,
            )

    def get_session(self, owner: str, session_id: str) -> sqlite3.Row | None:
        """One session of `owner`, or None."""
        row: sqlite3.Row | None = self.db.execute(
            "SELECT * FROM sessions WHERE id = ? AND owner = ?", (session_id, owner)
        ).fetchone()
        return row

    def list_sessions(self, owner: str) -> list[sqlite3.Row]:
        """Every session of `owner`, newest first."""
        return self.db.execute(
            "SELECT * FROM sessions WHERE owner = ? ORDER BY id DESC", (owner,)
        ).fetchall()

    def end_session(self, owner: str, session_id: str, now: float, ender: str) -> None:
        """End a session that has not ended."""
        with self.transaction() as db:
            db.execute(
                "UPDATE sessions SET ended_at = ?, ender_id = ? WHERE id = ? AND owner = ?"
                " AND ended_at IS NULL",
                (now, ender, session_id, owner),
            )


def _listed(row: Mapping[str, Any]) -> tuple[Any, ...]:
    """A new job's row (as inserted) as `LIST_COLUMNS` (the version a new row starts at
    is the column's default, 0)."""
    return (
        row["id"],
        row["ready_at"],
        row["started_at"],
        row["end_at"],
        row["end_status"],
        row.get("canceled_at"),
        row.get("version", 0),
    )


def loads(text: str | None) -> Any:
    """Parse stored JSON text (None stays None)."""
    return None if text is None else json.loads(text)

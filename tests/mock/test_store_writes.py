"""How the store writes jobs (ionq_mock/store.py): ids, the INSERT by position, the
partial indexes that let a job without a parent or a session cost no write in them, and
the texts ionq_mock/job_rows.py writes without the JSON encoder, and when writes commit
(in memory: one transaction, committed every so many writes; in a file: each write)."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mock_app import app_client
from mock_http import BELL, MULTI

from ionq_mock import analysis
from ionq_mock import job_rows as job_rows_module
from ionq_mock.app import create_app
from ionq_mock.end_of_turn import EndOfTurn
from ionq_mock.job_rows import job_rows
from ionq_mock.store import MEMORY_COMMIT_WRITES, IdGenerator, Store, dumps

OWNER = "store-writes-owner"


def insert(store: Store, body: dict[str, Any], hold: bool = False) -> list[dict[str, Any]]:
    rows = job_rows(body, analysis.analyse(body, 29), OWNER, time.time(), 0.0, None, store.new_id)
    store.insert_jobs(rows, None, hold=hold)
    return rows


def test_ids_are_version_7_uuids_in_the_order_they_were_made() -> None:
    new_id = IdGenerator()
    ids = [new_id() for _ in range(2_000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    for text in ids[:50]:
        parsed = uuid.UUID(text)
        assert str(parsed) == text  # the canonical lowercase text
        assert parsed.version == 7
        assert parsed.variant == uuid.RFC_4122
    # A generator started from a stored id continues after it.
    assert IdGenerator(ids[-1])() > ids[-1]


def test_every_column_of_a_row_is_stored_under_its_own_name() -> None:
    store = Store()
    try:
        (written,) = insert(store, BELL)
        stored = store.db.execute("SELECT * FROM jobs WHERE id = ?", (written["id"],)).fetchone()
        assert {name: stored[name] for name in written} == written
        parent, *children = insert(store, MULTI)
        assert len(children) == 2
        for child in children:
            row = store.db.execute("SELECT * FROM jobs WHERE id = ?", (child["id"],)).fetchone()
            assert {name: row[name] for name in child} == child
            assert row["parent_job_id"] == parent["id"]
    finally:
        store.close()


def plan(store: Store, sql: str, args: dict[str, Any]) -> str:
    return " ".join(row[3] for row in store.db.execute("EXPLAIN QUERY PLAN " + sql, args))


def test_jobs_without_a_parent_or_session_are_not_in_those_indexes() -> None:
    store = Store()
    try:
        insert(store, BELL)
        parent, *_ = insert(store, MULTI)
        for index, column in (
            ("jobs_parent_set", "parent_job_id"),
            ("jobs_session_set", "session_id"),
        ):
            (sql,) = store.db.execute(
                "SELECT sql FROM sqlite_master WHERE name = ?", (index,)
            ).fetchone()
            assert sql.endswith(f"WHERE {column} IS NOT NULL")
        # Only the two children have a parent.
        having = "SELECT count(*) FROM jobs INDEXED BY jobs_parent_set WHERE parent_job_id > ''"
        assert store.db.execute(having).fetchone()[0] == 2
        # A lookup by parent or by session still reads its index.
        by_parent = "SELECT id FROM jobs WHERE owner = :owner AND parent_job_id = :id"
        assert "jobs_parent_set" in plan(store, by_parent, {"owner": OWNER, "id": parent["id"]})
        by_session = "SELECT id FROM jobs WHERE owner = :owner AND session_id = :id"
        assert "jobs_session_set" in plan(store, by_session, {"owner": OWNER, "id": "s"})
    finally:
        store.close()


def test_a_database_with_the_older_full_indexes_is_moved_to_the_partial_ones(
    tmp_path: Path,
) -> None:
    path = str(tmp_path / "old.db")
    Store(path).close()
    db = sqlite3.connect(path)
    db.executescript(
        "DROP INDEX jobs_parent_set; DROP INDEX jobs_session_set;"
        " CREATE INDEX jobs_parent ON jobs (owner, parent_job_id, id);"
        " CREATE INDEX jobs_session ON jobs (owner, session_id, id);"
    )
    db.close()
    store = Store(path)
    try:
        names = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master")}
        assert {"jobs_parent_set", "jobs_session_set"} <= names
        assert not {"jobs_parent", "jobs_session"} & names
    finally:
        store.close()


stat_values = st.one_of(st.integers(), st.booleans(), st.floats(allow_nan=False), st.none())


@given(
    qubits=stat_values,
    circuits=stat_values,
    one=stat_values,
    two=stat_values,
    extra=st.dictionaries(st.sampled_from(["qubits", "circuits", "x"]), stat_values, max_size=2),
)
def test_stats_and_noise_texts_are_the_encoders_own(
    qubits: Any, circuits: Any, one: Any, two: Any, extra: dict[str, Any]
) -> None:
    stats = {"qubits": qubits, "circuits": circuits, "gate_counts": {"1q": one, "2q": two}}
    assert job_rows_module._stats_text(stats) == dumps(stats)
    assert job_rows_module._stats_text({**stats, **extra}) == dumps({**stats, **extra})
    assert job_rows_module._stats_text({"gate_counts": {"1q": one}}) == dumps(
        {"gate_counts": {"1q": one}}
    )
    noise = {"model": "ideal", **({"seed": one} if one is not None else {})}
    assert job_rows_module._noise_text(noise) == dumps(noise)
    assert job_rows_module._noise_text(None) is None


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(),  # lone surrogates included
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(value=JSON_VALUES)
def test_stored_json_text_is_what_json_dumps_writes(value: Any) -> None:
    # `dumps` calls the C encoder directly (no circularity check): the same text.
    assert dumps(value) == json.dumps(value, ensure_ascii=True, separators=(",", ":"))


def test_in_memory_writes_share_a_transaction_committed_every_so_many_writes() -> None:
    store = Store()
    commits: list[str] = []
    store.db.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)
    try:
        for _ in range(MEMORY_COMMIT_WRITES - 1):
            insert(store, BELL)
        assert commits == []
        assert store.db.in_transaction
        insert(store, BELL)  # the write that fills the batch commits it
        assert commits == ["COMMIT"]
        assert store.db.in_transaction  # and the next one is open already
    finally:
        store.close()


def test_an_in_memory_write_that_fails_leaves_nothing_and_keeps_earlier_writes() -> None:
    store = Store()
    try:
        checked = analysis.analyse(BELL, 29)
        # A job that runs for a minute (so that a move can cancel it).
        running = job_rows(BELL, checked, OWNER, time.time(), 60.0, None, store.new_id)
        store.insert_jobs(running, None)
        kept = running[0]["id"]
        # A move whose second statement fails (the job it inserts exists already): the
        # cancel it did first is rolled back with it.
        rows = job_rows(BELL, checked, OWNER, time.time(), 60.0, None, store.new_id)
        rows[0]["id"] = kept
        with pytest.raises(sqlite3.IntegrityError):
            store.insert_jobs(rows, None, cancel=kept)
        row = store.get_job(OWNER, kept, full=True)
        assert row is not None
        assert row["canceled_at"] is None
        assert store.db.execute("SELECT count(*) FROM jobs").fetchone()[0] == 1
        insert(store, BELL)  # the store goes on writing
        assert store.db.execute("SELECT count(*) FROM jobs").fetchone()[0] == 2
    finally:
        store.close()


def test_a_write_to_a_database_file_is_committed_before_it_returns(tmp_path: Path) -> None:
    path = str(tmp_path / "jobs.sqlite")
    store = Store(path)
    other = sqlite3.connect(path)
    try:
        written = insert(store, BELL)[0]["id"]
        assert not store.db.in_transaction
        # Another connection (another process, after a SIGKILL) sees it at once.
        assert other.execute("SELECT id FROM jobs").fetchall() == [(written,)]
    finally:
        other.close()
        store.close()


def test_an_in_memory_transaction_sqlite_rolled_back_empties_the_caches() -> None:
    store = Store()
    try:
        insert(store, BELL)
        assert [row[0] for row in store.list_jobs(OWNER, 10, None, time.time(), {})]
        # What SQLite does on an error that ends a transaction (SQLITE_FULL, NOMEM).
        store.db.execute("ROLLBACK")
        insert(store, BELL)  # the next write opens a new transaction
        assert store.db.in_transaction
        listed = store.list_jobs(OWNER, 10, None, time.time(), {})
        assert len(listed) == 1  # the job rolled back is not listed from memory
    finally:
        store.close()


def count_written(store: Store) -> int:
    """Jobs in SQLite, read past `Store.db` (which would write the held ones first)."""
    return int(store._connection.execute("SELECT count(*) FROM jobs").fetchone()[0])


def test_jobs_created_in_an_event_loop_are_written_at_the_end_of_its_turn() -> None:
    """In memory, on an event loop, a created job can be held until the loop's turn ends,
    the turn's jobs going in together; anything that uses the connection first writes
    them, so every read sees a job the moment it is created."""

    async def scenario() -> None:
        store = Store()
        try:
            made = [insert(store, BELL, hold=True)[0]["id"] for _ in range(5)]
            assert count_written(store) == 0  # held, none written yet
            # A read through the connection (a filtered listing is SQL) sees them all.
            listed = store.list_jobs(OWNER, 10, None, time.time(), {"backends": ["simulator"]})
            assert sorted(row[0] for row in listed) == sorted(made)
            assert count_written(store) == 5
            store.list_jobs(OWNER, 10, None, time.time(), {})  # the key's listing, loaded
            later = [insert(store, BELL, hold=True)[0]["id"] for _ in range(3)]
            # The listing is in memory now: it shows the held jobs without writing them.
            page = store.list_jobs(OWNER, 10, None, time.time(), {})
            assert [row[0] for row in page][:3] == later[::-1]
            assert count_written(store) == 5
            await asyncio.sleep(0)  # the turn ends: the three are written
            assert count_written(store) == 8
            assert store.get_job(OWNER, later[0]) is not None
        finally:
            store.close()

    asyncio.run(scenario())


def test_held_jobs_that_fail_to_be_written_leave_no_trace_in_the_caches() -> None:
    """A held job SQLite refuses when it is written (in memory that is out of memory;
    here, a duplicate id) is gone from the listing kept in memory as well."""

    async def scenario() -> None:
        store = Store()
        try:
            (first,) = insert(store, BELL, hold=True)
            await asyncio.sleep(0)
            assert len(store.list_jobs(OWNER, 10, None, time.time(), {})) == 1  # in memory now
            checked = analysis.analyse(BELL, 29)
            rows = job_rows(BELL, checked, OWNER, time.time(), 0.0, None, store.new_id)
            rows[0]["id"] = first["id"]
            store.insert_jobs(rows, None, hold=True)  # held: not refused yet
            with pytest.raises(sqlite3.IntegrityError):
                store.db.execute("SELECT 1")
            assert [row[0] for row in store.list_jobs(OWNER, 10, None, time.time(), {})] == [
                first["id"]
            ]
            insert(store, BELL, hold=True)  # the store goes on writing
            await asyncio.sleep(0)
            assert count_written(store) == 2
        finally:
            store.close()

    asyncio.run(scenario())


def test_a_row_sqlite_cannot_take_is_refused_at_once_and_no_other_job_with_it() -> None:
    """A name with a lone surrogate has no UTF-8 form: its job is not held, so its
    refusal is its own request's, and the jobs held beside it are all written."""

    async def scenario() -> None:
        store = Store()
        try:
            held = [insert(store, BELL, hold=True)[0]["id"] for _ in range(2)]
            with pytest.raises(UnicodeEncodeError):
                insert(store, {**BELL, "name": "a\ud800b"}, hold=True)
            await asyncio.sleep(0)
            assert count_written(store) == 2
            assert all(store.get_job(OWNER, job_id) is not None for job_id in held)
        finally:
            store.close()

    asyncio.run(scenario())


def test_a_job_is_held_only_when_the_caller_asks() -> None:
    async def scenario() -> None:
        store = Store()
        try:
            insert(store, BELL)
            assert count_written(store) == 1
        finally:
            store.close()

    asyncio.run(scenario())


def test_a_read_from_another_thread_has_the_loop_write_the_held_jobs() -> None:
    """A test inspecting a served app's store from its own thread: the held jobs are
    written by the loop's thread (`EndOfTurn.now`), never by the reader's, and the reader
    sees them."""
    store = Store()
    writers: list[int] = []
    write = store._write_pending

    def recorded() -> None:
        if store._pending:
            writers.append(threading.get_ident())
        write()

    store._end_of_turn = EndOfTurn(recorded)
    ready, release = threading.Event(), threading.Event()
    made: list[str] = []

    async def serve() -> None:
        made.append(insert(store, BELL, hold=True)[0]["id"])
        ready.set()
        # Stay in this turn (the held job unwritten) until the reader has asked.
        while not release.is_set():
            await asyncio.sleep(0.001)

    loop_thread = threading.Thread(target=asyncio.run, args=(serve(),))
    try:
        loop_thread.start()
        assert ready.wait(5)
        row = store.get_job(OWNER, made[0])  # from this thread: the loop writes it
        assert row is not None
        assert writers == [loop_thread.ident]
    finally:
        release.set()
        loop_thread.join(5)
        store.close()


def test_a_name_with_a_lone_surrogate_is_a_400_naming_it_and_stores_nothing() -> None:
    """`"\\ud800"` in the JSON parses to a text SQLite cannot keep: a create or rename with
    it is refused naming `name`, not answered 500, and nothing is written."""
    app = create_app(["k"], job_duration=0.0)
    headers = {"content-type": "application/json"}
    try:
        with app_client(app, "k") as http:
            program = json.dumps(BELL)[:-1]
            refused = http.post("/jobs", content=program + ', "name": "a\\ud800"}', headers=headers)
            assert refused.status_code == 400
            assert refused.json()["validation"] == {"keys": ["name"], "source": "body"}
            assert http.get("/jobs").json()["jobs"] == []
            job_id = http.post("/jobs", json={**BELL, "name": "kept"}).json()["id"]
            renamed = http.patch(f"/jobs/{job_id}", content=b'{"name": "\\udc00"}', headers=headers)
            assert renamed.status_code == 400
            assert http.get(f"/jobs/{job_id}").json()["name"] == "kept"
    finally:
        app.close()

"""The request journal on its own (ionq_mock/journal.py): bounds, redaction, filters."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from ionq_mock.auth import Keys
from ionq_mock.journal import Entry, Filter, Journal
from ionq_mock.leniency import Applied

KEY = "journal-secret-key-0123"
OTHER = "journal-other-key-4567"


def journal(size: int = 3, body_bytes: int = 64) -> Journal:
    return Journal(Keys([KEY, OTHER]).redact, size, body_bytes)


def add(j: Journal, owner: str = "a", **fields: Any) -> int:
    values: dict[str, Any] = {
        "time": 1_764_590_000.25,
        "method": "GET",
        "path": "/v0.4/jobs",
        "query": b"",
        "operation": "listJobs",
        "status": 200,
        "duration_ms": 1.5,
        "applied": [],
        "request": ([], b"", 0),
        "response": ([], b"{}", 2),
        **fields,
    }
    return j.add(owner, **values)


def entry(j: Journal, entry_id: int, owner: str = "a") -> Entry:
    found = j.get(owner, entry_id)
    assert found is not None
    return found


def test_each_owner_keeps_its_last_size_entries_newest_first() -> None:
    j = journal(size=3)
    ids = [add(j, "a") for _ in range(5)]
    other = add(j, "b")
    assert [e.id for e in j.find("a", Filter(), 100)] == ids[:1:-1]
    assert j.kept("a") == 3
    assert j.kept("b") == 1
    assert j.get("a", ids[0]) is None  # pushed out
    assert j.get("a", other) is None  # another owner's
    assert j.get("b", other) is not None


def test_a_size_of_zero_keeps_nothing() -> None:
    j = journal(size=0)
    add(j)
    assert not j.enabled
    assert j.find("a", Filter(), 10) == []


def shown(j: Journal, data: bytes, size: int) -> dict[str, Any]:
    """How a request with this body is shown."""
    request: dict[str, Any] = j.detail(entry(j, add(j, request=([], data, size))))["request"]
    return request


def test_bodies_are_cut_at_the_limit_and_say_so() -> None:
    j = journal(body_bytes=10)
    cut = shown(j, b"x" * 50, 50)
    assert cut["body"] == "x" * 10
    assert cut["truncated"]
    assert cut["size"] == 50
    whole = shown(j, b"short", 5)
    assert whole["body"] == "short"
    assert not whole["truncated"]
    assert shown(j, b"", 0)["body"] is None
    # What is kept of a long body is its first bytes (and a margin to find a key in).
    long = entry(j, add(j, request=([], b"y" * 100_000, 100_000)))
    assert len(long.request.data) < 2_000


def test_no_key_survives_anywhere_even_across_the_cut() -> None:
    j = journal(body_bytes=20)
    # The key starts before the cut (byte 20) and ends after it.
    body = (b"a" * 15 + KEY.encode() + b"z" * 10) * 3
    headers = [(b"Authorization", f"apiKey {KEY}".encode()), (b"X-Api-Key", OTHER.encode())]
    kept = entry(
        j,
        add(
            j,
            path=f"/v0.4/jobs/{KEY}",
            query=f"token={OTHER}".encode(),
            operation=None,
            status=404,
            request=(headers, body, len(body)),
            response=([], KEY.encode(), len(KEY)),
        ),
    )
    text = repr(j.detail(kept))
    assert KEY not in text
    assert OTHER not in text
    # Nor any long piece of them (a key cut in two at the limit).
    assert KEY[:12] not in text
    assert "[redacted]" in text
    assert dict(j.detail(kept)["request"]["headers"])["authorization"] == "apiKey [redacted]"


def test_deviations_are_the_rules_strict_mode_rejects() -> None:
    j = journal()
    applied = [
        Applied("numeric-string", "shots", '"shots": "100" is a string', "#/x/type: ..."),
        Applied("unknown-field", "extra", '"extra" is not a field', "#/y"),
    ]
    kept = entry(j, add(j, method="POST", operation="createJob", status=201, applied=applied))
    summary = j.summary(kept)
    assert [r["rule"] for r in summary["leniency"]] == ["numeric-string", "unknown-field"]
    (deviation,) = summary["deviations"]
    assert deviation["key"] == "shots"
    assert deviation["spec"] == "#/x/type: ..."
    assert "--strict does not" in deviation["message"]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (Filter(method="POST"), ["bad", "post"]),
        (Filter(path="/sessions"), ["session"]),
        (Filter(status=(400, 500)), ["bad", "missing"]),
        (Filter(status=(404, 405)), ["missing"]),
        (Filter(deviation=True), ["bad"]),
        (Filter(deviation=False), ["missing", "session", "post"]),
        (Filter(deviation="numeric-string"), ["bad"]),
        (Filter(deviation="null-optional"), []),
    ],
)
def test_filters(where: Filter, expected: list[str]) -> None:
    j = journal(size=10)
    shots = [Applied("numeric-string", "shots", "d", "s")]
    named = {
        add(j, method="POST", path="/v0.4/jobs", status=201): "post",
        add(j, path="/v0.4/sessions", status=200): "session",
        add(j, path="/v0.4/nope", status=404): "missing",
        add(j, method="POST", status=400, applied=shots): "bad",
    }
    assert [named[e.id] for e in j.find("a", where, 10)] == expected


def test_before_and_limit_page_through_older_entries() -> None:
    j = journal(size=10)
    ids = [add(j) for _ in range(6)]
    first = j.find("a", Filter(), 2)
    assert [e.id for e in first] == [ids[5], ids[4]]
    older = j.find("a", Filter(before=first[-1].id), 2)
    assert [e.id for e in older] == [ids[3], ids[2]]


def test_the_summary_has_a_utc_time_and_no_bodies() -> None:
    j = journal()
    add(j)
    summary = j.summary(j.find("a", Filter(), 1)[0])
    assert summary["time"] == "2025-12-01T11:53:20.250Z"
    assert "request" not in summary
    assert "response" not in summary


def test_entries_added_soon_are_kept_by_the_end_of_the_turn_or_the_next_read() -> None:
    """`add_soon` (the app's way, on the event loop) keeps an entry when the loop's turn
    ends; a read before that sees it already, in order."""
    j = journal()

    async def scenario() -> None:
        def soon(path: str) -> None:
            j.add_soon(
                "o", 1.0, "GET", path, b"", "getJob", 200, 1.0, (), ([], b"", 0), ([], b"", 0)
            )

        soon("/a")
        soon("/b")
        assert [e.path for e in j.find("o", Filter(), 10)] == ["/b", "/a"]
        soon("/c")
        assert j._pending  # not kept yet
        await asyncio.sleep(0)  # the turn ends
        assert not j._pending
        assert j.kept("o") == 3
        soon("/d")
        newest = j.find("o", Filter(), 1)[0]
        assert newest.path == "/d"
        assert j.get("o", newest.id) is not None
        soon("/e")
        assert j.kept("o") == 3  # the journal's size: the oldest went
        assert not j._pending  # kept() added it first

    asyncio.run(scenario())

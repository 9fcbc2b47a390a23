"""The request journal: each key's last requests, as ionq-mock received and answered them.

When a client fails against the mock, the question is what it sent, what came back and
which rule decided it. The journal keeps, for each key the mock accepts, its last `size`
requests: method, path, query, headers, body, the answer's status, headers and body, the
time taken, the leniency rules applied (ionq_mock/leniency.py) and, among them, the
deviations from openapi.yaml that `--strict` would have rejected, each with its key and
the rule of the spec as a JSON pointer.

Bounded: `size` entries per key (the keys are the server's own list), each body cut at
`body_bytes`; headers are bounded by the server's header limit (ionq_mock/serving.py).
Nothing shown shows a key: the app's `redact` (every accepted key's text replaced) runs
over every header, the path, the query and both bodies whenever an entry is shown (the
bytes are kept as they came, so that recording one costs a few microseconds).

No HTTP here, and no clock of its own: the app hands in what it saw (ionq_mock/console.py
serves the journal as JSON).
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from .end_of_turn import EndOfTurn
from .leniency import Applied

DEFAULT_SIZE: Final = 200
DEFAULT_BODY_BYTES: Final = 16 * 1024
# Bytes read past the cut before redacting, so that a key across the cut is still found
# (keys are short; the server's header limit bounds them well below this).
_KEY_MARGIN: Final = 1024
REDACTED_AUTHORIZATION: Final = "apiKey [redacted]"

Redact = Callable[[bytes], bytes]
# A request or an answer as `Journal.add` takes it: headers, body (or its first bytes), size.
Sent = tuple[Sequence[tuple[bytes, bytes]], bytes, int]
# An entry as kept (see `Journal.add`): Entry's fields, then each message's, flat.
_Kept = tuple[Any, ...]
# Headers kept as one text, `name: value` lines joined by CRLF (two C joins: ~0.4 us for a
# request's headers, against ~0.6 us formatting each line).
_PAIR: Final = b": ".join


# Entries and messages are not frozen dataclasses: a frozen one's __init__ sets each field
# through object.__setattr__, 3.2 us for an entry against 0.9 us, on every request. Nothing
# changes them once made.
@dataclass(slots=True)
class Message:
    """A request's or an answer's headers and first body bytes, as they came (a key in
    them is redacted when the entry is shown, not before: recording stays cheap).

    The headers are kept as one text, `name: value` lines joined by CRLF, not a list of
    pairs: an entry holds a handful of objects, not dozens. (Small objects kept from a
    busy moment pin the allocator's pools: with 200 entries of header pairs each, a
    server that had held 1,000 abusive connections kept 20 MB more after they closed.)
    """

    headers: bytes
    data: bytes
    size: int
    streamed: bool = False

    def header_pairs(self) -> list[tuple[bytes, bytes]]:
        if not self.headers:
            return []
        pairs = []
        for line in self.headers.split(b"\r\n"):
            name, _, value = line.partition(b": ")
            pairs.append((name, value))
        return pairs


@dataclass(slots=True)
class Entry:
    """One request and its answer."""

    id: int
    time: float
    method: str
    path: str
    query: bytes
    operation: str | None
    status: int | None
    duration_ms: float
    applied: tuple[Applied, ...]
    request: Message
    response: Message

    @property
    def deviations(self) -> list[Applied]:
        """The rules applied that `--strict` would have answered with a 400."""
        return [a for a in self.applied if a.deviation]


@dataclass(frozen=True)
class Filter:
    """Which entries a listing shows; None matches all."""

    method: str | None = None
    path: str | None = None
    # An exact status, or a class: (400, 500) for "4xx".
    status: tuple[int, int] | None = None
    # True: some deviation; False: none; a rule id: a deviation by that rule.
    deviation: bool | str | None = None
    before: int | None = None

    def matches(self, entry: Entry) -> bool:
        if self.before is not None and entry.id >= self.before:
            return False
        if self.method is not None and entry.method != self.method:
            return False
        if self.path is not None and self.path not in entry.path:
            return False
        if self.status is not None:
            low, high = self.status
            if entry.status is None or not low <= entry.status < high:
                return False
        if self.deviation is not None:
            rules = {a.rule for a in entry.deviations}
            if isinstance(self.deviation, str):
                return self.deviation in rules
            return bool(rules) == self.deviation
        return True


class Journal:
    """The last `size` requests of each key (`size` 0: none are kept)."""

    def __init__(
        self,
        redact: Redact,
        size: int = DEFAULT_SIZE,
        body_bytes: int = DEFAULT_BODY_BYTES,
    ) -> None:
        if size < 0 or body_bytes < 0:
            raise ValueError("the journal's size and body limit must be >= 0")
        self.size = size
        self.body_bytes = body_bytes
        self._redact = redact
        self._ids = itertools.count(1)
        self._by_owner: dict[str, deque[_Kept]] = {}
        # Entries `add_soon` was given, not added yet.
        self._pending: list[tuple[Any, ...]] = []
        self._end_of_turn = EndOfTurn(self._add_pending)

    @property
    def enabled(self) -> bool:
        return self.size > 0

    def add(
        self,
        owner: str,
        time: float,
        method: str,
        path: str,
        query: bytes,
        operation: str | None,
        status: int | None,
        duration_ms: float,
        applied: Sequence[Applied],
        request: Sent,
        response: Sent,
        streamed: bool = False,
    ) -> int:
        """Keep one request of `owner`'s (the oldest of theirs goes past `size`); its id.

        `request` and `response` are each `(headers, body, size)` as they came: only the
        body's first bytes are kept, and the headers as one text. What is kept is a tuple
        (`_Kept`), made an `Entry` only when shown: on every request, building an entry
        and its two messages cost ~3 us of a ~12 us GET."""
        entry_id = next(self._ids)
        if self.size:
            held = self._by_owner.get(owner)
            if held is None:
                held = self._by_owner[owner] = deque(maxlen=self.size)
            keep = self.body_bytes + _KEY_MARGIN
            request_headers, request_data, request_size = request
            response_headers, response_data, response_size = response
            held.append(
                (
                    entry_id,
                    time,
                    method,
                    path,
                    query,
                    operation,
                    status,
                    duration_ms,
                    tuple(applied),
                    # Header values hold no CR or LF (the HTTP parser refuses them): the
                    # text splits back into its pairs.
                    b"\r\n".join(map(_PAIR, request_headers)),
                    # Sliced only when longer: a slice of a `bytes` subclass (a cached
                    # answer) copies.
                    request_data if len(request_data) <= keep else request_data[:keep],
                    request_size,
                    b"\r\n".join(map(_PAIR, response_headers)),
                    response_data if len(response_data) <= keep else response_data[:keep],
                    response_size,
                    streamed,
                )
            )
        return entry_id

    def add_soon(self, *entry: Any) -> None:
        """`add(*entry)`, for a caller on the event loop: done when the loop's turn ends,
        or when the journal is next read, whichever comes first. A busy turn answers
        several requests; keeping their entries together, one after another, costs less
        than keeping each between two requests (~5% more GETs a second, measured with
        scripts/bench_server_ab.py)."""
        pending = self._pending
        pending.append(entry)
        if len(pending) == 1:
            self._end_of_turn.schedule()

    def _catch_up(self) -> None:
        """Add what `add_soon` holds before a read."""
        if self._pending:
            self._end_of_turn.now()

    def _add_pending(self) -> None:
        """Add the entries `add_soon` holds, in order (on the event loop's thread:
        `EndOfTurn`)."""
        pending, self._pending = self._pending, []
        for entry in pending:
            self.add(*entry)

    @staticmethod
    def _entry(kept: _Kept) -> Entry:
        """A kept tuple as the `Entry` it stands for."""
        (entry_id, time, method, path, query, operation, status, duration_ms, applied) = kept[:9]
        request = Message(kept[9], kept[10], kept[11])
        response = Message(kept[12], kept[13], kept[14], kept[15])
        return Entry(
            entry_id,
            time,
            method,
            path,
            query,
            operation,
            status,
            duration_ms,
            applied,
            request,
            response,
        )

    def find(self, owner: str, where: Filter, limit: int) -> list[Entry]:
        """`owner`'s entries matching `where`, newest first, at most `limit`."""
        self._catch_up()
        held = reversed(self._by_owner.get(owner, ()))
        matching = (e for e in map(self._entry, held) if where.matches(e))
        return list(itertools.islice(matching, limit))

    def get(self, owner: str, entry_id: int) -> Entry | None:
        """`owner`'s entry `entry_id`, if it is still kept (another key's never is)."""
        self._catch_up()
        for kept in self._by_owner.get(owner, ()):
            if kept[0] == entry_id:
                return self._entry(kept)
        return None

    def kept(self, owner: str) -> int:
        """How many of `owner`'s entries are kept."""
        self._catch_up()
        return len(self._by_owner.get(owner, ()))

    def summary(self, entry: Entry) -> dict[str, Any]:
        """An entry without its headers and bodies (`Summary` in journal-openapi.yaml)."""
        moment = datetime.fromtimestamp(entry.time, UTC).isoformat(timespec="milliseconds")
        return {
            "id": entry.id,
            "time": moment.replace("+00:00", "Z"),
            "method": entry.method,
            "path": self._redact(entry.path.encode()).decode(),
            "query": self._redact(entry.query).decode("latin-1"),
            "operation": entry.operation,
            "status": entry.status,
            "duration_ms": round(entry.duration_ms, 3),
            # A rule's key and words quote what was sent, which may be a key.
            "leniency": [
                {"rule": a.rule, "key": self._text(a.key), "detail": self._text(a.detail)}
                for a in entry.applied
            ],
            "deviations": [
                {
                    "rule": a.rule,
                    "key": self._text(a.key),
                    "spec": self._text(a.spec),
                    "message": self._text(a.refusal()),
                }
                for a in entry.deviations
            ],
        }

    def detail(self, entry: Entry) -> dict[str, Any]:
        """A whole entry (`Entry` in journal-openapi.yaml)."""
        response = self._shown(entry.response)
        response["streamed"] = entry.response.streamed
        return {**self.summary(entry), "request": self._shown(entry.request), "response": response}

    def _text(self, text: str) -> str:
        return self._redact(text.encode()).decode()

    def _shown(self, message: Message) -> dict[str, Any]:
        """A message as shown: keys redacted, the body cut at the limit, as text."""
        headers = []
        for name, value in message.header_pairs():
            lowered = name.decode("latin-1").lower()
            if lowered == "authorization":
                headers.append([lowered, REDACTED_AUTHORIZATION])
            else:
                headers.append([lowered, self._redact(value).decode("latin-1")])
        body = None
        truncated = False
        if message.data:
            redacted = self._redact(message.data)
            body = redacted[: self.body_bytes].decode("utf-8", "replace")
            # Cut here, or before (only a body's first bytes are kept).
            truncated = len(redacted) > self.body_bytes or message.size > len(message.data)
        return {"headers": headers, "body": body, "size": message.size, "truncated": truncated}

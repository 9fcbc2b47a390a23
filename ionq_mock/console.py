"""ionq-mock's own paths, outside the IonQ API (which lives under /v0.4).

    GET /_mock/                the console: a web page of the journal and the key's jobs
                               (ionq_mock/web/: index.html, app.js, app.css; no key needed)
    GET /_mock/requests        the caller's journal entries, newest first, filtered
    GET /_mock/requests/{id}   one entry, whole
    GET /_mock/openapi.yaml    this API's own OpenAPI document (journal-openapi.yaml)
    GET /_mock/faults          the injected faults met so far (no key: tests count them)

The journal's answers need a key the mock accepts (`Authorization: apiKey <key>`), and
show only that key's own requests; errors have the API's error bodies. None of these
requests is journaled or faulted. The page is sent with a Content-Security-Policy that
allows nothing but its own origin: it loads nothing from outside and works offline.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Final
from urllib.parse import parse_qs

from .errors import ApiError, BadRequest
from .faults import MET_PATH
from .journal import Filter, Journal
from .leniency import DEVIATION_RULES
from .registry import encode
from .state import MockState

PREFIX: Final = "/_mock"
REQUESTS: Final = PREFIX + "/requests"
DEFAULT_LIMIT: Final = 100
MAX_LIMIT: Final = 1000
# Longest `path` filter read (a request path is bounded by the server's header limit).
MAX_PATH_FILTER: Final = 2048

JSON: Final = "application/json"
_POLICY: Final = (
    "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self';"
    " frame-ancestors 'none'"
)
# The files served as they are: name under ionq_mock/ -> (path, content type).
FILES: Final = {
    PREFIX + "/": ("web/index.html", "text/html; charset=utf-8"),
    PREFIX + "/app.js": ("web/app.js", "text/javascript; charset=utf-8"),
    PREFIX + "/app.css": ("web/app.css", "text/css; charset=utf-8"),
    PREFIX + "/openapi.yaml": ("journal-openapi.yaml", "application/yaml; charset=utf-8"),
}
_STATUS: Final = re.compile(r"[1-5](?:[0-9]{2}|xx)")
_METHOD: Final = re.compile(r"[A-Za-z]{1,16}")
_ENTRY: Final = re.compile(re.escape(REQUESTS) + r"/([0-9]{1,18})")

Headers = list[tuple[bytes, bytes]]
Answer = tuple[int, Headers, bytes]


@functools.cache
def _file(name: str) -> bytes | None:
    # Package data, fixed while the server runs: read once.
    try:
        return resources.files("ionq_mock").joinpath(name).read_bytes()
    except FileNotFoundError:
        return None


def _json(status: int, payload: object, extra: Headers | None = None) -> Answer:
    return status, [(b"content-type", JSON.encode()), *(extra or [])], encode(payload)


def _error(error: ApiError) -> Answer:
    extra = [(k.lower().encode(), v.encode()) for k, v in error.headers.items()]
    return _json(error.status, error.body(), extra)


def _one(query: Mapping[str, list[str]], name: str) -> str | None:
    values = query.get(name)
    if values is None:
        return None
    if len(values) > 1:
        raise BadRequest(f'"{name}" is given {len(values)} times; give it once', [name], "query")
    return values[0]


def _integer(query: Mapping[str, list[str]], name: str, low: int, high: int) -> int | None:
    text = _one(query, name)
    if text is None:
        return None
    if not text.isdigit() or not low <= int(text) <= high:
        raise BadRequest(
            f'"{name}" must be an integer from {low:,} to {high:,}, got "{text[:40]}"',
            [name],
            "query",
        )
    return int(text)


def parse_filter(query: Mapping[str, list[str]]) -> tuple[Filter, int]:
    """The listing's filter and limit from its query (a 400 naming a bad parameter)."""
    known = {"method", "path", "status", "deviation", "limit", "before"}
    unknown = [name for name in query if name not in known]
    if unknown:
        raise BadRequest(
            f'"{unknown[0][:80]}" is not a query parameter of GET {REQUESTS}; use one of'
            f" {', '.join(sorted(known))}",
            [u[:80] for u in unknown[:20]],
            "query",
        )
    method = _one(query, "method")
    if method is not None and not _METHOD.fullmatch(method):
        message = f'"method" must be an HTTP method, got "{method[:40]}"'
        raise BadRequest(message, ["method"], "query")
    path = _one(query, "path")
    if path is not None and len(path) > MAX_PATH_FILTER:
        raise BadRequest(
            f'"path" is {len(path):,} characters; at most {MAX_PATH_FILTER:,} are read',
            ["path"],
            "query",
        )
    status = None
    if (text := _one(query, "status")) is not None:
        if not _STATUS.fullmatch(text):
            raise BadRequest(
                f'"status" must be a status such as 201 or a class such as 4xx, got "{text[:40]}"',
                ["status"],
                "query",
            )
        if text.endswith("xx"):
            status = (int(text[0]) * 100, int(text[0]) * 100 + 100)
        else:
            status = (int(text), int(text) + 1)
    deviation: bool | str | None = None
    if (text := _one(query, "deviation")) is not None:
        if text in ("true", "false"):
            deviation = text == "true"
        elif text in DEVIATION_RULES:
            deviation = text
        else:
            raise BadRequest(
                f'"deviation" must be true, false or a rule id ({", ".join(DEVIATION_RULES)}),'
                f' got "{text[:40]}"',
                ["deviation"],
                "query",
            )
    before = _integer(query, "before", 1, 2**62)
    limit = _integer(query, "limit", 1, MAX_LIMIT) or DEFAULT_LIMIT
    where = Filter(
        method=method.upper() if method else None,
        path=path,
        status=status,
        deviation=deviation,
        before=before,
    )
    return where, limit


class Console:
    """Answers the requests under `PREFIX`."""

    def __init__(self, state: MockState, journal: Journal) -> None:
        # The state, not its parts: tests swap the app's faults while it runs.
        self.state = state
        self.journal = journal

    def answer(
        self, method: str, path: str, query: bytes, headers: Sequence[tuple[bytes, bytes]]
    ) -> Answer:
        """The status, headers and body for one request under `PREFIX`."""
        try:
            return self._answer(method, path, query, headers)
        except ApiError as error:
            return _error(error)

    def _answer(
        self, method: str, path: str, query: bytes, headers: Sequence[tuple[bytes, bytes]]
    ) -> Answer:
        known = path in FILES or path in (PREFIX, REQUESTS, MET_PATH)
        if not known and not _ENTRY.fullmatch(path):
            raise ApiError(404, f"No such path: {path[:200]}")
        if method != "GET":
            raise ApiError(405, f"{method[:16]} is not allowed on {path[:200]}", {"Allow": "GET"})
        if path == PREFIX:
            return 308, [(b"location", (PREFIX + "/").encode())], b""
        if path == MET_PATH:
            return _json(200, {"met": self.state.faults.met_now()})
        if path in FILES:
            name, content_type = FILES[path]
            data = _file(name)
            if data is None:
                raise ApiError(404, f"No such path: {path}")
            sent = [(b"content-type", content_type.encode()), (b"cache-control", b"no-store")]
            if content_type.startswith("text/html"):
                sent.append((b"content-security-policy", _POLICY.encode()))
            return 200, [*sent, (b"x-content-type-options", b"nosniff")], data
        identity = self.state.keys.check(dict(headers).get(b"authorization"))
        if identity is None:
            raise ApiError(401)
        owner = identity.submitter_id
        if path == REQUESTS:
            where, limit = parse_filter(parse_qs(query.decode("latin-1"), keep_blank_values=True))
            found = self.journal.find(owner, where, limit)
            return _json(
                200,
                {
                    "requests": [self.journal.summary(entry) for entry in found],
                    "kept": self.journal.kept(owner),
                    "capacity": self.journal.size,
                },
            )
        matched = _ENTRY.fullmatch(path)
        assert matched is not None, "only an entry's path is left"
        entry = self.journal.get(owner, int(matched.group(1)))
        if entry is None:
            raise ApiError(404, f"no journal entry {matched.group(1)} for this key")
        return _json(200, self.journal.detail(entry))

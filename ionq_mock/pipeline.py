"""The request pipeline: what every request passes before its handler runs.

route (404, 405 with `Allow`; ionq_mock/router.py) -> injected fault (ionq_mock/faults.py)
-> API key (401; ionq_mock/auth.py) -> path parameters (a malformed id is a 404, as for
an unknown one) -> query parameters (400) -> content type, size (413) and JSON body (400)
-> the handler, with the validated `Request`.

Query and body are validated against openapi.yaml under the leniency rules
(ionq_mock/leniency.py, none in strict mode); each rule applied is logged at debug level.
A body nested deeper than ionq_mock/bounds.py allows, or with a number too large for a
double, is a 400 before the validator sees it. A body over `INLINE_BODY` bytes is parsed
and validated on a worker thread (`state.executor`): the loop keeps answering other
requests meanwhile, waiting at most for the single longest C call (parsing 6 MB of JSON,
~0.1 s, holds the GIL).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, Final, TypeVar
from urllib.parse import parse_qs

from .bounds import check_depth, parse_json, too_deep_to_parse
from .errors import ApiError, BadRequest
from .leniency import Applied, Leniency
from .registry import Request, Response
from .router import Route, Router
from .schema_errors import shorten
from .state import MockState
from .validation import Operation, check, path_params

logger = logging.getLogger("ionq_mock")

MAX_BODY: Final = 10 * 1024 * 1024
# Bodies longer than this are parsed and validated on a worker thread (a 64 KiB body
# costs the loop under 2 ms inline; thread hand-off costs ~0.1 ms).
INLINE_BODY: Final = 64 * 1024
# The paths whose route and parameters the pipeline keeps (`Pipeline._known`): a job's
# path is 45 characters; the longest path the API has with ids in it, under 120.
MEMO_PATHS: Final = 4096
MEMO_PATH_CHARS: Final = 200

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
_T = TypeVar("_T")


def _has_body(headers: dict[bytes, bytes]) -> bool:
    length = headers.get(b"content-length", b"0").strip()
    return length not in (b"", b"0") or b"transfer-encoding" in headers


async def _read(headers: dict[bytes, bytes], receive: Receive, seen: Seen) -> bytes:
    """The request body's bytes, at most MAX_BODY (413 beyond); what was read of it is
    noted in `seen`, for the journal, also when the read fails."""
    length = headers.get(b"content-length")
    if length is not None and length.isdigit() and int(length) > MAX_BODY:
        raise ApiError(413)
    chunks: list[bytes] = []
    size = 0
    more = True
    try:
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise ApiError(400, "the client went away")
            chunk = message.get("body", b"")
            size += len(chunk)
            chunks.append(chunk)
            if size > MAX_BODY:
                raise ApiError(413)
            more = message.get("more_body", False)
    except BaseException:
        seen.body, seen.body_size = b"".join(chunks), size
        raise
    raw = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    seen.body, seen.body_size = raw, size
    return raw


def _path_values(operation: Operation, raw: dict[str, str]) -> Mapping[str, Any]:
    """The path parameters' values, validated: a malformed one is a 404, as an unknown
    resource is (links inferred by clients can carry e.g. a null id into a path); an
    operation that documents no 404 (a path naming a format, not a resource) answers
    the 400."""
    if not raw:
        return {}
    values = path_params(operation.path_params, raw)
    try:
        check(operation.path_validator, values, "params")
    except BadRequest as error:
        if 404 not in operation.statuses:
            raise
        raise ApiError(404, f"not found: {error.message}") from None
    return values


class Seen:
    """What the pipeline learned of a request on its way, for the request journal: the
    operation, the key's owner (once the key is checked), the body (once read: none for
    a request whose body is never read, most GETs) and the leniency rules applied (once
    the query and body are read). Filled as far as the request got."""

    # A plain class with slots: made on every request (a dataclass with a default factory
    # costs twice as much).
    __slots__ = ("applied", "body", "body_size", "operation", "owner")

    def __init__(self) -> None:
        self.operation: str | None = None
        self.owner: str | None = None
        self.applied: Sequence[Applied] = ()
        self.body = b""
        self.body_size = 0


class Pipeline:
    """One app's pipeline: its routes, its state and its leniency rules."""

    def __init__(self, router: Router, state: MockState, leniency: Leniency) -> None:
        self.router = router
        self.state = state
        self.leniency = leniency
        # Each (method, path) answered before, with its route and validated path values:
        # a client polling a job asks for the same path again and again, and neither the
        # routes nor a path's validity change. Shared, never changed (handlers read
        # `Request.path`); short paths only, at most `MEMO_PATHS` of them.
        self._known: dict[tuple[str, str], tuple[Route, Mapping[str, Any]]] = {}

    async def __call__(self, scope: Scope, receive: Receive, seen: Seen) -> Response:
        """Answer one HTTP request: its handler's `(status, payload)`; an error on the
        way is raised as the `ApiError` to answer. `seen` is filled on the way."""
        path: str = scope["path"]
        key = (scope["method"], path)
        known = self._known.get(key)
        if known is None:
            route, raw_path = self.router.resolve(key[0], path)
            path_values = None
        else:
            (route, path_values), raw_path = known, {}
        operation = route.operation
        seen.operation = operation.operation_id
        state = self.state
        fault = state.faults.before()
        if fault is not None:
            extra = {"Retry-After": str(state.faults.retry_after)} if fault == 429 else {}
            raise ApiError(fault, None, extra)
        request_headers = dict(scope["headers"])
        identity = None
        if operation.needs_auth:
            identity = state.keys.check(request_headers.get(b"authorization"))
            if identity is None:
                raise ApiError(401)
            seen.owner = identity.submitter_id
        if path_values is None:
            path_values = _path_values(operation, raw_path)
            if len(path) <= MEMO_PATH_CHARS:
                if len(self._known) >= MEMO_PATHS:
                    self._known.clear()
                self._known[key] = (route, path_values)
        query_text = scope.get("query_string", b"").decode("latin-1")
        raw_query = parse_qs(query_text, keep_blank_values=True) if query_text else {}
        query_values, applied = self.leniency.query(operation, raw_query)
        body = None
        if operation.body_validator is not None:
            body, read = await self._body(operation, request_headers, receive, seen)
            applied += read
        elif _has_body(request_headers):
            # Read only when it matters: strict mode names the body's members in its 400.
            raw = await _read(request_headers, receive, seen) if state.strict else b""
            applied += await self._off_loop(raw, self.leniency.unexpected_body, operation, raw)
        seen.applied = applied
        if applied and logger.isEnabledFor(logging.DEBUG):
            # Each rule applied, for the record (a request journal can show these).
            logger.debug(
                "leniency on %s %s: %s",
                operation.method,
                path,
                ", ".join(f"{a.rule} {a.key}".rstrip() for a in applied),
            )
        return await route.handler(state, Request(identity, path_values, query_values, body))

    async def _body(
        self, operation: Operation, headers: dict[bytes, bytes], receive: Receive, seen: Seen
    ) -> tuple[Any, list[Applied]]:
        """The validated JSON body (None when absent and optional), and the rules applied."""
        raw = await _read(headers, receive, seen)
        if not raw:
            if operation.body_required:
                raise BadRequest("a JSON request body is required", [], "body")
            return None, []
        content_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        applied = self.leniency.content_type(operation, content_type)
        value, read = await self._off_loop(raw, self._decode, operation, raw)
        return value, applied + read

    def _decode(self, operation: Operation, raw: bytes) -> tuple[Any, list[Applied]]:
        """Parse and validate a JSON body (on any thread: it touches no shared state)."""
        try:
            value = parse_json(raw)
        except RecursionError:
            raise too_deep_to_parse() from None
        except ValueError as exc:
            message = f"the request body is not valid JSON: {exc}"
            raise BadRequest(shorten(message), [], "body") from None
        check_depth(value, raw)
        return value, self.leniency.body(operation, value)

    async def _off_loop(self, raw: bytes, work: Callable[..., _T], *args: Any) -> _T:
        """`work(*args)`, on a worker thread when `raw` is long enough to be costly."""
        if len(raw) <= INLINE_BODY:
            return work(*args)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.state.executor, work, *args)

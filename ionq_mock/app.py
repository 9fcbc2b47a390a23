"""The ASGI application: `create_app(api_keys=[...])` serves the whole v0.4 API under /v0.4.

The app is an ASGI shell around three parts read from `openapi.yaml` when it starts:

    router.py     method and path -> the operation and its handler (404, 405)
    pipeline.py   fault -> API key (401) -> parameters -> body (400, 413), leniency rules
    handlers/     one module per resource, each handler registered by operationId

and one `MockState` (state.py) the handlers share. A small raw-ASGI router (measured
faster than Starlette's for this workload) resolves each operation's handler once, at
start. Every answer, error or not, is JSON in the shapes the spec documents; an
unexpected exception is a 500 with the documented body, never a text page. Each answered
request is kept in the request journal (ionq_mock/journal.py) under its key. Outside
/v0.4, /_mock/ (ionq_mock/console.py) serves the journal as JSON, its web page, and
`GET /_mock/faults`, the injected faults applied so far; never faulted or journaled.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import math
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Final

from ionq_spec import load_spec

from .auth import Keys
from .console import PREFIX as CONSOLE
from .console import Console
from .errors import ApiError
from .faults import DropConnection, Exchange, Faults
from .handlers import HANDLERS
from .journal import DEFAULT_BODY_BYTES, DEFAULT_SIZE, Journal
from .leniency import Leniency
from .pipeline import Pipeline, Receive, Scope, Seen
from .registry import Handler, Stream, encode
from .router import Router
from .state import DEFAULT_JOB_DURATION, DEFAULT_MAX_QUBITS, MockState
from .store import Store
from .validation import Spec

__all__ = ["DEFAULT_JOB_DURATION", "DEFAULT_MAX_QUBITS", "MockApp", "create_app"]

logger = logging.getLogger("ionq_mock")

Send = Callable[[dict[str, Any]], Awaitable[None]]
JSON_HEADERS: Final = [(b"content-type", b"application/json")]
_CONSOLE_PAGES: Final = CONSOLE + "/"


def _headers(error: ApiError) -> list[tuple[bytes, bytes]]:
    return [(k.lower().encode(), v.encode()) for k, v in error.headers.items()]


@functools.cache
def _packaged_spec() -> Spec:
    """openapi.yaml's operations, compiled once per process: every app serving the packaged
    spec shares them (its validators cost ~35 ms to compile; a test suite makes hundreds
    of apps). Nothing changes a `Spec` once made."""
    return Spec(load_spec())


class MockApp:
    """The stateful IonQ v0.4 mock server as an ASGI application."""

    def __init__(
        self,
        api_keys: Sequence[str],
        *,
        db_path: str | None = None,
        job_duration: float = DEFAULT_JOB_DURATION,
        faults: Faults | None = None,
        max_qubits: int = DEFAULT_MAX_QUBITS,
        spec: Mapping[str, Any] | None = None,
        workers: int = 2,
        strict: bool = False,
        journal_size: int = DEFAULT_SIZE,
        journal_body_bytes: int = DEFAULT_BODY_BYTES,
    ) -> None:
        if job_duration < 0 or not math.isfinite(job_duration):
            raise ValueError("job_duration must be a finite number of seconds >= 0")
        keys = Keys(api_keys)
        self.spec = Spec(spec) if spec is not None else _packaged_spec()
        self.handlers: Mapping[str, Handler] = HANDLERS
        # Fails when openapi.yaml has an operation no handler serves.
        router = Router(self.spec, self.handlers)
        self.leniency = Leniency(self.spec, strict)
        self.state = MockState(
            keys=keys,
            store=Store(db_path),
            faults=faults or Faults(),
            strict=strict,
            job_duration=job_duration,
            max_qubits=max_qubits,
            workers=workers,
        )
        self._pipeline = Pipeline(router, self.state, self.leniency)
        self.journal = Journal(keys.redact, journal_size, journal_body_bytes)
        self.console = Console(self.state, self.journal)

    # The state, as attributes of the app (tests swap `faults` while it runs).
    @property
    def keys(self) -> Keys:
        """The API keys the app accepts."""
        return self.state.keys

    @property
    def store(self) -> Store:
        """The jobs and sessions."""
        return self.state.store

    @property
    def faults(self) -> Faults:
        """The injected faults; assign to change them while the app runs."""
        return self.state.faults

    @faults.setter
    def faults(self, faults: Faults) -> None:
        self.state.faults = faults

    @property
    def strict(self) -> bool:
        """Whether the leniency rules are off."""
        return self.state.strict

    @property
    def job_duration(self) -> float:
        """Seconds from submission to completion."""
        return self.state.job_duration

    @property
    def max_qubits(self) -> int:
        """The most qubits the mock simulates."""
        return self.state.max_qubits

    @property
    def started(self) -> float:
        """When the app was made (a Unix time)."""
        return self.state.started

    @property
    def executor(self) -> ThreadPoolExecutor:
        """The bounded pool simulations and large validations run in."""
        return self.state.executor

    def close(self) -> None:
        """Stop the worker threads and close the database."""
        self.state.close()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        path: str = scope["path"]
        if path.startswith(CONSOLE) and (path == CONSOLE or path.startswith(_CONSOLE_PAGES)):
            # Outside the API: never faulted, never journaled.
            await self._send_console(scope, send)
            return
        # When it came, for the journal (None: not kept); its body is what `seen` notes.
        arrived = time.time() if self.journal.enabled else None
        started = time.perf_counter() if arrived is not None else 0.0
        # Applies connection-level faults: a drop here, a stall or cut to the answer sent.
        # Without any configured, a request needs none (one object less per request).
        exchange = None
        if self.state.faults.on_connection:
            exchange = Exchange(scope, receive, send)
            send = exchange.send
        seen = Seen()
        headers: list[tuple[bytes, bytes]] = []
        try:
            if exchange is None:
                status, payload = await self._pipeline(scope, receive, seen)
            else:
                with exchange.current():
                    status, payload = await self._pipeline(scope, receive, seen)
        except DropConnection:
            if exchange is not None:
                exchange.drop()
            if arrived is not None:
                self._journal(scope, seen, arrived, started, None, [], b"")
            return
        except ApiError as error:
            status, payload, headers = error.status, error.body(), _headers(error)
        except Exception:
            logger.exception("unexpected error in %s %s", scope["method"], scope["path"])
            status, payload = 500, ApiError(500).body()
        latency = self.state.faults.latency
        if latency:
            await asyncio.sleep(latency)
        if isinstance(payload, Stream):
            start = [*JSON_HEADERS, (b"content-length", str(payload.length).encode())]
            length = payload.length
            await self._send_stream(status, start, payload, send)
            if arrived is not None:
                self._journal(scope, seen, arrived, started, status, start, b"", length)
            return
        body = encode(payload)
        sent = [*JSON_HEADERS, (b"content-length", str(len(body)).encode()), *headers]
        await send({"type": "http.response.start", "status": status, "headers": sent})
        await send({"type": "http.response.body", "body": body})
        if arrived is not None:
            self._journal(scope, seen, arrived, started, status, sent, body)

    def _journal(
        self,
        scope: Scope,
        seen: Seen,
        arrived: float,
        started: float,
        status: int | None,
        sent: Sequence[tuple[bytes, bytes]],
        body: bytes,
        streamed: int | None = None,
    ) -> None:
        """Keep one answered request in the journal, under its key (none: not kept)."""
        owner = seen.owner
        if owner is None:
            # Refused before its key was read (an unknown path): still the key's request.
            identity = self.state.keys.check(dict(scope["headers"]).get(b"authorization"))
            if identity is None:
                return
            owner = identity.submitter_id
        size = len(body) if streamed is None else streamed
        self.journal.add_soon(
            owner,
            arrived,
            scope["method"],
            scope["path"],
            scope.get("query_string", b""),
            seen.operation,
            status,
            (time.perf_counter() - started) * 1000,
            seen.applied,
            (scope["headers"], seen.body, seen.body_size),
            (sent, body, size),
            streamed is not None,
        )

    @staticmethod
    async def _send_stream(
        status: int, start: list[tuple[bytes, bytes]], stream: Stream, send: Send
    ) -> None:
        """A large answer (a result's JSON text) part by part, as its parts come: other
        requests run between them, and the text is never held whole."""
        try:
            await send({"type": "http.response.start", "status": status, "headers": start})
            async for part in stream.parts:
                await send({"type": "http.response.body", "body": part, "more_body": True})
            await send({"type": "http.response.body", "body": b""})
        finally:
            await stream.close()

    async def _send_console(self, scope: Scope, send: Send) -> None:
        query = scope.get("query_string", b"")
        status, headers, body = self.console.answer(
            scope["method"], scope["path"], query, scope["headers"]
        )
        headers = [*headers, (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    async def _lifespan(receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return


def create_app(
    api_keys: Sequence[str],
    *,
    db_path: str | None = None,
    job_duration: float = DEFAULT_JOB_DURATION,
    faults: Faults | None = None,
    max_qubits: int = DEFAULT_MAX_QUBITS,
    spec: Mapping[str, Any] | None = None,
    strict: bool = False,
    journal_size: int = DEFAULT_SIZE,
    journal_body_bytes: int = DEFAULT_BODY_BYTES,
) -> MockApp:
    """Build the mock server's ASGI app.

    >>> app = create_app(["my-key"], job_duration=0.1)
    >>> sorted(app.handlers)[:3]
    ['cancelJob', 'cancelJobs', 'cloneJob']

    `db_path` None keeps everything in memory; a path stores it in SQLite (WAL). Jobs pass
    `submitted -> ready -> started -> completed` in `job_duration` seconds. `max_qubits`
    caps what the mock simulates (wider circuits fail with NotEnoughQubits). `spec` is the
    OpenAPI document to serve (default: the packaged openapi.yaml). `strict` turns off the
    leniency rules (ionq_mock/leniency.py): every request IonQ's service would accept only
    by a rule, e.g. `"shots": "1000"`, is a 400 naming the key and the rule. `faults`
    (ionq_mock/faults.py, default none) injects HTTP errors and, when the app is served on
    a real socket by `MockServer` or `ionq-mock serve`, connection-level faults: drops,
    stalls and answers cut halfway. The request journal (ionq_mock/journal.py, served
    under /_mock/ by ionq_mock/console.py) keeps each key's last `journal_size` requests,
    bodies cut at `journal_body_bytes`; `journal_size=0` keeps none.
    """
    return MockApp(
        api_keys,
        db_path=db_path,
        job_duration=job_duration,
        faults=faults,
        max_qubits=max_qubits,
        spec=spec,
        strict=strict,
        journal_size=journal_size,
        journal_body_bytes=journal_body_bytes,
    )

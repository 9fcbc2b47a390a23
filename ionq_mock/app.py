"""The ASGI application: `create_app(api_keys=[...])` serves the whole v0.4 API under /v0.4.

A small raw-ASGI router (measured faster than Starlette's for this workload) reads its
routes, methods and validators from `openapi.yaml`. Each request goes:
route (404 / 405 with `Allow`) -> injected fault -> API key (401) -> path and query
parameters (400) -> content type, size (413) and JSON body (400) -> handler. Every answer,
error or not, is JSON in the shapes the spec documents; an unexpected exception is a 500
with the documented body, never a text page.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import json
import logging
import math
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import parse_qs

from ionq_spec import load_spec

from . import artifacts, catalog, clone, estimate, filters, formats, lifecycle, sessions, usage
from .auth import Keys, organization_id
from .errors import ApiError, BadRequest
from .faults import Faults
from .leniency import Applied, Leniency
from .lifecycle import Identity
from .simulator import SimulationFailure, run_job
from .simulator.jobs import run_qasm3
from .store import Store, dumps, loads
from .validation import BASE_PATH, Operation, Spec, check, parse_params

logger = logging.getLogger("ionq_mock")

MAX_BODY: Final = 10 * 1024 * 1024
DEFAULT_JOB_DURATION: Final = 1.0
DEFAULT_MAX_QUBITS: Final = 20
DEFAULT_LIMIT: Final = 25
# Programs with more gates than this are checked in a worker thread, not on the loop.
INLINE_GATES: Final = 2_000
# Artifacts with more shots than this are built in a worker thread, not on the loop.
INLINE_SHOTS: Final = 10_000

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
JSON_HEADERS: Final = [(b"content-type", b"application/json")]


@dataclass
class Request:
    """A validated request, as handlers see it."""

    identity: Identity | None
    path: dict[str, Any]
    query: dict[str, Any]
    body: Any

    @property
    def owner(self) -> str:
        """The submitter id of the key (handlers that need auth only)."""
        assert self.identity is not None
        return self.identity.submitter_id


Response = tuple[int, Any]


class Raw(bytes):
    """JSON text already encoded (cached job renderings), sent as is."""


# Rendered jobs, keyed by everything their JSON depends on; bounded, cleared when full.
RENDER_CACHE_SIZE: Final = 100_000


def _encode(payload: Any) -> bytes:
    if isinstance(payload, Raw):
        return bytes(payload)
    # ASCII output: a lone surrogate a client sent in a name must not break the answer.
    return json.dumps(payload, ensure_ascii=True, separators=(",", ":")).encode()


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
    ) -> None:
        if job_duration < 0 or not math.isfinite(job_duration):
            raise ValueError("job_duration must be a finite number of seconds >= 0")
        self.keys = Keys(api_keys)
        self.spec = Spec(spec if spec is not None else load_spec())
        # strict: no leniency rule applies; every deviation from openapi.yaml is a 400.
        self.strict = strict
        self.leniency = Leniency(self.spec, strict)
        self.store = Store(db_path)
        self.job_duration = job_duration
        self.faults = faults or Faults()
        self.max_qubits = max_qubits
        self.started = time.time()
        self._workers = workers
        self._executor: ThreadPoolExecutor | None = None
        self._running: dict[str, asyncio.Future[None]] = {}
        self._rendered: dict[tuple[Any, ...], bytes] = {}
        self.handlers: dict[str, Callable[[Request], Awaitable[Response]]] = {
            "createJob": self.create_job,
            "listJobs": self.list_jobs,
            "deleteJobs": self.delete_jobs,
            "estimateJobCost": self.estimate_job_cost,
            "cancelJobs": self.cancel_jobs,
            "getJob": self.get_job,
            "updateJob": self.update_job,
            "deleteJob": self.delete_job,
            "cancelJob": self.cancel_job,
            "getJobProbabilities": self.get_probabilities,
            "getJobProbabilitiesAggregated": self.get_aggregated,
            "getJobCost": self.get_job_cost,
            "cloneJob": self.clone_job,
            "moveJob": self.move_job,
            "getJobArtifact": self.get_job_artifact,
            "getFormatSchema": self.get_format_schema,
            "getOrganizationUsage": self.get_organization_usage,
            "listBackends": self.list_backends,
            "getBackend": self.get_backend,
            "listCharacterizations": self.list_characterizations,
            "getCharacterization": self.get_characterization,
            "createSession": self.create_session,
            "listSessions": self.list_sessions,
            "getSession": self.get_session,
            "endSession": self.end_session,
            "listSessionJobs": self.list_session_jobs,
            "whoami": self.whoami,
        }
        missing = set(self.spec.by_id) - set(self.handlers)
        if missing:
            raise RuntimeError(f"openapi.yaml has operations the mock lacks: {sorted(missing)}")

    def close(self) -> None:
        """Stop the worker threads and close the database."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
        self.store.close()

    @property
    def executor(self) -> ThreadPoolExecutor:
        """The bounded pool simulations and large validations run in."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(self._workers, thread_name_prefix="ionq-sim")
        return self._executor

    # ------------------------------------------------------------------ ASGI
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        headers: list[tuple[bytes, bytes]] = []
        try:
            status, payload, headers = await self._handle(scope, receive)
        except ApiError as error:
            status, payload, headers = error.status, error.body(), self._headers(error)
        except Exception:
            logger.exception("unexpected error in %s %s", scope["method"], scope["path"])
            status, payload = 500, ApiError(500).body()
        if self.faults.latency:
            await asyncio.sleep(self.faults.latency)
        body = _encode(payload)
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    *JSON_HEADERS,
                    (b"content-length", str(len(body)).encode()),
                    *headers,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    def _headers(error: ApiError) -> list[tuple[bytes, bytes]]:
        return [(k.lower().encode(), v.encode()) for k, v in error.headers.items()]

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _handle(
        self, scope: Scope, receive: Receive
    ) -> tuple[int, Any, list[tuple[bytes, bytes]]]:
        path: str = scope["path"]
        if not path.startswith(BASE_PATH + "/"):
            raise ApiError(404, f"No such path: {path[:200]}")
        found = self.spec.match(path[len(BASE_PATH) :])
        if found is None:
            raise ApiError(404, f"No such path: {path[:200]}")
        methods, raw_path = found
        operation = methods.get(scope["method"])
        if operation is None:
            allow = ", ".join(sorted(methods))
            raise ApiError(
                405, f"{scope['method'][:20]} is not allowed here; use {allow}", {"Allow": allow}
            )
        fault = self.faults.before()
        if fault is not None:
            extra = {"Retry-After": str(self.faults.retry_after)} if fault == 429 else {}
            raise ApiError(fault, None, extra)
        request_headers = dict(scope["headers"])
        identity = None
        if operation.needs_auth:
            identity = self.keys.check(request_headers.get(b"authorization"))
            if identity is None:
                raise ApiError(401)
        path_values = parse_params(operation.path_params, {k: [v] for k, v in raw_path.items()})
        try:
            check(operation.path_validator, path_values, "params")
        except BadRequest as error:
            # A malformed id names no resource: 404, as for a well-formed unknown one (links
            # inferred by clients can carry e.g. a null id into a path). An operation that
            # documents no 404 (a path naming a format, not a resource) answers the 400.
            if 404 not in operation.statuses:
                raise
            raise ApiError(404, f"not found: {error.message}") from None
        query_text = scope.get("query_string", b"").decode("latin-1")
        raw_query = parse_qs(query_text, keep_blank_values=True)
        query_values, applied = self.leniency.query(operation, raw_query)
        body = None
        if operation.body_validator is not None:
            body, read = await self._body(operation, request_headers, receive)
            applied += read
        elif self._has_body(request_headers):
            # Read only when it matters: strict mode names the body's members in its 400.
            raw = await self._read(request_headers, receive) if self.strict else b""
            applied += self.leniency.unexpected_body(operation, raw)
        if applied:
            # Each rule applied, for the record (a request journal can show these).
            logger.debug(
                "leniency on %s %s: %s",
                operation.method,
                path,
                ", ".join(f"{a.rule} {a.key}".rstrip() for a in applied),
            )
        request = Request(identity, path_values, query_values, body)
        status, payload = await self.handlers[operation.operation_id](request)
        return status, payload, []

    @staticmethod
    def _has_body(headers: dict[bytes, bytes]) -> bool:
        length = headers.get(b"content-length", b"0").strip()
        return length not in (b"", b"0") or b"transfer-encoding" in headers

    async def _body(
        self, operation: Operation, headers: dict[bytes, bytes], receive: Receive
    ) -> tuple[Any, list[Applied]]:
        """The validated JSON body (None when absent and optional), and the rules applied."""
        raw = await self._read(headers, receive)
        if not raw:
            if operation.body_required:
                raise BadRequest("a JSON request body is required", [], "body")
            return None, []
        content_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        applied = self.leniency.content_type(content_type)
        try:
            value = json.loads(raw, parse_constant=_reject_constant)
        except (ValueError, RecursionError) as exc:
            raise BadRequest(f"the request body is not valid JSON: {exc}", [], "body") from None
        applied += self.leniency.body(operation, value)
        return value, applied

    async def _read(self, headers: dict[bytes, bytes], receive: Receive) -> bytes:
        """The request body's bytes, at most MAX_BODY (413 beyond)."""
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > MAX_BODY:
            raise ApiError(413)
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise ApiError(400, "the client went away")
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > MAX_BODY:
                raise ApiError(413)
            chunks.append(chunk)
            more = message.get("more_body", False)
        return b"".join(chunks)

    # ------------------------------------------------------------------ jobs
    def _render(self, row: Any, now: float, listing: bool = False) -> dict[str, Any]:
        """The `Job` object (`listing`: the list item, IonQ's `BaseJob`, without
        `child_job_ids`)."""
        ident = self.keys.identities.get(row["owner"])
        project = ident.project_id if ident is not None else None
        job = lifecycle.render(row, now, BASE_PATH, project or "")
        if listing:
            del job["child_job_ids"]
        return job

    async def create_job(self, request: Request) -> Response:
        return await self._submit(request.owner, request.body)

    async def _submit(
        self, owner: str, body: Mapping[str, Any], copy: bool = False, cancel: str | None = None
    ) -> Response:
        """Create a job from a submission (a new one, or a `copy` of a stored one); `cancel`
        names a job to cancel in the same transaction (a move).

        An unknown session is 404 for a new job; a copy into one is created and fails
        instead (the job the request names exists; the 404 would say it does not).
        """
        now = time.time()
        session_failure = None
        counted = session_id = body.get("session_id")
        if session_id is not None:
            session = self.store.get_session(owner, str(session_id).lower())
            if session is None and not copy:
                raise ApiError(404, f"session {session_id} not found")
            if session is None:
                counted, session_failure = None, f"session {session_id} not found"
            else:
                counted = session_id = session["id"]
                body = {**body, "session_id": session_id}
                if sessions.state(session, now)[0] == "ended":
                    session_failure = f"session {session_id} has ended and takes no more jobs"
                elif session["backend"] != body["backend"]:
                    session_failure = (
                        f"session {session_id} runs on {session['backend']}, not {body['backend']}"
                    )
        if lifecycle.gate_count(body) > INLINE_GATES:
            loop = asyncio.get_running_loop()
            analysis = await loop.run_in_executor(
                self.executor, lifecycle.analyse, body, self.max_qubits
            )
        else:
            analysis = lifecycle.analyse(body, self.max_qubits)
        now = time.time()
        rows = lifecycle.job_rows(
            body, analysis, owner, now, self.job_duration, session_failure, self.store.new_id
        )
        self.store.insert_jobs(rows, counted, cancel)
        self._after_commit()
        return 201, {
            "id": rows[0]["id"],
            "status": lifecycle.status(rows[0], now),
            "session_id": session_id,
        }

    async def clone_job(self, request: Request) -> Response:
        row = self._job(request, full=True)
        body = clone.submission(row, request.body or {})
        return await self._submit(request.owner, body, copy=True)

    async def move_job(self, request: Request) -> Response:
        row = self._job(request, full=True)
        body = clone.submission(row, request.body or {})
        return await self._submit(request.owner, body, copy=True, cancel=row["id"])

    @staticmethod
    def _render_key(row: Any, now: float, listing: bool) -> tuple[str, str, int, bool]:
        """What a job's rendering depends on: its status now, every write to it (`version`
        counts them: name, metadata, failure, cancellation), and list item or not."""
        return row["id"], lifecycle.status(row, now), row["version"], listing

    def _render_raw(self, row: Any, now: float, listing: bool = False) -> bytes:
        """A job's JSON text (a full row), from the cache when nothing it depends on changed."""
        key = self._render_key(row, now, listing)
        text = self._rendered.get(key)
        if text is None:
            if len(self._rendered) >= RENDER_CACHE_SIZE:
                self._rendered.clear()
            text = self._rendered[key] = _encode(self._render(row, now, listing))
        return text

    def _page(self, owner: str, query: Mapping[str, Any], wanted: dict[str, Any] | None) -> Raw:
        """A page of list items; `wanted` (the filters) None matches nothing."""
        if wanted is None:
            return Raw(b'{"jobs":[],"next":null}')
        limit = query.get("limit", DEFAULT_LIMIT)
        after = query.get("next")
        now = time.time()
        rows = self.store.list_jobs(owner, limit, after.lower() if after else None, now, wanted)
        more = len(rows) > limit
        rows = rows[:limit]
        following = _encode(rows[-1]["id"] if more else None)
        # The listing reads narrow rows; only jobs not rendered yet are read in full.
        keys = [self._render_key(row, now, True) for row in rows]
        texts = [self._rendered.get(key) for key in keys]
        missing = [key[0] for key, text in zip(keys, texts, strict=True) if text is None]
        if missing:
            full = self.store.jobs_by_id(owner, missing)
            texts = [
                text if text is not None else self._render_raw(full[key[0]], now, True)
                for key, text in zip(keys, texts, strict=True)
            ]
        jobs = b",".join(text for text in texts if text is not None)
        return Raw(b'{"jobs":[' + jobs + b'],"next":' + following + b"}")

    async def list_jobs(self, request: Request) -> Response:
        return 200, self._page(
            request.owner, request.query, filters.job_filters(request.query, request.owner)
        )

    def _existing(self, owner: str, ids: Sequence[str]) -> list[str]:
        """The canonical ids of a bulk request, each once, in the request's order; 404 if
        any names no job of `owner` (bulk requests are all-or-nothing)."""
        wanted = list(dict.fromkeys(i.lower() for i in ids))
        found = self.store.owned_ids(owner, wanted)
        missing = [i for i in wanted if i not in found]
        if missing:
            raise ApiError(404, f"job {missing[0]} not found")
        return wanted

    async def delete_jobs(self, request: Request) -> Response:
        ids = self._existing(request.owner, request.body["ids"])
        self.store.cancel_jobs(request.owner, ids, time.time())
        self.store.delete_jobs(request.owner, ids)
        self._after_commit()
        return 200, {"ids": ids, "status": "deleted"}

    async def cancel_jobs(self, request: Request) -> Response:
        ids = self._existing(request.owner, request.body["ids"])
        cancelled = self.store.cancel_jobs(request.owner, ids, time.time())
        self._after_commit()
        return 200, {"ids": cancelled, "status": "canceled"}

    def _after_commit(self) -> None:
        if self.faults.fail_after_commit():
            raise ApiError(500)

    async def estimate_job_cost(self, request: Request) -> Response:
        name = request.query["backend"]
        info = catalog.BACKENDS.get(name)
        if info is None:
            raise ApiError(404, f"backend {name} not found")
        ident = request.identity
        assert ident is not None
        organization = organization_id(ident.submitter_id)
        answer = estimate.estimate(request.query, info, time.time(), organization, ident.project_id)
        return 200, answer

    def _job(self, request: Request, full: bool = False) -> Any:
        job_id = str(request.path["job_id"]).lower()
        row = self.store.get_job(request.owner, job_id, full)
        if row is None:
            raise ApiError(404, f"job {job_id} not found")
        return row

    async def get_job(self, request: Request) -> Response:
        return 200, Raw(self._render_raw(self._job(request), time.time()))

    async def update_job(self, request: Request) -> Response:
        row = self._job(request)
        changes: dict[str, Any] = {}
        body = request.body or {}
        if "name" in body:
            changes["name"] = body["name"]
        if "metadata" in body:
            merged = {**(loads(row["metadata"]) or {}), **body["metadata"]}
            if len(merged) > 10:
                raise ApiError(
                    409,
                    f"the job's metadata would have {len(merged)} keys; at most 10 are allowed",
                )
            changes["metadata"] = dumps(merged)
        if changes:
            self.store.update_job(request.owner, row["id"], changes)
            self._after_commit()
        return 200, self._render(self._job(request), time.time())

    async def delete_job(self, request: Request) -> Response:
        row = self._job(request)
        self.store.cancel_jobs(request.owner, [row["id"]], time.time())
        self.store.delete_jobs(request.owner, [row["id"]])
        self._after_commit()
        return 200, {"id": row["id"], "status": "deleted"}

    async def cancel_job(self, request: Request) -> Response:
        row = self._job(request)
        now = time.time()
        self.store.cancel_jobs(request.owner, [row["id"]], now)
        self._after_commit()
        # Always `canceled` (IonQ's only documented answer); a finished job keeps its status.
        return 200, {"id": row["id"], "status": "canceled"}

    def _completed(self, row: Any) -> bool:
        return bool(row["runs"]) and lifecycle.status(row, time.time()) == "completed"

    async def _results(self, owner: str, job_id: str) -> Any:
        """A completed job's stored results, simulating first if they are not stored yet."""
        row = self.store.get_job(owner, job_id, full=True)
        if row is None:
            raise ApiError(404, f"job {job_id} not found")
        if row["results"] is None:
            running = self._running.get(job_id)
            if running is None:
                running = asyncio.ensure_future(self._simulate(row))
                self._running[job_id] = running
                running.add_done_callback(lambda _: self._running.pop(job_id, None))
            await asyncio.shield(running)
            row = self.store.get_job(owner, job_id, full=True)
            if row is None or row["results"] is None:
                raise ApiError(404, f"job {job_id} has no results")
        return loads(row["results"])

    async def _simulate(self, row: Any) -> None:
        backend = catalog.BACKENDS.get(row["backend"])
        noise = loads(row["noise"]) or {}
        model = (
            noise.get("model", "ideal")
            if backend is None or backend.noise_model is None
            else (backend.noise_model)
        )
        seed = row["seed"] if row["seed"] is not None else uuid.UUID(row["id"]).int % 2**32
        loop = asyncio.get_running_loop()
        program, shots = loads(row["program"]), row["shots"]
        try:
            if row["type"] == lifecycle.QASM3:
                # An OpenQASM 3 job stores its outcomes with its registers' layout.
                result = await loop.run_in_executor(
                    self.executor, run_qasm3, program, shots, model, seed
                )
                stored: Any = result.stored()
            else:
                [stored] = await loop.run_in_executor(
                    self.executor, run_job, "ionq.circuit.v1", program, shots, model, seed
                )
        except SimulationFailure as failure:
            self.store.update_job(
                row["owner"],
                row["id"],
                {"failure": dumps(failure.as_failure()), "end_status": "failed"},
            )
            return
        self.store.save_results({row["id"]: stored})

    @staticmethod
    def _circuit_like(row: Any) -> bool:
        """Jobs with probabilities and artifacts: circuits and OpenQASM 3 programs (not
        quantum functions or QAOA jobs, whose results are in the job itself)."""
        return row["type"] in (*lifecycle.CIRCUIT_TYPES, lifecycle.QASM3)

    async def _probabilities(self, owner: str, row: Any) -> Any:
        """A single circuit's v1 probabilities (an OpenQASM 3 job's over its qubits)."""
        stored = await self._results(owner, row["id"])
        if row["type"] == lifecycle.QASM3:
            return artifacts.Qasm3Layout.from_stored(stored).qubit_probabilities()
        return stored

    async def get_probabilities(self, request: Request) -> Response:
        row = self._job(request)
        if (
            not self._completed(row)
            or row["child_job_ids"] is not None
            or not self._circuit_like(row)
        ):
            raise ApiError(404, f"job {row['id']} has no probabilities (not completed)")
        return 200, await self._probabilities(request.owner, row)

    async def get_aggregated(self, request: Request) -> Response:
        row = self._job(request)
        if not self._completed(row) or row["child_job_ids"] is None:
            raise ApiError(404, f"job {row['id']} is not a completed multi-circuit job")
        return 200, await self._aggregate(request.owner, row)

    async def _aggregate(self, owner: str, row: Any) -> dict[str, Any]:
        out = {}
        for child in loads(row["child_job_ids"]):
            out[child] = await self._results(owner, child)
        return out

    async def get_job_artifact(self, request: Request) -> Response:
        row = self._job(request, full=True)
        wanted = str(request.path["artifact_id"]).lower()
        multi, sampled = row["child_job_ids"] is not None, row["shots"] is not None
        format_id = artifacts.format_of(row["id"], wanted, multi, sampled, self._circuit_like(row))
        if format_id is None or not self._completed(row):
            raise ApiError(404, f"job {row['id']} has no artifact {wanted[:100]}")
        if format_id == artifacts.AGGREGATE_V1:
            return 200, await self._aggregate(request.owner, row)
        stored = await self._results(request.owner, row["id"])
        width: int | None = None
        if row["type"] == lifecycle.QASM3:
            layout = artifacts.Qasm3Layout.from_stored(stored)
            probabilities, regs, width = layout.probabilities, layout.registers, layout.qubits
        else:
            stats = loads(row["stats"]) or {}
            probabilities = stored
            regs = artifacts.registers(loads(row["program"]), int(stats.get("qubits") or 1))
        build = functools.partial(
            artifacts.content,
            format_id,
            probabilities,
            row["shots"],
            regs,
            uuid.UUID(row["id"]).int,
            width,
        )
        if (row["shots"] or 0) > INLINE_SHOTS:
            loop = asyncio.get_running_loop()
            text = await loop.run_in_executor(self.executor, lambda: _encode(build()))
            return 200, Raw(text)
        return 200, build()

    async def get_format_schema(self, request: Request) -> Response:
        name = str(request.path["format"])
        document = formats.SCHEMAS.get(name)
        if document is None:  # the spec's enum lets none through; the operation has no 404
            raise BadRequest(f"no format {name[:100]}", ["format"], "params")
        return 200, document

    async def get_job_cost(self, request: Request) -> Response:
        row = self._job(request)
        state = lifecycle.status(row, time.time())
        estimate = {"value": row["estimated_cost"], "unit": "usd"}
        body: dict[str, Any] = {"dry_run": bool(row["dry_run"]), "estimated_cost": estimate}
        if not row["dry_run"] and state in ("completed", "failed", "canceled"):
            charged = row["estimated_cost"] if state == "completed" else 0.0
            body["cost"] = {"value": charged, "unit": "usd"}
        return 200, body

    # ------------------------------------------------------------------ backends
    def _today(self) -> dt.date:
        return dt.datetime.fromtimestamp(self.started, dt.UTC).date()

    async def list_backends(self, request: Request) -> Response:
        return 200, [catalog.backend(n, self.started, self._today()) for n in catalog.BACKENDS]

    def _backend(self, request: Request) -> str:
        name = request.path["backend"]
        if name not in catalog.BACKENDS:
            raise ApiError(404, f"backend {name} not found")
        return str(name)

    async def get_backend(self, request: Request) -> Response:
        return 200, catalog.backend(self._backend(request), self.started, self._today())

    async def list_characterizations(self, request: Request) -> Response:
        name = self._backend(request)
        items = catalog.characterizations(name, self._today())
        start, end = request.query.get("start"), request.query.get("end")
        if start is not None:
            items = [c for c in items if c["date"][:10] >= start]
        if end is not None:
            items = [c for c in items if c["date"][:10] <= end]
        limit = request.query.get("limit", 10)
        page = request.query.get("page", 1)
        return 200, {
            "characterizations": items[(page - 1) * limit : page * limit],
            "pages": math.ceil(len(items) / limit),
        }

    async def get_characterization(self, request: Request) -> Response:
        name = self._backend(request)
        wanted = str(request.path["characterization_id"]).lower()
        for item in catalog.characterizations(name, self._today()):
            if item["id"] == wanted:
                return 200, item
        raise ApiError(404, f"characterization {wanted} not found")

    # ------------------------------------------------------------------ sessions
    def _render_session(self, row: Any, now: float) -> dict[str, Any]:
        ident = self.keys.identities.get(row["owner"])
        project = ident.project_id if ident is not None else None
        return sessions.render(row, now, organization_id(row["owner"]), project)

    async def create_session(self, request: Request) -> Response:
        now = time.time()
        row = {
            "id": self.store.new_id(),
            "owner": request.owner,
            "backend": request.body["backend"],
            "settings": dumps(request.body.get("settings") or {}),
            "created_at": now,
            "start_at": now + self.job_duration * lifecycle.READY_AT,
            "ended_at": None,
            "ender_id": None,
            "job_count": 0,
        }
        self.store.insert_session(row)
        self._after_commit()
        stored = self.store.get_session(request.owner, row["id"])
        return 201, self._render_session(stored, now)

    async def list_sessions(self, request: Request) -> Response:
        now = time.time()
        items = [self._render_session(r, now) for r in self.store.list_sessions(request.owner)]
        active = request.query.get("active")
        if active is not None:
            items = [item for item in items if item["active"] is active]
        return 200, {"organization_id": organization_id(request.owner), "sessions": items}

    def _session(self, request: Request) -> Any:
        session_id = str(request.path["session_id"]).lower()
        row = self.store.get_session(request.owner, session_id)
        if row is None:
            raise ApiError(404, f"session {session_id} not found")
        return row

    async def get_session(self, request: Request) -> Response:
        return 200, self._render_session(self._session(request), time.time())

    async def end_session(self, request: Request) -> Response:
        row = self._session(request)
        now = time.time()
        if sessions.state(row, now)[0] != "ended":
            self.store.end_session(request.owner, row["id"], now, request.owner)
            self._after_commit()
        return 200, self._render_session(self._session(request), now)

    async def list_session_jobs(self, request: Request) -> Response:
        row = self._session(request)
        return 200, self._page(
            request.owner,
            request.query,
            filters.job_filters(request.query, request.owner, row["id"]),
        )

    # ------------------------------------------------------------------ usage
    async def get_organization_usage(self, request: Request) -> Response:
        owner, query = request.owner, request.query
        wanted = str(request.path["organization_id"]).lower()
        if wanted != organization_id(owner):
            raise ApiError(404, f"organization {wanted[:100]} not found")
        try:
            start, end = usage.date_range(query["start_date"], query["end_date"])
        except usage.RangeError as error:
            raise BadRequest(str(error), error.keys, "query") from None
        now = time.time()
        ident = self.keys.identities.get(owner)
        key_name = ident.key_name if ident is not None else "unknown key"
        project = ident.project_id if ident is not None else ""
        rows = self.store.ran(owner, usage.timestamp(start), usage.timestamp(end), now)
        first = min(self.started, self.store.first_job_at(owner) or self.started)
        return 200, usage.report(
            [usage.UsageJob.from_row(r, owner, key_name, project) for r in rows],
            organization=wanted,
            start=start,
            end=end,
            group_by=query["group_by"],
            modality=query["modality"],
            covered=usage.covered(first, now),
        )

    async def whoami(self, request: Request) -> Response:
        assert request.identity is not None
        ident = request.identity
        return 200, {
            "key_id": ident.key_id,
            "key_name": ident.key_name,
            "project_id": ident.project_id,
        }


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def create_app(
    api_keys: Sequence[str],
    *,
    db_path: str | None = None,
    job_duration: float = DEFAULT_JOB_DURATION,
    faults: Faults | None = None,
    max_qubits: int = DEFAULT_MAX_QUBITS,
    spec: Mapping[str, Any] | None = None,
    strict: bool = False,
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
    by a rule, e.g. `"shots": "1000"`, is a 400 naming the key and the rule.
    """
    return MockApp(
        api_keys,
        db_path=db_path,
        job_duration=job_duration,
        faults=faults,
        max_qubits=max_qubits,
        spec=spec,
        strict=strict,
    )

"""`client.jobs` (async): submit, read, list, wait for, change and remove jobs.

Every method calls one generated `*_detailed` function (so no path or payload is written
twice) and returns the generated model, except `results` (a `Result`), `artifact` (the
artifact's JSON) and listings (pages). Each takes `timeout=`, `max_retries=` and
`deadline=` (seconds for the whole call, its retries and look-ups included) to override
the client's for that call. What is done after a write whose answer was lost is
in `readback`; how a `Result` is assembled from a job's artifacts, in `job_results`.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from typing import Any

from ionq_api.api.jobs import (
    cancel_job,
    cancel_jobs,
    clone_job,
    create_job,
    delete_job,
    delete_jobs,
    estimate_job_cost,
    get_job,
    get_job_cost,
    move_job,
    update_job,
)
from ionq_api.models.artifact_descriptor import ArtifactDescriptor
from ionq_api.models.backend_name import BackendName
from ionq_api.models.cost_estimate import CostEstimate
from ionq_api.models.job_canceled import JobCanceled
from ionq_api.models.job_cost import JobCost
from ionq_api.models.job_created import JobCreated
from ionq_api.models.job_deleted import JobDeleted
from ionq_api.models.job_ids import JobIds
from ionq_api.models.job_settings import JobSettings
from ionq_api.models.job_status import JobStatus
from ionq_api.models.job_type import JobType
from ionq_api.models.jobs_canceled import JobsCanceled
from ionq_api.models.jobs_deleted import JobsDeleted
from ionq_api.models.noise import Noise
from ionq_api.types import Response
from ionq_client._artifacts import Extra, artifact_ref
from ionq_client._async.caller import AsyncCaller
from ionq_client._async.job_results import download, read_results
from ionq_client._async.listing import job_pages
from ionq_client._async.polling import apoll
from ionq_client._async.raw import raw_response_wrapper
from ionq_client._async.readback import AMBIGUOUS, batch_statuses, create_once, read_back
from ionq_client._build import NoiseModel, Program, build_create_body, clone_body, update_body
from ionq_client._calls import per_call
from ionq_client._circuit import Circuit
from ionq_client._exceptions import IonQError, NotFoundError, OutcomeUnknownError
from ionq_client._expect import expect, expect_job
from ionq_client._jobs import AnyJob, ListedJob
from ionq_client._pagination import AsyncPager
from ionq_client._params import chunks, estimate_params, job_list_params, to_uuid
from ionq_client._polling import (
    DEFAULT_POLL_INTERVAL,
    DEFAULT_WAIT_TIMEOUT,
    MAX_POLL_INTERVAL,
    TERMINAL,
    ProgressCallback,
)
from ionq_client._readback import canceled_from_job, hide_token, update_applied
from ionq_client._result_parts import include_set
from ionq_client._results import Result
from ionq_client._transport import CallOptions
from ionq_client._types import NOT_GIVEN, JobId, NotGiven, TimeoutTypes

__all__ = ["AsyncJobs"]


class AsyncJobs:
    """`client.jobs` (async): the job lifecycle."""

    def __init__(self, client: AsyncCaller) -> None:
        self._client = client

    @functools.cached_property
    def with_raw_response(self) -> AsyncJobsWithRawResponse:
        """The same methods, each returning a `RawResponse` (status, headers, request id,
        and `.parse()` for the usual value)."""
        return AsyncJobsWithRawResponse(self)

    # ------------------------------------------------------------------ create
    async def create(
        self,
        circuit: Program,
        *,
        backend: BackendName,
        shots: int | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven = NOT_GIVEN,
        noise: NoiseModel | Noise | NotGiven = NOT_GIVEN,
        settings: JobSettings | NotGiven = NOT_GIVEN,
        session_id: JobId | NotGiven = NOT_GIVEN,
        dry_run: bool | NotGiven = NOT_GIVEN,
        create_token: bool | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> JobCreated:
        """Submit a job running `circuit` (several circuits make a multi-circuit job; a
        `Qasm3` program, or its source as a `str`, an `ionq.qasm3.v1` job).

        Never leaves two jobs for one call: the job is tagged with a one-off token (metadata
        key `ionq_client_create_token`, hidden from the jobs this client returns), and after
        an ambiguous failure (a 5xx, a timeout or a dropped connection once the request was
        sent) the newest jobs are listed to find it before anything is resent; if that
        cannot tell, `OutcomeUnknownError`. `create_token=False` (or the client's) sends no
        token: an ambiguous failure is then always `OutcomeUnknownError`. See docs/client.md,
        "Creating jobs without duplicates".

        >>> client.jobs.create(Circuit(2).h(0).cnot(0, 1), backend="simulator", shots=1000)
        ... # doctest: +SKIP
        """
        token = self._token(create_token)
        body, tag = build_create_body(
            circuit,
            backend=backend,
            token=token,
            shots=shots,
            name=name,
            metadata=metadata,
            noise=noise,
            settings=settings,
            session_id=session_id,
            dry_run=dry_run,
        )
        sid = body.session_id

        async def post(options: CallOptions) -> Response[Any]:
            return await self._client._call(create_job.asyncio_detailed, body=body, options=options)

        return await create_once(
            self._client,
            post,
            action=f"create a job on {backend}",
            token=token or "",
            tag=tag,
            filters={"backend": backend, **({"session_id": sid} if isinstance(sid, str) else {})},
            options=per_call(
                timeout, max_retries, deadline, extra_headers, extra_query, extra_body
            ),
        )

    # ------------------------------------------------------------------ read
    async def get(
        self,
        job_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> AnyJob:
        """Read one job: a `SingleCircuitJob`, `MultiCircuitJob`, `QaoaJob`,
        `QuantumFunctionJob`, or (any other type) a `BaseJob`."""
        response = await self._client._call(
            get_job.asyncio_detailed,
            to_uuid(job_id),
            options=per_call(timeout, max_retries, deadline, extra_headers, extra_query),
        )
        return hide_token(expect_job(response))

    def list(
        self,
        *,
        status: JobStatus | NotGiven = NOT_GIVEN,
        backend: str | Sequence[str] | NotGiven = NOT_GIVEN,
        submitter_id: str | NotGiven = NOT_GIVEN,
        session_id: JobId | NotGiven = NOT_GIVEN,
        parent_job_id: JobId | NotGiven = NOT_GIVEN,
        ids: Sequence[JobId] | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> AsyncPager[ListedJob]:
        """List jobs, newest first: `await` it for the first page, `async for` over every job.

        Items are `BaseJob`s (free-form `stats`/`results`, no `child_job_ids`). `backend`
        is one backend or a list (the API's `target`); `limit` is the page size (1..1000,
        server default 25), not a total.
        """
        options = per_call(timeout, max_retries, deadline, extra_headers, extra_query)
        params = job_list_params(
            status=status,
            backend=backend,
            session_id=session_id,
            parent_job_id=parent_job_id,
            ids=ids,
            limit=limit,
            submitter_id=submitter_id,
        )
        return job_pages(self._client, options, params)

    async def wait(
        self,
        job_id: JobId,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        max_poll_interval: float = MAX_POLL_INTERVAL,
        on_progress: ProgressCallback | None = None,
    ) -> AnyJob:
        """Poll until the job is terminal and return it.

        Polls after `poll_interval` seconds, growing 1.5x per poll up to `max_poll_interval`.
        Raises `JobFailedError` (with the failure code and message) if the job failed or
        was cancelled, `JobTimeoutError` after `timeout` seconds (`None`: wait forever).
        `on_progress(job, elapsed_seconds)` is called after every poll.
        """
        jid = to_uuid(job_id)
        return await apoll(
            lambda: self.get(jid),
            job_id=str(jid),
            timeout=timeout,
            interval=poll_interval,
            max_interval=max_poll_interval,
            on_progress=on_progress,
            clock=self._client._clock,
            sleep=self._client._sleep,
        )

    async def results(
        self,
        job_id: JobId,
        *,
        include: Iterable[Extra] = (),
        sharpen: bool | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> Result:
        """The results of a completed job, one `CircuitResult` per circuit.

        Reads the job, then downloads its probabilities artifact (the aggregate for a
        multi-circuit job); a job without one (an older service), or `sharpen=True`,
        reads `/results/probabilities` instead. `include` also downloads the measured
        `"histogram"` (then `counts()` answers it) and the per-shot `"shots"` (`samples`)
        where the job (or each child) has them. Bitstrings are written qubit 0 leftmost
        (`BIT_ORDER`); `states` keeps the API's integer keys. A job not yet completed
        answers `NotFoundError`.
        """
        extras = include_set(include)
        options = per_call(timeout, max_retries, deadline, extra_headers, extra_query)
        jid = to_uuid(job_id)
        response = await self._client._call(get_job.asyncio_detailed, jid, options=options)
        job = hide_token(expect_job(response))
        return await read_results(self._client, jid, job, extras, sharpen, options)

    async def artifact(
        self,
        job_id: JobId,
        artifact: str | Mapping[str, Any] | ArtifactDescriptor,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> Any:
        """Download one of a job's artifacts (by id, or its descriptor from `job.results`)
        and return its JSON content as it is (dicts, lists, numbers)."""
        return await download(
            self._client,
            to_uuid(job_id),
            artifact_ref(artifact),
            per_call(timeout, max_retries, deadline, extra_headers, extra_query),
        )

    async def cost(
        self,
        job_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> JobCost:
        """What a job cost (or is estimated to cost)."""
        response = await self._client._call(
            get_job_cost.asyncio_detailed,
            to_uuid(job_id),
            options=per_call(timeout, max_retries, deadline, extra_headers, extra_query),
        )
        return expect(response, JobCost)

    async def estimate(
        self,
        *,
        backend: BackendName,
        circuit: Circuit | NotGiven = NOT_GIVEN,
        qubits: int | NotGiven = NOT_GIVEN,
        shots: int | NotGiven = NOT_GIVEN,
        one_qubit_gates: int | NotGiven = NOT_GIVEN,
        two_qubit_gates: int | NotGiven = NOT_GIVEN,
        error_mitigation: bool | NotGiven = NOT_GIVEN,
        type: JobType | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> CostEstimate:
        """Estimate a job's cost and time, from a `circuit` or from explicit counts."""
        params = estimate_params(
            backend=backend,
            circuit=circuit,
            qubits=qubits,
            shots=shots,
            one_qubit_gates=one_qubit_gates,
            two_qubit_gates=two_qubit_gates,
            error_mitigation=error_mitigation,
            type=type,
        )
        response = await self._client._call(
            estimate_job_cost.asyncio_detailed,
            options=per_call(timeout, max_retries, deadline, extra_headers, extra_query),
            **params,
        )
        return expect(response, CostEstimate)

    # ------------------------------------------------------------------ change
    async def update(
        self,
        job_id: JobId,
        *,
        name: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> AnyJob:
        """Rename a job and/or merge `metadata` into its metadata (an API extension)."""
        body = update_body(name, metadata)
        jid = to_uuid(job_id)
        options = per_call(timeout, max_retries, deadline, extra_headers, extra_query, extra_body)
        try:
            response = await self._client._call(
                update_job.asyncio_detailed, jid, body=body, options=options
            )
        except AMBIGUOUS as exc:
            # The update may have been applied before the failure: if the job now reads as
            # asked, that is the answer; otherwise the failure stands (not applied).
            job = await read_back(self._client, jid, exc, f"update job {jid}", options)
            if job is not None and update_applied(job, name, metadata):
                return hide_token(job)
            raise
        return hide_token(expect_job(response))

    async def clone(
        self,
        job_id: JobId,
        *,
        name: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven = NOT_GIVEN,
        shots: int | NotGiven = NOT_GIVEN,
        backend: BackendName | NotGiven = NOT_GIVEN,
        session_id: JobId | NotGiven | None = NOT_GIVEN,
        settings: JobSettings | NotGiven = NOT_GIVEN,
        dry_run: bool | NotGiven = NOT_GIVEN,
        noise: NoiseModel | Noise | NotGiven = NOT_GIVEN,
        parent: JobId | NotGiven = NOT_GIVEN,
        create_token: bool | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> JobCreated:
        """Submit a new job running the same program as `job_id`, with the given fields
        replacing the original's (the original is left as it is).

        Never leaves two jobs for one call, as `create`: the copy carries a look-up token
        in its metadata (the original's metadata is read first when `metadata` is not
        given, so the copy keeps it), found after an ambiguous failure before anything is
        resent; `OutcomeUnknownError` when that cannot tell.
        """
        return await self._copy(
            clone_job.asyncio_detailed,
            "clone",
            to_uuid(job_id),
            name=name,
            metadata=metadata,
            shots=shots,
            backend=backend,
            session_id=session_id,
            settings=settings,
            dry_run=dry_run,
            noise=noise,
            parent=parent,
            create_token=create_token,
            options=per_call(
                timeout, max_retries, deadline, extra_headers, extra_query, extra_body
            ),
        )

    async def move(
        self,
        job_id: JobId,
        *,
        name: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven = NOT_GIVEN,
        shots: int | NotGiven = NOT_GIVEN,
        backend: BackendName | NotGiven = NOT_GIVEN,
        session_id: JobId | NotGiven | None = NOT_GIVEN,
        settings: JobSettings | NotGiven = NOT_GIVEN,
        dry_run: bool | NotGiven = NOT_GIVEN,
        noise: NoiseModel | Noise | NotGiven = NOT_GIVEN,
        parent: JobId | NotGiven = NOT_GIVEN,
        create_token: bool | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> JobCreated:
        """Re-submit `job_id` elsewhere (typically another `backend` or `session_id`): a
        new job runs its program with the given fields replacing the original's, and the
        original is cancelled. Resolved after an ambiguous failure like `clone`."""
        return await self._copy(
            move_job.asyncio_detailed,
            "move",
            to_uuid(job_id),
            name=name,
            metadata=metadata,
            shots=shots,
            backend=backend,
            session_id=session_id,
            settings=settings,
            dry_run=dry_run,
            noise=noise,
            parent=parent,
            create_token=create_token,
            options=per_call(
                timeout, max_retries, deadline, extra_headers, extra_query, extra_body
            ),
        )

    def _token(self, create_token: bool | NotGiven) -> str | None:
        """A one-off look-up token for a create, clone or move; None when the call (else
        the client) says `create_token=False`."""
        use = self._client.create_token if isinstance(create_token, NotGiven) else create_token
        return uuid.uuid4().hex if use else None

    async def _copy(
        self,
        send: Callable[..., Awaitable[Response[Any]]],
        verb: str,
        jid: uuid.UUID,
        *,
        name: str | NotGiven,
        metadata: Mapping[str, str] | NotGiven,
        shots: int | NotGiven,
        backend: BackendName | NotGiven,
        session_id: JobId | NotGiven | None,
        settings: JobSettings | NotGiven,
        dry_run: bool | NotGiven,
        noise: NoiseModel | Noise | NotGiven,
        parent: JobId | NotGiven,
        create_token: bool | NotGiven,
        options: CallOptions,
    ) -> JobCreated:
        """A clone or a move: `send` is the generated function of either."""
        token = self._token(create_token)
        original: Mapping[str, str] | None = None
        if token is not None and isinstance(metadata, NotGiven):
            response = await self._client._call(get_job.asyncio_detailed, jid, options=options)
            meta = expect_job(response).metadata
            original = meta.additional_properties if meta is not None else None
        body, tag = clone_body(
            name=name,
            metadata=metadata,
            shots=shots,
            backend=backend,
            session_id=session_id,
            settings=settings,
            dry_run=dry_run,
            noise=noise,
            parent=parent,
            token=token,
            original_metadata=original,
        )
        filters: dict[str, Any] = {}
        if not isinstance(backend, NotGiven):
            filters["backend"] = backend
        if isinstance(body.session_id, str):
            filters["session_id"] = body.session_id

        async def post(call: CallOptions) -> Response[Any]:
            return await self._client._call(send, jid, body=body, options=call)

        return await create_once(
            self._client,
            post,
            action=f"{verb} job {jid}",
            token=token or "",
            tag=tag,
            filters=filters,
            options=options,
        )

    async def cancel(
        self,
        job_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> JobCanceled:
        """Cancel a job (safe to repeat).

        After a failure the server may have acted on, the job is read back: a job already
        terminal is answered as cancelled (a job that had completed or failed first says so
        in `additional_properties["job_status"]`); one still running means the cancel was
        not applied (the failure is raised); `OutcomeUnknownError` if it cannot be read.
        """
        jid = to_uuid(job_id)
        options = per_call(timeout, max_retries, deadline, extra_headers, extra_query)
        try:
            response = await self._client._call(cancel_job.asyncio_detailed, jid, options=options)
        except AMBIGUOUS as exc:
            job = await read_back(self._client, jid, exc, f"cancel job {jid}", options)
            if job is not None and job.status in TERMINAL:
                return canceled_from_job(job)
            raise
        return expect(response, JobCanceled)

    async def delete(
        self,
        job_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> JobDeleted:
        """Delete a job. A 404 on a retry means an earlier attempt deleted it: success; after
        a failure the server may have acted on, the job is read back (gone: deleted)."""
        jid = to_uuid(job_id)
        options = per_call(timeout, max_retries, deadline, extra_headers, extra_query)
        try:
            response = await self._client._call(delete_job.asyncio_detailed, jid, options=options)
        except NotFoundError as exc:
            if exc.attempts > 1:
                return JobDeleted(id=str(jid), status="deleted")
            raise
        except AMBIGUOUS as exc:
            if await read_back(self._client, jid, exc, f"delete job {jid}", options) is None:
                return JobDeleted(id=str(jid), status="deleted")
            raise
        return expect(response, JobDeleted)

    async def cancel_many(
        self,
        ids: Sequence[JobId],
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> JobsCanceled:
        """Cancel several jobs (in batches of up to 1,000); returns the ids cancelled.

        After a failure the server may have acted on, the batch is read back: if every job
        of it is terminal the cancel is taken as done; otherwise the failure is raised,
        with the ids of the batches already cancelled in a note.
        """
        options = per_call(timeout, max_retries, deadline, extra_headers, extra_query, extra_body)
        done: list[str] = []
        for batch in chunks(ids):
            try:
                response = await self._client._call(
                    cancel_jobs.asyncio_detailed, body=JobIds(ids=batch), options=options
                )
            except AMBIGUOUS as exc:
                statuses = await self._batch_statuses(batch, exc, "cancel jobs", options)
                if len(statuses) == len(batch) and all(s in TERMINAL for s in statuses.values()):
                    done.extend(str(i) for i in batch)
                    continue
                exc.add_note(f"already cancelled: {done}")
                raise
            done.extend(expect(response, JobsCanceled).ids)
        return JobsCanceled(ids=done, status="canceled")

    async def delete_many(
        self,
        ids: Sequence[JobId],
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> JobsDeleted:
        """Delete several jobs (in batches of up to 1,000); returns the ids deleted.

        After a failure the server may have acted on, the batch is looked up: none of it
        left means it was deleted; otherwise the failure is raised, with the ids of the
        batches already deleted in a note.
        """
        options = per_call(timeout, max_retries, deadline, extra_headers, extra_query, extra_body)
        done: list[str] = []
        for batch in chunks(ids):
            try:
                response = await self._client._call(
                    delete_jobs.asyncio_detailed, body=JobIds(ids=batch), options=options
                )
            except NotFoundError as exc:
                # A retry after a failure that came once the batch was deleted finds the
                # jobs gone; if none of the batch is left, that earlier attempt succeeded.
                if exc.attempts == 1 or await self._batch_statuses(
                    batch, exc, "delete jobs", options
                ):
                    raise
                done.extend(str(i) for i in batch)
                continue
            except AMBIGUOUS as exc:
                if await self._batch_statuses(batch, exc, "delete jobs", options):
                    exc.add_note(f"already deleted: {done}")
                    raise
                done.extend(str(i) for i in batch)
                continue
            done.extend(expect(response, JobsDeleted).ids)
        return JobsDeleted(ids=done, status="deleted")

    async def _batch_statuses(
        self, batch: Sequence[uuid.UUID], exc: IonQError, action: str, options: CallOptions
    ) -> dict[str, str]:
        """The status of each job of `batch` that still exists; `OutcomeUnknownError` if
        they cannot be read."""
        try:
            return await batch_statuses(self._client, batch, options)
        except IonQError as lookup_error:
            why = f"reading the jobs back failed: {lookup_error}"
            raise OutcomeUnknownError(action, exc, why=why) from exc


class AsyncJobsWithRawResponse:
    """`jobs.with_raw_response`: each method returns a `RawResponse`."""

    def __init__(self, resource: AsyncJobs) -> None:
        self.create = raw_response_wrapper(resource.create)
        self.get = raw_response_wrapper(resource.get)
        self.list = raw_response_wrapper(resource.list)
        self.wait = raw_response_wrapper(resource.wait)
        self.results = raw_response_wrapper(resource.results)
        self.artifact = raw_response_wrapper(resource.artifact)
        self.cost = raw_response_wrapper(resource.cost)
        self.estimate = raw_response_wrapper(resource.estimate)
        self.update = raw_response_wrapper(resource.update)
        self.clone = raw_response_wrapper(resource.clone)
        self.move = raw_response_wrapper(resource.move)
        self.cancel = raw_response_wrapper(resource.cancel)
        self.delete = raw_response_wrapper(resource.delete)
        self.cancel_many = raw_response_wrapper(resource.cancel_many)
        self.delete_many = raw_response_wrapper(resource.delete_many)

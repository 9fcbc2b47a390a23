"""The async resources of `AsyncIonQ`: the same methods as `_resources`, awaited.

Every method calls one generated `*_detailed` function (so no path or payload is written
twice) and returns the generated model, except `results` (a `Result`), `artifact` (the
artifact's JSON) and listings (pages). Each takes `timeout=` and `max_retries=` to
override the client's for that call.
"""

from __future__ import annotations

import datetime
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ionq_api.api.backends import (
    get_backend,
    get_characterization,
    list_backends,
    list_characterizations,
)
from ionq_api.api.jobs import (
    cancel_job,
    cancel_jobs,
    clone_job,
    create_job,
    delete_job,
    delete_jobs,
    estimate_job_cost,
    get_job,
    get_job_artifact,
    get_job_cost,
    get_job_probabilities,
    get_job_probabilities_aggregated,
    list_jobs,
    move_job,
    update_job,
)
from ionq_api.api.schemas import get_format_schema
from ionq_api.api.sessions import (
    create_session,
    end_session,
    get_session,
    list_session_jobs,
    list_sessions,
)
from ionq_api.api.usage import get_organization_usage
from ionq_api.models.aggregated_probabilities import AggregatedProbabilities
from ionq_api.models.artifact_descriptor import ArtifactDescriptor
from ionq_api.models.backend import Backend
from ionq_api.models.backend_name import BackendName
from ionq_api.models.characterization import Characterization
from ionq_api.models.characterization_page import CharacterizationPage
from ionq_api.models.cost import Cost
from ionq_api.models.cost_estimate import CostEstimate
from ionq_api.models.format_schema import FormatSchema
from ionq_api.models.job_canceled import JobCanceled
from ionq_api.models.job_cost import JobCost
from ionq_api.models.job_created import JobCreated
from ionq_api.models.job_deleted import JobDeleted
from ionq_api.models.job_ids import JobIds
from ionq_api.models.job_page import JobPage
from ionq_api.models.job_settings import JobSettings
from ionq_api.models.job_status import JobStatus
from ionq_api.models.job_type import JobType
from ionq_api.models.jobs_canceled import JobsCanceled
from ionq_api.models.jobs_deleted import JobsDeleted
from ionq_api.models.noise import Noise
from ionq_api.models.probabilities import Probabilities
from ionq_api.models.session import Session
from ionq_api.models.session_cost_limit import SessionCostLimit
from ionq_api.models.session_list import SessionList
from ionq_api.models.usage_group_by import UsageGroupBy
from ionq_api.models.usage_modality import UsageModality
from ionq_api.models.usages import Usages
from ionq_api.types import UNSET, Unset
from ionq_client._artifacts import Extra, artifact_ref, read_aggregate
from ionq_client._build import (
    RESOLVE_PAGE_SIZE,
    NoiseModel,
    Program,
    ResultParts,
    Tag,
    artifact_content,
    build_create_body,
    canceled_from_job,
    check_results_job,
    child_widths,
    children_page_size,
    chunks,
    clone_body,
    estimate_params,
    expect,
    expect_backends,
    expect_job,
    extra_fetches,
    given,
    include_set,
    is_ambiguous,
    is_multi_circuit,
    job_list_params,
    legacy_aggregate,
    legacy_states,
    more_characterizations,
    multi_result,
    page_limit,
    paged,
    probability_fetch,
    resolve_retries,
    scan_for_token,
    schema_format,
    session_body,
    single_result,
    target_param,
    to_uuid,
    update_applied,
    update_body,
)
from ionq_client._circuit import Circuit
from ionq_client._exceptions import (
    APIConnectionError,
    InternalServerError,
    IonQError,
    NotFoundError,
)
from ionq_client._jobs import AnyJob, ListedJob, job_result_descriptors
from ionq_client._limits import limits
from ionq_client._pagination import AsyncPage, AsyncPager
from ionq_client._polling import (
    DEFAULT_POLL_INTERVAL,
    DEFAULT_WAIT_TIMEOUT,
    MAX_POLL_INTERVAL,
    TERMINAL,
    ProgressCallback,
    apoll,
)
from ionq_client._resources import _opts
from ionq_client._results import Result
from ionq_client._retry import backoff_delay
from ionq_client._transport import CallOptions
from ionq_client._types import NOT_GIVEN, NotGiven, TimeoutTypes

if TYPE_CHECKING:
    from ionq_client._client import AsyncIonQ

__all__ = ["AsyncBackends", "AsyncJobs", "AsyncOrganizations", "AsyncSchemas", "AsyncSessions"]

JobId = str | uuid.UUID
T = TypeVar("T")


def _acursor_pages(
    fetch: Callable[[str | Unset], Awaitable[tuple[list[T], str | None]]],
) -> AsyncPager[T]:
    """An async chain of pages over a `next`-cursor listing; a repeated cursor stops it."""
    seen: set[str] = set()

    async def page(cursor: str | Unset) -> AsyncPage[T]:
        items, nxt = await fetch(cursor)
        if not nxt or nxt in seen:
            return AsyncPage(items)
        seen.add(nxt)
        return AsyncPage(items, lambda: page(nxt))

    return AsyncPager(lambda: page(UNSET))


class AsyncJobs:
    """`client.jobs` (async): the job lifecycle."""

    def __init__(self, client: AsyncIonQ) -> None:
        self._client = client

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
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> JobCreated:
        """Submit a job running `circuit` (several circuits make a multi-circuit job; a
        `Qasm3` program, or its source as a `str`, an `ionq.qasm3.v1` job).

        Never leaves two jobs for one call: the job is tagged with a one-off token (metadata
        key `ionq_client_create_token`), and after an ambiguous failure (a 5xx, a timeout or
        a dropped connection once the request was sent) the newest jobs are listed to find
        it before anything is resent. See docs/client.md, "Creating jobs without duplicates".

        >>> client.jobs.create(Circuit(2).h(0).cnot(0, 1), backend="simulator", shots=1000)
        ... # doctest: +SKIP
        """
        token = uuid.uuid4().hex
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
        retries = self._client.max_retries if isinstance(max_retries, NotGiven) else max_retries
        options = _opts(timeout, retries)
        started = time.time()
        attempt = 0
        while True:
            try:
                response = await self._client._call(
                    create_job.asyncio_detailed, body=body, options=options
                )
                return expect(response, JobCreated)
            except (APIConnectionError, InternalServerError) as exc:
                if not is_ambiguous(exc) or tag is None:
                    raise
                await self._client._sleep(backoff_delay(attempt))
                found = await self._resolve(exc, token, tag, started, body.backend, body.session_id)
                if found is not None:
                    return found
                if attempt >= retries:
                    raise
                attempt += 1

    async def _resolve(
        self,
        exc: IonQError,
        token: str,
        tag: Tag,
        started: float,
        backend: str,
        session_id: str | Unset | None,
    ) -> JobCreated | None:
        """Find the job a failed create may have stored; re-raise `exc` if we cannot tell."""
        try:
            first = await self.list(
                backend=backend,
                session_id=session_id if isinstance(session_id, str) else NOT_GIVEN,
                limit=RESOLVE_PAGE_SIZE,
                max_retries=resolve_retries(self._client.max_retries),
            )
            number = 0
            async for page in first.iter_pages():
                found, done = scan_for_token(
                    page.items, token, tag, started=started, page_number=number
                )
                number += 1
                if done:
                    return found
        except IonQError as lookup_error:
            exc.add_note(f"could not find out whether the job was created: {lookup_error}")
            raise exc from lookup_error
        return None

    # ------------------------------------------------------------------ read
    async def get(
        self,
        job_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AnyJob:
        """Read one job: a `SingleCircuitJob`, `MultiCircuitJob`, `QaoaJob`,
        `QuantumFunctionJob`, or (any other type) a `BaseJob`."""
        response = await self._client._call(
            get_job.asyncio_detailed, to_uuid(job_id), options=_opts(timeout, max_retries)
        )
        return expect_job(response)

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
    ) -> AsyncPager[ListedJob]:
        """List jobs, newest first: `await` it for the first page, `async for` over every job.

        Items are `BaseJob`s (free-form `stats`/`results`, no `child_job_ids`). `backend`
        is one backend or a list (the API's `target`); `limit` is the page size (1..1000,
        server default 25), not a total.
        """
        options = _opts(timeout, max_retries)
        kwargs = job_list_params(
            status=status,
            backend=backend,
            session_id=session_id,
            parent_job_id=parent_job_id,
            ids=ids,
            limit=limit,
            submitter_id=submitter_id,
        )

        async def fetch(cursor: str | Unset) -> tuple[list[ListedJob], str | None]:
            response = await self._client._call(
                list_jobs.asyncio_detailed, next_=cursor, options=options, **kwargs
            )
            page = expect(response, JobPage)
            return page.jobs, page.next_

        return _acursor_pages(fetch)

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
        options = _opts(timeout, max_retries)
        jid = to_uuid(job_id)
        job = await self.get(jid, timeout=timeout, max_retries=max_retries)
        check_results_job(job)
        descriptors = job_result_descriptors(job)
        multi = is_multi_circuit(job)
        fetch = probability_fetch(descriptors, multi=multi, sharpen=sharpen)
        if not multi:
            parts = ResultParts()
            if fetch is not None:
                parts.add(fetch, await self._download(jid, fetch.artifact_id, options))
            else:
                response = await self._client._call(
                    get_job_probabilities.asyncio_detailed,
                    jid,
                    sharpen=given(sharpen),
                    options=options,
                )
                parts.states = legacy_states(expect(response, Probabilities))
            for extra in extra_fetches(descriptors, extras):
                parts.add(extra, await self._download(jid, extra.artifact_id, options))
            return single_result(job, parts)
        if fetch is not None:
            per_child = read_aggregate(await self._download(jid, fetch.artifact_id, options))
        else:
            response = await self._client._call(
                get_job_probabilities_aggregated.asyncio_detailed,
                jid,
                sharpen=given(sharpen),
                options=options,
            )
            per_child = legacy_aggregate(expect(response, AggregatedProbabilities))
        # The parent's width is its widest circuit's: each child's own is on the child.
        listing = self.list(
            parent_job_id=jid,
            limit=children_page_size(job),
            timeout=timeout,
            max_retries=max_retries,
        )
        children = [child async for child in listing]
        circuits = {cid: ResultParts(states=states) for cid, states in per_child.items()}
        for child in children:
            parts_of = circuits.get(str(child.id))
            if parts_of is None:
                continue
            for extra in extra_fetches(job_result_descriptors(child), extras):
                content = await self._download(to_uuid(child.id), extra.artifact_id, options)
                parts_of.add(extra, content)
        return multi_result(job, circuits, child_widths(children))

    async def artifact(
        self,
        job_id: JobId,
        artifact: str | Mapping[str, Any] | ArtifactDescriptor,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Download one of a job's artifacts (by id, or its descriptor from `job.results`)
        and return its JSON content as it is (dicts, lists, numbers)."""
        return await self._download(
            to_uuid(job_id), artifact_ref(artifact), _opts(timeout, max_retries)
        )

    async def _download(self, jid: uuid.UUID, artifact_id: str, options: CallOptions | None) -> Any:
        response = await self._client._call(
            get_job_artifact.asyncio_detailed, jid, artifact_id, options=options
        )
        return artifact_content(response)

    async def cost(
        self,
        job_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> JobCost:
        """What a job cost (or is estimated to cost)."""
        response = await self._client._call(
            get_job_cost.asyncio_detailed, to_uuid(job_id), options=_opts(timeout, max_retries)
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
            estimate_job_cost.asyncio_detailed, options=_opts(timeout, max_retries), **params
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
    ) -> AnyJob:
        """Rename a job and/or merge `metadata` into its metadata (an API extension)."""
        body = update_body(name, metadata)
        jid = to_uuid(job_id)
        try:
            response = await self._client._call(
                update_job.asyncio_detailed,
                jid,
                body=body,
                options=_opts(timeout, max_retries),
            )
        except (APIConnectionError, InternalServerError) as exc:
            # The update may have been applied before the failure: if the job now reads as
            # asked, that is the answer; otherwise the failure stands.
            job = await self._read_back(jid, exc)
            if update_applied(job, name, metadata):
                return job
            raise
        return expect_job(response)

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
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> JobCreated:
        """Submit a new job running the same program as `job_id`, with the given fields
        replacing the original's (the original is left as it is).

        Never leaves two jobs for one call: the POST is retried only when the server
        certainly did nothing with it (no connection was made, or a 429); any other
        failure is raised for the caller to look into (see docs/client.md).
        """
        body = clone_body(
            name=name,
            metadata=metadata,
            shots=shots,
            backend=backend,
            session_id=session_id,
            settings=settings,
            dry_run=dry_run,
            noise=noise,
            parent=parent,
        )
        response = await self._client._call(
            clone_job.asyncio_detailed,
            to_uuid(job_id),
            body=body,
            options=_opts(timeout, max_retries),
        )
        return expect(response, JobCreated)

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
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> JobCreated:
        """Re-submit `job_id` elsewhere (typically another `backend` or `session_id`): a
        new job runs its program with the given fields replacing the original's. Retried
        like `clone`: never after a failure the server may have acted on."""
        body = clone_body(
            name=name,
            metadata=metadata,
            shots=shots,
            backend=backend,
            session_id=session_id,
            settings=settings,
            dry_run=dry_run,
            noise=noise,
            parent=parent,
        )
        response = await self._client._call(
            move_job.asyncio_detailed,
            to_uuid(job_id),
            body=body,
            options=_opts(timeout, max_retries),
        )
        return expect(response, JobCreated)

    async def cancel(
        self,
        job_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> JobCanceled:
        """Cancel a job (safe to repeat).

        After a failure the server may have acted on, the job is read back: a job already
        terminal is answered as cancelled (a job that had completed or failed first says so
        in `additional_properties["job_status"]`).
        """
        jid = to_uuid(job_id)
        try:
            response = await self._client._call(
                cancel_job.asyncio_detailed, jid, options=_opts(timeout, max_retries)
            )
        except (APIConnectionError, InternalServerError) as exc:
            job = await self._read_back(jid, exc)
            if job.status in TERMINAL:
                return canceled_from_job(job)
            raise
        return expect(response, JobCanceled)

    async def _read_back(self, jid: uuid.UUID, exc: IonQError) -> AnyJob:
        """Read a job after a failed write; re-raise `exc` if even that fails."""
        try:
            return await self.get(jid, max_retries=resolve_retries(self._client.max_retries))
        except IonQError as lookup_error:
            exc.add_note(f"could not read the job back: {lookup_error}")
            raise exc from lookup_error

    async def delete(
        self,
        job_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> JobDeleted:
        """Delete a job. A 404 on a retry means an earlier attempt deleted it: success."""
        jid = to_uuid(job_id)
        try:
            response = await self._client._call(
                delete_job.asyncio_detailed, jid, options=_opts(timeout, max_retries)
            )
        except NotFoundError as exc:
            if exc.attempts > 1:
                return JobDeleted(id=str(jid), status="deleted")
            raise
        return expect(response, JobDeleted)

    async def cancel_many(
        self,
        ids: Sequence[JobId],
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> JobsCanceled:
        """Cancel several jobs (in batches of up to 1,000); returns the ids cancelled."""
        done: list[str] = []
        for batch in chunks(ids):
            response = await self._client._call(
                cancel_jobs.asyncio_detailed,
                body=JobIds(ids=batch),
                options=_opts(timeout, max_retries),
            )
            done.extend(expect(response, JobsCanceled).ids)
        return JobsCanceled(ids=done, status="canceled")

    async def delete_many(
        self,
        ids: Sequence[JobId],
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> JobsDeleted:
        """Delete several jobs (in batches of up to 1,000); returns the ids deleted."""
        done: list[str] = []
        for batch in chunks(ids):
            try:
                response = await self._client._call(
                    delete_jobs.asyncio_detailed,
                    body=JobIds(ids=batch),
                    options=_opts(timeout, max_retries),
                )
            except NotFoundError as exc:
                # A retry after a failure that came once the batch was deleted finds the
                # jobs gone; if none of the batch is left, that earlier attempt succeeded.
                if exc.attempts == 1 or await self._any_left(batch):
                    raise
                done.extend(str(i) for i in batch)
                continue
            done.extend(expect(response, JobsDeleted).ids)
        return JobsDeleted(ids=done, status="deleted")

    async def _any_left(self, batch: Sequence[uuid.UUID]) -> bool:
        page = await self.list(ids=batch, limit=min(len(batch), limits().page_limit_max))
        return bool(page.items)


class AsyncBackends:
    """`client.backends` (async): where jobs run, and how well."""

    def __init__(self, client: AsyncIonQ) -> None:
        self._client = client

    async def list(
        self,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> list[Backend]:
        """Every backend and its status."""
        response = await self._client._call(
            list_backends.asyncio_detailed, options=_opts(timeout, max_retries)
        )
        return expect_backends(response)

    async def get(
        self,
        backend: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Backend:
        """One backend, e.g. `"qpu.forte-1"`."""
        response = await self._client._call(
            get_backend.asyncio_detailed, backend, options=_opts(timeout, max_retries)
        )
        return expect(response, Backend)

    def characterizations(
        self,
        backend: str,
        *,
        start: datetime.date | NotGiven = NOT_GIVEN,
        end: datetime.date | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[Characterization]:
        """A backend's characterizations, newest first: `await` for a page, `async for` all."""
        options = _opts(timeout, max_retries)

        async def page(number: int) -> AsyncPage[Characterization]:
            response = await self._client._call(
                list_characterizations.asyncio_detailed,
                backend,
                start=given(start),
                end=given(end),
                limit=given(limit),
                page=number,
                options=options,
            )
            parsed = expect(response, CharacterizationPage)
            if more_characterizations(parsed, number, limit if isinstance(limit, int) else None):
                return AsyncPage(parsed.characterizations, lambda: page(number + 1))
            return AsyncPage(parsed.characterizations)

        return AsyncPager(lambda: page(1))

    async def characterization(
        self,
        backend: str,
        characterization_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Characterization:
        """One characterization of a backend."""
        response = await self._client._call(
            get_characterization.asyncio_detailed,
            backend,
            to_uuid(characterization_id, "characterization_id"),
            options=_opts(timeout, max_retries),
        )
        return expect(response, Characterization)


class AsyncSessions:
    """`client.sessions` (async): reserved time on a backend."""

    def __init__(self, client: AsyncIonQ) -> None:
        self._client = client

    async def create(
        self,
        *,
        backend: BackendName,
        job_count_limit: int | NotGiven = NOT_GIVEN,
        duration_limit_min: int | NotGiven = NOT_GIVEN,
        cost_limit: float | Cost | SessionCostLimit | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Session:
        """Open a session; a number `cost_limit` is in USD."""
        response = await self._client._call(
            create_session.asyncio_detailed,
            body=session_body(backend, job_count_limit, duration_limit_min, cost_limit),
            options=_opts(timeout, max_retries),
        )
        return expect(response, Session)

    async def get(
        self,
        session_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Session:
        """Read one session."""
        response = await self._client._call(
            get_session.asyncio_detailed,
            to_uuid(session_id, "session_id"),
            options=_opts(timeout, max_retries),
        )
        return expect(response, Session)

    def list(
        self,
        *,
        active: bool | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[Session]:
        """The organization's sessions, newest first (`active=True`: only those still
        taking jobs). The API answers them all at once; the answer is still a pager
        (`await` it for the first page, `async for` for all), cut into pages of `limit`
        when given."""
        size = page_limit(limit)
        options = _opts(timeout, max_retries)

        async def first() -> AsyncPage[Session]:
            response = await self._client._call(
                list_sessions.asyncio_detailed, active=given(active), options=options
            )
            pages = paged(expect(response, SessionList).sessions, size)

            async def page(number: int) -> AsyncPage[Session]:
                if number + 1 < len(pages):
                    return AsyncPage(pages[number], lambda: page(number + 1))
                return AsyncPage(pages[number])

            return await page(0)

        return AsyncPager(first)

    async def end(
        self,
        session_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Session:
        """End a session."""
        response = await self._client._call(
            end_session.asyncio_detailed,
            to_uuid(session_id, "session_id"),
            options=_opts(timeout, max_retries),
        )
        return expect(response, Session)

    def jobs(
        self,
        session_id: JobId,
        *,
        status: JobStatus | NotGiven = NOT_GIVEN,
        backend: str | Sequence[str] | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[ListedJob]:
        """The jobs of a session (`BaseJob`s), newest first: `await` for the first page,
        `async for` all."""
        options = _opts(timeout, max_retries)
        sid = to_uuid(session_id, "session_id")
        size = page_limit(limit)
        target = target_param(backend)
        wanted = given(status)

        async def fetch(cursor: str | Unset) -> tuple[list[ListedJob], str | None]:
            response = await self._client._call(
                list_session_jobs.asyncio_detailed,
                sid,
                status=wanted,
                target=target,
                limit=size,
                next_=cursor,
                options=options,
            )
            page = expect(response, JobPage)
            return page.jobs, page.next_

        return _acursor_pages(fetch)


class AsyncOrganizations:
    """`client.organizations` (async): what an organization's jobs cost."""

    def __init__(self, client: AsyncIonQ) -> None:
        self._client = client

    async def usage(
        self,
        organization_id: str,
        *,
        start_date: datetime.date,
        end_date: datetime.date,
        group_by: UsageGroupBy,
        modality: UsageModality,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Usages:
        """Cost and QPU time between two dates, per `modality` period (`daily`, `weekly`,
        `monthly`), with the costliest groups by `group_by` (`job`, `project`, `user`)."""
        response = await self._client._call(
            get_organization_usage.asyncio_detailed,
            organization_id,
            start_date=start_date,
            end_date=end_date,
            group_by=group_by,
            modality=modality,
            options=_opts(timeout, max_retries),
        )
        return expect(response, Usages)


class AsyncSchemas:
    """`client.schemas` (async): the JSON Schemas of the artifact formats."""

    def __init__(self, client: AsyncIonQ) -> None:
        self._client = client

    async def format(
        self,
        format_id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FormatSchema:
        """The JSON Schema of an artifact format, e.g. `ionq.result.histogram.json.v2`."""
        response = await self._client._call(
            get_format_schema.asyncio_detailed,
            schema_format(format_id),
            options=_opts(timeout, max_retries),
        )
        return expect(response, FormatSchema)

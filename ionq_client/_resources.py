"""The sync resources: `client.jobs`, `client.backends`, `client.sessions`.

Every method calls one generated `*_detailed` function (so no path or payload is written
twice) and returns the generated model, except `results` (a `Result`) and listings (pages).
Each takes `timeout=` and `max_retries=` to override the client's for that call.
"""

from __future__ import annotations

import datetime
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ionq_api.api.backends import (
    get_backend,
    get_characterization,
    list_backends,
    list_characterizations,
)
from ionq_api.api.jobs import (
    cancel_job,
    cancel_jobs,
    create_job,
    delete_job,
    delete_jobs,
    estimate_job_cost,
    get_job,
    get_job_cost,
    get_job_probabilities,
    get_job_probabilities_aggregated,
    list_jobs,
    update_job,
)
from ionq_api.api.sessions import (
    create_session,
    end_session,
    get_session,
    list_session_jobs,
    list_sessions,
)
from ionq_api.models.aggregated_probabilities import AggregatedProbabilities
from ionq_api.models.backend import Backend
from ionq_api.models.backend_name import BackendName
from ionq_api.models.characterization import Characterization
from ionq_api.models.characterization_page import CharacterizationPage
from ionq_api.models.cost import Cost
from ionq_api.models.cost_estimate import CostEstimate
from ionq_api.models.job import Job
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
from ionq_api.models.noise_model import NoiseModel
from ionq_api.models.probabilities import Probabilities
from ionq_api.models.session import Session
from ionq_api.models.session_page import SessionPage
from ionq_api.types import UNSET, Unset
from ionq_client._build import (
    RESOLVE_PAGE_SIZE,
    Tag,
    build_create_body,
    build_result,
    child_widths,
    children_page_size,
    chunks,
    estimate_params,
    expect,
    expect_backends,
    given,
    is_ambiguous,
    is_multi_circuit,
    job_list_params,
    more_characterizations,
    page_limit,
    resolve_retries,
    scan_for_token,
    session_body,
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
from ionq_client._limits import limits
from ionq_client._pagination import SyncPage
from ionq_client._polling import (
    DEFAULT_POLL_INTERVAL,
    DEFAULT_WAIT_TIMEOUT,
    MAX_POLL_INTERVAL,
    TERMINAL,
    ProgressCallback,
    poll,
)
from ionq_client._results import Result
from ionq_client._retry import backoff_delay
from ionq_client._transport import CallOptions
from ionq_client._types import NOT_GIVEN, NotGiven, TimeoutTypes

if TYPE_CHECKING:
    from ionq_client._client import IonQ

__all__ = ["Backends", "Jobs", "Sessions"]

JobId = str | uuid.UUID


def _opts(timeout: TimeoutTypes | NotGiven, max_retries: int | NotGiven) -> CallOptions | None:
    from ionq_client._client import _options

    return _options(timeout, max_retries)


def _cursor_pages(
    fetch: Callable[[str | Unset], tuple[list[Any], str | None]],
) -> SyncPage[Any]:
    """A chain of pages over a `next`-cursor listing; a repeated cursor stops it."""
    seen: set[str] = set()

    def page(cursor: str | Unset) -> SyncPage[Any]:
        items, nxt = fetch(cursor)
        if not nxt or nxt in seen:
            return SyncPage(items)
        seen.add(nxt)
        return SyncPage(items, lambda: page(nxt))

    return page(UNSET)


class Jobs:
    """`client.jobs`: the job lifecycle."""

    def __init__(self, client: IonQ) -> None:
        self._client = client

    # ------------------------------------------------------------------ create
    def create(
        self,
        circuit: Circuit | Sequence[Circuit],
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
        """Submit a job running `circuit` (several circuits make a multi-circuit job).

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
                response = self._client._call(create_job.sync_detailed, body=body, options=options)
                return expect(response, JobCreated)
            except (APIConnectionError, InternalServerError) as exc:
                if not is_ambiguous(exc) or tag is None:
                    raise
                self._client._sleep(backoff_delay(attempt))
                found = self._resolve(exc, token, tag, started, body.backend, body.session_id)
                if found is not None:
                    return found
                if attempt >= retries:
                    raise
                attempt += 1

    def _resolve(
        self,
        exc: IonQError,
        token: str,
        tag: Tag,
        started: float,
        backend: str,
        session_id: uuid.UUID | Unset | None,
    ) -> JobCreated | None:
        """Find the job a failed create may have stored; re-raise `exc` if we cannot tell."""
        try:
            first = self.list(
                backend=backend,
                session_id=session_id if isinstance(session_id, uuid.UUID) else NOT_GIVEN,
                limit=RESOLVE_PAGE_SIZE,
                max_retries=resolve_retries(self._client.max_retries),
            )
            for number, page in enumerate(first.iter_pages()):
                found, done = scan_for_token(
                    page.items, token, tag, started=started, page_number=number
                )
                if done:
                    return found
        except IonQError as lookup_error:
            exc.add_note(f"could not find out whether the job was created: {lookup_error}")
            raise exc from lookup_error
        return None

    # ------------------------------------------------------------------ read
    def get(
        self,
        job_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Job:
        """Read one job."""
        response = self._client._call(
            get_job.sync_detailed, to_uuid(job_id), options=_opts(timeout, max_retries)
        )
        return expect(response, Job)

    def list(
        self,
        *,
        status: JobStatus | NotGiven = NOT_GIVEN,
        backend: str | NotGiven = NOT_GIVEN,
        session_id: JobId | NotGiven = NOT_GIVEN,
        parent_job_id: JobId | NotGiven = NOT_GIVEN,
        ids: Sequence[JobId] | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPage[Job]:
        """List jobs, newest first: the first page; iterate it to follow every page.

        `limit` is the page size (1..1000, server default 25), not a total.
        """
        options = _opts(timeout, max_retries)
        kwargs = job_list_params(
            status=status,
            backend=backend,
            session_id=session_id,
            parent_job_id=parent_job_id,
            ids=ids,
            limit=limit,
        )

        def fetch(cursor: str | Unset) -> tuple[list[Job], str | None]:
            response = self._client._call(
                list_jobs.sync_detailed, next_=cursor, options=options, **kwargs
            )
            page = expect(response, JobPage)
            return page.jobs, page.next_

        return _cursor_pages(fetch)

    def wait(
        self,
        job_id: JobId,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        max_poll_interval: float = MAX_POLL_INTERVAL,
        on_progress: ProgressCallback | None = None,
    ) -> Job:
        """Poll until the job is terminal and return it.

        Polls after `poll_interval` seconds, growing 1.5x per poll up to `max_poll_interval`.
        Raises `JobFailedError` (with the failure code and message) if the job failed or
        was cancelled, `JobTimeoutError` after `timeout` seconds (`None`: wait forever).
        `on_progress(job, elapsed_seconds)` is called after every poll.
        """
        jid = to_uuid(job_id)
        return poll(
            lambda: self.get(jid),
            job_id=str(jid),
            timeout=timeout,
            interval=poll_interval,
            max_interval=max_poll_interval,
            on_progress=on_progress,
            clock=self._client._clock,
            sleep=self._client._sleep,
        )

    def results(
        self,
        job_id: JobId,
        *,
        sharpen: bool | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Result:
        """The results of a completed job, one `CircuitResult` per circuit.

        Bitstrings are written qubit 0 leftmost (`BIT_ORDER`); `states` keeps the API's
        integer keys. A job not yet completed answers `NotFoundError`.
        """
        options = _opts(timeout, max_retries)
        jid = to_uuid(job_id)
        job = self.get(jid, timeout=timeout, max_retries=max_retries)
        probs: Probabilities | AggregatedProbabilities
        widths: dict[str, int] | None = None
        if is_multi_circuit(job):
            response = self._client._call(
                get_job_probabilities_aggregated.sync_detailed,
                jid,
                sharpen=given(sharpen),
                options=options,
            )
            probs = expect(response, AggregatedProbabilities)
            # The parent's width is its widest circuit's: each child's own is on the child.
            children = self.list(
                parent_job_id=jid,
                limit=children_page_size(job),
                timeout=timeout,
                max_retries=max_retries,
            )
            widths = child_widths(children)
        else:
            response = self._client._call(
                get_job_probabilities.sync_detailed, jid, sharpen=given(sharpen), options=options
            )
            probs = expect(response, Probabilities)
        return build_result(job, probs, widths)

    def cost(
        self,
        job_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> JobCost:
        """What a job cost (or is estimated to cost)."""
        response = self._client._call(
            get_job_cost.sync_detailed, to_uuid(job_id), options=_opts(timeout, max_retries)
        )
        return expect(response, JobCost)

    def estimate(
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
        response = self._client._call(
            estimate_job_cost.sync_detailed, options=_opts(timeout, max_retries), **params
        )
        return expect(response, CostEstimate)

    # ------------------------------------------------------------------ change
    def update(
        self,
        job_id: JobId,
        *,
        name: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Job:
        """Rename a job and/or merge `metadata` into its metadata (an API extension)."""
        body = update_body(name, metadata)
        jid = to_uuid(job_id)
        try:
            response = self._client._call(
                update_job.sync_detailed,
                jid,
                body=body,
                options=_opts(timeout, max_retries),
            )
        except (APIConnectionError, InternalServerError) as exc:
            # The update may have been applied before the failure: if the job now reads as
            # asked, that is the answer; otherwise the failure stands.
            job = self._read_back(jid, exc)
            if update_applied(job, name, metadata):
                return job
            raise
        return expect(response, Job)

    def cancel(
        self,
        job_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> JobCanceled:
        """Cancel a job (safe to repeat)."""
        jid = to_uuid(job_id)
        try:
            response = self._client._call(
                cancel_job.sync_detailed, jid, options=_opts(timeout, max_retries)
            )
        except (APIConnectionError, InternalServerError) as exc:
            job = self._read_back(jid, exc)
            if job.status in TERMINAL:
                return JobCanceled(id=jid, status=job.status)
            raise
        return expect(response, JobCanceled)

    def _read_back(self, jid: uuid.UUID, exc: IonQError) -> Job:
        """Read a job after a failed write; re-raise `exc` if even that fails."""
        try:
            return self.get(jid, max_retries=resolve_retries(self._client.max_retries))
        except IonQError as lookup_error:
            exc.add_note(f"could not read the job back: {lookup_error}")
            raise exc from lookup_error

    def delete(
        self,
        job_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> JobDeleted:
        """Delete a job. A 404 on a retry means an earlier attempt deleted it: success."""
        jid = to_uuid(job_id)
        try:
            response = self._client._call(
                delete_job.sync_detailed, jid, options=_opts(timeout, max_retries)
            )
        except NotFoundError as exc:
            if exc.attempts > 1:
                return JobDeleted(id=jid, status="deleted")
            raise
        return expect(response, JobDeleted)

    def cancel_many(
        self,
        ids: Sequence[JobId],
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> JobsCanceled:
        """Cancel several jobs (in batches of up to 1,000); returns the ids cancelled."""
        done: list[uuid.UUID] = []
        for batch in chunks(ids):
            response = self._client._call(
                cancel_jobs.sync_detailed,
                body=JobIds(ids=batch),
                options=_opts(timeout, max_retries),
            )
            done.extend(expect(response, JobsCanceled).ids)
        return JobsCanceled(ids=done, status="canceled")

    def delete_many(
        self,
        ids: Sequence[JobId],
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> JobsDeleted:
        """Delete several jobs (in batches of up to 1,000); returns the ids deleted."""
        done: list[uuid.UUID] = []
        for batch in chunks(ids):
            try:
                response = self._client._call(
                    delete_jobs.sync_detailed,
                    body=JobIds(ids=batch),
                    options=_opts(timeout, max_retries),
                )
            except NotFoundError as exc:
                # A retry after a failure that came once the batch was deleted finds the
                # jobs gone; if none of the batch is left, that earlier attempt succeeded.
                if exc.attempts == 1 or self._any_left(batch):
                    raise
                done.extend(batch)
                continue
            done.extend(expect(response, JobsDeleted).ids)
        return JobsDeleted(ids=done, status="deleted")

    def _any_left(self, batch: Sequence[uuid.UUID]) -> bool:
        page = self.list(ids=batch, limit=min(len(batch), limits().page_limit_max))
        return bool(page.items)


class Backends:
    """`client.backends`: where jobs run, and how well."""

    def __init__(self, client: IonQ) -> None:
        self._client = client

    def list(
        self,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> list[Backend]:
        """Every backend and its status."""
        response = self._client._call(
            list_backends.sync_detailed, options=_opts(timeout, max_retries)
        )
        return expect_backends(response)

    def get(
        self,
        backend: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Backend:
        """One backend, e.g. `"qpu.forte-1"`."""
        response = self._client._call(
            get_backend.sync_detailed, backend, options=_opts(timeout, max_retries)
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
    ) -> SyncPage[Characterization]:
        """A backend's characterizations, newest first: the first page (iterate for all)."""
        options = _opts(timeout, max_retries)

        def page(number: int) -> SyncPage[Characterization]:
            response = self._client._call(
                list_characterizations.sync_detailed,
                backend,
                start=given(start),
                end=given(end),
                limit=given(limit),
                page=number,
                options=options,
            )
            parsed = expect(response, CharacterizationPage)
            if more_characterizations(parsed, number):
                return SyncPage(parsed.characterizations, lambda: page(number + 1))
            return SyncPage(parsed.characterizations)

        return page(1)

    def characterization(
        self,
        backend: str,
        characterization_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Characterization:
        """One characterization of a backend."""
        response = self._client._call(
            get_characterization.sync_detailed,
            backend,
            to_uuid(characterization_id, "characterization_id"),
            options=_opts(timeout, max_retries),
        )
        return expect(response, Characterization)


class Sessions:
    """`client.sessions`: reserved time on a backend."""

    def __init__(self, client: IonQ) -> None:
        self._client = client

    def create(
        self,
        *,
        backend: BackendName,
        job_count_limit: int | NotGiven = NOT_GIVEN,
        duration_limit_min: int | NotGiven = NOT_GIVEN,
        cost_limit: float | Cost | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Session:
        """Open a session; a number `cost_limit` is in USD."""
        response = self._client._call(
            create_session.sync_detailed,
            body=session_body(backend, job_count_limit, duration_limit_min, cost_limit),
            options=_opts(timeout, max_retries),
        )
        return expect(response, Session)

    def get(
        self,
        session_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Session:
        """Read one session."""
        response = self._client._call(
            get_session.sync_detailed,
            to_uuid(session_id, "session_id"),
            options=_opts(timeout, max_retries),
        )
        return expect(response, Session)

    def list(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPage[Session]:
        """List sessions, newest first: the first page; iterate it for all."""
        options = _opts(timeout, max_retries)
        size = page_limit(limit)

        def fetch(cursor: str | Unset) -> tuple[list[Session], str | None]:
            response = self._client._call(
                list_sessions.sync_detailed, limit=size, next_=cursor, options=options
            )
            page = expect(response, SessionPage)
            return page.sessions, page.next_

        return _cursor_pages(fetch)

    def end(
        self,
        session_id: JobId,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Session:
        """End a session."""
        response = self._client._call(
            end_session.sync_detailed,
            to_uuid(session_id, "session_id"),
            options=_opts(timeout, max_retries),
        )
        return expect(response, Session)

    def jobs(
        self,
        session_id: JobId,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPage[Job]:
        """The jobs of a session, newest first: the first page; iterate it for all."""
        options = _opts(timeout, max_retries)
        sid = to_uuid(session_id, "session_id")
        size = page_limit(limit)

        def fetch(cursor: str | Unset) -> tuple[list[Job], str | None]:
            response = self._client._call(
                list_session_jobs.sync_detailed, sid, limit=size, next_=cursor, options=options
            )
            page = expect(response, JobPage)
            return page.jobs, page.next_

        return _cursor_pages(fetch)

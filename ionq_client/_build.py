"""Pure helpers shared by the sync and async resources: arguments in, generated models out.

Nothing here performs I/O, so the sync and async resources differ only in `await`.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal, TypeAlias, TypeVar, cast

import httpx

from ionq_api.models.aggregated_probabilities import AggregatedProbabilities
from ionq_api.models.backend import Backend
from ionq_api.models.backend_name import BackendName
from ionq_api.models.characterization_page import CharacterizationPage
from ionq_api.models.circuit_job_create import CircuitJobCreate
from ionq_api.models.clone_job_payload import CloneJobPayload
from ionq_api.models.cost import Cost
from ionq_api.models.job_canceled import JobCanceled
from ionq_api.models.job_created import JobCreated
from ionq_api.models.job_settings import JobSettings
from ionq_api.models.job_status import JobStatus
from ionq_api.models.job_type import JobType
from ionq_api.models.job_update import JobUpdate
from ionq_api.models.metadata import Metadata
from ionq_api.models.multi_circuit_job_create import MultiCircuitJobCreate
from ionq_api.models.noise import Noise
from ionq_api.models.probabilities import Probabilities
from ionq_api.models.qaoa_job import QaoaJob
from ionq_api.models.qasm_3_job_create import Qasm3JobCreate
from ionq_api.models.quantum_function_job import QuantumFunctionJob
from ionq_api.models.result_format import ResultFormat
from ionq_api.models.session_cost_limit import SessionCostLimit
from ionq_api.models.session_create import SessionCreate
from ionq_api.models.session_settings_request import SessionSettingsRequest
from ionq_api.types import UNSET, Response, Unset
from ionq_client._artifacts import (
    AGGREGATE,
    HISTOGRAM_FORMATS,
    PROBABILITIES_V1,
    PROBABILITY_FORMATS,
    SHOTS_FORMATS,
    check_include,
    pick,
    read_aggregate,
    read_counts,
    read_probabilities,
    read_samples,
)
from ionq_client._circuit import Circuit, Qasm3, circuits_input
from ionq_client._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    InternalServerError,
    ValidationError,
)
from ionq_client._jobs import (
    JOB_MODELS,
    MULTI_CIRCUIT_TYPE,
    AnyJob,
    ListedJob,
    job_child_ids,
    job_qubits,
)
from ionq_client._limits import check_metadata, check_name, check_shots, limits
from ionq_client._results import CircuitResult, Result
from ionq_client._retry import is_certainly_unsent
from ionq_client._types import NOT_GIVEN, NotGiven

__all__ = [
    "CREATE_TOKEN_KEY",
    "NAME_TOKEN_PREFIX",
    "RESOLVE_LOOKBACK_SECONDS",
    "RESOLVE_MAX_PAGES",
    "RESOLVE_MAX_RETRIES",
    "RESOLVE_PAGE_SIZE",
    "CreateBody",
    "Fetch",
    "NoiseModel",
    "Program",
    "ResultParts",
    "artifact_content",
    "build_create_body",
    "canceled_from_job",
    "check_results_job",
    "child_widths",
    "children_page_size",
    "chunks",
    "clone_body",
    "created_from_job",
    "estimate_params",
    "expect",
    "expect_backends",
    "expect_job",
    "extra_fetches",
    "given",
    "has_token",
    "include_set",
    "is_ambiguous",
    "is_multi_circuit",
    "job_list_params",
    "legacy_aggregate",
    "legacy_states",
    "more_characterizations",
    "multi_result",
    "page_limit",
    "paged",
    "probability_fetch",
    "resolve_retries",
    "scan_for_token",
    "schema_format",
    "session_body",
    "single_result",
    "target_param",
    "to_uuid",
    "update_applied",
    "update_body",
]

T = TypeVar("T")

#: The metadata key `jobs.create` tags each job with, so that after an ambiguous failure it
#: can find out whether the job was stored. It counts against the 10-key limit.
CREATE_TOKEN_KEY: Final = "ionq_client_create_token"
#: When all metadata keys are taken and no name was given, the token goes in the name.
NAME_TOKEN_PREFIX: Final = "ionq-client-create:"
#: How the listing that resolves an ambiguous create is bounded.
RESOLVE_MAX_PAGES: Final = 20
RESOLVE_PAGE_SIZE: Final = 100
RESOLVE_LOOKBACK_SECONDS: Final = 600.0
#: Retries for that listing: more than usual, since giving up leaves the caller unsure.
RESOLVE_MAX_RETRIES: Final = 8

Tag = Literal["metadata", "name"] | None
#: A simulator noise model: any string (`ideal`, `aria-1`, `forte-1`, or one newer than
#: this package); the API's own list is open.
NoiseModel: TypeAlias = str


def given(value: T | NotGiven) -> T | Unset:
    """`NOT_GIVEN` becomes the generator's `UNSET`; anything else passes through."""
    return UNSET if isinstance(value, NotGiven) else value


def to_uuid(value: str | uuid.UUID, key: str = "job_id") -> uuid.UUID:
    """A UUID from a string or UUID; `ValidationError` naming `key` when it is not one."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(value)
    except (ValueError, TypeError, AttributeError):
        raise ValidationError(f"{key} {value!r} is not a UUID", key=key) from None


def expect(response: Response[Any], cls: type[T]) -> T:
    """The parsed success model, or `APIResponseValidationError` when the body was not one.

    Error statuses never get here (the transport raises them), so anything else is a
    success status the contract does not document, or a body of the wrong shape.
    """
    parsed = response.parsed
    if isinstance(parsed, cls):
        return parsed
    raise APIResponseValidationError(
        f"HTTP {int(response.status_code)}: expected {cls.__name__}, got {type(parsed).__name__}"
    )


def expect_job(response: Response[Any]) -> AnyJob:
    """The parsed job (any of the `Job` variants), or `APIResponseValidationError`."""
    parsed = response.parsed
    if isinstance(parsed, JOB_MODELS):
        return parsed
    raise APIResponseValidationError(
        f"HTTP {int(response.status_code)}: expected a Job, got {type(parsed).__name__}"
    )


def artifact_content(response: Response[Any]) -> Any:
    """An artifact's content as JSON (lists, dicts, numbers), not the generated guess of
    its model: several formats share a shape, so only the descriptor's format tells."""
    try:
        return json.loads(response.content)
    except ValueError as exc:
        raise APIResponseValidationError(f"artifact is not JSON: {exc}") from exc


#: What `jobs.create` runs: a circuit, several (one multi-circuit job), or a QASM 3 program.
Program: TypeAlias = Circuit | Sequence[Circuit] | Qasm3 | str
CreateBody: TypeAlias = CircuitJobCreate | MultiCircuitJobCreate | Qasm3JobCreate


def build_create_body(
    circuit: Program,
    *,
    backend: BackendName,
    token: str,
    shots: int | NotGiven,
    name: str | NotGiven,
    metadata: Mapping[str, str] | NotGiven,
    noise: NoiseModel | Noise | NotGiven,
    settings: JobSettings | NotGiven,
    session_id: str | uuid.UUID | NotGiven,
    dry_run: bool | NotGiven,
) -> tuple[CreateBody, Tag]:
    """The request body of a create, checked against the limits and tagged with `token`."""
    lim = limits()
    user_meta = dict(metadata) if not isinstance(metadata, NotGiven) else {}
    check_metadata(user_meta)
    if CREATE_TOKEN_KEY in user_meta:
        raise ValidationError(
            f"metadata key {CREATE_TOKEN_KEY!r} is reserved by ionq_client",
            key=f"metadata.{CREATE_TOKEN_KEY}",
        )
    if not isinstance(shots, NotGiven):
        check_shots(shots)
    if not isinstance(name, NotGiven):
        check_name(name)
    tag: Tag = None
    job_name: str | NotGiven = name
    if len(user_meta) < lim.metadata_max_keys:
        user_meta[CREATE_TOKEN_KEY] = token
        tag = "metadata"
    elif isinstance(name, NotGiven):
        job_name = NAME_TOKEN_PREFIX + token
        tag = "name"
    meta_model: Metadata | Unset = UNSET
    if user_meta:
        meta_model = Metadata()
        meta_model.additional_properties = user_meta
    noise_model = noise_of(noise)
    sid: str | Unset = (
        UNSET if isinstance(session_id, NotGiven) else str(to_uuid(session_id, "session_id"))
    )
    common: dict[str, Any] = {
        "backend": backend,
        "name": given(job_name),
        "metadata": meta_model,
        "shots": given(shots),
        "noise": noise_model,
        "settings": given(settings),
        "session_id": sid,
        "dry_run": given(dry_run),
    }
    if isinstance(circuit, Circuit):
        return CircuitJobCreate(type_="ionq.circuit.v1", input_=circuit.to_input(), **common), tag
    if isinstance(circuit, str):
        circuit = Qasm3(circuit)
    if isinstance(circuit, Qasm3):
        return Qasm3JobCreate(type_="ionq.qasm3.v1", input_=circuit.to_input(), **common), tag
    circuits = list(circuit)
    if not all(isinstance(c, Circuit) for c in circuits):
        raise ValidationError("give a Circuit or a sequence of Circuits", key="input")
    body = MultiCircuitJobCreate(
        type_="ionq.multi-circuit.v1", input_=circuits_input(circuits), **common
    )
    return body, tag


def noise_of(noise: NoiseModel | Noise | NotGiven) -> Noise | Unset:
    """The `noise` of a request body: a `Noise` as given, a model name (any string) wrapped."""
    if isinstance(noise, Noise):
        return noise
    if isinstance(noise, NotGiven):
        return UNSET
    if not isinstance(noise, str) or not noise:
        raise ValidationError(f"noise must be a model name or a Noise, not {noise!r}", key="noise")
    return Noise(model=noise)


def clone_body(
    *,
    name: str | NotGiven,
    metadata: Mapping[str, str] | NotGiven,
    shots: int | NotGiven,
    backend: BackendName | NotGiven,
    session_id: str | uuid.UUID | NotGiven | None,
    settings: JobSettings | NotGiven,
    dry_run: bool | NotGiven,
    noise: NoiseModel | Noise | NotGiven,
    parent: str | uuid.UUID | NotGiven,
) -> CloneJobPayload:
    """The body of a clone or move: the fields to change, checked against the limits.

    `session_id=None` asks for the new job to run outside any session.
    """
    meta: Metadata | Unset = UNSET
    if not isinstance(metadata, NotGiven):
        check_metadata(metadata)
        meta = Metadata()
        meta.additional_properties = dict(metadata)
    if not isinstance(name, NotGiven):
        check_name(name)
    if not isinstance(shots, NotGiven):
        check_shots(shots)
    sid: str | Unset | None = UNSET
    if session_id is None:
        sid = None
    elif not isinstance(session_id, NotGiven):
        sid = str(to_uuid(session_id, "session_id"))
    return CloneJobPayload(
        parent=UNSET if isinstance(parent, NotGiven) else str(to_uuid(parent, "parent")),
        name=given(name),
        metadata=meta,
        shots=given(shots),
        backend=given(backend),
        session_id=sid,
        settings=given(settings),
        dry_run=given(dry_run),
        noise=noise_of(noise),
    )


def has_token(job: AnyJob, token: str, tag: Tag) -> bool:
    """Whether `job` is the one a create tagged with `token` made."""
    if tag == "metadata":
        meta = job.metadata
        return meta is not None and meta.additional_properties.get(CREATE_TOKEN_KEY) == token
    if tag == "name":
        return job.name == NAME_TOKEN_PREFIX + token
    return False


def created_from_job(job: AnyJob) -> JobCreated:
    """The `JobCreated` a create would have answered, from the stored job."""
    return JobCreated(id=job.id, status=job.status, session_id=job.session_id)


def canceled_from_job(job: AnyJob) -> JobCanceled:
    """The answer of a cancel whose job was read back terminal: cancelled, or (kept in
    `additional_properties["job_status"]`) completed or failed before the cancel."""
    answer = JobCanceled(id=str(job.id), status="canceled")
    if job.status != "canceled":
        answer.additional_properties["job_status"] = job.status
    return answer


def is_ambiguous(exc: APIConnectionError | InternalServerError) -> bool:
    """Whether a failed create may still have stored the job.

    A 5xx may come after the server committed; a broken connection or a read timeout may
    too. Only a connection never established (see `is_certainly_unsent`) is certain.
    """
    if isinstance(exc, InternalServerError):
        return True
    cause = exc.__cause__
    return not (isinstance(cause, httpx.TransportError) and bool(is_certainly_unsent(cause)))


def legacy_states(probs: Probabilities) -> dict[int, float]:
    """`{state: probability}` from `/results/probabilities`: the same content as the
    `ionq.result.probabilities.json.v1` artifact, read by the same reader."""
    return read_probabilities(PROBABILITIES_V1, probs.additional_properties)[0]


def legacy_aggregate(probs: AggregatedProbabilities) -> dict[str, dict[int, float]]:
    """`{child id: {state: probability}}` from `/results/probabilities/aggregated`: the
    content of the aggregate artifact."""
    return read_aggregate(
        {cid: p.additional_properties for cid, p in probs.additional_properties.items()}
    )


def children_page_size(job: AnyJob) -> int:
    """The page size that lists every child of a multi-circuit job in as few pages as can be."""
    ids = job_child_ids(job)
    count = len(ids) if ids else 0
    return max(1, min(count or limits().page_limit_max, limits().page_limit_max))


def child_widths(children: Iterable[ListedJob]) -> dict[str, int]:
    """Each child job's own width (`stats.qubits`), by id (children whose stats do not
    say are left out)."""
    widths: dict[str, int] = {}
    for child in children:
        qubits = job_qubits(child)
        if qubits is not None:
            widths[str(child.id)] = qubits
    return widths


Kind: TypeAlias = Literal["probabilities", "aggregate", "histogram", "shots"]


def include_set(include: object) -> frozenset[str]:
    """The extras `jobs.results(include=...)` asks for, or `ValidationError`."""
    try:
        return check_include(include)
    except ValueError as exc:
        raise ValidationError(str(exc), key="include") from None


def check_results_job(job: AnyJob) -> None:
    """`ValidationError` for a job whose results are not circuit outcomes (QAOA and
    quantum-function jobs: read `job.results` from `jobs.get`)."""
    if isinstance(job, QaoaJob | QuantumFunctionJob):
        raise ValidationError(
            f"job {job.id} is a {job.type_} job: its results are job.results "
            "(from jobs.get), not probabilities",
            key="job_id",
        )


def schema_format(format_id: str) -> ResultFormat:
    """A format id for `GET /schemas/formats/{format}`: any non-empty string (the API may
    know formats newer than this package)."""
    if not isinstance(format_id, str) or not format_id or "/" in format_id:
        raise ValidationError(f"format {format_id!r} is not a format id", key="format")
    return cast(ResultFormat, format_id)


@dataclass(frozen=True)
class Fetch:
    """One artifact to download for a result: what it gives, its format and its id."""

    kind: Kind
    format: str
    artifact_id: str


def probability_fetch(
    descriptors: Mapping[str, Mapping[str, Any]], *, multi: bool, sharpen: bool | NotGiven
) -> Fetch | None:
    """The artifact holding the job's probabilities (the aggregate for a multi-circuit
    parent); `None` means read the `/results/probabilities` routes instead: the job has no
    such descriptor (an older service), or `sharpen=True` was asked (artifacts are never
    sharpened)."""
    if sharpen is True:
        return None
    if multi:
        found = pick(descriptors, (AGGREGATE,))
        return None if found is None else Fetch("aggregate", *found)
    found = pick(descriptors, PROBABILITY_FORMATS)
    return None if found is None else Fetch("probabilities", *found)


def extra_fetches(
    descriptors: Mapping[str, Mapping[str, Any]], include: Iterable[str]
) -> list[Fetch]:
    """The histogram and shots artifacts `include` asks for that the job has."""
    wanted = set(include)
    fetches: list[Fetch] = []
    if "histogram" in wanted and (found := pick(descriptors, HISTOGRAM_FORMATS)) is not None:
        fetches.append(Fetch("histogram", *found))
    if "shots" in wanted and (found := pick(descriptors, SHOTS_FORMATS)) is not None:
        fetches.append(Fetch("shots", *found))
    return fetches


@dataclass
class ResultParts:
    """What has been read of one circuit's results so far."""

    states: dict[int, float] = field(default_factory=dict)
    width: int = 0
    histogram: dict[int, int] | None = None
    samples: list[int] | None = None

    def add(self, fetch: Fetch, content: object) -> None:
        """Read the downloaded `content` of `fetch` into these parts."""
        if fetch.kind == "probabilities":
            self.states, width = read_probabilities(fetch.format, content)
        elif fetch.kind == "histogram":
            self.histogram, width = read_counts(fetch.format, content)
        elif fetch.kind == "shots":
            self.samples, width = read_samples(fetch.format, content)
        else:  # pragma: no cover - aggregates are split per child before this
            raise ValueError(f"cannot add a {fetch.kind} artifact to one circuit")
        self.width = max(self.width, width)

    def circuit(self, job_id: str, width: int | None, shots: int | None) -> CircuitResult:
        """The `CircuitResult`, `width` qubits wide unless its outcomes need more."""
        seen = [*self.states, *(self.histogram or ()), *(self.samples or ())]
        bits = max((s.bit_length() for s in seen), default=0)
        return CircuitResult(
            job_id=job_id,
            qubits=max(width or 0, self.width, bits, 1),
            states=self.states,
            shots=shots,
            histogram_states=self.histogram,
            sample_states=None if self.samples is None else tuple(self.samples),
        )


def _shots(job: AnyJob) -> int | None:
    return None if isinstance(job.shots, Unset) else job.shots


def single_result(job: AnyJob, parts: ResultParts) -> Result:
    """The `Result` of a single-circuit job."""
    job_id = str(job.id)
    return Result(job_id=job_id, circuits=(parts.circuit(job_id, job_qubits(job), _shots(job)),))


def multi_result(
    job: AnyJob, children: Mapping[str, ResultParts], widths: Mapping[str, int] | None = None
) -> Result:
    """The `Result` of a multi-circuit job, one circuit per child in submission order.

    `widths` gives each child job's own width (a multi-circuit job's `stats.qubits` is its
    widest circuit's); a child missing from it falls back to the parent's width.
    """
    own = widths or {}
    width = job_qubits(job)
    ids = job_child_ids(job)
    order = ids if ids else list(children)
    missing = [c for c in order if c not in children]
    if missing:
        raise APIResponseValidationError(f"aggregated results lack child jobs {missing}")
    return Result(
        job_id=str(job.id),
        circuits=tuple(children[c].circuit(c, own.get(c, width), _shots(job)) for c in order),
    )


def chunks(ids: Sequence[str | uuid.UUID]) -> list[list[uuid.UUID]]:
    """Job ids as UUIDs, split into batches the bulk endpoints accept."""
    size = limits().bulk_ids_max
    as_uuids = [to_uuid(i, "ids") for i in ids]
    if not as_uuids:
        raise ValidationError("give at least one job id", key="ids")
    return [as_uuids[i : i + size] for i in range(0, len(as_uuids), size)]


def update_applied(
    job: AnyJob, name: str | NotGiven, metadata: Mapping[str, str] | NotGiven
) -> bool:
    """Whether `job` already reads as an update of `name` and `metadata` would leave it."""
    if not isinstance(name, NotGiven) and job.name != name:
        return False
    if isinstance(metadata, NotGiven):
        return True
    current = job.metadata.additional_properties if job.metadata is not None else {}
    return all(current.get(k) == v for k, v in metadata.items())


def is_multi_circuit(job: AnyJob) -> bool:
    """Whether `job` ran several circuits (its results are aggregated per child)."""
    return job.type_ == MULTI_CIRCUIT_TYPE


def page_limit(limit: int | NotGiven) -> int | Unset:
    """A page size checked against the contract's range (`UNSET` when not given)."""
    if isinstance(limit, NotGiven):
        return UNSET
    top = limits().page_limit_max
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= top:
        raise ValidationError(f"limit is {limit!r}; it must be 1 to {top}", key="limit")
    return limit


def target_param(backend: str | Sequence[str] | NotGiven) -> str | Unset:
    """The `target` filter of a listing: one backend, or several joined with commas."""
    if isinstance(backend, NotGiven):
        return UNSET
    names = [backend] if isinstance(backend, str) else list(backend)
    if not names or not all(isinstance(n, str) and n and "," not in n for n in names):
        raise ValidationError(
            f"backend must be a backend name or a list of them, not {backend!r}", key="backend"
        )
    return ",".join(names)


def job_list_params(
    *,
    status: JobStatus | NotGiven,
    backend: str | Sequence[str] | NotGiven,
    session_id: str | uuid.UUID | NotGiven,
    parent_job_id: str | uuid.UUID | NotGiven,
    ids: Sequence[str | uuid.UUID] | NotGiven,
    limit: int | NotGiven,
    submitter_id: str | NotGiven = NOT_GIVEN,
) -> dict[str, Any]:
    """The generated `list_jobs` function's filters, checked (ids as UUIDs, page size);
    `backend` (one name or several) is the API's `target`."""
    return {
        "status": given(status),
        "target": target_param(backend),
        "submitter_id": given(submitter_id),
        "session_id": UNSET
        if isinstance(session_id, NotGiven)
        else to_uuid(session_id, "session_id"),
        "parent_job_id": UNSET
        if isinstance(parent_job_id, NotGiven)
        else to_uuid(parent_job_id, "parent_job_id"),
        "ids": UNSET if isinstance(ids, NotGiven) else [to_uuid(i, "ids") for i in ids],
        "limit": page_limit(limit),
    }


def estimate_params(
    *,
    backend: BackendName,
    circuit: Circuit | NotGiven,
    qubits: int | NotGiven,
    shots: int | NotGiven,
    one_qubit_gates: int | NotGiven,
    two_qubit_gates: int | NotGiven,
    error_mitigation: bool | NotGiven,
    type: JobType | NotGiven,
) -> dict[str, Any]:
    """The generated `estimate_job_cost` function's arguments; counts not given explicitly
    are taken from `circuit`."""
    if isinstance(circuit, Circuit):
        one, two = circuit.gate_counts()
        qubits = circuit.qubits if isinstance(qubits, NotGiven) else qubits
        one_qubit_gates = one if isinstance(one_qubit_gates, NotGiven) else one_qubit_gates
        two_qubit_gates = two if isinstance(two_qubit_gates, NotGiven) else two_qubit_gates
    return {
        "backend": backend,
        "type_": given(type),
        "qubits": given(qubits),
        "shots": given(shots),
        "field_1q_gates": given(one_qubit_gates),
        "field_2q_gates": given(two_qubit_gates),
        "error_mitigation": given(error_mitigation),
    }


def update_body(name: str | NotGiven, metadata: Mapping[str, str] | NotGiven) -> JobUpdate:
    """The body of a job update, checked against the limits."""
    meta: Metadata | Unset = UNSET
    if not isinstance(metadata, NotGiven):
        check_metadata(metadata)
        meta = Metadata()
        meta.additional_properties = dict(metadata)
    if not isinstance(name, NotGiven):
        check_name(name)
    return JobUpdate(name=given(name), metadata=meta)


def session_body(
    backend: BackendName,
    job_count_limit: int | NotGiven,
    duration_limit_min: int | NotGiven,
    cost_limit: float | Cost | SessionCostLimit | NotGiven,
) -> SessionCreate:
    """The body of a session create; a number `cost_limit` is in USD."""
    cost: SessionCostLimit | Unset = UNSET
    if isinstance(cost_limit, SessionCostLimit):
        cost = cost_limit
    elif isinstance(cost_limit, Cost):
        cost = SessionCostLimit(unit=cost_limit.unit, value=cost_limit.value)
    elif not isinstance(cost_limit, NotGiven):
        cost = SessionCostLimit(value=float(cost_limit), unit="usd")
    settings = SessionSettingsRequest(
        job_count_limit=given(job_count_limit),
        duration_limit_min=given(duration_limit_min),
        cost_limit=cost,
    )
    return SessionCreate(backend=backend, settings=settings)


def expect_backends(response: Response[Any]) -> list[Backend]:
    """The parsed backend list, or `APIResponseValidationError` when the body was not one."""
    parsed = response.parsed
    if isinstance(parsed, list):
        return parsed
    return [expect(response, Backend)]  # raises unless the body is at least one Backend


#: The page size the service uses for characterizations when `limit` is not given.
CHARACTERIZATION_PAGE_SIZE: Final = 10


def more_characterizations(page: CharacterizationPage, number: int, limit: int | None) -> bool:
    """Whether page `number` of a characterization listing has a page after it.

    With a page count (`pages`), by it. Without one (IonQ's document makes it optional), a
    page shorter than the page size is the last: following pages until one comes back empty
    would never end against a server that ignores `page`.
    """
    if not page.characterizations:
        return False
    if isinstance(page.pages, int):
        return number < page.pages
    return len(page.characterizations) >= (limit or CHARACTERIZATION_PAGE_SIZE)


def resolve_retries(client_max_retries: int) -> int:
    """The retry budget of the look-up after an ambiguous create or write."""
    return max(RESOLVE_MAX_RETRIES, client_max_retries)


def scan_for_token(
    jobs: Sequence[ListedJob], token: str, tag: Tag, *, started: float, page_number: int
) -> tuple[JobCreated | None, bool]:
    """Look through one page of the newest jobs for the one tagged `token`.

    Returns the job as a create's answer if found, and whether the look-up should stop
    (found, or the page reaches jobs older than the look-back, or the page budget is spent).
    """
    for job in jobs:
        if has_token(job, token, tag):
            return created_from_job(job), True
    oldest = jobs[-1].submitted_at.timestamp() if jobs else 0.0
    done = oldest < started - RESOLVE_LOOKBACK_SECONDS or page_number + 1 >= RESOLVE_MAX_PAGES
    return None, done


def paged(items: Sequence[T], size: int | Unset) -> list[list[T]]:
    """`items` cut into pages of `size` (one page when `size` is unset): for listings the
    API answers in one piece (sessions) but this package has always paged."""
    if isinstance(size, Unset) or not items:
        return [list(items)]
    return [list(items[i : i + size]) for i in range(0, len(items), size)]

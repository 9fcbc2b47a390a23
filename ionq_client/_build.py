"""Pure helpers shared by the sync and async resources: arguments in, generated models out.

Nothing here performs I/O, so the sync and async resources differ only in `await`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final, Literal, TypeVar

import httpx

from ionq_api.models.aggregated_probabilities import AggregatedProbabilities
from ionq_api.models.backend import Backend
from ionq_api.models.backend_name import BackendName
from ionq_api.models.characterization_page import CharacterizationPage
from ionq_api.models.circuit_job_create import CircuitJobCreate
from ionq_api.models.cost import Cost
from ionq_api.models.job import Job
from ionq_api.models.job_created import JobCreated
from ionq_api.models.job_settings import JobSettings
from ionq_api.models.job_status import JobStatus
from ionq_api.models.job_type import JobType
from ionq_api.models.job_update import JobUpdate
from ionq_api.models.metadata import Metadata
from ionq_api.models.multi_circuit_job_create import MultiCircuitJobCreate
from ionq_api.models.noise import Noise
from ionq_api.models.noise_model import NoiseModel
from ionq_api.models.probabilities import Probabilities
from ionq_api.models.session_create import SessionCreate
from ionq_api.models.session_settings import SessionSettings
from ionq_api.types import UNSET, Response, Unset
from ionq_client._circuit import Circuit, circuits_input
from ionq_client._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    InternalServerError,
    ValidationError,
)
from ionq_client._limits import check_metadata, check_name, check_shots, limits
from ionq_client._results import CircuitResult, Result
from ionq_client._retry import is_certainly_unsent
from ionq_client._types import NotGiven

__all__ = [
    "CREATE_TOKEN_KEY",
    "NAME_TOKEN_PREFIX",
    "RESOLVE_LOOKBACK_SECONDS",
    "RESOLVE_MAX_PAGES",
    "RESOLVE_MAX_RETRIES",
    "RESOLVE_PAGE_SIZE",
    "build_create_body",
    "build_result",
    "child_widths",
    "children_page_size",
    "chunks",
    "created_from_job",
    "estimate_params",
    "expect",
    "expect_backends",
    "given",
    "has_token",
    "is_ambiguous",
    "is_multi_circuit",
    "job_list_params",
    "more_characterizations",
    "page_limit",
    "resolve_retries",
    "scan_for_token",
    "session_body",
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


def build_create_body(
    circuit: Circuit | Sequence[Circuit],
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
) -> tuple[CircuitJobCreate | MultiCircuitJobCreate, Tag]:
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
    noise_model: Noise | Unset = UNSET
    if isinstance(noise, Noise):
        noise_model = noise
    elif not isinstance(noise, NotGiven):
        noise_model = Noise(model=noise)
    sid: uuid.UUID | Unset = (
        UNSET if isinstance(session_id, NotGiven) else to_uuid(session_id, "session_id")
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
    circuits = list(circuit)
    if not all(isinstance(c, Circuit) for c in circuits):
        raise ValidationError("give a Circuit or a sequence of Circuits", key="input")
    body = MultiCircuitJobCreate(
        type_="ionq.multi-circuit.v1", input_=circuits_input(circuits), **common
    )
    return body, tag


def has_token(job: Job, token: str, tag: Tag) -> bool:
    """Whether `job` is the one a create tagged with `token` made."""
    if tag == "metadata":
        meta = job.metadata
        return meta is not None and meta.additional_properties.get(CREATE_TOKEN_KEY) == token
    if tag == "name":
        return job.name == NAME_TOKEN_PREFIX + token
    return False


def created_from_job(job: Job) -> JobCreated:
    """The `JobCreated` a create would have answered, from the stored job."""
    return JobCreated(id=job.id, status=job.status, session_id=job.session_id)


def is_ambiguous(exc: APIConnectionError | InternalServerError) -> bool:
    """Whether a failed create may still have stored the job.

    A 5xx may come after the server committed; a broken connection or a read timeout may
    too. Only a connection never established (see `is_certainly_unsent`) is certain.
    """
    if isinstance(exc, InternalServerError):
        return True
    cause = exc.__cause__
    return not (isinstance(cause, httpx.TransportError) and is_certainly_unsent(cause))


def _states(probs: Probabilities) -> dict[int, float]:
    try:
        return {int(k): float(v) for k, v in probs.additional_properties.items()}
    except (TypeError, ValueError) as exc:
        raise APIResponseValidationError(f"probabilities with a non-integer key: {exc}") from exc


def children_page_size(job: Job) -> int:
    """The page size that lists every child of a multi-circuit job in as few pages as can be."""
    count = len(job.child_job_ids) if job.child_job_ids else 0
    return max(1, min(count or limits().page_limit_max, limits().page_limit_max))


def child_widths(children: Iterable[Job]) -> dict[str, int]:
    """Each child job's own width (`stats.qubits`), by id."""
    return {str(child.id): child.stats.qubits for child in children}


def build_result(
    job: Job,
    probabilities: Probabilities | AggregatedProbabilities,
    widths: Mapping[str, int] | None = None,
) -> Result:
    """The `Result` of `job` from its probabilities (aggregated for multi-circuit jobs).

    `widths` gives each child job's own width (a multi-circuit job's `stats.qubits` is its
    widest circuit's); a child missing from it falls back to the parent's width.
    """
    shots = None if isinstance(job.shots, Unset) else job.shots
    width = job.stats.qubits
    job_id = str(job.id)
    own = widths or {}

    def one(cid: str, probs: Probabilities) -> CircuitResult:
        states = _states(probs)
        bits = max((s.bit_length() for s in states), default=0)
        qubits = max(own.get(cid, width), bits, 1)
        return CircuitResult(job_id=cid, qubits=qubits, states=states, shots=shots)

    if isinstance(probabilities, Probabilities):
        return Result(job_id=job_id, circuits=(one(job_id, probabilities),))
    children = probabilities.additional_properties
    order = [str(c) for c in job.child_job_ids] if job.child_job_ids else list(children)
    missing = [c for c in order if c not in children]
    if missing:
        raise APIResponseValidationError(f"aggregated results lack child jobs {missing}")
    return Result(job_id=job_id, circuits=tuple(one(c, children[c]) for c in order))


def chunks(ids: Sequence[str | uuid.UUID]) -> list[list[uuid.UUID]]:
    """Job ids as UUIDs, split into batches the bulk endpoints accept."""
    size = limits().bulk_ids_max
    as_uuids = [to_uuid(i, "ids") for i in ids]
    if not as_uuids:
        raise ValidationError("give at least one job id", key="ids")
    return [as_uuids[i : i + size] for i in range(0, len(as_uuids), size)]


def update_applied(job: Job, name: str | NotGiven, metadata: Mapping[str, str] | NotGiven) -> bool:
    """Whether `job` already reads as an update of `name` and `metadata` would leave it."""
    if not isinstance(name, NotGiven) and job.name != name:
        return False
    if isinstance(metadata, NotGiven):
        return True
    current = job.metadata.additional_properties if job.metadata is not None else {}
    return all(current.get(k) == v for k, v in metadata.items())


def is_multi_circuit(job: Job) -> bool:
    """Whether `job` ran several circuits (its results are aggregated per child)."""
    return job.type_ == "ionq.multi-circuit.v1" or bool(job.child_job_ids)


def page_limit(limit: int | NotGiven) -> int | Unset:
    """A page size checked against the contract's range (`UNSET` when not given)."""
    if isinstance(limit, NotGiven):
        return UNSET
    top = limits().page_limit_max
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= top:
        raise ValidationError(f"limit is {limit!r}; it must be 1 to {top}", key="limit")
    return limit


def job_list_params(
    *,
    status: JobStatus | NotGiven,
    backend: str | NotGiven,
    session_id: str | uuid.UUID | NotGiven,
    parent_job_id: str | uuid.UUID | NotGiven,
    ids: Sequence[str | uuid.UUID] | NotGiven,
    limit: int | NotGiven,
) -> dict[str, Any]:
    """The generated `list_jobs` function's filters, checked (ids as UUIDs, page size)."""
    return {
        "status": given(status),
        "backend": given(backend),
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
    cost_limit: float | Cost | NotGiven,
) -> SessionCreate:
    """The body of a session create; a number `cost_limit` is in USD."""
    cost: Cost | Unset = UNSET
    if isinstance(cost_limit, Cost):
        cost = cost_limit
    elif not isinstance(cost_limit, NotGiven):
        cost = Cost(value=float(cost_limit), unit="usd")
    settings = SessionSettings(
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


def more_characterizations(page: CharacterizationPage, number: int) -> bool:
    """Whether page `number` of a characterization listing has a page after it."""
    return number < page.pages and bool(page.characterizations)


def resolve_retries(client_max_retries: int) -> int:
    """The retry budget of the look-up after an ambiguous create or write."""
    return max(RESOLVE_MAX_RETRIES, client_max_retries)


def scan_for_token(
    jobs: Sequence[Job], token: str, tag: Tag, *, started: float, page_number: int
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

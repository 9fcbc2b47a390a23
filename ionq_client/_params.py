"""Arguments checked and turned into the generated functions' parameters.

Job ids as UUIDs, page sizes within the contract's range, listing filters, the cost
estimate's counts, and how listings are paged. Nothing here performs I/O.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, Final, TypeVar, cast

from ionq_api.models.backend_name import BackendName
from ionq_api.models.characterization_page import CharacterizationPage
from ionq_api.models.job_status import JobStatus
from ionq_api.models.job_type import JobType
from ionq_api.models.result_format import ResultFormat
from ionq_api.types import UNSET, Unset
from ionq_client._circuit import Circuit
from ionq_client._exceptions import ValidationError
from ionq_client._limits import limits
from ionq_client._types import NOT_GIVEN, NotGiven

__all__ = [
    "CHARACTERIZATION_PAGE_SIZE",
    "chunks",
    "estimate_params",
    "given",
    "job_list_params",
    "more_characterizations",
    "page_limit",
    "paged",
    "schema_format",
    "target_param",
    "to_uuid",
]

T = TypeVar("T")


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


def schema_format(format_id: str) -> ResultFormat:
    """A format id for `GET /schemas/formats/{format}`: any non-empty string (the API may
    know formats newer than this package)."""
    if not isinstance(format_id, str) or not format_id or "/" in format_id:
        raise ValidationError(f"format {format_id!r} is not a format id", key="format")
    return cast(ResultFormat, format_id)


def chunks(ids: Sequence[str | uuid.UUID]) -> list[list[uuid.UUID]]:
    """Job ids as UUIDs, split into batches the bulk endpoints accept."""
    size = limits().bulk_ids_max
    as_uuids = [to_uuid(i, "ids") for i in ids]
    if not as_uuids:
        raise ValidationError("give at least one job id", key="ids")
    return [as_uuids[i : i + size] for i in range(0, len(as_uuids), size)]


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


def paged(items: Sequence[T], size: int | Unset) -> list[list[T]]:
    """`items` cut into pages of `size` (one page when `size` is unset): for listings the
    API answers in one piece (sessions) but this package has always paged."""
    if isinstance(size, Unset) or not items:
        return [list(items)]
    return [list(items[i : i + size]) for i in range(0, len(items), size)]

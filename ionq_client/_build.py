"""Arguments in, request bodies out: the bodies of a create, a clone or move, an update and
a session create, checked against the limits.

A create's body is tagged with a token (`CREATE_TOKEN_KEY` in its metadata, else the name)
so that after an ambiguous failure `_readback` can find out whether the job was stored.
Nothing here performs I/O, so the sync and async resources differ only in `await`.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any, Final, Literal, TypeAlias

from ionq_api.models.backend_name import BackendName
from ionq_api.models.circuit_job_create import CircuitJobCreate
from ionq_api.models.clone_job_payload import CloneJobPayload
from ionq_api.models.cost import Cost
from ionq_api.models.job_settings import JobSettings
from ionq_api.models.job_update import JobUpdate
from ionq_api.models.metadata import Metadata
from ionq_api.models.multi_circuit_job_create import MultiCircuitJobCreate
from ionq_api.models.noise import Noise
from ionq_api.models.qasm_3_job_create import Qasm3JobCreate
from ionq_api.models.session_cost_limit import SessionCostLimit
from ionq_api.models.session_create import SessionCreate
from ionq_api.models.session_settings_request import SessionSettingsRequest
from ionq_api.types import UNSET, Unset
from ionq_client._circuit import Circuit
from ionq_client._exceptions import ValidationError
from ionq_client._job_input import Qasm3, circuits_input
from ionq_client._limits import check_metadata, check_name, check_shots, limits
from ionq_client._params import given, to_uuid
from ionq_client._types import NotGiven

__all__ = [
    "CREATE_TOKEN_KEY",
    "NAME_TOKEN_PREFIX",
    "CreateBody",
    "NoiseModel",
    "Program",
    "Tag",
    "build_create_body",
    "clone_body",
    "noise_of",
    "session_body",
    "update_body",
]

#: The metadata key `jobs.create` tags each job with, so that after an ambiguous failure it
#: can find out whether the job was stored. It counts against the 10-key limit.
CREATE_TOKEN_KEY: Final = "ionq_client_create_token"
#: When all metadata keys are taken and no name was given, the token goes in the name.
NAME_TOKEN_PREFIX: Final = "ionq-client-create:"

Tag = Literal["metadata", "name"] | None
#: A simulator noise model: any string (`ideal`, `aria-1`, `forte-1`, or one newer than
#: this package); the API's own list is open.
NoiseModel: TypeAlias = str

#: What `jobs.create` runs: a circuit, several (one multi-circuit job), or a QASM 3 program.
Program: TypeAlias = Circuit | Sequence[Circuit] | Qasm3 | str
CreateBody: TypeAlias = CircuitJobCreate | MultiCircuitJobCreate | Qasm3JobCreate


def build_create_body(
    circuit: Program,
    *,
    backend: BackendName,
    token: str | None,
    shots: int | NotGiven,
    name: str | NotGiven,
    metadata: Mapping[str, str] | NotGiven,
    noise: NoiseModel | Noise | NotGiven,
    settings: JobSettings | NotGiven,
    session_id: str | uuid.UUID | NotGiven,
    dry_run: bool | NotGiven,
) -> tuple[CreateBody, Tag]:
    """The request body of a create, checked against the limits and tagged with `token`
    (in the metadata; in the name when the metadata has no room and no name is given;
    nowhere when `token` is None or there is no room at all: the `Tag` says which)."""
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
    if token is None:
        pass
    elif len(user_meta) < limits().metadata_max_keys:
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


def metadata_of(metadata: Mapping[str, str] | NotGiven) -> Metadata | Unset:
    """`metadata` checked against the limits, as the request's `Metadata` (UNSET if not
    given)."""
    if isinstance(metadata, NotGiven):
        return UNSET
    check_metadata(metadata)
    meta = Metadata()
    meta.additional_properties = dict(metadata)
    return meta


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
    token: str | None = None,
    original_metadata: Mapping[str, str] | None = None,
) -> tuple[CloneJobPayload, Tag]:
    """The body of a clone or move: the fields to change, checked against the limits, and
    tagged with `token` in the metadata when there is room (the `Tag` says whether).

    The copy's metadata is `metadata` when given, else the original's (a clone copies it
    anyway; sending it lets the token ride along). `session_id=None` asks for the new job
    to run outside any session.
    """
    meta = metadata_of(metadata)
    tag: Tag = None
    if token is not None:
        base = (
            dict(metadata)
            if not isinstance(metadata, NotGiven)
            else {k: v for k, v in (original_metadata or {}).items() if k != CREATE_TOKEN_KEY}
        )
        if CREATE_TOKEN_KEY in base:
            raise ValidationError(
                f"metadata key {CREATE_TOKEN_KEY!r} is reserved by ionq_client",
                key=f"metadata.{CREATE_TOKEN_KEY}",
            )
        if len(base) < limits().metadata_max_keys:
            meta = Metadata()
            meta.additional_properties = {**base, CREATE_TOKEN_KEY: token}
            tag = "metadata"
    if not isinstance(name, NotGiven):
        check_name(name)
    if not isinstance(shots, NotGiven):
        check_shots(shots)
    sid: str | Unset | None = UNSET
    if session_id is None:
        sid = None
    elif not isinstance(session_id, NotGiven):
        sid = str(to_uuid(session_id, "session_id"))
    body = CloneJobPayload(
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
    return body, tag


def update_body(name: str | NotGiven, metadata: Mapping[str, str] | NotGiven) -> JobUpdate:
    """The body of a job update, checked against the limits."""
    meta = metadata_of(metadata)
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

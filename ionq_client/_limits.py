"""Limits the contract states, read from `openapi.yaml` and checked before sending.

The generated models enforce none of them (the generator ignores `maxLength`,
`maxProperties`, `minimum`...), so a request over a limit would otherwise travel to the
server only to come back as a 400. Values are read once, lazily, from the spec that ships
with the package (`ionq_spec.load_spec()`), so the client and the contract cannot drift.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ionq_client._exceptions import ValidationError

__all__ = ["Limits", "check_job_ids", "check_metadata", "check_name", "check_shots", "limits"]


@dataclass(frozen=True)
class Limits:
    """The numeric limits of the contract that the client checks."""

    metadata_max_keys: int
    metadata_key_min_length: int
    metadata_key_max_length: int
    metadata_value_max_length: int
    #: `None` when the contract states no limit (IonQ's document gives names none).
    name_max_length: int | None
    shots_min: int
    shots_max: int
    max_controls: int
    max_qubit_index: int
    max_qubits: int
    max_circuits: int
    max_gates_per_circuit: int
    bulk_ids_max: int
    page_limit_max: int


def _schema(spec: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    schema: Mapping[str, Any] = spec["components"]["schemas"][name]
    return schema


def _props(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """Properties of a schema, looking through `allOf` branches."""
    props: dict[str, Any] = dict(schema.get("properties", {}))
    for branch in schema.get("allOf", []):
        props.update(branch.get("properties", {}))
    return props


def _optional_int(value: object) -> int | None:
    return None if value is None else int(str(value))


@functools.cache
def limits() -> Limits:
    """The limits, read from the packaged `openapi.yaml` on first use."""
    from ionq_spec import load_spec

    spec = load_spec()
    metadata = _schema(spec, "Metadata")
    base = _props(_schema(spec, "JobCreateBase"))
    multi = _props(_schema(spec, "MultiCircuitInput"))
    page_limit = spec["components"]["parameters"]["limit"]["schema"]
    return Limits(
        metadata_max_keys=int(metadata["maxProperties"]),
        metadata_key_min_length=int(metadata["propertyNames"].get("minLength", 0)),
        metadata_key_max_length=int(metadata["propertyNames"]["maxLength"]),
        metadata_value_max_length=int(metadata["additionalProperties"]["maxLength"]),
        name_max_length=_optional_int(base["name"].get("maxLength")),
        shots_min=int(base["shots"]["minimum"]),
        shots_max=int(base["shots"]["maximum"]),
        max_controls=int(_schema(spec, "QubitControls")["maxItems"]),
        max_qubit_index=int(_schema(spec, "QubitIndex")["maximum"]),
        max_qubits=int(_schema(spec, "QubitCount")["maximum"]),
        max_circuits=int(multi["circuits"]["maxItems"]),
        max_gates_per_circuit=int(_schema(spec, "QisCircuit")["maxItems"]),
        bulk_ids_max=int(_props(_schema(spec, "JobIds"))["ids"]["maxItems"]),
        page_limit_max=int(page_limit["maximum"]),
    )


def check_metadata(metadata: Mapping[str, str], *, reserved: int = 0) -> None:
    """Raise `ValidationError` naming the key when `metadata` breaks a limit.

    `reserved` counts keys the client itself will add (its create token).
    """
    lim = limits()
    if not isinstance(metadata, Mapping):
        raise ValidationError("metadata must be a mapping of strings", key="metadata")
    if len(metadata) + reserved > lim.metadata_max_keys:
        raise ValidationError(
            f"metadata has {len(metadata)} keys; at most {lim.metadata_max_keys} are allowed",
            key="metadata",
        )
    for key, value in metadata.items():
        if not isinstance(key, str):
            raise ValidationError(f"metadata key {key!r} is not a string", key="metadata")
        if not lim.metadata_key_min_length <= len(key) <= lim.metadata_key_max_length:
            raise ValidationError(
                f"metadata key {key[:60]!r} is {len(key)} characters long; keys must be "
                f"{lim.metadata_key_min_length} to {lim.metadata_key_max_length}",
                key=f"metadata.{key}",
            )
        if not isinstance(value, str):
            raise ValidationError(
                f"metadata value of {key!r} is {type(value).__name__}, not str",
                key=f"metadata.{key}",
            )
        if len(value) > lim.metadata_value_max_length:
            raise ValidationError(
                f"metadata value of {key!r} is {len(value)} characters long; at most "
                f"{lim.metadata_value_max_length} are allowed",
                key=f"metadata.{key}",
            )


def check_name(name: str) -> None:
    """Raise `ValidationError` when a job name is too long."""
    lim = limits()
    if not isinstance(name, str):
        raise ValidationError("name must be a string", key="name")
    if lim.name_max_length is not None and len(name) > lim.name_max_length:
        raise ValidationError(
            f"name is {len(name)} characters long; at most {lim.name_max_length} are allowed",
            key="name",
        )


def check_shots(shots: int) -> None:
    """Raise `ValidationError` when `shots` is outside the contract's range."""
    lim = limits()
    if isinstance(shots, bool) or not isinstance(shots, int):
        raise ValidationError("shots must be an integer", key="shots")
    if not lim.shots_min <= shots <= lim.shots_max:
        raise ValidationError(
            f"shots is {shots}; it must be {lim.shots_min} to {lim.shots_max}", key="shots"
        )


def check_job_ids(count: int) -> None:
    """Raise `ValidationError` when a bulk operation names no job."""
    if count < 1:
        raise ValidationError("give at least one job id", key="ids")

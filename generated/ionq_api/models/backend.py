from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

T = TypeVar("T", bound="Backend")


@_attrs_define
class Backend:
    """A simulator or QPU.

    Attributes:
        backend (str): A backend name as the service reports it: `simulator` or `qpu.<system>` (e.g.
            `qpu.forte-1`). Any string: it may name a backend newer than this document, or a
            retired one.
        status (str): Whether the backend takes jobs: `available`, `unavailable` or `retired` today. An
            open string, as in IonQ's document: a status added later reads as it is.
        qubits (int): The number of qubits a job may use on it.
        average_queue_time (float): The recent average time jobs wait in its queue, in milliseconds.
        last_updated (datetime.datetime): When this status was last refreshed.
        degraded (bool | Unset): Whether it is running with reduced performance.
        characterization_id (str | Unset): The id of its latest characterization (QPUs only).
        kw (float | Unset): The backend's power draw, in kilowatts.
        location (str | Unset): Where the backend is, e.g. `College Park, MD, USA`.
        supported_gates (list[str] | Unset): The `qis` gates it runs.
        supported_native_gates (list[str] | Unset): The `native` gates it runs.
        supported_error_mitigations (list[str] | Unset): The error mitigations it offers, e.g. `debiasing`.
        noise_models (list[str] | Unset): The noise models it can simulate (the simulator only; an addition of this
            project's mock).
    """

    backend: str
    status: str
    qubits: int
    average_queue_time: float
    last_updated: datetime.datetime
    degraded: bool | Unset = UNSET
    characterization_id: str | Unset = UNSET
    kw: float | Unset = UNSET
    location: str | Unset = UNSET
    supported_gates: list[str] | Unset = UNSET
    supported_native_gates: list[str] | Unset = UNSET
    supported_error_mitigations: list[str] | Unset = UNSET
    noise_models: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        backend = self.backend

        status = self.status

        qubits = self.qubits

        average_queue_time = self.average_queue_time

        last_updated = self.last_updated.isoformat()

        degraded = self.degraded

        characterization_id = self.characterization_id

        kw = self.kw

        location = self.location

        supported_gates: list[str] | Unset = UNSET
        if not isinstance(self.supported_gates, Unset):
            supported_gates = self.supported_gates

        supported_native_gates: list[str] | Unset = UNSET
        if not isinstance(self.supported_native_gates, Unset):
            supported_native_gates = self.supported_native_gates

        supported_error_mitigations: list[str] | Unset = UNSET
        if not isinstance(self.supported_error_mitigations, Unset):
            supported_error_mitigations = self.supported_error_mitigations

        noise_models: list[str] | Unset = UNSET
        if not isinstance(self.noise_models, Unset):
            noise_models = self.noise_models

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "backend": backend,
                "status": status,
                "qubits": qubits,
                "average_queue_time": average_queue_time,
                "last_updated": last_updated,
            }
        )
        if degraded is not UNSET:
            field_dict["degraded"] = degraded
        if characterization_id is not UNSET:
            field_dict["characterization_id"] = characterization_id
        if kw is not UNSET:
            field_dict["kw"] = kw
        if location is not UNSET:
            field_dict["location"] = location
        if supported_gates is not UNSET:
            field_dict["supported_gates"] = supported_gates
        if supported_native_gates is not UNSET:
            field_dict["supported_native_gates"] = supported_native_gates
        if supported_error_mitigations is not UNSET:
            field_dict["supported_error_mitigations"] = supported_error_mitigations
        if noise_models is not UNSET:
            field_dict["noise_models"] = noise_models

        return field_dict

    def to_json(self, **kwargs: Any) -> str:
        """This model as JSON text: `json.dumps(self.to_dict(), **kwargs)`.

        `to_dict()` already writes datetimes as ISO 8601 strings and UUIDs as strings, so
        the text is what the API sends; pass `indent=2`, `sort_keys=True` etc. through.
        """
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        backend = d.pop("backend")

        status = d.pop("status")

        qubits = d.pop("qubits")

        average_queue_time = d.pop("average_queue_time")

        last_updated = datetime.datetime.fromisoformat(d.pop("last_updated"))

        degraded = d.pop("degraded", UNSET)

        characterization_id = d.pop("characterization_id", UNSET)

        kw = d.pop("kw", UNSET)

        location = d.pop("location", UNSET)

        supported_gates = cast(list[str], d.pop("supported_gates", UNSET))

        supported_native_gates = cast(list[str], d.pop("supported_native_gates", UNSET))

        supported_error_mitigations = cast(
            list[str], d.pop("supported_error_mitigations", UNSET)
        )

        noise_models = cast(list[str], d.pop("noise_models", UNSET))

        backend = cls(
            backend,
            status,
            qubits,
            average_queue_time,
            last_updated,
            degraded,
            characterization_id,
            kw,
            location,
            supported_gates,
            supported_native_gates,
            supported_error_mitigations,
            noise_models,
        )

        backend.additional_properties = d
        return backend

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

    def __repr__(self) -> str:
        """`Backend(name=value, ...)` in field order, leaving out the fields that are
        unset or None, then `**{...}` for additional properties if there are any."""
        parts = [
            f"{field.name}={value!r}"
            for field in _attrs_fields(type(self))
            if field.name != "additional_properties"
            and (value := getattr(self, field.name)) is not UNSET
            and value is not None
        ]
        if self.additional_properties:
            parts.append(f"**{self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

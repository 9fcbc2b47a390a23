from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

T = TypeVar("T", bound="EstimateContext")


@_attrs_define
class EstimateContext:
    """The job shape an estimate was made for, defaults filled in.

    Attributes:
        backend (str): A backend name as the service reports it: `simulator` or `qpu.<system>` (e.g.
            `qpu.forte-1`). Any string: it may name a backend newer than this document, or a
            retired one.
        organization (None | str): The organization whose rates were used, or null.
        project (None | str): The project the estimate was made for, or null.
        type_ (str | Unset): The program type.
        qubits (int | Unset): The number of qubits.
        shots (int | Unset): The number of shots.
        field_1q_gates (int | Unset): The number of single-qubit gates.
        field_2q_gates (int | Unset): The number of two-qubit gates.
        error_mitigation (bool | Unset): Whether debiasing is on.
    """

    backend: str
    organization: None | str
    project: None | str
    type_: str | Unset = UNSET
    qubits: int | Unset = UNSET
    shots: int | Unset = UNSET
    field_1q_gates: int | Unset = UNSET
    field_2q_gates: int | Unset = UNSET
    error_mitigation: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        backend = self.backend

        organization: None | str
        organization = self.organization

        project: None | str
        project = self.project

        type_ = self.type_

        qubits = self.qubits

        shots = self.shots

        field_1q_gates = self.field_1q_gates

        field_2q_gates = self.field_2q_gates

        error_mitigation = self.error_mitigation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "backend": backend,
                "organization": organization,
                "project": project,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if qubits is not UNSET:
            field_dict["qubits"] = qubits
        if shots is not UNSET:
            field_dict["shots"] = shots
        if field_1q_gates is not UNSET:
            field_dict["1q_gates"] = field_1q_gates
        if field_2q_gates is not UNSET:
            field_dict["2q_gates"] = field_2q_gates
        if error_mitigation is not UNSET:
            field_dict["error_mitigation"] = error_mitigation

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

        organization: None | str = d.pop("organization")

        project: None | str = d.pop("project")

        type_ = d.pop("type", UNSET)

        qubits = d.pop("qubits", UNSET)

        shots = d.pop("shots", UNSET)

        field_1q_gates = d.pop("1q_gates", UNSET)

        field_2q_gates = d.pop("2q_gates", UNSET)

        error_mitigation = d.pop("error_mitigation", UNSET)

        estimate_context = cls(
            backend,
            organization,
            project,
            type_,
            qubits,
            shots,
            field_1q_gates,
            field_2q_gates,
            error_mitigation,
        )

        estimate_context.additional_properties = d
        return estimate_context

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
        """`EstimateContext(name=value, ...)` in field order, leaving out the fields that are
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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EstimateInput")


@_attrs_define
class EstimateInput:
    """The job shape an estimate was made for, defaults filled in.

    Attributes:
        backend (str): A backend name as the service reports it: `simulator` or `qpu.<system>` (e.g.
            `qpu.forte-1`). May name a backend newer than this document, or a retired one.
        type_ (str): The program type.
        qubits (int): The number of qubits.
        shots (int): The number of shots.
        field_1q_gates (int): The number of single-qubit gates.
        field_2q_gates (int): The number of two-qubit gates.
        error_mitigation (bool): Whether debiasing is on.
    """

    backend: str
    type_: str
    qubits: int
    shots: int
    field_1q_gates: int
    field_2q_gates: int
    error_mitigation: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        backend = self.backend

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
                "type": type_,
                "qubits": qubits,
                "shots": shots,
                "1q_gates": field_1q_gates,
                "2q_gates": field_2q_gates,
                "error_mitigation": error_mitigation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        backend = d.pop("backend")

        type_ = d.pop("type")

        qubits = d.pop("qubits")

        shots = d.pop("shots")

        field_1q_gates = d.pop("1q_gates")

        field_2q_gates = d.pop("2q_gates")

        error_mitigation = d.pop("error_mitigation")

        estimate_input = cls(
            backend=backend,
            type_=type_,
            qubits=qubits,
            shots=shots,
            field_1q_gates=field_1q_gates,
            field_2q_gates=field_2q_gates,
            error_mitigation=error_mitigation,
        )

        estimate_input.additional_properties = d
        return estimate_input

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

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import fields as _attrs_fields

from ..models.qis_pauli_exp_gate_gate import (
    QisPauliExpGateGate,
    check_qis_pauli_exp_gate_gate,
)
from ..models.qis_pauli_exp_gate_paulis_item import (
    QisPauliExpGatePaulisItem,
    check_qis_pauli_exp_gate_paulis_item,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="QisPauliExpGate")


@_attrs_define
class QisPauliExpGate:
    """The exponential of a sum of Pauli strings on `targets`,
    exp(-i · time · Σ coefficients[k] · terms[k]), as `qiskit-ionq` sends a Pauli
    evolution (`terms`, `coefficients`, `time`) and `cirq-ionq` a Pauli string phasor. A
    term is little-endian: its last letter acts on `targets[0]`. The `paulis` and
    `rotation` form is one Pauli string, a letter per target in target order.

        Attributes:
            gate (QisPauliExpGateGate): The gate.
            targets (list[int]): Target qubits; distinct.
            terms (list[str] | Unset): Pauli strings, one letter (`I`, `X`, `Y`, `Z`) per target.
            coefficients (list[float] | Unset): One real coefficient per term.
            time (float | Unset): The evolution time.
            paulis (list[QisPauliExpGatePaulisItem] | Unset): One Pauli letter per target (`cirq-ionq`'s form of a single
                term).
            rotation (float | Unset): The rotation angle of the `paulis` form, in radians.
    """

    gate: QisPauliExpGateGate
    targets: list[int]
    terms: list[str] | Unset = UNSET
    coefficients: list[float] | Unset = UNSET
    time: float | Unset = UNSET
    paulis: list[QisPauliExpGatePaulisItem] | Unset = UNSET
    rotation: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        gate: str = self.gate

        targets = self.targets

        terms: list[str] | Unset = UNSET
        if not isinstance(self.terms, Unset):
            terms = self.terms

        coefficients: list[float] | Unset = UNSET
        if not isinstance(self.coefficients, Unset):
            coefficients = self.coefficients

        time = self.time

        paulis: list[str] | Unset = UNSET
        if not isinstance(self.paulis, Unset):
            paulis = []
            for paulis_item_data in self.paulis:
                paulis_item: str = paulis_item_data
                paulis.append(paulis_item)

        rotation = self.rotation

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "gate": gate,
                "targets": targets,
            }
        )
        if terms is not UNSET:
            field_dict["terms"] = terms
        if coefficients is not UNSET:
            field_dict["coefficients"] = coefficients
        if time is not UNSET:
            field_dict["time"] = time
        if paulis is not UNSET:
            field_dict["paulis"] = paulis
        if rotation is not UNSET:
            field_dict["rotation"] = rotation

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
        gate = check_qis_pauli_exp_gate_gate(d.pop("gate"))

        targets = cast(list[int], d.pop("targets"))

        terms = cast(list[str], d.pop("terms", UNSET))

        coefficients = cast(list[float], d.pop("coefficients", UNSET))

        time = d.pop("time", UNSET)

        _paulis = d.pop("paulis", UNSET)
        paulis: list[QisPauliExpGatePaulisItem] | Unset = UNSET
        if _paulis is not UNSET:
            paulis = []
            for paulis_item_data in _paulis:
                paulis_item = check_qis_pauli_exp_gate_paulis_item(paulis_item_data)

                paulis.append(paulis_item)

        rotation = d.pop("rotation", UNSET)

        qis_pauli_exp_gate = cls(
            gate,
            targets,
            terms,
            coefficients,
            time,
            paulis,
            rotation,
        )

        return qis_pauli_exp_gate

    def __repr__(self) -> str:
        """`QisPauliExpGate(name=value, ...)` in field order, leaving out the fields that are
        unset or None."""
        parts = [
            f"{field.name}={value!r}"
            for field in _attrs_fields(type(self))
            if field.name != "additional_properties"
            and (value := getattr(self, field.name)) is not UNSET
            and value is not None
        ]
        return f"{type(self).__name__}({', '.join(parts)})"

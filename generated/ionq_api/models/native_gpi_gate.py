from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import fields as _attrs_fields

from ..models.native_gpi_gate_gate import NativeGpiGateGate, check_native_gpi_gate_gate
from ..types import UNSET

T = TypeVar("T", bound="NativeGpiGate")


@_attrs_define
class NativeGpiGate:
    """The single-qubit native gates GPI and GPI2, with a phase in turns.

    Attributes:
        gate (NativeGpiGateGate): The gate.
        phase (float): An angle in turns (1 turn = 2π radians).
        target (int): A qubit's index, from 0; must be below the program's `qubits`.
    """

    gate: NativeGpiGateGate
    phase: float
    target: int

    def to_dict(self) -> dict[str, Any]:
        gate: str = self.gate

        phase = self.phase

        target = self.target

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "gate": gate,
                "phase": phase,
                "target": target,
            }
        )

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
        gate = check_native_gpi_gate_gate(d.pop("gate"))

        phase = d.pop("phase")

        target = d.pop("target")

        native_gpi_gate = cls(
            gate,
            phase,
            target,
        )

        return native_gpi_gate

    def __repr__(self) -> str:
        """`NativeGpiGate(name=value, ...)` in field order, leaving out the fields that are
        unset or None."""
        parts = [
            f"{field.name}={value!r}"
            for field in _attrs_fields(type(self))
            if field.name != "additional_properties"
            and (value := getattr(self, field.name)) is not UNSET
            and value is not None
        ]
        return f"{type(self).__name__}({', '.join(parts)})"

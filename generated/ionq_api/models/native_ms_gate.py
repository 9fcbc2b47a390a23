from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import fields as _attrs_fields

from ..models.native_ms_gate_gate import NativeMsGateGate, check_native_ms_gate_gate
from ..types import UNSET, Unset

T = TypeVar("T", bound="NativeMsGate")


@_attrs_define
class NativeMsGate:
    """The Mølmer-Sørensen two-qubit gate (Aria QPUs).

    Attributes:
        gate (NativeMsGateGate): The gate.
        phases (list[float]): The phase on each target, in turns.
        targets (list[int]): Exactly two distinct qubits.
        angle (float | Unset): The entangling angle in turns; 0.25 is fully entangling. Default: 0.25.
    """

    gate: NativeMsGateGate
    phases: list[float]
    targets: list[int]
    angle: float | Unset = 0.25

    def to_dict(self) -> dict[str, Any]:
        gate: str = self.gate

        phases = self.phases

        targets = self.targets

        angle = self.angle

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "gate": gate,
                "phases": phases,
                "targets": targets,
            }
        )
        if angle is not UNSET:
            field_dict["angle"] = angle

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
        gate = check_native_ms_gate_gate(d.pop("gate"))

        phases = cast(list[float], d.pop("phases"))

        targets = cast(list[int], d.pop("targets"))

        angle = d.pop("angle", UNSET)

        native_ms_gate = cls(
            gate,
            phases,
            targets,
            angle,
        )

        return native_ms_gate

    def __repr__(self) -> str:
        """`NativeMsGate(name=value, ...)` in field order, leaving out the fields that are
        unset or None."""
        parts = [
            f"{field.name}={value!r}"
            for field in _attrs_fields(type(self))
            if field.name != "additional_properties"
            and (value := getattr(self, field.name)) is not UNSET
            and value is not None
        ]
        return f"{type(self).__name__}({', '.join(parts)})"

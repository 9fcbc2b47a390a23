from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import fields as _attrs_fields

from ..models.native_zz_gate_gate import NativeZzGateGate, check_native_zz_gate_gate
from ..types import UNSET

T = TypeVar("T", bound="NativeZzGate")


@_attrs_define
class NativeZzGate:
    """The ZZ two-qubit gate (Forte QPUs), with its angle in turns.

    Attributes:
        gate (NativeZzGateGate): The gate.
        angle (float): An angle in turns (1 turn = 2π radians).
        targets (list[int]): Exactly two distinct qubits.
    """

    gate: NativeZzGateGate
    angle: float
    targets: list[int]

    def to_dict(self) -> dict[str, Any]:
        gate: str = self.gate

        angle = self.angle

        targets = self.targets

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "gate": gate,
                "angle": angle,
                "targets": targets,
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
        gate = check_native_zz_gate_gate(d.pop("gate"))

        angle = d.pop("angle")

        targets = cast(list[int], d.pop("targets"))

        native_zz_gate = cls(
            gate,
            angle,
            targets,
        )

        return native_zz_gate

    def __repr__(self) -> str:
        """`NativeZzGate(name=value, ...)` in field order, leaving out the fields that are
        unset or None."""
        parts = [
            f"{field.name}={value!r}"
            for field in _attrs_fields(type(self))
            if field.name != "additional_properties"
            and (value := getattr(self, field.name)) is not UNSET
            and value is not None
        ]
        return f"{type(self).__name__}({', '.join(parts)})"

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import fields as _attrs_fields

from ..models.native_nop_gate_gate import NativeNopGateGate, check_native_nop_gate_gate
from ..types import UNSET, Unset

T = TypeVar("T", bound="NativeNopGate")


@_attrs_define
class NativeNopGate:
    """A native no-operation, which leaves its qubits as they are.

    Attributes:
        gate (NativeNopGateGate): The gate.
        target (int | Unset): A qubit's index, from 0; must be below the program's `qubits`.
        targets (list[int] | Unset): Target qubits; distinct.
    """

    gate: NativeNopGateGate
    target: int | Unset = UNSET
    targets: list[int] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        gate: str = self.gate

        target = self.target

        targets: list[int] | Unset = UNSET
        if not isinstance(self.targets, Unset):
            targets = self.targets

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "gate": gate,
            }
        )
        if target is not UNSET:
            field_dict["target"] = target
        if targets is not UNSET:
            field_dict["targets"] = targets

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
        gate = check_native_nop_gate_gate(d.pop("gate"))

        target = d.pop("target", UNSET)

        targets = cast(list[int], d.pop("targets", UNSET))

        native_nop_gate = cls(
            gate,
            target,
            targets,
        )

        return native_nop_gate

    def __repr__(self) -> str:
        """`NativeNopGate(name=value, ...)` in field order, leaving out the fields that are
        unset or None."""
        parts = [
            f"{field.name}={value!r}"
            for field in _attrs_fields(type(self))
            if field.name != "additional_properties"
            and (value := getattr(self, field.name)) is not UNSET
            and value is not None
        ]
        return f"{type(self).__name__}({', '.join(parts)})"

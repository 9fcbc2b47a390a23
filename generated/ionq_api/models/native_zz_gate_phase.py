from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import fields as _attrs_fields

from ..models.native_zz_gate_phase_gate import (
    NativeZzGatePhaseGate,
    check_native_zz_gate_phase_gate,
)
from ..types import UNSET

T = TypeVar("T", bound="NativeZzGatePhase")


@_attrs_define
class NativeZzGatePhase:
    """The ZZ gate written with its angle under the key `phase`, as Cirq sends it. Accepted
    as a synonym of `NativeZzGate`; prefer `angle`.

        Attributes:
            gate (NativeZzGatePhaseGate): The gate.
            phase (float): An angle in turns (1 turn = 2π radians).
            targets (list[int]): Exactly two distinct qubits.
    """

    gate: NativeZzGatePhaseGate
    phase: float
    targets: list[int]

    def to_dict(self) -> dict[str, Any]:
        gate: str = self.gate

        phase = self.phase

        targets = self.targets

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "gate": gate,
                "phase": phase,
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
        gate = check_native_zz_gate_phase_gate(d.pop("gate"))

        phase = d.pop("phase")

        targets = cast(list[int], d.pop("targets"))

        native_zz_gate_phase = cls(
            gate,
            phase,
            targets,
        )

        return native_zz_gate_phase

    def __repr__(self) -> str:
        """`NativeZzGatePhase(name=value, ...)` in field order, leaving out the fields that are
        unset or None."""
        parts = [
            f"{field.name}={value!r}"
            for field in _attrs_fields(type(self))
            if field.name != "additional_properties"
            and (value := getattr(self, field.name)) is not UNSET
            and value is not None
        ]
        return f"{type(self).__name__}({', '.join(parts)})"

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.native_zz_gate_gate import NativeZzGateGate, check_native_zz_gate_gate

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

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gate = check_native_zz_gate_gate(d.pop("gate"))

        angle = d.pop("angle")

        targets = cast(list[int], d.pop("targets"))

        native_zz_gate = cls(
            gate=gate,
            angle=angle,
            targets=targets,
        )

        return native_zz_gate

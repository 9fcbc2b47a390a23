from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.native_zz_gate_phase_gate import (
    NativeZzGatePhaseGate,
    check_native_zz_gate_phase_gate,
)

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

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gate = check_native_zz_gate_phase_gate(d.pop("gate"))

        phase = d.pop("phase")

        targets = cast(list[int], d.pop("targets"))

        native_zz_gate_phase = cls(
            gate=gate,
            phase=phase,
            targets=targets,
        )

        return native_zz_gate_phase

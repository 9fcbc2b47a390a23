from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.native_gpi_gate_gate import NativeGpiGateGate, check_native_gpi_gate_gate

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

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gate = check_native_gpi_gate_gate(d.pop("gate"))

        phase = d.pop("phase")

        target = d.pop("target")

        native_gpi_gate = cls(
            gate=gate,
            phase=phase,
            target=target,
        )

        return native_gpi_gate

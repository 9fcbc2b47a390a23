from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.qis_swap_gate_gate import QisSwapGateGate, check_qis_swap_gate_gate

T = TypeVar("T", bound="QisSwapGate")


@_attrs_define
class QisSwapGate:
    """Swaps two qubits. Cannot be controlled.

    Attributes:
        gate (QisSwapGateGate): The gate.
        targets (list[int]): Exactly two distinct qubits.
    """

    gate: QisSwapGateGate
    targets: list[int]

    def to_dict(self) -> dict[str, Any]:
        gate: str = self.gate

        targets = self.targets

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "gate": gate,
                "targets": targets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gate = check_qis_swap_gate_gate(d.pop("gate"))

        targets = cast(list[int], d.pop("targets"))

        qis_swap_gate = cls(
            gate=gate,
            targets=targets,
        )

        return qis_swap_gate

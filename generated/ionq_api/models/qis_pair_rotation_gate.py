from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.qis_pair_rotation_gate_gate import (
    QisPairRotationGateGate,
    check_qis_pair_rotation_gate_gate,
)

T = TypeVar("T", bound="QisPairRotationGate")


@_attrs_define
class QisPairRotationGate:
    """A two-qubit Ising rotation (`xx`, `yy` or `zz`) by `rotation` radians on two qubits.
    Cannot be controlled.

        Attributes:
            gate (QisPairRotationGateGate): The interaction.
            rotation (float): The angle, in radians.
            targets (list[int]): Exactly two distinct qubits.
    """

    gate: QisPairRotationGateGate
    rotation: float
    targets: list[int]

    def to_dict(self) -> dict[str, Any]:
        gate: str = self.gate

        rotation = self.rotation

        targets = self.targets

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "gate": gate,
                "rotation": rotation,
                "targets": targets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gate = check_qis_pair_rotation_gate_gate(d.pop("gate"))

        rotation = d.pop("rotation")

        targets = cast(list[int], d.pop("targets"))

        qis_pair_rotation_gate = cls(
            gate=gate,
            rotation=rotation,
            targets=targets,
        )

        return qis_pair_rotation_gate

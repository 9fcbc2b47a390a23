from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import fields as _attrs_fields

from ..models.qis_pair_rotation_gate_gate import (
    QisPairRotationGateGate,
    check_qis_pair_rotation_gate_gate,
)
from ..types import UNSET

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

    def to_json(self, **kwargs: Any) -> str:
        """This model as JSON text: `json.dumps(self.to_dict(), **kwargs)`.

        `to_dict()` already writes datetimes as ISO 8601 strings and UUIDs as strings, so
        the text is what the API sends; pass `indent=2`, `sort_keys=True` etc. through.
        """
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gate = check_qis_pair_rotation_gate_gate(d.pop("gate"))

        rotation = d.pop("rotation")

        targets = cast(list[int], d.pop("targets"))

        qis_pair_rotation_gate = cls(
            gate,
            rotation,
            targets,
        )

        return qis_pair_rotation_gate

    def __repr__(self) -> str:
        """`QisPairRotationGate(name=value, ...)` in field order, leaving out the fields that are
        unset or None."""
        parts = [
            f"{field.name}={value!r}"
            for field in _attrs_fields(type(self))
            if field.name != "additional_properties"
            and (value := getattr(self, field.name)) is not UNSET
            and value is not None
        ]
        return f"{type(self).__name__}({', '.join(parts)})"

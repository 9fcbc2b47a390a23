from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import fields as _attrs_fields

from ..models.qis_fixed_gate_gate import QisFixedGateGate, check_qis_fixed_gate_gate
from ..types import UNSET, Unset

T = TypeVar("T", bound="QisFixedGate")


@_attrs_define
class QisFixedGate:
    """A fixed single-qubit gate (`x y z h s si t ti v vi`; `si`, `ti`, `vi` are the
    inverses) or `not`/`cnot` (both are `x`), optionally controlled. `x`, `y` and `z`
    may carry a `rotation`, making them rotations about that axis (`qiskit-ionq` sends
    its phase gate as `z` with a rotation). Give exactly one of
    `target` and `targets` (a gate on several targets acts on each), and at most one of
    `control` and `controls` (the schema's `not` states these two rules). No control may
    also be a target, and every index must be below the program's `qubits`: the schema
    cannot state these, so a job breaking them is accepted and fails with
    `InvalidInput`.

        Attributes:
            gate (QisFixedGateGate): The gate.
            rotation (float | Unset): For `x`, `y` and `z`, an angle in radians to rotate by instead of π.
            target (int | Unset): A qubit's index, from 0; must be below the program's `qubits`.
            targets (list[int] | Unset): Target qubits; distinct.
            control (int | Unset): A qubit's index, from 0; must be below the program's `qubits`.
            controls (list[int] | Unset): Control qubits; distinct, and distinct from the targets; at most 7.
    """

    gate: QisFixedGateGate
    rotation: float | Unset = UNSET
    target: int | Unset = UNSET
    targets: list[int] | Unset = UNSET
    control: int | Unset = UNSET
    controls: list[int] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        gate: str = self.gate

        rotation = self.rotation

        target = self.target

        targets: list[int] | Unset = UNSET
        if not isinstance(self.targets, Unset):
            targets = self.targets

        control = self.control

        controls: list[int] | Unset = UNSET
        if not isinstance(self.controls, Unset):
            controls = self.controls

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "gate": gate,
            }
        )
        if rotation is not UNSET:
            field_dict["rotation"] = rotation
        if target is not UNSET:
            field_dict["target"] = target
        if targets is not UNSET:
            field_dict["targets"] = targets
        if control is not UNSET:
            field_dict["control"] = control
        if controls is not UNSET:
            field_dict["controls"] = controls

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
        gate = check_qis_fixed_gate_gate(d.pop("gate"))

        rotation = d.pop("rotation", UNSET)

        target = d.pop("target", UNSET)

        targets = cast(list[int], d.pop("targets", UNSET))

        control = d.pop("control", UNSET)

        controls = cast(list[int], d.pop("controls", UNSET))

        qis_fixed_gate = cls(
            gate,
            rotation,
            target,
            targets,
            control,
            controls,
        )

        return qis_fixed_gate

    def __repr__(self) -> str:
        """`QisFixedGate(name=value, ...)` in field order, leaving out the fields that are
        unset or None."""
        parts = [
            f"{field.name}={value!r}"
            for field in _attrs_fields(type(self))
            if field.name != "additional_properties"
            and (value := getattr(self, field.name)) is not UNSET
            and value is not None
        ]
        return f"{type(self).__name__}({', '.join(parts)})"

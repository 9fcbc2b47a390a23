from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import fields as _attrs_fields

from ..models.qis_swap_gate_gate import QisSwapGateGate, check_qis_swap_gate_gate
from ..types import UNSET

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

    def to_json(self, **kwargs: Any) -> str:
        """This model as JSON text: `json.dumps(self.to_dict(), **kwargs)`.

        `to_dict()` already writes datetimes as ISO 8601 strings and UUIDs as strings, so
        the text is what the API sends; pass `indent=2`, `sort_keys=True` etc. through.
        """
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gate = check_qis_swap_gate_gate(d.pop("gate"))

        targets = cast(list[int], d.pop("targets"))

        qis_swap_gate = cls(
            gate,
            targets,
        )

        return qis_swap_gate

    def __repr__(self) -> str:
        """`QisSwapGate(name=value, ...)` in field order, leaving out the fields that are
        unset or None."""
        parts = [
            f"{field.name}={value!r}"
            for field in _attrs_fields(type(self))
            if field.name != "additional_properties"
            and (value := getattr(self, field.name)) is not UNSET
            and value is not None
        ]
        return f"{type(self).__name__}({', '.join(parts)})"

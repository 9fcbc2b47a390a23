from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..models.multi_circuit_input_gateset import (
    MultiCircuitInputGateset,
    check_multi_circuit_input_gateset,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.native_circuit_entry import NativeCircuitEntry
    from ..models.qis_circuit_entry import QisCircuitEntry


T = TypeVar("T", bound="MultiCircuitInput")


@_attrs_define
class MultiCircuitInput:
    """The program of an `ionq.multi-circuit.v1` job: several circuits, each run as a child
    job. Each circuit uses the job's `gateset` unless it names its own.

        Attributes:
            gateset (MultiCircuitInputGateset): The gate set of the circuits that do not name their own.
            circuits (list[NativeCircuitEntry | QisCircuitEntry]): The circuits, at most 5,000.
            qubits (int | Unset): How many qubits the program uses. When omitted, one more than the highest index used.
                The backend's own limit also applies (checked after the job is accepted: a wider job
                fails with `NotEnoughQubits`): the simulator takes up to 29 qubits, Aria QPUs 25,
                Forte QPUs 36.
    """

    gateset: MultiCircuitInputGateset
    circuits: list[NativeCircuitEntry | QisCircuitEntry]
    qubits: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gateset: str = self.gateset

        circuits = []
        for circuits_item_data in self.circuits:
            circuits_item: dict[str, Any]
            if isinstance(circuits_item_data, QisCircuitEntry):
                circuits_item = circuits_item_data.to_dict()
            else:
                circuits_item = circuits_item_data.to_dict()

            circuits.append(circuits_item)

        qubits = self.qubits

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "gateset": gateset,
                "circuits": circuits,
            }
        )
        if qubits is not UNSET:
            field_dict["qubits"] = qubits

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
        gateset = check_multi_circuit_input_gateset(d.pop("gateset"))

        circuits = []
        _circuits = d.pop("circuits")
        for circuits_item_data in _circuits:

            def _parse_circuits_item(
                data: object,
            ) -> NativeCircuitEntry | QisCircuitEntry:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    circuits_item_type_0 = QisCircuitEntry.from_dict(data)

                    return circuits_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                circuits_item_type_1 = NativeCircuitEntry.from_dict(data)

                return circuits_item_type_1

            circuits_item = _parse_circuits_item(circuits_item_data)

            circuits.append(circuits_item)

        qubits = d.pop("qubits", UNSET)

        multi_circuit_input = cls(
            gateset,
            circuits,
            qubits,
        )

        multi_circuit_input.additional_properties = d
        return multi_circuit_input

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

    def __repr__(self) -> str:
        """`MultiCircuitInput(name=value, ...)` in field order, leaving out the fields that are
        unset or None, then `**{...}` for additional properties if there are any."""
        parts = [
            f"{field.name}={value!r}"
            for field in _attrs_fields(type(self))
            if field.name != "additional_properties"
            and (value := getattr(self, field.name)) is not UNSET
            and value is not None
        ]
        if self.additional_properties:
            parts.append(f"**{self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(parts)})"


from ..models.native_circuit_entry import NativeCircuitEntry
from ..models.qis_circuit_entry import QisCircuitEntry

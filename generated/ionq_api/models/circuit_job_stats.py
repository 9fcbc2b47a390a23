from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.gate_counts import GateCounts


T = TypeVar("T", bound="CircuitJobStats")


@_attrs_define
class CircuitJobStats:
    """The size and cost drivers of a circuit job. Every field is optional.

    Attributes:
        qubits (int | Unset): The number of qubits used (the largest over a multi-circuit job's circuits).
        circuits (int | Unset): The number of circuits.
        gate_counts (GateCounts | Unset): The number of gates by arity in the compiled program (IonQ's `NumberMap`):
            `1q` and
            `2q`, and any other count the service adds.
        kwh (float | Unset): The energy the job used, in kilowatt-hours.
        predicted_quantum_compute_time_us (int | Unset): The quantum compute time predicted before the job ran, in
            microseconds.
        billed_quantum_compute_time_us (int | Unset): The quantum compute time billed, in microseconds.
    """

    qubits: int | Unset = UNSET
    circuits: int | Unset = UNSET
    gate_counts: GateCounts | Unset = UNSET
    kwh: float | Unset = UNSET
    predicted_quantum_compute_time_us: int | Unset = UNSET
    billed_quantum_compute_time_us: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        qubits = self.qubits

        circuits = self.circuits

        gate_counts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.gate_counts, Unset):
            gate_counts = self.gate_counts.to_dict()

        kwh = self.kwh

        predicted_quantum_compute_time_us = self.predicted_quantum_compute_time_us

        billed_quantum_compute_time_us = self.billed_quantum_compute_time_us

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if qubits is not UNSET:
            field_dict["qubits"] = qubits
        if circuits is not UNSET:
            field_dict["circuits"] = circuits
        if gate_counts is not UNSET:
            field_dict["gate_counts"] = gate_counts
        if kwh is not UNSET:
            field_dict["kwh"] = kwh
        if predicted_quantum_compute_time_us is not UNSET:
            field_dict["predicted_quantum_compute_time_us"] = (
                predicted_quantum_compute_time_us
            )
        if billed_quantum_compute_time_us is not UNSET:
            field_dict["billed_quantum_compute_time_us"] = (
                billed_quantum_compute_time_us
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
        qubits = d.pop("qubits", UNSET)

        circuits = d.pop("circuits", UNSET)

        _gate_counts = d.pop("gate_counts", UNSET)
        gate_counts: GateCounts | Unset
        if isinstance(_gate_counts, Unset):
            gate_counts = UNSET
        else:
            gate_counts = GateCounts.from_dict(_gate_counts)

        kwh = d.pop("kwh", UNSET)

        predicted_quantum_compute_time_us = d.pop(
            "predicted_quantum_compute_time_us", UNSET
        )

        billed_quantum_compute_time_us = d.pop("billed_quantum_compute_time_us", UNSET)

        circuit_job_stats = cls(
            qubits,
            circuits,
            gate_counts,
            kwh,
            predicted_quantum_compute_time_us,
            billed_quantum_compute_time_us,
        )

        circuit_job_stats.additional_properties = d
        return circuit_job_stats

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
        """`CircuitJobStats(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.gate_counts import GateCounts

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.gate_counts import GateCounts


T = TypeVar("T", bound="JobStats")


@_attrs_define
class JobStats:
    """The size of a job's program.

    Attributes:
        qubits (int): The number of qubits used (the largest over a multi-circuit job's circuits).
        circuits (int): The number of circuits.
        gate_counts (GateCounts): The number of gates of each arity in the compiled program.
    """

    qubits: int
    circuits: int
    gate_counts: GateCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        qubits = self.qubits

        circuits = self.circuits

        gate_counts = self.gate_counts.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "qubits": qubits,
                "circuits": circuits,
                "gate_counts": gate_counts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gate_counts import GateCounts  # noqa: PLC0415

        d = dict(src_dict)
        qubits = d.pop("qubits")

        circuits = d.pop("circuits")

        gate_counts = GateCounts.from_dict(d.pop("gate_counts"))

        job_stats = cls(
            qubits=qubits,
            circuits=circuits,
            gate_counts=gate_counts,
        )

        job_stats.additional_properties = d
        return job_stats

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

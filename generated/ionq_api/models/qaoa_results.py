from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="QaoaResults")


@_attrs_define
class QaoaResults:
    """What the QAOA solver found.

    Attributes:
        optimal_cost (float): The best objective value found.
        optimal_bitstring (str): The bitstring that reaches it.
        processing_status (str): Where the optimization loop is, `running`, `complete` or `max_iteration` today (an open
            string).
    """

    optimal_cost: float
    optimal_bitstring: str
    processing_status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        optimal_cost = self.optimal_cost

        optimal_bitstring = self.optimal_bitstring

        processing_status = self.processing_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "optimal_cost": optimal_cost,
                "optimal_bitstring": optimal_bitstring,
                "processing_status": processing_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        optimal_cost = d.pop("optimal_cost")

        optimal_bitstring = d.pop("optimal_bitstring")

        processing_status = d.pop("processing_status")

        qaoa_results = cls(
            optimal_cost=optimal_cost,
            optimal_bitstring=optimal_bitstring,
            processing_status=processing_status,
        )

        qaoa_results.additional_properties = d
        return qaoa_results

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

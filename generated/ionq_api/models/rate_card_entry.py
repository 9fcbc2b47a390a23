from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

T = TypeVar("T", bound="RateCardEntry")


@_attrs_define
class RateCardEntry:
    """One rate of a rate card.

    Attributes:
        sku (str): The rate's product code.
        unit (str): What the rate is charged by, `compute_second` or `gates` today (an open string).
        unit_cost (float | Unset): The cost of one compute second (when `unit` is `compute_second`).
        cost_1q_gate (float | Unset): The cost of one single-qubit gate for one shot (when `unit` is `gates`).
        cost_2q_gate (float | Unset): The cost of one two-qubit gate for one shot (when `unit` is `gates`).
        job_cost_minimum (float | Unset): The least a job costs (when `unit` is `gates` and the contract has a minimum).
    """

    sku: str
    unit: str
    unit_cost: float | Unset = UNSET
    cost_1q_gate: float | Unset = UNSET
    cost_2q_gate: float | Unset = UNSET
    job_cost_minimum: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sku = self.sku

        unit = self.unit

        unit_cost = self.unit_cost

        cost_1q_gate = self.cost_1q_gate

        cost_2q_gate = self.cost_2q_gate

        job_cost_minimum = self.job_cost_minimum

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sku": sku,
                "unit": unit,
            }
        )
        if unit_cost is not UNSET:
            field_dict["unit_cost"] = unit_cost
        if cost_1q_gate is not UNSET:
            field_dict["cost_1q_gate"] = cost_1q_gate
        if cost_2q_gate is not UNSET:
            field_dict["cost_2q_gate"] = cost_2q_gate
        if job_cost_minimum is not UNSET:
            field_dict["job_cost_minimum"] = job_cost_minimum

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
        sku = d.pop("sku")

        unit = d.pop("unit")

        unit_cost = d.pop("unit_cost", UNSET)

        cost_1q_gate = d.pop("cost_1q_gate", UNSET)

        cost_2q_gate = d.pop("cost_2q_gate", UNSET)

        job_cost_minimum = d.pop("job_cost_minimum", UNSET)

        rate_card_entry = cls(
            sku,
            unit,
            unit_cost,
            cost_1q_gate,
            cost_2q_gate,
            job_cost_minimum,
        )

        rate_card_entry.additional_properties = d
        return rate_card_entry

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
        """`RateCardEntry(name=value, ...)` in field order, leaving out the fields that are
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

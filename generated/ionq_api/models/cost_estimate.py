from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.estimate_context import EstimateContext
    from ..models.rate_card import RateCard


T = TypeVar("T", bound="CostEstimate")


@_attrs_define
class CostEstimate:
    """An estimate of what a job would cost, and how long it would wait and run (IonQ's `GetJobEstimateResponse`).

    Attributes:
        estimate_context (EstimateContext): The job shape an estimate was made for, defaults filled in.
        estimated_at (datetime.datetime): When the estimate was made.
        estimated_unit (str): The unit of the cost, e.g. `usd` (or `credit`).
        rate_card (RateCard): The rates an estimate used.
        estimated_total_cost (float): The estimated cost.
        estimated_execution_time (int): The predicted running time, in milliseconds.
        current_predicted_queue_time (int): The predicted time the job would wait in the queue, in milliseconds.
        estimated_quantum_compute_time_us (int | Unset): The predicted quantum compute time, in microseconds (backends
            priced by compute time only).
    """

    estimate_context: EstimateContext
    estimated_at: datetime.datetime
    estimated_unit: str
    rate_card: RateCard
    estimated_total_cost: float
    estimated_execution_time: int
    current_predicted_queue_time: int
    estimated_quantum_compute_time_us: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        estimate_context = self.estimate_context.to_dict()

        estimated_at = self.estimated_at.isoformat()

        estimated_unit = self.estimated_unit

        rate_card = self.rate_card.to_dict()

        estimated_total_cost = self.estimated_total_cost

        estimated_execution_time = self.estimated_execution_time

        current_predicted_queue_time = self.current_predicted_queue_time

        estimated_quantum_compute_time_us = self.estimated_quantum_compute_time_us

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "estimate_context": estimate_context,
                "estimated_at": estimated_at,
                "estimated_unit": estimated_unit,
                "rate_card": rate_card,
                "estimated_total_cost": estimated_total_cost,
                "estimated_execution_time": estimated_execution_time,
                "current_predicted_queue_time": current_predicted_queue_time,
            }
        )
        if estimated_quantum_compute_time_us is not UNSET:
            field_dict["estimated_quantum_compute_time_us"] = (
                estimated_quantum_compute_time_us
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
        estimate_context = EstimateContext.from_dict(d.pop("estimate_context"))

        estimated_at = datetime.datetime.fromisoformat(d.pop("estimated_at"))

        estimated_unit = d.pop("estimated_unit")

        rate_card = RateCard.from_dict(d.pop("rate_card"))

        estimated_total_cost = d.pop("estimated_total_cost")

        estimated_execution_time = d.pop("estimated_execution_time")

        current_predicted_queue_time = d.pop("current_predicted_queue_time")

        estimated_quantum_compute_time_us = d.pop(
            "estimated_quantum_compute_time_us", UNSET
        )

        cost_estimate = cls(
            estimate_context,
            estimated_at,
            estimated_unit,
            rate_card,
            estimated_total_cost,
            estimated_execution_time,
            current_predicted_queue_time,
            estimated_quantum_compute_time_us,
        )

        cost_estimate.additional_properties = d
        return cost_estimate

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
        """`CostEstimate(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.estimate_context import EstimateContext
from ..models.rate_card import RateCard

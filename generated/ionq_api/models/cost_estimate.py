from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.estimate_input import EstimateInput
    from ..models.rate_information import RateInformation


T = TypeVar("T", bound="CostEstimate")


@_attrs_define
class CostEstimate:
    """An estimate of what a job would cost, and how long it would wait and run.

    Attributes:
        input_values (EstimateInput): The job shape an estimate was made for, defaults filled in.
        estimated_at (datetime.datetime): When the estimate was made.
        cost_unit (str): The currency of the costs, as a lowercase ISO 4217 code (e.g. `usd`).
        rate_information (RateInformation): The rates an estimate used.
        estimated_cost (float): The estimated cost.
        estimated_execution_time (float): The estimated running time, in milliseconds.
        current_predicted_queue_time (float): The backend's current predicted queue time, in milliseconds.
    """

    input_values: EstimateInput
    estimated_at: datetime.datetime
    cost_unit: str
    rate_information: RateInformation
    estimated_cost: float
    estimated_execution_time: float
    current_predicted_queue_time: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        input_values = self.input_values.to_dict()

        estimated_at = self.estimated_at.isoformat()

        cost_unit = self.cost_unit

        rate_information = self.rate_information.to_dict()

        estimated_cost = self.estimated_cost

        estimated_execution_time = self.estimated_execution_time

        current_predicted_queue_time = self.current_predicted_queue_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "input_values": input_values,
                "estimated_at": estimated_at,
                "cost_unit": cost_unit,
                "rate_information": rate_information,
                "estimated_cost": estimated_cost,
                "estimated_execution_time": estimated_execution_time,
                "current_predicted_queue_time": current_predicted_queue_time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.estimate_input import EstimateInput  # noqa: PLC0415
        from ..models.rate_information import RateInformation  # noqa: PLC0415

        d = dict(src_dict)
        input_values = EstimateInput.from_dict(d.pop("input_values"))

        estimated_at = datetime.datetime.fromisoformat(d.pop("estimated_at"))

        cost_unit = d.pop("cost_unit")

        rate_information = RateInformation.from_dict(d.pop("rate_information"))

        estimated_cost = d.pop("estimated_cost")

        estimated_execution_time = d.pop("estimated_execution_time")

        current_predicted_queue_time = d.pop("current_predicted_queue_time")

        cost_estimate = cls(
            input_values=input_values,
            estimated_at=estimated_at,
            cost_unit=cost_unit,
            rate_information=rate_information,
            estimated_cost=estimated_cost,
            estimated_execution_time=estimated_execution_time,
            current_predicted_queue_time=current_predicted_queue_time,
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

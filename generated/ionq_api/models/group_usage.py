from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.usage_amount import UsageAmount


T = TypeVar("T", bound="GroupUsage")


@_attrs_define
class GroupUsage:
    """One group's usage in one period.

    Attributes:
        group_id (str | Unset): The group's id (a job, project or user id).
        group_name (str | Unset): The group's name.
        job_count (int | Unset): The jobs the group ran in the period.
        amount (float | Unset): What they cost, in `amount_unit`.
        amount_unit (str | Unset): The unit of `amount`; credits if any credit activity is in the report.
        amounts (list[UsageAmount] | Unset): The amount by currency, before normalizing to one unit.
        time_us (float | Unset): The QPU time used, in microseconds.
    """

    group_id: str | Unset = UNSET
    group_name: str | Unset = UNSET
    job_count: int | Unset = UNSET
    amount: float | Unset = UNSET
    amount_unit: str | Unset = UNSET
    amounts: list[UsageAmount] | Unset = UNSET
    time_us: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group_id = self.group_id

        group_name = self.group_name

        job_count = self.job_count

        amount = self.amount

        amount_unit = self.amount_unit

        amounts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.amounts, Unset):
            amounts = []
            for amounts_item_data in self.amounts:
                amounts_item = amounts_item_data.to_dict()
                amounts.append(amounts_item)

        time_us = self.time_us

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
        if group_name is not UNSET:
            field_dict["group_name"] = group_name
        if job_count is not UNSET:
            field_dict["job_count"] = job_count
        if amount is not UNSET:
            field_dict["amount"] = amount
        if amount_unit is not UNSET:
            field_dict["amount_unit"] = amount_unit
        if amounts is not UNSET:
            field_dict["amounts"] = amounts
        if time_us is not UNSET:
            field_dict["time_us"] = time_us

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
        group_id = d.pop("group_id", UNSET)

        group_name = d.pop("group_name", UNSET)

        job_count = d.pop("job_count", UNSET)

        amount = d.pop("amount", UNSET)

        amount_unit = d.pop("amount_unit", UNSET)

        _amounts = d.pop("amounts", UNSET)
        amounts: list[UsageAmount] | Unset = UNSET
        if _amounts is not UNSET:
            amounts = []
            for amounts_item_data in _amounts:
                amounts_item = UsageAmount.from_dict(amounts_item_data)

                amounts.append(amounts_item)

        time_us = d.pop("time_us", UNSET)

        group_usage = cls(
            group_id,
            group_name,
            job_count,
            amount,
            amount_unit,
            amounts,
            time_us,
        )

        group_usage.additional_properties = d
        return group_usage

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
        """`GroupUsage(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.usage_amount import UsageAmount

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.group_usage import GroupUsage
    from ..models.usage_amount import UsageAmount


T = TypeVar("T", bound="Usage")


@_attrs_define
class Usage:
    """The usage of one period.

    Attributes:
        from_ (str): The period's start. IonQ's document says a date; the service sends an RFC 3339
            date-time (`2026-08-01T00:00:00Z`), so any string reads here.
        job_count (int): The jobs run in the period.
        amount (float): What they cost, in `amount_unit`.
        time_us (float): The QPU time used, in microseconds.
        group_usages (list[GroupUsage]): The five groups that cost most in the period, costliest first.
        amount_unit (str | Unset): The unit of `amount`.
        amounts (list[UsageAmount] | Unset): The amount by currency, before normalizing to one unit.
    """

    from_: str
    job_count: int
    amount: float
    time_us: float
    group_usages: list[GroupUsage]
    amount_unit: str | Unset = UNSET
    amounts: list[UsageAmount] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_

        job_count = self.job_count

        amount = self.amount

        time_us = self.time_us

        group_usages = []
        for group_usages_item_data in self.group_usages:
            group_usages_item = group_usages_item_data.to_dict()
            group_usages.append(group_usages_item)

        amount_unit = self.amount_unit

        amounts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.amounts, Unset):
            amounts = []
            for amounts_item_data in self.amounts:
                amounts_item = amounts_item_data.to_dict()
                amounts.append(amounts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "job_count": job_count,
                "amount": amount,
                "time_us": time_us,
                "group_usages": group_usages,
            }
        )
        if amount_unit is not UNSET:
            field_dict["amount_unit"] = amount_unit
        if amounts is not UNSET:
            field_dict["amounts"] = amounts

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
        from_ = d.pop("from")

        job_count = d.pop("job_count")

        amount = d.pop("amount")

        time_us = d.pop("time_us")

        group_usages = []
        _group_usages = d.pop("group_usages")
        for group_usages_item_data in _group_usages:
            group_usages_item = GroupUsage.from_dict(group_usages_item_data)

            group_usages.append(group_usages_item)

        amount_unit = d.pop("amount_unit", UNSET)

        _amounts = d.pop("amounts", UNSET)
        amounts: list[UsageAmount] | Unset = UNSET
        if _amounts is not UNSET:
            amounts = []
            for amounts_item_data in _amounts:
                amounts_item = UsageAmount.from_dict(amounts_item_data)

                amounts.append(amounts_item)

        usage = cls(
            from_,
            job_count,
            amount,
            time_us,
            group_usages,
            amount_unit,
            amounts,
        )

        usage.additional_properties = d
        return usage

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
        """`Usage(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.group_usage import GroupUsage
from ..models.usage_amount import UsageAmount

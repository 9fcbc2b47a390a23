from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..models.usage_group_by import UsageGroupBy, check_usage_group_by
from ..models.usage_modality import UsageModality, check_usage_modality
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.usage import Usage
    from ..models.usage_amount import UsageAmount


T = TypeVar("T", bound="Usages")


@_attrs_define
class Usages:
    """An organization's usage over a date range, by period (IonQ's `Usages`). IonQ's
    document lists `start_date` and `end_date` as required although it defines neither
    (the range is in `usage_from` and `usage_to`); only `group_type` and `modality` are
    required here.

        Attributes:
            group_type (UsageGroupBy): What a usage report groups by.
            modality (UsageModality): The period a usage report is broken down by.
            organization (str | Unset): The organization.
            usage_from (datetime.datetime | Unset): The start of the range.
            usage_to (datetime.datetime | Unset): The end of the range (exclusive).
            usage_unit (str | Unset): The unit of the amounts (`USD`, or credits).
            amount_total (float | Unset): The total cost over the range.
            amount_totals (list[UsageAmount] | Unset): The total by currency, before normalizing to one unit.
            time_us_total (float | Unset): The total QPU time, in microseconds.
            job_count (int | Unset): The jobs run over the range.
            usage_data (list[Usage] | Unset): The usage of each period, most recent first.
    """

    group_type: UsageGroupBy
    modality: UsageModality
    organization: str | Unset = UNSET
    usage_from: datetime.datetime | Unset = UNSET
    usage_to: datetime.datetime | Unset = UNSET
    usage_unit: str | Unset = UNSET
    amount_total: float | Unset = UNSET
    amount_totals: list[UsageAmount] | Unset = UNSET
    time_us_total: float | Unset = UNSET
    job_count: int | Unset = UNSET
    usage_data: list[Usage] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group_type: str = self.group_type

        modality: str = self.modality

        organization = self.organization

        usage_from: str | Unset = UNSET
        if not isinstance(self.usage_from, Unset):
            usage_from = self.usage_from.isoformat()

        usage_to: str | Unset = UNSET
        if not isinstance(self.usage_to, Unset):
            usage_to = self.usage_to.isoformat()

        usage_unit = self.usage_unit

        amount_total = self.amount_total

        amount_totals: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.amount_totals, Unset):
            amount_totals = []
            for amount_totals_item_data in self.amount_totals:
                amount_totals_item = amount_totals_item_data.to_dict()
                amount_totals.append(amount_totals_item)

        time_us_total = self.time_us_total

        job_count = self.job_count

        usage_data: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.usage_data, Unset):
            usage_data = []
            for usage_data_item_data in self.usage_data:
                usage_data_item = usage_data_item_data.to_dict()
                usage_data.append(usage_data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "group_type": group_type,
                "modality": modality,
            }
        )
        if organization is not UNSET:
            field_dict["organization"] = organization
        if usage_from is not UNSET:
            field_dict["usage_from"] = usage_from
        if usage_to is not UNSET:
            field_dict["usage_to"] = usage_to
        if usage_unit is not UNSET:
            field_dict["usage_unit"] = usage_unit
        if amount_total is not UNSET:
            field_dict["amount_total"] = amount_total
        if amount_totals is not UNSET:
            field_dict["amount_totals"] = amount_totals
        if time_us_total is not UNSET:
            field_dict["time_us_total"] = time_us_total
        if job_count is not UNSET:
            field_dict["job_count"] = job_count
        if usage_data is not UNSET:
            field_dict["usage_data"] = usage_data

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
        group_type = check_usage_group_by(d.pop("group_type"))

        modality = check_usage_modality(d.pop("modality"))

        organization = d.pop("organization", UNSET)

        _usage_from = d.pop("usage_from", UNSET)
        usage_from: datetime.datetime | Unset
        if isinstance(_usage_from, Unset):
            usage_from = UNSET
        else:
            usage_from = datetime.datetime.fromisoformat(_usage_from)

        _usage_to = d.pop("usage_to", UNSET)
        usage_to: datetime.datetime | Unset
        if isinstance(_usage_to, Unset):
            usage_to = UNSET
        else:
            usage_to = datetime.datetime.fromisoformat(_usage_to)

        usage_unit = d.pop("usage_unit", UNSET)

        amount_total = d.pop("amount_total", UNSET)

        _amount_totals = d.pop("amount_totals", UNSET)
        amount_totals: list[UsageAmount] | Unset = UNSET
        if _amount_totals is not UNSET:
            amount_totals = []
            for amount_totals_item_data in _amount_totals:
                amount_totals_item = UsageAmount.from_dict(amount_totals_item_data)

                amount_totals.append(amount_totals_item)

        time_us_total = d.pop("time_us_total", UNSET)

        job_count = d.pop("job_count", UNSET)

        _usage_data = d.pop("usage_data", UNSET)
        usage_data: list[Usage] | Unset = UNSET
        if _usage_data is not UNSET:
            usage_data = []
            for usage_data_item_data in _usage_data:
                usage_data_item = Usage.from_dict(usage_data_item_data)

                usage_data.append(usage_data_item)

        usages = cls(
            group_type,
            modality,
            organization,
            usage_from,
            usage_to,
            usage_unit,
            amount_total,
            amount_totals,
            time_us_total,
            job_count,
            usage_data,
        )

        usages.additional_properties = d
        return usages

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
        """`Usages(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.usage import Usage
from ..models.usage_amount import UsageAmount

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cost import Cost


T = TypeVar("T", bound="JobCost")


@_attrs_define
class JobCost:
    """What a job costs.

    Attributes:
        dry_run (bool): Whether the job was a dry run (never run, so never charged).
        estimated_cost (Cost | Unset): An amount of money or credits.
        cost (Cost | Unset): An amount of money or credits.
    """

    dry_run: bool
    estimated_cost: Cost | Unset = UNSET
    cost: Cost | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dry_run = self.dry_run

        estimated_cost: dict[str, Any] | Unset = UNSET
        if not isinstance(self.estimated_cost, Unset):
            estimated_cost = self.estimated_cost.to_dict()

        cost: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cost, Unset):
            cost = self.cost.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dry_run": dry_run,
            }
        )
        if estimated_cost is not UNSET:
            field_dict["estimated_cost"] = estimated_cost
        if cost is not UNSET:
            field_dict["cost"] = cost

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
        dry_run = d.pop("dry_run")

        _estimated_cost = d.pop("estimated_cost", UNSET)
        estimated_cost: Cost | Unset
        if isinstance(_estimated_cost, Unset):
            estimated_cost = UNSET
        else:
            estimated_cost = Cost.from_dict(_estimated_cost)

        _cost = d.pop("cost", UNSET)
        cost: Cost | Unset
        if isinstance(_cost, Unset):
            cost = UNSET
        else:
            cost = Cost.from_dict(_cost)

        job_cost = cls(
            dry_run,
            estimated_cost,
            cost,
        )

        job_cost.additional_properties = d
        return job_cost

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
        """`JobCost(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.cost import Cost

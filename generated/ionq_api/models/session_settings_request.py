from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_cost_limit import SessionCostLimit


T = TypeVar("T", bound="SessionSettingsRequest")


@_attrs_define
class SessionSettingsRequest:
    """Limits after which a session ends by itself. All optional.

    Attributes:
        job_count_limit (int | Unset): The most jobs the session takes.
        duration_limit_min (int | Unset): The longest the session lasts, in minutes.
        cost_limit (SessionCostLimit | Unset): The most a session may cost.
    """

    job_count_limit: int | Unset = UNSET
    duration_limit_min: int | Unset = UNSET
    cost_limit: SessionCostLimit | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        job_count_limit = self.job_count_limit

        duration_limit_min = self.duration_limit_min

        cost_limit: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cost_limit, Unset):
            cost_limit = self.cost_limit.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if job_count_limit is not UNSET:
            field_dict["job_count_limit"] = job_count_limit
        if duration_limit_min is not UNSET:
            field_dict["duration_limit_min"] = duration_limit_min
        if cost_limit is not UNSET:
            field_dict["cost_limit"] = cost_limit

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
        job_count_limit = d.pop("job_count_limit", UNSET)

        duration_limit_min = d.pop("duration_limit_min", UNSET)

        _cost_limit = d.pop("cost_limit", UNSET)
        cost_limit: SessionCostLimit | Unset
        if isinstance(_cost_limit, Unset):
            cost_limit = UNSET
        else:
            cost_limit = SessionCostLimit.from_dict(_cost_limit)

        session_settings_request = cls(
            job_count_limit,
            duration_limit_min,
            cost_limit,
        )

        return session_settings_request

    def __repr__(self) -> str:
        """`SessionSettingsRequest(name=value, ...)` in field order, leaving out the fields that are
        unset or None."""
        parts = [
            f"{field.name}={value!r}"
            for field in _attrs_fields(type(self))
            if field.name != "additional_properties"
            and (value := getattr(self, field.name)) is not UNSET
            and value is not None
        ]
        return f"{type(self).__name__}({', '.join(parts)})"


from ..models.session_cost_limit import SessionCostLimit

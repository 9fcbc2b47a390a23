from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET

if TYPE_CHECKING:
    from ..models.registered_histogram import RegisteredHistogram


T = TypeVar("T", bound="HistogramV2")


@_attrs_define
class HistogramV2:
    """The `ionq.result.histogram.json.v2` format.

    Attributes:
        histogram (RegisteredHistogram): Shot counts by register name.
    """

    histogram: RegisteredHistogram
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        histogram = self.histogram.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "histogram": histogram,
            }
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
        histogram = RegisteredHistogram.from_dict(d.pop("histogram"))

        histogram_v2 = cls(
            histogram,
        )

        histogram_v2.additional_properties = d
        return histogram_v2

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
        """`HistogramV2(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.registered_histogram import RegisteredHistogram

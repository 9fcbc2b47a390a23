from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

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

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.registered_histogram import RegisteredHistogram  # noqa: PLC0415

        d = dict(src_dict)
        histogram = RegisteredHistogram.from_dict(d.pop("histogram"))

        histogram_v2 = cls(
            histogram=histogram,
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

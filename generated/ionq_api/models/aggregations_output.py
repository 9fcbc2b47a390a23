from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.aggregation_artifact_descriptor import AggregationArtifactDescriptor


T = TypeVar("T", bound="AggregationsOutput")


@_attrs_define
class AggregationsOutput:
    """The debiased results, one per aggregation method.

    Attributes:
        average (AggregationArtifactDescriptor | Unset): An aggregated debiasing result, always an
            `ionq.result.histogram.json.v2` artifact.
        voting (AggregationArtifactDescriptor | Unset): An aggregated debiasing result, always an
            `ionq.result.histogram.json.v2` artifact.
        dnl (AggregationArtifactDescriptor | Unset): An aggregated debiasing result, always an
            `ionq.result.histogram.json.v2` artifact.
        majority (AggregationArtifactDescriptor | Unset): An aggregated debiasing result, always an
            `ionq.result.histogram.json.v2` artifact.
    """

    average: AggregationArtifactDescriptor | Unset = UNSET
    voting: AggregationArtifactDescriptor | Unset = UNSET
    dnl: AggregationArtifactDescriptor | Unset = UNSET
    majority: AggregationArtifactDescriptor | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        average: dict[str, Any] | Unset = UNSET
        if not isinstance(self.average, Unset):
            average = self.average.to_dict()

        voting: dict[str, Any] | Unset = UNSET
        if not isinstance(self.voting, Unset):
            voting = self.voting.to_dict()

        dnl: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dnl, Unset):
            dnl = self.dnl.to_dict()

        majority: dict[str, Any] | Unset = UNSET
        if not isinstance(self.majority, Unset):
            majority = self.majority.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if average is not UNSET:
            field_dict["average"] = average
        if voting is not UNSET:
            field_dict["voting"] = voting
        if dnl is not UNSET:
            field_dict["dnl"] = dnl
        if majority is not UNSET:
            field_dict["majority"] = majority

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
        _average = d.pop("average", UNSET)
        average: AggregationArtifactDescriptor | Unset
        if isinstance(_average, Unset):
            average = UNSET
        else:
            average = AggregationArtifactDescriptor.from_dict(_average)

        _voting = d.pop("voting", UNSET)
        voting: AggregationArtifactDescriptor | Unset
        if isinstance(_voting, Unset):
            voting = UNSET
        else:
            voting = AggregationArtifactDescriptor.from_dict(_voting)

        _dnl = d.pop("dnl", UNSET)
        dnl: AggregationArtifactDescriptor | Unset
        if isinstance(_dnl, Unset):
            dnl = UNSET
        else:
            dnl = AggregationArtifactDescriptor.from_dict(_dnl)

        _majority = d.pop("majority", UNSET)
        majority: AggregationArtifactDescriptor | Unset
        if isinstance(_majority, Unset):
            majority = UNSET
        else:
            majority = AggregationArtifactDescriptor.from_dict(_majority)

        aggregations_output = cls(
            average,
            voting,
            dnl,
            majority,
        )

        aggregations_output.additional_properties = d
        return aggregations_output

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
        """`AggregationsOutput(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.aggregation_artifact_descriptor import AggregationArtifactDescriptor

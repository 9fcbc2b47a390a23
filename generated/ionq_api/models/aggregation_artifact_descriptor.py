from __future__ import annotations

import json
from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET

T = TypeVar("T", bound="AggregationArtifactDescriptor")


@_attrs_define
class AggregationArtifactDescriptor:
    """An aggregated debiasing result, always an `ionq.result.histogram.json.v2` artifact.

    Attributes:
        id (str): The artifact's id.
        format_ (Literal['ionq.result.histogram.json.v2']): The artifact's format.
        media_type (str): The content type of the download.
    """

    id: str
    format_: Literal["ionq.result.histogram.json.v2"]
    media_type: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        format_ = self.format_

        media_type = self.media_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "format": format_,
                "media_type": media_type,
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
        id = d.pop("id")

        format_ = cast(Literal["ionq.result.histogram.json.v2"], d.pop("format"))
        if format_ != "ionq.result.histogram.json.v2":
            raise ValueError(
                f"format must match const 'ionq.result.histogram.json.v2', got '{format_}'"
            )

        media_type = d.pop("media_type")

        aggregation_artifact_descriptor = cls(
            id,
            format_,
            media_type,
        )

        aggregation_artifact_descriptor.additional_properties = d
        return aggregation_artifact_descriptor

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
        """`AggregationArtifactDescriptor(name=value, ...)` in field order, leaving out the fields that are
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

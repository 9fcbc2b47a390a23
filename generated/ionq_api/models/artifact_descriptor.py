from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ArtifactDescriptor")


@_attrs_define
class ArtifactDescriptor:
    """A result or compiled-circuit artifact of a job: download its content from
    `GET /jobs/{job_id}/artifacts/{id}`; `format` says its shape (see `ResultFormat`)
    and `media_type` its content type.

        Attributes:
            id (str): The artifact's id, unique within the job.
            format_ (str): The artifact's format, e.g. `ionq.result.probabilities.json.v2`.
            media_type (str): The content type of the download, e.g. `application/json`.
    """

    id: str
    format_: str
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

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        format_ = d.pop("format")

        media_type = d.pop("media_type")

        artifact_descriptor = cls(
            id=id,
            format_=format_,
            media_type=media_type,
        )

        artifact_descriptor.additional_properties = d
        return artifact_descriptor

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

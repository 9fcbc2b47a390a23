from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.whoami_response_200_status import (
    WhoamiResponse200Status,
    check_whoami_response_200_status,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="WhoamiResponse200")


@_attrs_define
class WhoamiResponse200:
    """
    Attributes:
        key_id (UUID):
        status (WhoamiResponse200Status | Unset):
    """

    key_id: UUID
    status: WhoamiResponse200Status | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key_id = str(self.key_id)

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key_id": key_id,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key_id = UUID(d.pop("key_id"))

        _status = d.pop("status", UNSET)
        status: WhoamiResponse200Status | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_whoami_response_200_status(_status)

        whoami_response_200 = cls(
            key_id=key_id,
            status=status,
        )

        whoami_response_200.additional_properties = d
        return whoami_response_200

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

from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="JobsCanceled")


@_attrs_define
class JobsCanceled:
    """The answer to cancelling several jobs.

    Attributes:
        ids (list[str]): The ids of the jobs this request cancelled (jobs already in a terminal state are left out).
        status (Literal['canceled']): Always `canceled`.
    """

    ids: list[str]
    status: Literal["canceled"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ids = self.ids

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ids": ids,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ids = cast(list[str], d.pop("ids"))

        status = cast(Literal["canceled"], d.pop("status"))
        if status != "canceled":
            raise ValueError(f"status must match const 'canceled', got '{status}'")

        jobs_canceled = cls(
            ids=ids,
            status=status,
        )

        jobs_canceled.additional_properties = d
        return jobs_canceled

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

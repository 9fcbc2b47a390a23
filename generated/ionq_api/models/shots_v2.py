from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.shot_result import ShotResult


T = TypeVar("T", bound="ShotsV2")


@_attrs_define
class ShotsV2:
    """The `ionq.result.shots.json.v2` format.

    Attributes:
        shots (list[ShotResult]): One result per shot, in the order the shots ran.
    """

    shots: list[ShotResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        shots = []
        for shots_item_data in self.shots:
            shots_item = shots_item_data.to_dict()
            shots.append(shots_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "shots": shots,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.shot_result import ShotResult  # noqa: PLC0415

        d = dict(src_dict)
        shots = []
        _shots = d.pop("shots")
        for shots_item_data in _shots:
            shots_item = ShotResult.from_dict(shots_item_data)

            shots.append(shots_item)

        shots_v2 = cls(
            shots=shots,
        )

        shots_v2.additional_properties = d
        return shots_v2

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CircuitJobErrorMitigationSettings")


@_attrs_define
class CircuitJobErrorMitigationSettings:
    """Which error mitigations the job asked for.

    Attributes:
        debiasing (bool | Unset): Whether debiasing was on.
        symmetry_verification (bool | Unset): Whether symmetry verification was on.
    """

    debiasing: bool | Unset = UNSET
    symmetry_verification: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        debiasing = self.debiasing

        symmetry_verification = self.symmetry_verification

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if debiasing is not UNSET:
            field_dict["debiasing"] = debiasing
        if symmetry_verification is not UNSET:
            field_dict["symmetry_verification"] = symmetry_verification

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        debiasing = d.pop("debiasing", UNSET)

        symmetry_verification = d.pop("symmetry_verification", UNSET)

        circuit_job_error_mitigation_settings = cls(
            debiasing=debiasing,
            symmetry_verification=symmetry_verification,
        )

        circuit_job_error_mitigation_settings.additional_properties = d
        return circuit_job_error_mitigation_settings

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

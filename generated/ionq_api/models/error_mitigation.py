from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorMitigation")


@_attrs_define
class ErrorMitigation:
    """Error-mitigation options.

    Attributes:
        symmetry_verification (bool | Unset): Discard outcomes that break a symmetry of the circuit.
        debiasing (bool | Unset): Run symmetrized variants of the circuit and combine their results (debiasing).
            QPUs only (ignored on the simulator). On a QPU it needs at least 500 shots: with
            fewer the job is created and fails with `InvalidInput`, naming
            `settings.error_mitigation.debiasing`.
    """

    symmetry_verification: bool | Unset = UNSET
    debiasing: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symmetry_verification = self.symmetry_verification

        debiasing = self.debiasing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if symmetry_verification is not UNSET:
            field_dict["symmetry_verification"] = symmetry_verification
        if debiasing is not UNSET:
            field_dict["debiasing"] = debiasing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symmetry_verification = d.pop("symmetry_verification", UNSET)

        debiasing = d.pop("debiasing", UNSET)

        error_mitigation = cls(
            symmetry_verification=symmetry_verification,
            debiasing=debiasing,
        )

        error_mitigation.additional_properties = d
        return error_mitigation

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

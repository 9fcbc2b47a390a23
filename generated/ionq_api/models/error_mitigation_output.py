from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.aggregations_output import AggregationsOutput
    from ..models.debiasing_output import DebiasingOutput
    from ..models.symmetry_verification_output import SymmetryVerificationOutput


T = TypeVar("T", bound="ErrorMitigationOutput")


@_attrs_define
class ErrorMitigationOutput:
    """What error mitigation reported.

    Attributes:
        debiasing (bool | DebiasingOutput | Unset): The debiasing report; `false` when debiasing was off (the service
            sends a
            boolean then, although IonQ's document types only the object).
        symmetry_verification (None | SymmetryVerificationOutput | Unset): The symmetry-verification report, or null.
        aggregations (AggregationsOutput | Unset): The debiased results, one per aggregation method.
    """

    debiasing: bool | DebiasingOutput | Unset = UNSET
    symmetry_verification: None | SymmetryVerificationOutput | Unset = UNSET
    aggregations: AggregationsOutput | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.debiasing_output import DebiasingOutput  # noqa: PLC0415
        from ..models.symmetry_verification_output import SymmetryVerificationOutput  # noqa: PLC0415

        debiasing: bool | dict[str, Any] | Unset
        if isinstance(self.debiasing, Unset):
            debiasing = UNSET
        elif isinstance(self.debiasing, DebiasingOutput):
            debiasing = self.debiasing.to_dict()
        else:
            debiasing = self.debiasing

        symmetry_verification: dict[str, Any] | None | Unset
        if isinstance(self.symmetry_verification, Unset):
            symmetry_verification = UNSET
        elif isinstance(self.symmetry_verification, SymmetryVerificationOutput):
            symmetry_verification = self.symmetry_verification.to_dict()
        else:
            symmetry_verification = self.symmetry_verification

        aggregations: dict[str, Any] | Unset = UNSET
        if not isinstance(self.aggregations, Unset):
            aggregations = self.aggregations.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if debiasing is not UNSET:
            field_dict["debiasing"] = debiasing
        if symmetry_verification is not UNSET:
            field_dict["symmetry_verification"] = symmetry_verification
        if aggregations is not UNSET:
            field_dict["aggregations"] = aggregations

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aggregations_output import AggregationsOutput  # noqa: PLC0415
        from ..models.debiasing_output import DebiasingOutput  # noqa: PLC0415
        from ..models.symmetry_verification_output import SymmetryVerificationOutput  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_debiasing(data: object) -> bool | DebiasingOutput | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                debiasing_type_1 = DebiasingOutput.from_dict(data)

                return debiasing_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | DebiasingOutput | Unset, data)

        debiasing = _parse_debiasing(d.pop("debiasing", UNSET))

        def _parse_symmetry_verification(
            data: object,
        ) -> None | SymmetryVerificationOutput | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                symmetry_verification_type_0 = SymmetryVerificationOutput.from_dict(
                    data
                )

                return symmetry_verification_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SymmetryVerificationOutput | Unset, data)

        symmetry_verification = _parse_symmetry_verification(
            d.pop("symmetry_verification", UNSET)
        )

        _aggregations = d.pop("aggregations", UNSET)
        aggregations: AggregationsOutput | Unset
        if isinstance(_aggregations, Unset):
            aggregations = UNSET
        else:
            aggregations = AggregationsOutput.from_dict(_aggregations)

        error_mitigation_output = cls(
            debiasing=debiasing,
            symmetry_verification=symmetry_verification,
            aggregations=aggregations,
        )

        error_mitigation_output.additional_properties = d
        return error_mitigation_output

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

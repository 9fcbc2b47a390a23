from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNBUILT, UNSET, DeferredFields, Unset, defer_fields

if TYPE_CHECKING:
    from ..models.aggregations_output import AggregationsOutput
    from ..models.debiasing_output import DebiasingOutput
    from ..models.symmetry_verification_output import SymmetryVerificationOutput


T = TypeVar("T", bound="ErrorMitigationOutput")


@_attrs_define
class ErrorMitigationOutput(DeferredFields):
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

    def to_json(self, **kwargs: Any) -> str:
        """This model as JSON text: `json.dumps(self.to_dict(), **kwargs)`.

        `to_dict()` already writes datetimes as ISO 8601 strings and UUIDs as strings, so
        the text is what the API sends; pass `indent=2`, `sort_keys=True` etc. through.
        """
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _instance = cls.__new__(cls)
        pending: dict[str, Any] = {}
        _instance._ionq_pending = pending
        _debiasing = d.pop("debiasing", UNSET)
        if isinstance(_debiasing, dict):
            pending["debiasing"] = _debiasing
            _ionq_store["debiasing"](_instance, UNBUILT)
        else:  # nothing to build: the union keeps the value as it came
            _ionq_store["debiasing"](_instance, _debiasing)

        _symmetry_verification = d.pop("symmetry_verification", UNSET)
        if isinstance(_symmetry_verification, dict):
            pending["symmetry_verification"] = _symmetry_verification
            _ionq_store["symmetry_verification"](_instance, UNBUILT)
        else:  # nothing to build: the union keeps the value as it came
            _ionq_store["symmetry_verification"](_instance, _symmetry_verification)

        _aggregations = d.pop("aggregations", UNSET)
        aggregations: AggregationsOutput | Unset
        if isinstance(_aggregations, Unset):
            aggregations = UNSET
        else:
            aggregations = AggregationsOutput.from_dict(_aggregations)

        _instance.aggregations = aggregations

        _instance.additional_properties = d
        return _instance

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
        """`ErrorMitigationOutput(name=value, ...)` in field order, leaving out the fields that are
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


def _build_debiasing(data: Any) -> Any:
    """`ErrorMitigationOutput.debiasing` from its JSON value, on first read."""
    try:
        debiasing_type_1 = DebiasingOutput.from_dict(data)

        return debiasing_type_1
    except (TypeError, ValueError, AttributeError, KeyError):
        return data


def _build_symmetry_verification(data: Any) -> Any:
    """`ErrorMitigationOutput.symmetry_verification` from its JSON value, on first read."""
    try:
        symmetry_verification_type_0 = SymmetryVerificationOutput.from_dict(data)

        return symmetry_verification_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        return data


from ..models.aggregations_output import AggregationsOutput
from ..models.debiasing_output import DebiasingOutput
from ..models.symmetry_verification_output import SymmetryVerificationOutput

# Each deferred field's slot behind a DeferredField; from_dict() stores through the slots.
_ionq_store = defer_fields(
    ErrorMitigationOutput,
    {
        "debiasing": _build_debiasing,
        "symmetry_verification": _build_symmetry_verification,
    },
)

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fidelity_statistic import FidelityStatistic
    from ..models.spam_fidelity import SpamFidelity


T = TypeVar("T", bound="Fidelity")


@_attrs_define
class Fidelity:
    """A QPU's measured fidelities.

    Attributes:
        spam (SpamFidelity): State preparation and measurement fidelity.
        field_1q (FidelityStatistic | Unset): A fidelity measured over a QPU's qubits or qubit pairs, as a fraction
            0..1.
        field_2q (FidelityStatistic | Unset): A fidelity measured over a QPU's qubits or qubit pairs, as a fraction
            0..1.
    """

    spam: SpamFidelity
    field_1q: FidelityStatistic | Unset = UNSET
    field_2q: FidelityStatistic | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        spam = self.spam.to_dict()

        field_1q: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_1q, Unset):
            field_1q = self.field_1q.to_dict()

        field_2q: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_2q, Unset):
            field_2q = self.field_2q.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "spam": spam,
            }
        )
        if field_1q is not UNSET:
            field_dict["1q"] = field_1q
        if field_2q is not UNSET:
            field_dict["2q"] = field_2q

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
        spam = SpamFidelity.from_dict(d.pop("spam"))

        _field_1q = d.pop("1q", UNSET)
        field_1q: FidelityStatistic | Unset
        if isinstance(_field_1q, Unset):
            field_1q = UNSET
        else:
            field_1q = FidelityStatistic.from_dict(_field_1q)

        _field_2q = d.pop("2q", UNSET)
        field_2q: FidelityStatistic | Unset
        if isinstance(_field_2q, Unset):
            field_2q = UNSET
        else:
            field_2q = FidelityStatistic.from_dict(_field_2q)

        fidelity = cls(
            spam,
            field_1q,
            field_2q,
        )

        fidelity.additional_properties = d
        return fidelity

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
        """`Fidelity(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.fidelity_statistic import FidelityStatistic
from ..models.spam_fidelity import SpamFidelity

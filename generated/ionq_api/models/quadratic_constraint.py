from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET

T = TypeVar("T", bound="QuadraticConstraint")


@_attrs_define
class QuadraticConstraint:
    """A quadratic inequality constraint, xᵀ P x + rᵀ x <= c.

    Attributes:
        quadratic_coeff (list[list[float]]): The matrix P, by rows.
        linear_coeff (list[float]): The vector r.
        rhs (float): The bound c.
    """

    quadratic_coeff: list[list[float]]
    linear_coeff: list[float]
    rhs: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        quadratic_coeff = []
        for quadratic_coeff_item_data in self.quadratic_coeff:
            quadratic_coeff_item = quadratic_coeff_item_data

            quadratic_coeff.append(quadratic_coeff_item)

        linear_coeff = self.linear_coeff

        rhs = self.rhs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "quadratic_coeff": quadratic_coeff,
                "linear_coeff": linear_coeff,
                "rhs": rhs,
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
        quadratic_coeff = []
        _quadratic_coeff = d.pop("quadratic_coeff")
        for quadratic_coeff_item_data in _quadratic_coeff:
            quadratic_coeff_item = cast(list[float], quadratic_coeff_item_data)

            quadratic_coeff.append(quadratic_coeff_item)

        linear_coeff = cast(list[float], d.pop("linear_coeff"))

        rhs = d.pop("rhs")

        quadratic_constraint = cls(
            quadratic_coeff,
            linear_coeff,
            rhs,
        )

        quadratic_constraint.additional_properties = d
        return quadratic_constraint

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
        """`QuadraticConstraint(name=value, ...)` in field order, leaving out the fields that are
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

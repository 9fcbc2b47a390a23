from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.hamiltonian_energy_input_data import HamiltonianEnergyInputData


T = TypeVar("T", bound="HamiltonianEnergyInput")


@_attrs_define
class HamiltonianEnergyInput:
    """A `hamiltonian-energy` function and its parameters.

    Attributes:
        data (HamiltonianEnergyInputData): The function.
        params (list[float] | Unset): The ansatz parameters.
    """

    data: HamiltonianEnergyInputData
    params: list[float] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        params: list[float] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if params is not UNSET:
            field_dict["params"] = params

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
        data = HamiltonianEnergyInputData.from_dict(d.pop("data"))

        params = cast(list[float], d.pop("params", UNSET))

        hamiltonian_energy_input = cls(
            data,
            params,
        )

        hamiltonian_energy_input.additional_properties = d
        return hamiltonian_energy_input

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
        """`HamiltonianEnergyInput(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.hamiltonian_energy_input_data import HamiltonianEnergyInputData

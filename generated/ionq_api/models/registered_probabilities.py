from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.registered_probabilities_registers import (
        RegisteredProbabilitiesRegisters,
    )


T = TypeVar("T", bound="RegisteredProbabilities")


@_attrs_define
class RegisteredProbabilities:
    """Probability distributions by register name (`output_all` is every qubit).

    Attributes:
        registers (RegisteredProbabilitiesRegisters): One distribution per register, summing to 1 within each.
    """

    registers: RegisteredProbabilitiesRegisters
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        registers = self.registers.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "registers": registers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.registered_probabilities_registers import (
            RegisteredProbabilitiesRegisters,  # noqa: PLC0415
        )

        d = dict(src_dict)
        registers = RegisteredProbabilitiesRegisters.from_dict(d.pop("registers"))

        registered_probabilities = cls(
            registers=registers,
        )

        registered_probabilities.additional_properties = d
        return registered_probabilities

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

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ansatz import Ansatz
    from ..models.hamiltonian_pauli_term import HamiltonianPauliTerm
    from ..models.linear_constraint import LinearConstraint
    from ..models.quadratic_constraint import QuadraticConstraint


T = TypeVar("T", bound="HamiltonianEnergyData")


@_attrs_define
class HamiltonianEnergyData:
    """The energy of a Hamiltonian in a parametrized state.

    Attributes:
        hamiltonian (list[HamiltonianPauliTerm]): The Hamiltonian's terms.
        ansatz (Ansatz): The parametrized circuit a function evaluates.
        linear_constraints (list[LinearConstraint] | Unset): Linear constraints.
        quadratic_constraints (list[QuadraticConstraint] | Unset): Quadratic constraints.
        penalty (float | None | Unset): The constraint penalty, or null. Default: 0.0.
        cvar_alpha (float | None | Unset): The CVaR alpha, or null.
    """

    hamiltonian: list[HamiltonianPauliTerm]
    ansatz: Ansatz
    linear_constraints: list[LinearConstraint] | Unset = UNSET
    quadratic_constraints: list[QuadraticConstraint] | Unset = UNSET
    penalty: float | None | Unset = 0.0
    cvar_alpha: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        hamiltonian = []
        for hamiltonian_item_data in self.hamiltonian:
            hamiltonian_item = hamiltonian_item_data.to_dict()
            hamiltonian.append(hamiltonian_item)

        ansatz = self.ansatz.to_dict()

        linear_constraints: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.linear_constraints, Unset):
            linear_constraints = []
            for linear_constraints_item_data in self.linear_constraints:
                linear_constraints_item = linear_constraints_item_data.to_dict()
                linear_constraints.append(linear_constraints_item)

        quadratic_constraints: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.quadratic_constraints, Unset):
            quadratic_constraints = []
            for quadratic_constraints_item_data in self.quadratic_constraints:
                quadratic_constraints_item = quadratic_constraints_item_data.to_dict()
                quadratic_constraints.append(quadratic_constraints_item)

        penalty: float | None | Unset
        if isinstance(self.penalty, Unset):
            penalty = UNSET
        else:
            penalty = self.penalty

        cvar_alpha: float | None | Unset
        if isinstance(self.cvar_alpha, Unset):
            cvar_alpha = UNSET
        else:
            cvar_alpha = self.cvar_alpha

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hamiltonian": hamiltonian,
                "ansatz": ansatz,
            }
        )
        if linear_constraints is not UNSET:
            field_dict["linear_constraints"] = linear_constraints
        if quadratic_constraints is not UNSET:
            field_dict["quadratic_constraints"] = quadratic_constraints
        if penalty is not UNSET:
            field_dict["penalty"] = penalty
        if cvar_alpha is not UNSET:
            field_dict["cvar_alpha"] = cvar_alpha

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
        hamiltonian = []
        _hamiltonian = d.pop("hamiltonian")
        for hamiltonian_item_data in _hamiltonian:
            hamiltonian_item = HamiltonianPauliTerm.from_dict(hamiltonian_item_data)

            hamiltonian.append(hamiltonian_item)

        ansatz = Ansatz.from_dict(d.pop("ansatz"))

        _linear_constraints = d.pop("linear_constraints", UNSET)
        linear_constraints: list[LinearConstraint] | Unset = UNSET
        if _linear_constraints is not UNSET:
            linear_constraints = []
            for linear_constraints_item_data in _linear_constraints:
                linear_constraints_item = LinearConstraint.from_dict(
                    linear_constraints_item_data
                )

                linear_constraints.append(linear_constraints_item)

        _quadratic_constraints = d.pop("quadratic_constraints", UNSET)
        quadratic_constraints: list[QuadraticConstraint] | Unset = UNSET
        if _quadratic_constraints is not UNSET:
            quadratic_constraints = []
            for quadratic_constraints_item_data in _quadratic_constraints:
                quadratic_constraints_item = QuadraticConstraint.from_dict(
                    quadratic_constraints_item_data
                )

                quadratic_constraints.append(quadratic_constraints_item)

        penalty: float | None | Unset = d.pop("penalty", UNSET)

        cvar_alpha: float | None | Unset = d.pop("cvar_alpha", UNSET)

        hamiltonian_energy_data = cls(
            hamiltonian,
            ansatz,
            linear_constraints,
            quadratic_constraints,
            penalty,
            cvar_alpha,
        )

        hamiltonian_energy_data.additional_properties = d
        return hamiltonian_energy_data

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
        """`HamiltonianEnergyData(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.ansatz import Ansatz
from ..models.hamiltonian_pauli_term import HamiltonianPauliTerm
from ..models.linear_constraint import LinearConstraint
from ..models.quadratic_constraint import QuadraticConstraint

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.variant_results import VariantResults


T = TypeVar("T", bound="VariantInfo")


@_attrs_define
class VariantInfo:
    """One debiasing variant of a job's circuit.

    Attributes:
        variant_id (str): The variant's id.
        qubit_map (list[float] | None): The physical qubit each logical qubit ran on, or null.
        shots (int): The shots run for this variant.
        results (VariantResults | Unset): The results of one debiasing variant, keyed by result format.
    """

    variant_id: str
    qubit_map: list[float] | None
    shots: int
    results: VariantResults | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        variant_id = self.variant_id

        qubit_map: list[float] | None
        if isinstance(self.qubit_map, list):
            qubit_map = self.qubit_map

        else:
            qubit_map = self.qubit_map

        shots = self.shots

        results: dict[str, Any] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = self.results.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "variant_id": variant_id,
                "qubit_map": qubit_map,
                "shots": shots,
            }
        )
        if results is not UNSET:
            field_dict["results"] = results

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
        variant_id = d.pop("variant_id")

        _qubit_map = d.pop("qubit_map")
        qubit_map: list[float] | None
        if _qubit_map is None:
            qubit_map = _qubit_map
        else:
            qubit_map = _qubit_map
            if isinstance(_qubit_map, list):
                try:
                    qubit_map_type_0 = cast(list[float], _qubit_map)

                    qubit_map = qubit_map_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass

        shots = d.pop("shots")

        _results = d.pop("results", UNSET)
        results: VariantResults | Unset
        if isinstance(_results, Unset):
            results = UNSET
        else:
            results = VariantResults.from_dict(_results)

        variant_info = cls(
            variant_id,
            qubit_map,
            shots,
            results,
        )

        variant_info.additional_properties = d
        return variant_info

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
        """`VariantInfo(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.variant_results import VariantResults

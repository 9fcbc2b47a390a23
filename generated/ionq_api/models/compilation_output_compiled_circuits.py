from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET

if TYPE_CHECKING:
    from ..models.artifact_descriptor import ArtifactDescriptor


T = TypeVar("T", bound="CompilationOutputCompiledCircuits")


@_attrs_define
class CompilationOutputCompiledCircuits:
    """The compiled circuits, keyed by circuit format (`ionq.native.v1`, `ionq.qasm3.v1`)."""

    additional_properties: dict[str, ArtifactDescriptor] = _attrs_field(
        init=False, factory=dict
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

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
        compilation_output_compiled_circuits = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = ArtifactDescriptor.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        compilation_output_compiled_circuits.additional_properties = (
            additional_properties
        )
        return compilation_output_compiled_circuits

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> ArtifactDescriptor:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: ArtifactDescriptor) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

    def __repr__(self) -> str:
        """`CompilationOutputCompiledCircuits(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.artifact_descriptor import ArtifactDescriptor

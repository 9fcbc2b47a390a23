from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.compilation_output import CompilationOutput
    from ..models.error_mitigation_output import ErrorMitigationOutput


T = TypeVar("T", bound="CircuitJobOutput")


@_attrs_define
class CircuitJobOutput:
    """What compiling and error-mitigating a circuit job reported (`{}` when nothing).

    Attributes:
        compilation (CompilationOutput | Unset): What compiling the job produced.
        error_mitigation (ErrorMitigationOutput | Unset): What error mitigation reported.
    """

    compilation: CompilationOutput | Unset = UNSET
    error_mitigation: ErrorMitigationOutput | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        compilation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.compilation, Unset):
            compilation = self.compilation.to_dict()

        error_mitigation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error_mitigation, Unset):
            error_mitigation = self.error_mitigation.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if compilation is not UNSET:
            field_dict["compilation"] = compilation
        if error_mitigation is not UNSET:
            field_dict["error_mitigation"] = error_mitigation

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
        _compilation = d.pop("compilation", UNSET)
        compilation: CompilationOutput | Unset
        if isinstance(_compilation, Unset):
            compilation = UNSET
        else:
            compilation = CompilationOutput.from_dict(_compilation)

        _error_mitigation = d.pop("error_mitigation", UNSET)
        error_mitigation: ErrorMitigationOutput | Unset
        if isinstance(_error_mitigation, Unset):
            error_mitigation = UNSET
        else:
            error_mitigation = ErrorMitigationOutput.from_dict(_error_mitigation)

        circuit_job_output = cls(
            compilation,
            error_mitigation,
        )

        circuit_job_output.additional_properties = d
        return circuit_job_output

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
        """`CircuitJobOutput(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.compilation_output import CompilationOutput
from ..models.error_mitigation_output import ErrorMitigationOutput

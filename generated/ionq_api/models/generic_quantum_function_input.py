from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNBUILT, UNSET, DeferredFields, Unset, defer_fields

if TYPE_CHECKING:
    from ..models.generic_quantum_function_input_data import (
        GenericQuantumFunctionInputData,
    )


T = TypeVar("T", bound="GenericQuantumFunctionInput")


@_attrs_define
class GenericQuantumFunctionInput(DeferredFields):
    """A function of another type.

    Attributes:
        type_ (str): The function type.
        data (GenericQuantumFunctionInputData): The function's definition.
        params (list[float] | Unset): Its parameters.
    """

    type_: str
    data: GenericQuantumFunctionInputData
    params: list[float] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        data = self.data.to_dict()

        params: list[float] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
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
        _instance = cls.__new__(cls)
        pending: dict[str, Any] = {}
        _instance._ionq_pending = pending
        _instance.type_ = d.pop("type")

        _data = d.pop("data")
        if isinstance(_data, dict):
            pending["data"] = _data
            _ionq_store["data"](_instance, UNBUILT)
        else:
            _ionq_store["data"](
                _instance, GenericQuantumFunctionInputData.from_dict(_data)
            )

        params = cast(list[float], d.pop("params", UNSET))

        _instance.params = params

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
        """`GenericQuantumFunctionInput(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.generic_quantum_function_input_data import GenericQuantumFunctionInputData

# Each deferred field's slot behind a DeferredField; from_dict() stores through the slots.
_ionq_store = defer_fields(
    GenericQuantumFunctionInput,
    {
        "data": GenericQuantumFunctionInputData.from_dict,
    },
)

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RequestValidation")


@_attrs_define
class RequestValidation:
    """Which inputs of a request were invalid.

    Attributes:
        keys (list[str] | Unset): The invalid parameters or body fields, as dotted paths from the root of their
            source (e.g. `input.circuit.0.target`, `metadata`, `limit`). Empty when the problem
            is the whole body (e.g. it is not JSON).
        source (str | Unset): Where the invalid inputs were: `params` (path parameters), `query`, `payload`
            (the body, in the service's hapi wording) or `headers`; this project's mock
            says `body`. An open string, as in IonQ's document.
    """

    keys: list[str] | Unset = UNSET
    source: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        keys: list[str] | Unset = UNSET
        if not isinstance(self.keys, Unset):
            keys = self.keys

        source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if keys is not UNSET:
            field_dict["keys"] = keys
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        keys = cast(list[str], d.pop("keys", UNSET))

        source = d.pop("source", UNSET)

        request_validation = cls(
            keys=keys,
            source=source,
        )

        request_validation.additional_properties = d
        return request_validation

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

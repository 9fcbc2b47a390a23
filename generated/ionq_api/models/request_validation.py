from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.request_validation_source import (
    RequestValidationSource,
    check_request_validation_source,
)

T = TypeVar("T", bound="RequestValidation")


@_attrs_define
class RequestValidation:
    """Which inputs of a request were invalid.

    Attributes:
        keys (list[str]): The invalid parameters or body fields, as dotted paths from the root of their
            source (e.g. `input.circuit.0.target`, `metadata`, `limit`). Empty when the problem
            is the whole body (e.g. it is not JSON).
        source (RequestValidationSource): Where the invalid inputs were: `params` (path parameters), `query`, `body` or
            `headers`.
    """

    keys: list[str]
    source: RequestValidationSource
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        keys = self.keys

        source: str = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "keys": keys,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        keys = cast(list[str], d.pop("keys"))

        source = check_request_validation_source(d.pop("source"))

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

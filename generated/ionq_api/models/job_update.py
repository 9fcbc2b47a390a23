from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import fields as _attrs_fields

from ..types import UNBUILT, UNSET, DeferredFields, Unset, defer_fields

if TYPE_CHECKING:
    from ..models.metadata import Metadata


T = TypeVar("T", bound="JobUpdate")


@_attrs_define
class JobUpdate(DeferredFields):
    """The fields of a job to change (extension). `name` replaces the name; `metadata` is
    merged key by key into the existing metadata.

        Attributes:
            name (str | Unset): The job's new name.
            metadata (Metadata | Unset): Free-form string tags a user attaches to a job, stored but never interpreted: at
                most
                10 keys, each 1 to 40 characters long, each value a string of at most 40,000
                characters. These limits come from IonQ's documentation of job metadata (the
                product brief), not from IonQ's OpenAPI document, which states none; answers use
                `JobMetadata`, without limits.
    """

    name: str | Unset = UNSET
    metadata: Metadata | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

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
        _instance.name = d.pop("name", UNSET)

        _metadata = d.pop("metadata", UNSET)
        if isinstance(_metadata, dict):
            pending["metadata"] = _metadata
            _ionq_store["metadata"](_instance, UNBUILT)
        elif isinstance(_metadata, Unset):
            _ionq_store["metadata"](_instance, UNSET)
        else:
            _ionq_store["metadata"](_instance, Metadata.from_dict(_metadata))

        return _instance

    def __repr__(self) -> str:
        """`JobUpdate(name=value, ...)` in field order, leaving out the fields that are
        unset or None."""
        parts = [
            f"{field.name}={value!r}"
            for field in _attrs_fields(type(self))
            if field.name != "additional_properties"
            and (value := getattr(self, field.name)) is not UNSET
            and value is not None
        ]
        return f"{type(self).__name__}({', '.join(parts)})"


from ..models.metadata import Metadata

# Each deferred field's slot behind a DeferredField; from_dict() stores through the slots.
_ionq_store = defer_fields(
    JobUpdate,
    {
        "metadata": Metadata.from_dict,
    },
)

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import fields as _attrs_fields

from ..models.backend_name import BackendName, check_backend_name
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_settings_request import SessionSettingsRequest


T = TypeVar("T", bound="SessionCreate")


@_attrs_define
class SessionCreate:
    """A request for a session (IonQ's `CreateSessionRequest`).

    Attributes:
        backend (BackendName): A backend a job or session can be submitted to. The list is closed on purpose so a
            typo fails validation in the client (IonQ's document has a free string); backends
            that are read back (in jobs, `Backend`, `Session`) are typed `BackendId` instead, an
            open string, so a newly added backend never breaks a client.
        settings (SessionSettingsRequest | Unset): Limits after which a session ends by itself. All optional.
    """

    backend: BackendName
    settings: SessionSettingsRequest | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        backend: str = self.backend

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "backend": backend,
            }
        )
        if settings is not UNSET:
            field_dict["settings"] = settings

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
        backend = check_backend_name(d.pop("backend"))

        _settings = d.pop("settings", UNSET)
        settings: SessionSettingsRequest | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = SessionSettingsRequest.from_dict(_settings)

        session_create = cls(
            backend,
            settings,
        )

        return session_create

    def __repr__(self) -> str:
        """`SessionCreate(name=value, ...)` in field order, leaving out the fields that are
        unset or None."""
        parts = [
            f"{field.name}={value!r}"
            for field in _attrs_fields(type(self))
            if field.name != "additional_properties"
            and (value := getattr(self, field.name)) is not UNSET
            and value is not None
        ]
        return f"{type(self).__name__}({', '.join(parts)})"


from ..models.session_settings_request import SessionSettingsRequest

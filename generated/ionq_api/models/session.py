from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_settings import SessionSettings


T = TypeVar("T", bound="Session")


@_attrs_define
class Session:
    """A session.

    Attributes:
        id (str): The session's id.
        created_at (datetime.datetime): When the session was created.
        organization_id (str): The organization that owns the session.
        backend (None | str): The backend reserved, or null.
        project_id (None | str): The project the session belongs to, or null.
        creator_id (None | str): The id of the user who created the session, or null.
        ended_at (datetime.datetime | None): When the session ended, or null if it has not.
        ender_id (None | str): The id of the user who ended the session, or null if it has not ended or ended by itself.
        active (bool): Whether the session still takes jobs (`created` or `started`).
        status (str): `created` (waiting for the QPU), `started` (running jobs) or `ended`. An open
            string here (IonQ's document has these three): a status added later reads as it is.
        started_at (datetime.datetime | None): When the session started, or null if it has not.
        settings (SessionSettings | Unset): A session's limits, and when it expires.
    """

    id: str
    created_at: datetime.datetime
    organization_id: str
    backend: None | str
    project_id: None | str
    creator_id: None | str
    ended_at: datetime.datetime | None
    ender_id: None | str
    active: bool
    status: str
    started_at: datetime.datetime | None
    settings: SessionSettings | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at = self.created_at.isoformat()

        organization_id = self.organization_id

        backend: None | str
        backend = self.backend

        project_id: None | str
        project_id = self.project_id

        creator_id: None | str
        creator_id = self.creator_id

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        ender_id: None | str
        ender_id = self.ender_id

        active = self.active

        status = self.status

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "organization_id": organization_id,
                "backend": backend,
                "project_id": project_id,
                "creator_id": creator_id,
                "ended_at": ended_at,
                "ender_id": ender_id,
                "active": active,
                "status": status,
                "started_at": started_at,
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
        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        organization_id = d.pop("organization_id")

        backend: None | str = d.pop("backend")

        project_id: None | str = d.pop("project_id")

        creator_id: None | str = d.pop("creator_id")

        _ended_at = d.pop("ended_at")
        ended_at: datetime.datetime | None
        if _ended_at is None:
            ended_at = _ended_at
        else:
            ended_at = _ended_at
            if isinstance(_ended_at, str):
                try:
                    ended_at_type_0 = datetime.datetime.fromisoformat(_ended_at)

                    ended_at = ended_at_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass

        ender_id: None | str = d.pop("ender_id")

        active = d.pop("active")

        status = d.pop("status")

        _started_at = d.pop("started_at")
        started_at: datetime.datetime | None
        if _started_at is None:
            started_at = _started_at
        else:
            started_at = _started_at
            if isinstance(_started_at, str):
                try:
                    started_at_type_0 = datetime.datetime.fromisoformat(_started_at)

                    started_at = started_at_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass

        _settings = d.pop("settings", UNSET)
        settings: SessionSettings | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = SessionSettings.from_dict(_settings)

        session = cls(
            id,
            created_at,
            organization_id,
            backend,
            project_id,
            creator_id,
            ended_at,
            ender_id,
            active,
            status,
            started_at,
            settings,
        )

        session.additional_properties = d
        return session

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
        """`Session(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.session_settings import SessionSettings

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_status import SessionStatus, check_session_status

if TYPE_CHECKING:
    from ..models.session_settings import SessionSettings


T = TypeVar("T", bound="Session")


@_attrs_define
class Session:
    """A session.

    Attributes:
        id (UUID): The session's id.
        status (SessionStatus): `created` (waiting for the QPU), `started` (running jobs) or `ended`.
        active (bool): Whether the session still takes jobs (`created` or `started`).
        backend (str): A backend name as the service reports it: `simulator` or `qpu.<system>` (e.g.
            `qpu.forte-1`). May name a backend newer than this document, or a retired one.
        organization_id (str): The organization that owns the session.
        project_id (None | UUID): The project the session belongs to, or null.
        creator_id (str): The id of the user who created the session.
        created_at (datetime.datetime): When the session was created.
        started_at (datetime.datetime | None): When the session started, or null if it has not.
        ended_at (datetime.datetime | None): When the session ended, or null if it has not.
        ender_id (None | str): The id of the user who ended the session, or null if it has not ended or ended by itself.
        settings (SessionSettings): Limits after which a session ends by itself. All optional.
    """

    id: UUID
    status: SessionStatus
    active: bool
    backend: str
    organization_id: str
    project_id: None | UUID
    creator_id: str
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    ended_at: datetime.datetime | None
    ender_id: None | str
    settings: SessionSettings
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status: str = self.status

        active = self.active

        backend = self.backend

        organization_id = self.organization_id

        project_id: None | str
        if isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        creator_id = self.creator_id

        created_at = self.created_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        ender_id: None | str
        ender_id = self.ender_id

        settings = self.settings.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "active": active,
                "backend": backend,
                "organization_id": organization_id,
                "project_id": project_id,
                "creator_id": creator_id,
                "created_at": created_at,
                "started_at": started_at,
                "ended_at": ended_at,
                "ender_id": ender_id,
                "settings": settings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session_settings import SessionSettings  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = check_session_status(d.pop("status"))

        active = d.pop("active")

        backend = d.pop("backend")

        organization_id = d.pop("organization_id")

        def _parse_project_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_id_type_0 = UUID(data)

                return project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        project_id = _parse_project_id(d.pop("project_id"))

        creator_id = d.pop("creator_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_at = _parse_ended_at(d.pop("ended_at"))

        def _parse_ender_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ender_id = _parse_ender_id(d.pop("ender_id"))

        settings = SessionSettings.from_dict(d.pop("settings"))

        session = cls(
            id=id,
            status=status,
            active=active,
            backend=backend,
            organization_id=organization_id,
            project_id=project_id,
            creator_id=creator_id,
            created_at=created_at,
            started_at=started_at,
            ended_at=ended_at,
            ender_id=ender_id,
            settings=settings,
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

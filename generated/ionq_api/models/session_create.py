from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

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

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session_settings_request import SessionSettingsRequest  # noqa: PLC0415

        d = dict(src_dict)
        backend = check_backend_name(d.pop("backend"))

        _settings = d.pop("settings", UNSET)
        settings: SessionSettingsRequest | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = SessionSettingsRequest.from_dict(_settings)

        session_create = cls(
            backend=backend,
            settings=settings,
        )

        return session_create

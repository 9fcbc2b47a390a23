from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.backend_name import BackendName, check_backend_name
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_settings import SessionSettings


T = TypeVar("T", bound="SessionCreate")


@_attrs_define
class SessionCreate:
    """A request for a session.

    Attributes:
        backend (BackendName): A backend a job or session can be submitted to. The list is closed on purpose so a
            typo fails validation in the client; backends that are read back (in `Job`,
            `Backend`, `Session`) are typed `BackendId` instead, so a newly added backend never
            breaks a client.
        settings (SessionSettings | Unset): Limits after which a session ends by itself. All optional.
    """

    backend: BackendName
    settings: SessionSettings | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        backend: str = self.backend

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
        from ..models.session_settings import SessionSettings  # noqa: PLC0415

        d = dict(src_dict)
        backend = check_backend_name(d.pop("backend"))

        _settings = d.pop("settings", UNSET)
        settings: SessionSettings | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = SessionSettings.from_dict(_settings)

        session_create = cls(
            backend=backend,
            settings=settings,
        )

        session_create.additional_properties = d
        return session_create

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

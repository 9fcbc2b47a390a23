from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import fields as _attrs_fields

from ..models.job_status import JobStatus, check_job_status
from ..types import UNSET

T = TypeVar("T", bound="JobCreated")


@_attrs_define
class JobCreated:
    """The answer to a job submission (IonQ's `JobCreationResponse`).

    Attributes:
        id (str): The new job's id (a UUID).
        status (JobStatus): Where a job is in its life: `submitted` → `ready` (queued) → `started` (running) →
            `completed`, or `failed`, or `canceled`. The last three are terminal.
        session_id (None | str): The session the job was submitted into, if any.
    """

    id: str
    status: JobStatus
    session_id: None | str

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str = self.status

        session_id: None | str
        session_id = self.session_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "status": status,
                "session_id": session_id,
            }
        )

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

        status = check_job_status(d.pop("status"))

        session_id: None | str = d.pop("session_id")

        job_created = cls(
            id,
            status,
            session_id,
        )

        return job_created

    def __repr__(self) -> str:
        """`JobCreated(name=value, ...)` in field order, leaving out the fields that are
        unset or None."""
        parts = [
            f"{field.name}={value!r}"
            for field in _attrs_fields(type(self))
            if field.name != "additional_properties"
            and (value := getattr(self, field.name)) is not UNSET
            and value is not None
        ]
        return f"{type(self).__name__}({', '.join(parts)})"

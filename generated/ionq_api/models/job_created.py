from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.job_status import JobStatus, check_job_status

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

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = check_job_status(d.pop("status"))

        def _parse_session_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        session_id = _parse_session_id(d.pop("session_id"))

        job_created = cls(
            id=id,
            status=status,
            session_id=session_id,
        )

        return job_created

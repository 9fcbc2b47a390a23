from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status import JobStatus, check_job_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.job_failure import JobFailure
    from ..models.job_output import JobOutput
    from ..models.job_results import JobResults
    from ..models.job_settings import JobSettings
    from ..models.job_stats import JobStats
    from ..models.metadata import Metadata
    from ..models.noise import Noise


T = TypeVar("T", bound="Job")


@_attrs_define
class Job:
    """A job, as the service reports it.

    Attributes:
        id (UUID): The job's id.
        status (JobStatus): Where a job is in its life: `submitted` → `ready` (queued) → `started` (running) →
            `completed`, or `failed`, or `canceled`. The last three are terminal.
        type_ (str): The program type, e.g. `ionq.circuit.v1` (jobs made by other tools may hold other types).
        backend (str): A backend name as the service reports it: `simulator` or `qpu.<system>` (e.g.
            `qpu.forte-1`). May name a backend newer than this document, or a retired one.
        name (None | str): The job's name, or null if it has none.
        metadata (Metadata | None): The job's metadata, or null if it has none.
        submitter_id (str): The id of the user who submitted the job.
        project_id (None | UUID): The project the job belongs to, or null.
        parent_job_id (None | UUID): For a child job of a multi-circuit job, the parent's id; otherwise null.
        session_id (None | UUID): The session the job runs in, or null.
        child_job_ids (list[UUID] | None): For a multi-circuit job, the ids of its child jobs (one per circuit, in
            order); otherwise null.
        dry_run (bool): Whether the job was only validated and costed, never run.
        submitted_at (datetime.datetime): When the job was submitted.
        started_at (datetime.datetime | None): When the job started running, or null if it has not.
        completed_at (datetime.datetime | None): When the job reached a terminal state, or null if it has not.
        predicted_wait_time_ms (int | None): The predicted time in the queue, in milliseconds, or null if unknown.
        predicted_execution_duration_ms (int | None): The predicted running time, in milliseconds, or null if unknown.
        execution_duration_ms (int | None): The actual running time, in milliseconds, or null until the job has run.
        failure (JobFailure | None): Why the job failed, or null unless its status is `failed`.
        settings (JobSettings): How a job is compiled and whether its errors are mitigated.
        stats (JobStats): The size of a job's program.
        results (JobResults | None): Links to the results, or null until the job has completed.
        output (JobOutput | Unset): What compiling and error-mitigating the job reported (`{}` when there is
            nothing to report). IonQ's service always sends it and its Sept 2026 spec
            requires it (IonQ's `ionq-core` client rejects a job without it); optional here
            so that job objects of earlier API snapshots stay valid.
        shots (int | Unset): The number of shots; absent for jobs on the ideal simulator.
        noise (Noise | Unset): How the simulator adds noise. Only meaningful on the `simulator` backend: ignored for
            QPU jobs, whose `Job` carries no `noise`.
    """

    id: UUID
    status: JobStatus
    type_: str
    backend: str
    name: None | str
    metadata: Metadata | None
    submitter_id: str
    project_id: None | UUID
    parent_job_id: None | UUID
    session_id: None | UUID
    child_job_ids: list[UUID] | None
    dry_run: bool
    submitted_at: datetime.datetime
    started_at: datetime.datetime | None
    completed_at: datetime.datetime | None
    predicted_wait_time_ms: int | None
    predicted_execution_duration_ms: int | None
    execution_duration_ms: int | None
    failure: JobFailure | None
    settings: JobSettings
    stats: JobStats
    results: JobResults | None
    output: JobOutput | Unset = UNSET
    shots: int | Unset = UNSET
    noise: Noise | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.job_failure import JobFailure  # noqa: PLC0415
        from ..models.job_results import JobResults  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415

        id = str(self.id)

        status: str = self.status

        type_ = self.type_

        backend = self.backend

        name: None | str
        name = self.name

        metadata: dict[str, Any] | None
        if isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        submitter_id = self.submitter_id

        project_id: None | str
        if isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        parent_job_id: None | str
        if isinstance(self.parent_job_id, UUID):
            parent_job_id = str(self.parent_job_id)
        else:
            parent_job_id = self.parent_job_id

        session_id: None | str
        if isinstance(self.session_id, UUID):
            session_id = str(self.session_id)
        else:
            session_id = self.session_id

        child_job_ids: list[str] | None
        if isinstance(self.child_job_ids, list):
            child_job_ids = []
            for child_job_ids_type_0_item_data in self.child_job_ids:
                child_job_ids_type_0_item = str(child_job_ids_type_0_item_data)
                child_job_ids.append(child_job_ids_type_0_item)

        else:
            child_job_ids = self.child_job_ids

        dry_run = self.dry_run

        submitted_at = self.submitted_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        predicted_wait_time_ms: int | None
        predicted_wait_time_ms = self.predicted_wait_time_ms

        predicted_execution_duration_ms: int | None
        predicted_execution_duration_ms = self.predicted_execution_duration_ms

        execution_duration_ms: int | None
        execution_duration_ms = self.execution_duration_ms

        failure: dict[str, Any] | None
        if isinstance(self.failure, JobFailure):
            failure = self.failure.to_dict()
        else:
            failure = self.failure

        settings = self.settings.to_dict()

        stats = self.stats.to_dict()

        results: dict[str, Any] | None
        if isinstance(self.results, JobResults):
            results = self.results.to_dict()
        else:
            results = self.results

        output: dict[str, Any] | Unset = UNSET
        if not isinstance(self.output, Unset):
            output = self.output.to_dict()

        shots = self.shots

        noise: dict[str, Any] | Unset = UNSET
        if not isinstance(self.noise, Unset):
            noise = self.noise.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "type": type_,
                "backend": backend,
                "name": name,
                "metadata": metadata,
                "submitter_id": submitter_id,
                "project_id": project_id,
                "parent_job_id": parent_job_id,
                "session_id": session_id,
                "child_job_ids": child_job_ids,
                "dry_run": dry_run,
                "submitted_at": submitted_at,
                "started_at": started_at,
                "completed_at": completed_at,
                "predicted_wait_time_ms": predicted_wait_time_ms,
                "predicted_execution_duration_ms": predicted_execution_duration_ms,
                "execution_duration_ms": execution_duration_ms,
                "failure": failure,
                "settings": settings,
                "stats": stats,
                "results": results,
            }
        )
        if output is not UNSET:
            field_dict["output"] = output
        if shots is not UNSET:
            field_dict["shots"] = shots
        if noise is not UNSET:
            field_dict["noise"] = noise

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_failure import JobFailure  # noqa: PLC0415
        from ..models.job_output import JobOutput  # noqa: PLC0415
        from ..models.job_results import JobResults  # noqa: PLC0415
        from ..models.job_settings import JobSettings  # noqa: PLC0415
        from ..models.job_stats import JobStats  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.noise import Noise  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = check_job_status(d.pop("status"))

        type_ = d.pop("type")

        backend = d.pop("backend")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_metadata(data: object) -> Metadata | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = Metadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None, data)

        metadata = _parse_metadata(d.pop("metadata"))

        submitter_id = d.pop("submitter_id")

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

        def _parse_parent_job_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_job_id_type_0 = UUID(data)

                return parent_job_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        parent_job_id = _parse_parent_job_id(d.pop("parent_job_id"))

        def _parse_session_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                session_id_type_0 = UUID(data)

                return session_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        session_id = _parse_session_id(d.pop("session_id"))

        def _parse_child_job_ids(data: object) -> list[UUID] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                child_job_ids_type_0 = []
                _child_job_ids_type_0 = data
                for child_job_ids_type_0_item_data in _child_job_ids_type_0:
                    child_job_ids_type_0_item = UUID(child_job_ids_type_0_item_data)

                    child_job_ids_type_0.append(child_job_ids_type_0_item)

                return child_job_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None, data)

        child_job_ids = _parse_child_job_ids(d.pop("child_job_ids"))

        dry_run = d.pop("dry_run")

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

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

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        def _parse_predicted_wait_time_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        predicted_wait_time_ms = _parse_predicted_wait_time_ms(
            d.pop("predicted_wait_time_ms")
        )

        def _parse_predicted_execution_duration_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        predicted_execution_duration_ms = _parse_predicted_execution_duration_ms(
            d.pop("predicted_execution_duration_ms")
        )

        def _parse_execution_duration_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        execution_duration_ms = _parse_execution_duration_ms(
            d.pop("execution_duration_ms")
        )

        def _parse_failure(data: object) -> JobFailure | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                failure_type_0 = JobFailure.from_dict(data)

                return failure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobFailure | None, data)

        failure = _parse_failure(d.pop("failure"))

        settings = JobSettings.from_dict(d.pop("settings"))

        stats = JobStats.from_dict(d.pop("stats"))

        def _parse_results(data: object) -> JobResults | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                results_type_0 = JobResults.from_dict(data)

                return results_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobResults | None, data)

        results = _parse_results(d.pop("results"))

        _output = d.pop("output", UNSET)
        output: JobOutput | Unset
        if isinstance(_output, Unset):
            output = UNSET
        else:
            output = JobOutput.from_dict(_output)

        shots = d.pop("shots", UNSET)

        _noise = d.pop("noise", UNSET)
        noise: Noise | Unset
        if isinstance(_noise, Unset):
            noise = UNSET
        else:
            noise = Noise.from_dict(_noise)

        job = cls(
            id=id,
            status=status,
            type_=type_,
            backend=backend,
            name=name,
            metadata=metadata,
            submitter_id=submitter_id,
            project_id=project_id,
            parent_job_id=parent_job_id,
            session_id=session_id,
            child_job_ids=child_job_ids,
            dry_run=dry_run,
            submitted_at=submitted_at,
            started_at=started_at,
            completed_at=completed_at,
            predicted_wait_time_ms=predicted_wait_time_ms,
            predicted_execution_duration_ms=predicted_execution_duration_ms,
            execution_duration_ms=execution_duration_ms,
            failure=failure,
            settings=settings,
            stats=stats,
            results=results,
            output=output,
            shots=shots,
            noise=noise,
        )

        job.additional_properties = d
        return job

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

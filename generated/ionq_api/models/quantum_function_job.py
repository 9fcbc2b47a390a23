from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..models.job_status import JobStatus, check_job_status
from ..types import UNBUILT, UNSET, DeferredFields, Unset, defer_fields

if TYPE_CHECKING:
    from ..models.job_failure import JobFailure
    from ..models.job_metadata import JobMetadata
    from ..models.json_object import JsonObject
    from ..models.noise import Noise
    from ..models.quantum_function_job_results import QuantumFunctionJobResults
    from ..models.quantum_function_job_settings import QuantumFunctionJobSettings


T = TypeVar("T", bound="QuantumFunctionJob")


@_attrs_define
class QuantumFunctionJob(DeferredFields):
    """A quantum-function job (`quantum-function`).

    Attributes:
        id (str): The job's id (a UUID).
        status (JobStatus): Where a job is in its life: `submitted` → `ready` (queued) → `started` (running) →
            `completed`, or `failed`, or `canceled`. The last three are terminal.
        backend (str): A backend name as the service reports it: `simulator` or `qpu.<system>` (e.g.
            `qpu.forte-1`). Any string: it may name a backend newer than this document, or a
            retired one.
        dry_run (bool): Whether the job was only validated and costed, never run.
        submitter_id (str): The id of the user who submitted the job.
        project_id (None | str): The project the job belongs to, or null.
        parent_job_id (None | str): For a child job of a multi-circuit job, the parent's id; otherwise null.
        session_id (None | str): The session the job runs in, or null.
        metadata (JobMetadata | None): The job's metadata, or null if it has none.
        name (None | str): The job's name, or null if it has none.
        submitted_at (datetime.datetime): When the job was submitted.
        started_at (datetime.datetime | None): When the job started running, or null if it has not.
        completed_at (datetime.datetime | None): When the job reached a terminal state, or null if it has not.
        predicted_wait_time_ms (int | None): The predicted time in the queue, in milliseconds, or null if unknown.
        predicted_execution_duration_ms (int | None): The predicted running time, in milliseconds, or null if unknown.
        execution_duration_ms (int | None): The actual running time, in milliseconds, or null until the job has run.
        failure (JobFailure | None): Why the job failed, or null unless its status is `failed`.
        type_ (Literal['quantum-function']): The program type.
        output (JsonObject): A JSON object whose shape depends on the job type.
        settings (QuantumFunctionJobSettings): A function job's settings.
        stats (JsonObject): A JSON object whose shape depends on the job type.
        results (None | QuantumFunctionJobResults): The function's value and variance, or null until the job has
            completed.
        child_job_ids (list[str] | None): The circuit jobs the function ran, or null.
        shots (int | Unset): The number of shots; absent for jobs on the ideal simulator.
        noise (Noise | Unset): How the simulator adds noise. Only meaningful on the `simulator` backend: ignored for
            QPU jobs, whose `Job` carries no `noise`.
        cost_model (str | Unset): The billing model of the job: `QCT` (quantum compute time) or `2QGE_operations`
            today. An open string (IonQ's document has these two).
    """

    id: str
    status: JobStatus
    backend: str
    dry_run: bool
    submitter_id: str
    project_id: None | str
    parent_job_id: None | str
    session_id: None | str
    metadata: JobMetadata | None
    name: None | str
    submitted_at: datetime.datetime
    started_at: datetime.datetime | None
    completed_at: datetime.datetime | None
    predicted_wait_time_ms: int | None
    predicted_execution_duration_ms: int | None
    execution_duration_ms: int | None
    failure: JobFailure | None
    type_: Literal["quantum-function"]
    output: JsonObject
    settings: QuantumFunctionJobSettings
    stats: JsonObject
    results: None | QuantumFunctionJobResults
    child_job_ids: list[str] | None
    shots: int | Unset = UNSET
    noise: Noise | Unset = UNSET
    cost_model: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str = self.status

        backend = self.backend

        dry_run = self.dry_run

        submitter_id = self.submitter_id

        project_id: None | str
        project_id = self.project_id

        parent_job_id: None | str
        parent_job_id = self.parent_job_id

        session_id: None | str
        session_id = self.session_id

        metadata: dict[str, Any] | None
        if isinstance(self.metadata, JobMetadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        name: None | str
        name = self.name

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

        type_ = self.type_

        output = self.output.to_dict()

        settings = self.settings.to_dict()

        stats = self.stats.to_dict()

        results: dict[str, Any] | None
        if isinstance(self.results, QuantumFunctionJobResults):
            results = self.results.to_dict()
        else:
            results = self.results

        child_job_ids: list[str] | None
        if isinstance(self.child_job_ids, list):
            child_job_ids = self.child_job_ids

        else:
            child_job_ids = self.child_job_ids

        shots = self.shots

        noise: dict[str, Any] | Unset = UNSET
        if not isinstance(self.noise, Unset):
            noise = self.noise.to_dict()

        cost_model = self.cost_model

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "backend": backend,
                "dry_run": dry_run,
                "submitter_id": submitter_id,
                "project_id": project_id,
                "parent_job_id": parent_job_id,
                "session_id": session_id,
                "metadata": metadata,
                "name": name,
                "submitted_at": submitted_at,
                "started_at": started_at,
                "completed_at": completed_at,
                "predicted_wait_time_ms": predicted_wait_time_ms,
                "predicted_execution_duration_ms": predicted_execution_duration_ms,
                "execution_duration_ms": execution_duration_ms,
                "failure": failure,
                "type": type_,
                "output": output,
                "settings": settings,
                "stats": stats,
                "results": results,
                "child_job_ids": child_job_ids,
            }
        )
        if shots is not UNSET:
            field_dict["shots"] = shots
        if noise is not UNSET:
            field_dict["noise"] = noise
        if cost_model is not UNSET:
            field_dict["cost_model"] = cost_model

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
        _instance.id = d.pop("id")

        status = check_job_status(d.pop("status"))

        _instance.status = status

        _instance.backend = d.pop("backend")

        _instance.dry_run = d.pop("dry_run")

        _instance.submitter_id = d.pop("submitter_id")

        project_id: None | str = d.pop("project_id")

        _instance.project_id = project_id

        parent_job_id: None | str = d.pop("parent_job_id")

        _instance.parent_job_id = parent_job_id

        session_id: None | str = d.pop("session_id")

        _instance.session_id = session_id

        _metadata = d.pop("metadata")
        if isinstance(_metadata, dict):
            pending["metadata"] = _metadata
            _ionq_store["metadata"](_instance, UNBUILT)
        else:  # nothing to build: the union keeps the value as it came
            _ionq_store["metadata"](_instance, _metadata)

        name: None | str = d.pop("name")

        _instance.name = name

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        _instance.submitted_at = submitted_at

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

        _instance.started_at = started_at

        _completed_at = d.pop("completed_at")
        completed_at: datetime.datetime | None
        if _completed_at is None:
            completed_at = _completed_at
        else:
            completed_at = _completed_at
            if isinstance(_completed_at, str):
                try:
                    completed_at_type_0 = datetime.datetime.fromisoformat(_completed_at)

                    completed_at = completed_at_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass

        _instance.completed_at = completed_at

        predicted_wait_time_ms: int | None = d.pop("predicted_wait_time_ms")

        _instance.predicted_wait_time_ms = predicted_wait_time_ms

        predicted_execution_duration_ms: int | None = d.pop(
            "predicted_execution_duration_ms"
        )

        _instance.predicted_execution_duration_ms = predicted_execution_duration_ms

        execution_duration_ms: int | None = d.pop("execution_duration_ms")

        _instance.execution_duration_ms = execution_duration_ms

        _failure = d.pop("failure")
        if isinstance(_failure, dict):
            pending["failure"] = _failure
            _ionq_store["failure"](_instance, UNBUILT)
        else:  # nothing to build: the union keeps the value as it came
            _ionq_store["failure"](_instance, _failure)

        type_ = cast(Literal["quantum-function"], d.pop("type"))
        if type_ != "quantum-function":
            raise ValueError(f"type must match const 'quantum-function', got '{type_}'")
        _instance.type_ = type_

        _output = d.pop("output")
        if isinstance(_output, dict):
            pending["output"] = _output
            _ionq_store["output"](_instance, UNBUILT)
        else:
            _ionq_store["output"](_instance, JsonObject.from_dict(_output))

        settings = QuantumFunctionJobSettings.from_dict(d.pop("settings"))

        _instance.settings = settings

        _stats = d.pop("stats")
        if isinstance(_stats, dict):
            pending["stats"] = _stats
            _ionq_store["stats"](_instance, UNBUILT)
        else:
            _ionq_store["stats"](_instance, JsonObject.from_dict(_stats))

        _results = d.pop("results")
        if isinstance(_results, dict):
            pending["results"] = _results
            _ionq_store["results"](_instance, UNBUILT)
        else:  # nothing to build: the union keeps the value as it came
            _ionq_store["results"](_instance, _results)

        _child_job_ids = d.pop("child_job_ids")
        child_job_ids: list[str] | None
        if _child_job_ids is None:
            child_job_ids = _child_job_ids
        else:
            child_job_ids = _child_job_ids
            if isinstance(_child_job_ids, list):
                try:
                    child_job_ids_type_0 = cast(list[str], _child_job_ids)

                    child_job_ids = child_job_ids_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass

        _instance.child_job_ids = child_job_ids

        _instance.shots = d.pop("shots", UNSET)

        _noise = d.pop("noise", UNSET)
        noise: Noise | Unset
        if isinstance(_noise, Unset):
            noise = UNSET
        else:
            noise = Noise.from_dict(_noise)

        _instance.noise = noise

        _instance.cost_model = d.pop("cost_model", UNSET)

        _instance.additional_properties = d
        return _instance

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
        """`QuantumFunctionJob(name=value, ...)` in field order, leaving out the fields that are
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


def _build_metadata(data: Any) -> Any:
    """`QuantumFunctionJob.metadata` from its JSON value, on first read."""
    try:
        metadata_type_0 = JobMetadata.from_dict(data)

        return metadata_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        return data


def _build_failure(data: Any) -> Any:
    """`QuantumFunctionJob.failure` from its JSON value, on first read."""
    try:
        failure_type_0 = JobFailure.from_dict(data)

        return failure_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        return data


def _build_results(data: Any) -> Any:
    """`QuantumFunctionJob.results` from its JSON value, on first read."""
    try:
        results_type_0 = QuantumFunctionJobResults.from_dict(data)

        return results_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        return data


from ..models.job_failure import JobFailure
from ..models.job_metadata import JobMetadata
from ..models.json_object import JsonObject
from ..models.noise import Noise
from ..models.quantum_function_job_results import QuantumFunctionJobResults
from ..models.quantum_function_job_settings import QuantumFunctionJobSettings

# Each deferred field's slot behind a DeferredField; from_dict() stores through the slots.
_ionq_store = defer_fields(
    QuantumFunctionJob,
    {
        "metadata": _build_metadata,
        "failure": _build_failure,
        "output": JsonObject.from_dict,
        "stats": JsonObject.from_dict,
        "results": _build_results,
    },
)

"""The job shapes the API answers with, and reading them without caring which one it is.

`GET /jobs/{id}` answers one of five models (`AnyJob`): a circuit job's fields are typed
(`SingleCircuitJob`, `MultiCircuitJob`), a QAOA or quantum-function job has its own
`results`, and anything else is a `BaseJob`, whose `output`, `settings`, `stats` and
`results` are free-form `JsonObject`s. Listings (`GET /jobs`, a session's jobs) always
answer `BaseJob`s, which carry no `child_job_ids`. The helpers here read `stats`,
`results` and `child_job_ids` from any of them. Nothing here performs I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, TypeAlias

from ionq_api.models.base_job import BaseJob
from ionq_api.models.circuit_job_results import CircuitJobResults
from ionq_api.models.circuit_job_stats import CircuitJobStats
from ionq_api.models.json_object import JsonObject
from ionq_api.models.multi_circuit_job import MultiCircuitJob
from ionq_api.models.qaoa_job import QaoaJob
from ionq_api.models.quantum_function_job import QuantumFunctionJob
from ionq_api.models.single_circuit_job import SingleCircuitJob
from ionq_api.types import Unset

__all__ = [
    "JOB_MODELS",
    "MULTI_CIRCUIT_TYPE",
    "AnyJob",
    "ListedJob",
    "job_child_ids",
    "job_circuits",
    "job_qubits",
    "job_result_descriptors",
]

#: What `jobs.get`, `jobs.update` and `jobs.wait` return: one of the spec's `Job` variants.
AnyJob: TypeAlias = SingleCircuitJob | MultiCircuitJob | QaoaJob | QuantumFunctionJob | BaseJob
#: What listings (`jobs.list`, `sessions.jobs`) hold: IonQ's `BaseJob`.
ListedJob: TypeAlias = BaseJob
#: The classes of `AnyJob`, for `isinstance`.
JOB_MODELS: Final = (SingleCircuitJob, MultiCircuitJob, QaoaJob, QuantumFunctionJob, BaseJob)

MULTI_CIRCUIT_TYPE: Final = "ionq.multi-circuit.v1"


def _int_or_none(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def _stat(job: AnyJob, key: str) -> int | None:
    stats = job.stats
    if isinstance(stats, CircuitJobStats):
        value = getattr(stats, key, None)
        if isinstance(value, Unset):
            return _int_or_none(stats.additional_properties.get(key))
        return _int_or_none(value)
    return _int_or_none(stats.additional_properties.get(key))


def job_qubits(job: AnyJob) -> int | None:
    """The job's width (`stats.qubits`), or `None` when its stats do not say."""
    return _stat(job, "qubits")


def job_circuits(job: AnyJob) -> int | None:
    """How many circuits the job ran (`stats.circuits`), or `None` when not said."""
    return _stat(job, "circuits")


def job_child_ids(job: AnyJob) -> list[str] | None:
    """The ids of the job's child jobs; `None` for a job without (and for every `BaseJob`,
    which does not carry them: read the job with `jobs.get`)."""
    if isinstance(job, BaseJob):
        ids = job.additional_properties.get("child_job_ids")
        return [str(i) for i in ids] if isinstance(ids, list) else None
    return list(job.child_job_ids) if job.child_job_ids else None


def job_result_descriptors(job: AnyJob) -> dict[str, Mapping[str, Any]]:
    """The artifact descriptors of the job's `results`, by format: `{format: {id, format,
    media_type}}`. Empty when the job has no results or its results are not format-keyed
    (an older service, a QAOA or quantum-function job)."""
    results = job.results
    found: dict[str, Mapping[str, Any]] = {}
    if isinstance(results, CircuitJobResults):
        for key, descriptor in results.additional_properties.items():
            found[key] = {
                "id": descriptor.id,
                "format": descriptor.format_,
                "media_type": descriptor.media_type,
            }
    elif isinstance(results, JsonObject):
        for key, value in results.additional_properties.items():
            if isinstance(value, Mapping) and isinstance(value.get("id"), str):
                found[key] = value
    return found

"""Generated models survive `copy` and `pickle`: an unset field stays the one UNSET (the
generated code and users test `field is UNSET`), and a field not yet built reads the same
value after the copy as before it."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from typing import Any

import pytest

from ionq_api.models.base_job import BaseJob
from ionq_api.models.job_update import JobUpdate
from ionq_api.types import UNSET, Unset

# A job as the mock renders it (GET /jobs/{id}), with metadata.
JOB: dict[str, Any] = {
    "id": "01a232f1-8b39-7000-807b-b98d8eebb193",
    "status": "completed",
    "type": "ionq.circuit.v1",
    "backend": "simulator",
    "name": None,
    "metadata": {"experiment": "bell"},
    "submitter_id": "dd8024df-b37d-54ae-ad06-b72c61a9d6c8",
    "project_id": "76eb6505-1e5c-5ca7-992d-6f9f3fef2e79",
    "parent_job_id": None,
    "session_id": None,
    "child_job_ids": None,
    "dry_run": False,
    "submitted_at": "2026-12-01T18:50:20.345+00:00",
    "started_at": "2026-12-01T18:50:20.345+00:00",
    "completed_at": "2026-12-01T18:50:20.345+00:00",
    "predicted_wait_time_ms": 0,
    "predicted_execution_duration_ms": 0,
    "execution_duration_ms": 0,
    "failure": None,
    "output": {},
    "settings": {},
    "stats": {"qubits": 2, "circuits": 1, "gate_counts": {"1q": 1, "2q": 1}},
    "results": {
        "probabilities": {
            "url": "/v0.4/jobs/01a232f1-8b39-7000-807b-b98d8eebb193/results/probabilities"
        },
        "ionq.result.probabilities.json.v1": {
            "id": "75e46136-e6ca-55e7-a43f-45d6637e807c",
            "format": "ionq.result.probabilities.json.v1",
            "media_type": "application/json",
        },
        "ionq.result.probabilities.json.v2": {
            "id": "7742d083-52cd-5711-bbeb-015b2a24b67c",
            "format": "ionq.result.probabilities.json.v2",
            "media_type": "application/json",
        },
    },
    "noise": {"model": "ideal"},
}


def _pickled(value: Any) -> Any:
    return pickle.loads(pickle.dumps(value))


COPIES: dict[str, Callable[[Any], Any]] = {
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
    "pickle": _pickled,
}


@pytest.mark.parametrize("how", COPIES)
def test_unset_is_one_object_through_copies(how: str) -> None:
    again = COPIES[how](UNSET)
    assert again is UNSET
    assert isinstance(again, Unset)
    update = COPIES[how](JobUpdate())
    assert update.name is UNSET
    assert update.to_dict() == {}


@pytest.mark.parametrize("how", COPIES)
def test_a_parsed_job_reads_the_same_after_a_copy(how: str) -> None:
    job = BaseJob.from_dict(JOB)
    copied = COPIES[how](job)
    # Nothing read before the copy: the deferred fields are built from the copy's own raw
    # values; the unset ones are UNSET.
    assert copied.to_dict() == job.to_dict()
    assert copied.name is None
    assert copied.shots is UNSET  # absent for the ideal simulator
    assert copied.cost_model is UNSET
    assert copied.metadata is not None
    assert copied.metadata.to_dict() == JOB["metadata"]
    assert job.to_dict()["metadata"] == JOB["metadata"]

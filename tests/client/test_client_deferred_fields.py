"""Fields a generated model builds on first read (types.py.jinja's `DeferredFields`,
model.py.jinja insertion 6): a listed job's free-form objects, timestamps, metadata and
failure wait as raw JSON until they are read, and then read exactly as an eager parse
would have made them. That every model parses every input (values, types, exceptions) as
upstream's eager templates do is test_client_model_parsing.py's; this file pins that the
work is really deferred, and what a user can do to a model before reading a field."""

from __future__ import annotations

import copy
import datetime
import pickle
import threading
from typing import Any

import attrs
import pytest

from ionq_api.models.base_job import BaseJob
from ionq_api.models.job_metadata import JobMetadata
from ionq_api.models.job_page import JobPage
from ionq_api.models.json_object import JsonObject
from ionq_api.types import UNBUILT, DeferredField, DeferredFields
from ionq_client import IonQ
from ionq_mock.testing import MockServer

from .client_helpers import job_json

DEFERRED = {"metadata", "failure", "output", "settings", "stats", "results"}


def _listed() -> dict[str, Any]:
    """A listed job with every deferred field holding something to build."""
    body = job_json(
        metadata={"team": "a"},
        failure={"code": "E", "error": "boom"},
        results={"probabilities": {"url": "/v0.4/jobs/j/results/probabilities"}},
    )
    body.update(started_at="2099-01-01T00:00:01Z", completed_at="2099-01-01T00:00:02.5+00:00")
    body.update(output={"o": 1}, settings={"s": 2}, stats={"qubits": 2})
    return body


def _unbuilt(model: object, name: str) -> bool:
    """Whether `name`'s slot still holds UNBUILT (read past its DeferredField)."""
    field = type(model).__dict__[name]
    assert isinstance(field, DeferredField)
    return field._get(model, type(model)) is UNBUILT


def test_base_job_defers_exactly_what_cannot_fail_to_build() -> None:
    fronted = {n for n, v in vars(BaseJob).items() if isinstance(v, DeferredField)}
    assert fronted == DEFERRED
    job = BaseJob.from_dict(_listed())
    assert {n for n in DEFERRED if _unbuilt(job, n)} == DEFERRED
    assert job._ionq_pending.keys() == DEFERRED
    # What may fail is built at once, so a bad one still fails in from_dict(); and a
    # datetime costs less to build than a deferred field costs to read.
    assert isinstance(job.submitted_at, datetime.datetime)
    assert isinstance(job.started_at, datetime.datetime)
    with pytest.raises(ValueError, match="Invalid isoformat"):
        BaseJob.from_dict({**_listed(), "submitted_at": "not a date"})


def test_a_deferred_field_is_built_once_on_first_read_as_eagerly() -> None:
    body = _listed()
    job = BaseJob.from_dict(body)
    stats = job.stats
    assert isinstance(stats, JsonObject)
    assert stats.additional_properties == {"qubits": 2}
    assert job.stats is stats  # built once, then a plain slot
    assert not _unbuilt(job, "stats")
    assert "stats" not in job._ionq_pending
    assert isinstance(job.metadata, JobMetadata)
    assert job.metadata.additional_properties == {"team": "a"}
    assert job.started_at == datetime.datetime(2099, 1, 1, 0, 0, 1, tzinfo=datetime.UTC)
    assert job.to_dict()["completed_at"] == "2099-01-01T00:00:02.500000+00:00"


def test_a_value_with_nothing_to_build_is_stored_at_once() -> None:
    body = {**_listed(), "metadata": None, "started_at": None, "results": None}
    job = BaseJob.from_dict(body)
    assert not _unbuilt(job, "metadata")
    assert "metadata" not in job._ionq_pending
    assert (job.metadata, job.started_at, job.results) == (None, None, None)
    # A union keeps a value it cannot build as it came, eagerly or not.
    odd = BaseJob.from_dict({**_listed(), "completed_at": "not a date", "failure": [1]})
    kept: tuple[Any, Any] = (odd.completed_at, odd.failure)
    assert kept == ("not a date", [1])
    # A free-form object given as something else is built (or fails) at once.
    with pytest.raises(TypeError):
        BaseJob.from_dict({**_listed(), "output": 1})
    assert BaseJob.from_dict({**_listed(), "output": [["a", 1]]}).output == JsonObject.from_dict(
        {"a": 1}
    )


def test_an_unread_model_equals_copies_pickles_and_evolves_as_an_eager_one() -> None:
    body = _listed()
    read = BaseJob.from_dict(body)
    read.to_dict()  # every field built
    assert BaseJob.from_dict(body) == read
    assert copy.copy(BaseJob.from_dict(body)) == read
    # (deepcopy and pickle copy UNSET too, eager models' as well: compare what they built)
    deep = copy.deepcopy(BaseJob.from_dict(body))
    assert (deep.stats, deep.started_at, deep.metadata) == (
        read.stats,
        read.started_at,
        read.metadata,
    )
    assert attrs.asdict(BaseJob.from_dict(body)) == attrs.asdict(read)
    assert attrs.evolve(BaseJob.from_dict(body), name="x").stats == read.stats
    assert repr(BaseJob.from_dict(body)) == repr(read)
    unpickled = pickle.loads(pickle.dumps(BaseJob.from_dict(body)))
    assert unpickled.stats == read.stats
    assert unpickled.started_at == read.started_at


def test_setting_or_deleting_a_field_before_it_is_read_as_on_an_eager_model() -> None:
    job = BaseJob.from_dict(_listed())
    job.stats = JsonObject.from_dict({"mine": 1})
    job.output  # noqa: B018 (reading another deferred field leaves the set one alone)
    job.to_dict()  # and so does reading them all
    assert job.stats.additional_properties == {"mine": 1}
    del job.stats  # set, then deleted: gone, the raw value is not read back
    with pytest.raises(AttributeError, match="'BaseJob' object has no attribute 'stats'"):
        job.stats  # noqa: B018
    del job.settings  # never read: deleted all the same
    with pytest.raises(AttributeError, match="'BaseJob' object has no attribute 'settings'"):
        job.settings  # noqa: B018
    with pytest.raises(AttributeError):
        del job.settings
    job.settings = JsonObject.from_dict({})
    assert job.settings == JsonObject.from_dict({})
    with pytest.raises(AttributeError, match="'BaseJob' object has no attribute 'nope'"):
        getattr(job, "nope")  # noqa: B009


def test_a_model_made_by_its_constructor_has_nothing_pending() -> None:
    read = BaseJob.from_dict(_listed())
    made = BaseJob(**{f.name: getattr(read, f.name) for f in attrs.fields(BaseJob) if f.init})
    assert isinstance(made, DeferredFields)
    assert not hasattr(made, "_ionq_pending")
    assert not any(_unbuilt(made, name) for name in DEFERRED)
    made.additional_properties = read.additional_properties  # init=False
    assert made == read
    assert made.stats is read.stats


def test_threads_reading_a_field_first_all_get_it() -> None:
    page = JobPage.from_dict({"jobs": [_listed() for _ in range(200)], "next": None})
    seen: list[Any] = []

    def read() -> None:
        seen.extend(job.stats.additional_properties["qubits"] for job in page.jobs)

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [2] * 800


def test_listed_jobs_reach_the_user_unbuilt_and_read_as_the_server_wrote_them() -> None:
    with MockServer() as server, IonQ(api_key=server.api_key, base_url=server.base_url) as c:
        created = c.jobs.create(_bell(), backend="simulator", metadata={"team": "a"})
        c.jobs.wait(created.id)
        (listed,) = c.jobs.list(limit=1)
        assert _unbuilt(listed, "stats")
        assert _unbuilt(listed, "results")
        got = c.jobs.get(created.id)
        # The look-up token the facade adds is hidden from the listing too.
        assert listed.metadata is not None
        assert listed.metadata.additional_properties == {"team": "a"}
        assert listed.stats.additional_properties["qubits"] == 2
        assert listed.submitted_at == got.submitted_at
        assert listed.completed_at == got.completed_at


def _bell() -> Any:
    from ionq_client import Circuit

    return Circuit(2).h(0).cnot(0, 1)

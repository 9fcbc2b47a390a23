"""Models, results and pages as a user meets them in a REPL: `to_dict()`/`to_json()` on every
generated model and a compact `__repr__` (both added by the repository's custom template),
equality by value, and compact reprs (plus a notebook histogram) for `Result`, `CircuitResult`
and the page objects."""

from __future__ import annotations

import asyncio
import datetime
import difflib
import importlib.metadata
import inspect
import json
import uuid
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import openapi_python_client
import pytest

import ionq_api.models
from ionq_api.models.base_job import BaseJob
from ionq_api.models.circuit_job_stats import CircuitJobStats
from ionq_api.models.single_circuit_job import SingleCircuitJob
from ionq_api.models.whoami import Whoami
from ionq_client import Circuit, CircuitResult, IonQ, Result
from ionq_client._pagination import REPR_ITEMS, AsyncPage, SyncPage
from ionq_client._results import HTML_OUTCOMES, REPR_OUTCOMES, SHOWN_CIRCUITS
from ionq_mock.testing import MockServer

from .client_helpers import job_json

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "scripts" / "openapi-templates"
# The generator's templates overridden there, each the pinned one plus marked insertions,
# and how many numbered insertions each has ("ionq: added (n)"; 0: unnumbered); the folder's
# other files (ionq_construct.jinja) have no upstream counterpart.
OVERRIDDEN = {
    "model.py.jinja": 6,
    "property_templates/union_property.py.jinja": 0,
    "types.py.jinja": 0,
}

# ---------------------------------------------------------------- to_dict / to_json


def _model_classes() -> list[type]:
    return [
        cls
        for _, cls in inspect.getmembers(ionq_api.models, inspect.isclass)
        if attrs.has(cls) and cls.__module__.startswith("ionq_api.models.")
    ]


def test_every_generated_model_has_to_dict_and_to_json() -> None:
    classes = _model_classes()
    assert len(classes) > 100
    missing = [c.__name__ for c in classes if not callable(getattr(c, "to_json", None))]
    assert missing == []
    assert all(callable(getattr(c, "to_dict", None)) for c in classes)


def test_to_json_encodes_the_datetimes_and_uuids_to_dict_returns() -> None:
    body = job_json(name="bell", metadata={"team": "a"}, submitted_at="2099-01-02T03:04:05+00:00")
    body["completed_at"] = "2099-01-02T03:04:06.500000+00:00"
    job = SingleCircuitJob.from_dict(body)
    assert isinstance(job.submitted_at, datetime.datetime)
    text = job.to_json()
    assert json.loads(text) == job.to_dict()
    assert json.loads(text)["submitted_at"] == "2099-01-02T03:04:05+00:00"
    assert SingleCircuitJob.from_dict(json.loads(text)) == job

    key, project = uuid.uuid4(), uuid.uuid4()
    me = Whoami.from_dict({"key_id": str(key), "key_name": "k", "project_id": str(project)})
    assert me.key_id == key  # a UUID object in the model...
    assert json.loads(me.to_json()) == {
        "key_id": str(key),
        "key_name": "k",
        "project_id": str(project),
    }
    assert Whoami.from_dict(json.loads(me.to_json())) == me


def test_to_json_passes_keyword_arguments_to_json_dumps() -> None:
    me = Whoami.from_dict({"key_name": "k", "key_id": str(uuid.UUID(int=1))})
    assert me.to_json() == json.dumps(me.to_dict())
    assert me.to_json(indent=2, sort_keys=True) == json.dumps(
        me.to_dict(), indent=2, sort_keys=True
    )
    assert "\n  " in me.to_json(indent=2)
    me["when"] = datetime.date(2099, 1, 2)  # a value put in by hand: json's own `default=`
    with pytest.raises(TypeError):
        me.to_json()
    assert json.loads(me.to_json(default=str))["when"] == "2099-01-02"


def test_models_compare_by_value_including_additional_properties() -> None:
    body = job_json(metadata={"team": "a"})
    body["extra_field"] = {"new": 1}
    a, b = BaseJob.from_dict(body), BaseJob.from_dict(body)
    assert a is not b
    assert a == b
    assert a.additional_properties["extra_field"] == {"new": 1}
    b["extra_field"] = {"new": 2}
    assert a != b
    b["extra_field"] = {"new": 1}
    assert a == b
    other = BaseJob.from_dict({**body, "metadata": {"team": "b"}})  # a nested model differs
    assert other != a


# ---------------------------------------------------------------- model repr


def test_every_generated_model_keeps_the_templates_repr_not_attrs_own() -> None:
    """attrs' `define` (auto_detect) leaves a `__repr__` written in the class body alone."""
    classes = _model_classes()
    assert [c.__name__ for c in classes if "__repr__" not in vars(c)] == []
    assert all(c.__repr__.__module__ == c.__module__ for c in classes)
    assert all("_attrs_fields" in c.__repr__.__code__.co_names for c in classes)


def test_model_repr_shows_only_the_set_fields_in_field_order() -> None:
    job = BaseJob.from_dict(job_json(job_id="j1", name=None, metadata={"team": "a"}))
    assert job.name is None
    assert job.project_id is None
    assert repr(job) == (
        "BaseJob(id='j1', status='completed', backend='simulator', dry_run=False, "
        "submitter_id='user', metadata=JobMetadata(**{'team': 'a'}), "
        "submitted_at=datetime.datetime(2099, 1, 1, 0, 0, tzinfo=datetime.timezone.utc), "
        "type_='ionq.circuit.v1', output=JsonObject(), settings=JsonObject(), "
        "stats=JsonObject(**{'qubits': 2, 'circuits': 1, 'gate_counts': {'1q': 1, '2q': 1}}), "
        "**{'child_job_ids': None})"  # a key BaseJob does not declare: kept as sent
    )
    shown = [f.name for f in attrs.fields(BaseJob) if f"{f.name}=" in repr(job)]
    assert shown[:3] == ["id", "status", "backend"]
    assert repr(CircuitJobStats()) == "CircuitJobStats()"  # every field unset
    key = uuid.UUID(int=1)
    me = Whoami(key_id=key, key_name="k")
    assert repr(me) == f"Whoami(key_id={key!r}, key_name='k')"  # project_id: unset


def test_model_repr_shows_additional_properties_only_when_there_are_some() -> None:
    body = job_json(job_id="j1")
    body["extra_field"] = {"new": 1}
    job = BaseJob.from_dict(body)
    assert repr(job).endswith(", **{'child_job_ids': None, 'extra_field': {'new': 1}})")
    key = uuid.UUID(int=1)
    me = Whoami(key_id=key, key_name="k")
    me["when"] = 3
    assert repr(me) == f"Whoami(key_id={key!r}, key_name='k', **{{'when': 3}})"
    assert me == Whoami.from_dict({"key_id": str(key), "key_name": "k", "when": 3})  # by value
    assert me != Whoami(key_id=key, key_name="k")
    del me["when"]
    assert repr(me) == f"Whoami(key_id={key!r}, key_name='k')"  # no empty `**{}`


def test_a_job_read_from_the_mock_prints_compactly() -> None:
    with (
        MockServer(api_keys=["k"], job_duration=0.05) as server,
        IonQ(api_key="k", base_url=server.base_url, _sleep=lambda s: None) as client,
    ):
        created = client.jobs.create(Circuit(2).h(0).cnot(0, 1), backend="simulator", name="b")
        queued = client.jobs.get(created.id)
        text = repr(queued)
        assert text.startswith(f"SingleCircuitJob(id='{created.id}', status=")
        assert "Unset object" not in text
        assert "name='b'" in text
        assert "started_at" not in text  # null until it runs
        assert len(text) < 800
        done = client.jobs.wait(created.id, timeout=10)
        text = repr(done)
        assert text.startswith(f"SingleCircuitJob(id='{created.id}', status='completed', ")
        assert "Unset object" not in text
        assert "stats=CircuitJobStats(qubits=2, " in text  # nested models: the same repr
        assert "started_at=datetime.datetime(" in text
        # A completed job also lists its result artifacts (about 560 characters here).
        assert len(text) < 1500
        assert type(done).from_dict(done.to_dict()) == done


@pytest.mark.parametrize("name", sorted(OVERRIDDEN))
def test_each_custom_template_is_the_pinned_one_plus_marked_insertions(name: str) -> None:
    """A generator upgrade must re-apply the insertions: this fails until it is done."""
    version = importlib.metadata.version("openapi-python-client")
    ours = (TEMPLATES / name).read_text().splitlines()
    assert f"openapi-python-client {version}" in ours[1]
    upstream_path = Path(openapi_python_client.__file__).parent / "templates" / name
    upstream = upstream_path.read_text().splitlines()
    inserted: list[list[str]] = []
    # autojunk off: the template's many `{% endif %}` lines would otherwise count as junk
    # and misalign the match, reporting an insertion as a replacement.
    matcher = difflib.SequenceMatcher(a=upstream, b=ours, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        assert tag in ("equal", "insert"), (tag, upstream[i1:i2], ours[j1:j2])
        if tag == "insert":
            inserted.append(ours[j1:j2])
    # First the header comment (a block may follow it at once), then the marked blocks.
    assert inserted[0][0] == "{#"
    header_end = inserted[0].index("#}") + 1
    blocks = [inserted[0][header_end:], *inserted[1:]] if inserted[0][header_end:] else inserted[1:]
    assert blocks
    assert all(any("ionq: added" in line for line in block) for block in blocks)
    numbers = {n for n in range(1, 10) for b in blocks if f"ionq: added ({n})" in str(b)}
    assert numbers == set(range(1, OVERRIDDEN[name] + 1))


def test_the_template_folder_overrides_only_the_listed_templates() -> None:
    upstream = Path(openapi_python_client.__file__).parent / "templates"
    overriding = {
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.jinja")
        if (upstream / path.relative_to(TEMPLATES)).exists()
    }
    assert overriding == set(OVERRIDDEN)


# ---------------------------------------------------------------- Result repr / HTML


def _uniform(job_id: str, qubits: int, **kwargs: Any) -> CircuitResult:
    """A result with every basis state equally likely."""
    n = 2**qubits
    return CircuitResult(
        job_id=job_id, qubits=qubits, states=dict.fromkeys(range(n), 1 / n), **kwargs
    )


def test_result_repr_lists_the_likeliest_outcomes_qubit_0_leftmost() -> None:
    # State 1 on 3 qubits is qubit 0 set: "100".
    c = CircuitResult(job_id="j1", qubits=3, states={1: 0.7, 6: 0.2, 0: 0.1}, shots=100)
    text = repr(Result(job_id="j1", circuits=(c,)))
    assert text == (
        "Result(job_id='j1', qubits=3, shots=100, outcomes=3, "
        "top={'100': 0.7, '011': 0.2, '000': 0.1})"
    )
    assert repr(c) == "CircuitResult" + text[len("Result") :]


def test_result_repr_is_short_for_thousands_of_outcomes() -> None:
    c = _uniform("big", 12, shots=4096, name="wide", histogram_states={0: 4096})
    text = repr(Result(job_id="big", circuits=(c,)))
    assert "outcomes=4096" in text
    assert "name='wide'" in text
    assert text.count("': ") == REPR_OUTCOMES
    assert text.endswith(", ...}, include=('histogram',))")
    assert len(text) < 300


def test_multi_circuit_result_repr_shows_each_circuit_up_to_a_limit() -> None:
    two = Result(job_id="p", circuits=(_uniform("c0", 1), _uniform("c1", 2)))
    lines = repr(two).splitlines()
    assert lines[0] == "Result(job_id='p', circuits=2"
    assert lines[1].startswith("  [0] CircuitResult(job_id='c0', qubits=1")
    assert lines[2].startswith("  [1] CircuitResult(job_id='c1', qubits=2")
    many = Result(job_id="p", circuits=tuple(_uniform(f"c{i}", 1) for i in range(20)))
    text = repr(many)
    assert text.count("CircuitResult(") == SHOWN_CIRCUITS
    assert f"... {20 - SHOWN_CIRCUITS} more circuits)" in text


class _Table(HTMLParser):
    """Collects the text of each table row (one list of cell texts per <tr>)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.captions: list[str] = []
        self._where = ""

    def handle_starttag(self, tag: str, attributes: object) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.rows[-1].append("")
            self._where = "cell"
        elif tag == "caption":
            self.captions.append("")
            self._where = "caption"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th", "caption"):
            self._where = ""

    def handle_data(self, data: str) -> None:
        if self._where == "cell":
            self.rows[-1][-1] += data
        elif self._where == "caption":
            self.captions[-1] += data


def _parse(text: str) -> _Table:
    table = _Table()
    table.feed(text)
    return table


def test_result_html_is_a_histogram_of_the_likeliest_outcomes() -> None:
    c = CircuitResult(
        job_id="j<1>",
        qubits=3,
        states={1: 0.6, 6: 0.3, 0: 0.1},
        shots=10,
        name="<script>",
        histogram_states={1: 6, 6: 3, 0: 1},
    )
    page = Result(job_id="j<1>", circuits=(c,))._repr_html_()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    table = _parse(page)
    assert table.rows[0] == ["bitstring", "probability", "", "count"]
    assert table.rows[1:] == [
        ["100", "0.6", "", "6"],
        ["011", "0.3", "", "3"],
        ["000", "0.1", "", "1"],
    ]
    assert "qubit 0 leftmost" in table.captions[0]
    assert "10 shots" in table.captions[0]
    assert "width:7.20em" in page  # the bar is proportional to the probability


def test_result_html_shows_a_bounded_number_of_rows() -> None:
    c = _uniform("big", 10)
    table = _parse(c._repr_html_())
    assert len(table.rows) == 1 + HTML_OUTCOMES + 1  # header, outcomes, "... more"
    assert table.rows[-1] == [
        f"... {1024 - HTML_OUTCOMES} more outcomes (probability 0.9844 in all)"
    ]
    assert "exact (no shots)" in table.captions[0]
    many = Result(job_id="p", circuits=tuple(_uniform(f"c{i}", 1) for i in range(20)))
    assert _parse(many._repr_html_()).captions.__len__() == SHOWN_CIRCUITS


# ---------------------------------------------------------------- pages


def _jobs(n: int) -> list[BaseJob]:
    return [
        BaseJob.from_dict(
            job_json(job_id=str(uuid.UUID(int=i)), status=("completed", "failed")[i % 2])
        )
        for i in range(n)
    ]


def test_page_repr_names_a_few_items_by_id_and_status() -> None:
    jobs = _jobs(5)
    page = SyncPage(jobs, lambda: SyncPage([]))
    text = repr(page)
    assert text.startswith("SyncPage(5 items, has_next_page=True, items=[")
    assert f"BaseJob(id='{jobs[0].id}', status='completed')" in text
    assert f"BaseJob(id='{jobs[1].id}', status='failed')" in text
    assert text.count("BaseJob(") == REPR_ITEMS
    assert text.endswith(f", ... {5 - REPR_ITEMS} more])")
    one = f"BaseJob(id='{jobs[0].id}', status='completed')"
    assert repr(SyncPage(jobs[:1])) == f"SyncPage(1 item, has_next_page=False, items=[{one}])"


def test_async_page_repr_and_items_without_ids() -> None:
    async def nothing() -> AsyncPage[object]:
        return AsyncPage([])

    page: AsyncPage[object] = AsyncPage([{"a": "x" * 100}, 7], nothing)
    cut = "{'a': '" + "x" * 50 + "..."  # a 60-character prefix of the item's repr
    assert repr(page) == f"AsyncPage(2 items, has_next_page=True, items=[{cut}, 7])"
    assert asyncio.run(page.next_page()).items == []


def test_a_listed_page_and_a_result_print_readably_from_the_mock() -> None:
    with (
        MockServer(api_keys=["k"], job_duration=0.05) as server,
        IonQ(api_key="k", base_url=server.base_url, _sleep=lambda s: None) as client,
    ):
        ids = [client.jobs.create(Circuit(1).h(0), backend="simulator").id for _ in range(3)]
        page = client.jobs.list(limit=2)
        text = repr(page)
        assert text.startswith("SyncPage(2 items, has_next_page=True, items=[BaseJob(id=")
        assert all(job.id in text for job in page.items)
        client.jobs.wait(ids[0], timeout=10)
        result = client.jobs.results(ids[0])
        assert repr(result) == (
            f"Result(job_id='{ids[0]}', qubits=1, shots=None, outcomes=2, "
            "top={'0': 0.5, '1': 0.5})"
        )
        job = client.jobs.get(ids[0])
        assert json.loads(job.to_json())["id"] == ids[0]
        assert type(job).from_dict(json.loads(job.to_json())) == job

"""IonQ's own published client, `ionq-core` (PyPI, 0.2.0), driven unchanged against the mock.

ionq-core is generated from IonQ's Sept 2026 spec, not from `openapi.yaml`, so these tests
show that a client written by someone else gets through the whole job journey: create a
Bell job, wait for it, read its probabilities, list with pagination, cancel, delete (one
and in bulk), and see the documented errors. `test_every_answer_parses_as_ionq_models`
feeds every answer of a full journey (artifacts of each format, clone, move, cost,
estimate, sessions, backends, characterizations, usage, format schemas, the job types the
mock does not run) to ionq-core's generated models, which raise on a wrong shape. Where
ionq-core and this project's spec disagree, the test says which side was chosen (see
docs/mock-server.md, "Other clients").
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from typing import Any, Protocol
from uuid import UUID

import pytest
from mock_http import SAMPLED_FORMATS

from ionq_mock.testing import MockServer

ionq_core = pytest.importorskip("ionq_core", reason="ionq-core is a dev dependency")

from ionq_core import (  # noqa: E402 (after the importorskip)
    AuthenticationError,
    IonQClient,
    JobFailedError,
    NotFoundError,
    aiter_jobs,
    async_wait_for_job,
    iter_jobs,
    wait_for_job,
)
from ionq_core.api.backends import get_backend, get_backends  # noqa: E402
from ionq_core.api.characterizations import (  # noqa: E402
    get_characterization,
    get_characterizations_for_backend,
)
from ionq_core.api.default import (  # noqa: E402
    cancel_job,
    cancel_jobs,
    clone_job,
    create_job,
    create_session,
    delete_job,
    delete_jobs,
    end_session,
    estimate_job_cost,
    get_job,
    get_job_cost,
    get_job_probabilities,
    get_jobs,
    get_session,
    get_session_jobs,
    get_sessions,
    move_job,
)
from ionq_core.api.schemas import get_format_schema  # noqa: E402
from ionq_core.api.usage import get_usages  # noqa: E402
from ionq_core.client import AuthenticatedClient  # noqa: E402
from ionq_core.models import (  # noqa: E402
    ArtifactDescriptor,
    BaseJob,
    CircuitJobCreationPayload,
    CloneJobPayload,
    CreateSessionRequest,
    Failure,
    FormatSchemaDocument,
    GetJobsResponse,
    IonqResultHistogramJsonV1,
    IonqResultHistogramJsonV2,
    IonqResultProbabilitiesAggregateJsonV1,
    IonqResultProbabilitiesJsonV1,
    IonqResultProbabilitiesJsonV2,
    IonqResultShotsJsonV2,
    JobCanceledResponse,
    JobCreationResponse,
    JobsBulkOperationRequest,
    MultiCircuitJob,
    QaoaJob,
    QuantumFunctionJob,
    Session,
    SessionsResponse,
    SingleCircuitJob,
    Usages,
)
from ionq_core.models.formats import FORMATS_VALUES  # noqa: E402

# Short, to keep the module quick; ionq-core's own polling starts at `POLL` and grows 1.5x.
JOB_DURATION = 0.1
POLL = 0.02

BELL: dict[str, Any] = {
    "type": "ionq.circuit.v1",
    "backend": "simulator",
    "name": "bell",
    "metadata": {"origin": "ionq-core"},
    "shots": 100,
    "input": {
        "qubits": 2,
        "gateset": "qis",
        "circuit": [{"gate": "h", "target": 0}, {"gate": "cnot", "control": 0, "target": 1}],
    },
}


class Connect(Protocol):
    """Makes an `IonQClient` for `api_key` on the module's mock, or on `mock` if given."""

    def __call__(self, api_key: str, mock: MockServer | None = None) -> AuthenticatedClient: ...


@pytest.fixture
def connect(server: MockServer) -> Iterator[Connect]:
    """Make `IonQClient`s for the mock (retries off, so an error surfaces at once); close
    their connections after the test."""
    made: list[AuthenticatedClient] = []

    def make(api_key: str, mock: MockServer | None = None) -> AuthenticatedClient:
        # ionq-core rightly warns that a plain-http base URL sends the key in cleartext;
        # the mock listens on loopback only.
        with pytest.warns(UserWarning, match="does not use HTTPS"):
            client: AuthenticatedClient = IonQClient(
                api_key=api_key, base_url=(mock or server).base_url, max_retries=0
            )
        made.append(client)
        return client

    yield make
    for client in made:
        client.get_httpx_client().close()


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    """One mock for the module (each test uses its own key, so they see only their jobs)."""
    keys = [f"core-key-{i}" for i in range(10)]
    with MockServer(api_keys=keys, job_duration=JOB_DURATION) as mock:
        yield mock


def create_bell(client: AuthenticatedClient, **changes: Any) -> str:
    """Create a Bell job with ionq-core's own payload model; return its id."""
    payload = CircuitJobCreationPayload.from_dict({**BELL, **changes})
    created = create_job.sync(client=client, body=payload)
    assert created is not None
    assert created.status == "submitted"
    job_id: str = created.id
    return job_id


def test_bell_job_journey(connect: Connect) -> None:
    client = connect("core-key-0")
    job_id = create_bell(client)

    job = wait_for_job(client, job_id, poll_interval=POLL, timeout=10)
    # ionq-core parses the job into its single-circuit model (it needs `output`, which
    # the mock sends as IonQ's service does).
    assert isinstance(job, SingleCircuitJob)
    assert job.status == "completed"
    assert job.backend == "simulator"
    assert job.name == "bell"
    assert job.stats.qubits == 2
    assert job.completed_at is not None

    probabilities = get_job_probabilities.sync(uuid=job_id, client=client)
    assert probabilities is not None
    assert probabilities.additional_properties == pytest.approx({"0": 0.5, "3": 0.5})

    deleted = delete_job.sync(uuid=job_id, client=client)
    assert deleted is not None
    assert (deleted.id, deleted.status) == (job_id, "deleted")
    with pytest.raises(NotFoundError):
        get_job.sync(uuid=job_id, client=client)


def test_results_are_artifact_descriptors(connect: Connect) -> None:
    """`results` holds IonQ's format-keyed artifact descriptors, and the legacy
    `probabilities: {url}` link beside them (which qiskit-ionq and pennylane-ionq read).

    ionq-core 0.2.0's results model wants every value to be a descriptor, so the link
    makes it fall back to the raw object; each format-keyed entry parses as its
    `ArtifactDescriptor`.
    """
    client = connect("core-key-1")
    job = wait_for_job(client, create_bell(client), poll_interval=POLL, timeout=10)
    assert isinstance(job, SingleCircuitJob)
    results: object = job.results
    assert isinstance(results, dict)
    assert results.pop("probabilities") == {"url": f"/v0.4/jobs/{job.id}/results/probabilities"}
    assert sorted(results) == [
        "ionq.result.probabilities.json.v1",
        "ionq.result.probabilities.json.v2",
    ]
    for format_id, entry in results.items():
        descriptor = ArtifactDescriptor.from_dict(entry)
        assert (descriptor.format_, descriptor.media_type) == (format_id, "application/json")


def test_pagination_follows_cursors(connect: Connect) -> None:
    client = connect("core-key-2")
    created = [create_bell(client, name=f"page-{i}") for i in range(5)]

    listed = [job.id for job in iter_jobs(client, limit=2)]
    # Newest first, each job exactly once over three pages (2 + 2 + 1).
    assert listed == created[::-1]
    assert [job.id for job in iter_jobs(client, limit=100)] == listed


def test_cancel_and_bulk_operations(connect: Connect) -> None:
    # Jobs that take a minute, so none finishes before it is cancelled however slow the
    # machine is.
    with MockServer(api_keys=["core-key-3"], job_duration=60) as slow:
        cancel_and_delete(connect("core-key-3", slow))


def cancel_and_delete(client: AuthenticatedClient) -> None:
    """Cancel queued jobs one at a time and in bulk, then delete them in bulk."""
    queued = create_bell(client)

    # Cancelled while still queued; ionq-core's model accepts only `canceled`, which is
    # what the mock always answers (a finished job keeps its own status).
    canceled = cancel_job.sync(uuid=queued, client=client)
    assert canceled is not None
    assert (canceled.id, canceled.status) == (queued, "canceled")
    final = wait_for_job(client, queued, poll_interval=POLL, timeout=10)
    assert final.status == "canceled"

    others = [create_bell(client), create_bell(client)]
    bulk = cancel_jobs.sync(client=client, body=JobsBulkOperationRequest(ids=others))
    assert bulk is not None
    assert (sorted(bulk.ids), bulk.status) == (sorted(others), "canceled")

    gone = delete_jobs.sync(client=client, body=JobsBulkOperationRequest(ids=[queued, *others]))
    assert gone is not None
    assert (sorted(gone.ids), gone.status) == (sorted([queued, *others]), "deleted")
    assert list(iter_jobs(client)) == []


def test_errors_map_to_ionq_core_exceptions(connect: Connect) -> None:
    client = connect("core-key-4")
    with pytest.raises(NotFoundError) as not_found:
        get_job.sync(uuid="00000000-0000-4000-8000-000000000000", client=client)
    assert not_found.value.status_code == 404

    wrong = connect("not-a-key")
    with pytest.raises(AuthenticationError) as unauthorized:
        create_bell(wrong)
    assert unauthorized.value.status_code == 401


def test_async_helpers(connect: Connect) -> None:
    client = connect("core-key-5")

    async def journey() -> tuple[str, list[str]]:
        created = await create_job.asyncio(
            client=client, body=CircuitJobCreationPayload.from_dict(BELL)
        )
        assert created is not None
        job = await async_wait_for_job(client, created.id, poll_interval=POLL, timeout=10)
        listed = [listed_job.id async for listed_job in aiter_jobs(client, limit=1)]
        await client.get_async_httpx_client().aclose()  # `connect` closes the sync one
        return job.status, [created.id, *listed]

    status, (job_id, *listed) = asyncio.run(journey())
    assert status == "completed"
    assert listed == [job_id]


# ionq-core's model of each artifact format (shots v1 is a bare array: no model).
ARTIFACT_MODELS: dict[str, Any] = {
    "ionq.result.probabilities.json.v1": IonqResultProbabilitiesJsonV1,
    "ionq.result.probabilities.json.v2": IonqResultProbabilitiesJsonV2,
    "ionq.result.histogram.json.v1": IonqResultHistogramJsonV1,
    "ionq.result.histogram.json.v2": IonqResultHistogramJsonV2,
    "ionq.result.shots.json.v2": IonqResultShotsJsonV2,
    "ionq.result.probabilities-aggregate.json.v1": IonqResultProbabilitiesAggregateJsonV1,
}
# Job types the mock accepts and fails, with the code they fail with.
NOT_RUN: list[tuple[dict[str, Any], Any, str]] = [
    (
        {"type": "quantum-function", "input": {"type": "x", "data": {}}},
        QuantumFunctionJob,
        "PreflightError",
    ),
    (
        {
            "type": "qctrl.qaoa.v1",
            "input": {"problem_type": "maxcut", "problem": {}},
            "external_settings": {"api_credentials": "k"},
        },
        QaoaJob,
        "OptimizationError",
    ),
]


def raw(client: AuthenticatedClient, path: str, **params: Any) -> Any:
    """The JSON answer of a GET, unparsed (the models are then applied by hand)."""
    answer = client.get_httpx_client().get(path, params=params)
    assert answer.status_code == 200, answer.text
    return answer.json()


def check_results(job: dict[str, Any]) -> dict[str, ArtifactDescriptor]:
    """Every format-keyed entry of `results` as ionq-core's descriptor (the legacy URL
    entries, which ionq-core's results model does not know, aside)."""
    entries = dict(job["results"])
    assert set(entries.pop("probabilities")) == {"url"}
    for link in ("histogram", "shots"):
        assert set(entries.pop(link, {"url": ""})) == {"url"}
    return {name: ArtifactDescriptor.from_dict(entry) for name, entry in entries.items()}


def test_every_answer_parses_as_ionq_models(connect: Connect) -> None:
    client = connect("core-key-8")
    noisy = {**BELL, "shots": 1000, "noise": {"model": "aria-1", "seed": 5}}
    job_id = create_bell(client, **noisy)
    wait_for_job(client, job_id, poll_interval=POLL, timeout=10)
    job = raw(client, f"/jobs/{job_id}")
    assert SingleCircuitJob.from_dict(job).status == "completed"
    descriptors = check_results(job)
    assert sorted(descriptors) == sorted(SAMPLED_FORMATS)
    for format_id, descriptor in descriptors.items():
        content = raw(client, f"/jobs/{job_id}/artifacts/{descriptor.id}")
        if format_id == "ionq.result.shots.json.v1":
            assert len(content) == 1000
            assert all(isinstance(s, str) for s in content)
        else:
            ARTIFACT_MODELS[format_id].from_dict(content)
    shots = IonqResultShotsJsonV2.from_dict(
        raw(client, f"/jobs/{job_id}/artifacts/{descriptors[SAMPLED_FORMATS[5]].id}")
    )
    assert len(shots.shots) == 1000

    multi = {
        "type": "ionq.multi-circuit.v1",
        "backend": "simulator",
        "input": {"gateset": "qis", "circuits": [{"circuit": [{"gate": "h", "target": 0}]}] * 2},
    }
    multi_id = client.get_httpx_client().post("/jobs", json=multi).json()["id"]
    wait_for_job(client, multi_id, poll_interval=POLL, timeout=10)
    parent = raw(client, f"/jobs/{multi_id}")
    assert len(MultiCircuitJob.from_dict(parent).child_job_ids or []) == 2
    [aggregate] = check_results(parent).values()
    IonqResultProbabilitiesAggregateJsonV1.from_dict(
        raw(client, f"/jobs/{multi_id}/artifacts/{aggregate.id}")
    )

    page = get_jobs.sync(client=client, target="simulator,qpu.forte-1", limit=10)
    assert isinstance(page, GetJobsResponse)
    assert len(page.jobs) == 4  # the Bell job, the parent and its two children
    for item in raw(client, "/jobs")["jobs"]:
        BaseJob.from_dict(item)

    cost = get_job_cost.sync(uuid=job_id, client=client)
    assert cost is not None
    assert cost.dry_run is False
    estimate = estimate_job_cost.sync(
        client=client, backend="qpu.forte-1", field_1q_gates=10, field_2q_gates=4
    )
    assert estimate is not None
    assert estimate.estimated_total_cost == 97.5

    copy = clone_job.sync(uuid=job_id, client=client, body=CloneJobPayload.from_dict({"shots": 9}))
    assert isinstance(copy, JobCreationResponse)
    moved = move_job.sync(uuid=copy.id, client=client, body=CloneJobPayload.from_dict({}))
    assert isinstance(moved, JobCreationResponse)
    # Cancel a finished job: the answer is `canceled`, the only value ionq-core accepts.
    canceled = cancel_job.sync(uuid=job_id, client=client)
    assert isinstance(canceled, JobCanceledResponse)
    assert canceled.status == "canceled"

    session = create_session.sync(
        client=client,
        body=CreateSessionRequest.from_dict(
            {"backend": "qpu.forte-1", "settings": {"duration_limit_min": 10}}
        ),
    )
    assert isinstance(session, Session)
    listing = get_sessions.sync(client=client, active=True)
    assert isinstance(listing, SessionsResponse)
    assert [s.id for s in listing.sessions] == [session.id]
    assert get_session.sync(session_id=session.id, client=client) is not None
    session_jobs = get_session_jobs.sync(session_id_path=session.id, client=client)
    assert isinstance(session_jobs, GetJobsResponse)
    ended = end_session.sync(session_id=session.id, client=client)
    assert ended is not None
    assert ended.active is False

    backends = get_backends.sync(client=client)
    assert backends is not None
    assert {b.backend for b in backends} >= {"simulator", "qpu.forte-1"}
    forte = get_backend.sync("qpu.forte-1", client=client)
    assert forte is not None
    assert forte.characterization_id
    characterizations = get_characterizations_for_backend.sync("qpu.forte-1", client=client)
    assert characterizations is not None
    assert len(characterizations.characterizations) == 10
    one = get_characterization.sync("qpu.forte-1", UUID(forte.characterization_id), client=client)
    assert one is not None
    assert str(one.id) == forte.characterization_id

    wait_for_job(client, moved.id, poll_interval=POLL, timeout=10)
    ran = [
        j
        for j in raw(client, "/jobs", limit=100)["jobs"]
        if j["status"] == "completed" and j["parent_job_id"] is None
    ]
    today = dt.datetime.now(dt.UTC).date()
    usages = get_usages.sync(
        listing.organization_id,
        client=client,
        start_date=today - dt.timedelta(days=1),
        end_date=today + dt.timedelta(days=1),
        group_by="job",
        modality="daily",
    )
    assert isinstance(usages, Usages)
    assert usages.job_count == len(ran)  # children of the multi-circuit job not counted
    assert usages.usage_data
    assert usages.usage_data[0].from_.date() <= today

    for format_id in sorted(FORMATS_VALUES):
        document = get_format_schema.sync(format_id, client=client)
        assert isinstance(document, FormatSchemaDocument)
        assert document.id == format_id

    for program, model, code in NOT_RUN:
        created = client.get_httpx_client().post("/jobs", json={"backend": "simulator", **program})
        assert created.status_code == 201
        with pytest.raises(JobFailedError) as failed:
            wait_for_job(client, created.json()["id"], poll_interval=POLL, timeout=10)
        assert isinstance(failed.value.failure, Failure)
        assert failed.value.failure.code == code
        parsed = model.from_dict(raw(client, f"/jobs/{created.json()['id']}"))
        assert parsed.status == "failed"

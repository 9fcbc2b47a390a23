"""IonQ's own published client, `ionq-core` (PyPI, 0.2.0), driven unchanged against the mock.

ionq-core is generated from IonQ's Sept 2026 spec, not from `openapi.yaml`, so these tests
show that a client written by someone else gets through the whole job journey: create a
Bell job, wait for it, read its probabilities, list with pagination, cancel, delete (one
and in bulk), and see the documented errors. Where ionq-core and this project's spec
disagree, the test says which side was chosen (see docs/mock-server.md, "Other clients").
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any, Protocol

import pytest

from ionq_mock.testing import MockServer

ionq_core = pytest.importorskip("ionq_core", reason="ionq-core is a dev dependency")

from ionq_core import (  # noqa: E402 (after the importorskip)
    AuthenticationError,
    IonQClient,
    NotFoundError,
    aiter_jobs,
    async_wait_for_job,
    iter_jobs,
    wait_for_job,
)
from ionq_core.api.default import (  # noqa: E402
    cancel_job,
    cancel_jobs,
    create_job,
    delete_job,
    delete_jobs,
    get_job,
    get_job_probabilities,
)
from ionq_core.client import AuthenticatedClient  # noqa: E402
from ionq_core.models import (  # noqa: E402
    CircuitJobCreationPayload,
    JobsBulkOperationRequest,
    SingleCircuitJob,
)

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
    keys = [f"core-key-{i}" for i in range(8)]
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


def test_results_link_is_not_an_artifact_descriptor(connect: Connect) -> None:
    """The mock serves `results` as URLs (IonQ's May 2026 shape, this project's choice).

    ionq-core 0.2.0 models the Sept 2026 artifact descriptors; its parser falls back to
    the raw object, so a caller can still follow the URL.
    """
    client = connect("core-key-1")
    job = wait_for_job(client, create_bell(client), poll_interval=POLL, timeout=10)
    assert isinstance(job, SingleCircuitJob)
    # Typed as its artifact model; at run time it is the JSON object the mock sent.
    results: object = job.results
    assert results == {
        "probabilities": {"url": f"/v0.4/jobs/{job.id}/results/probabilities"},
    }


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

    # Cancelled while still queued: ionq-core's model accepts only `canceled` here, which
    # is what the mock answers for a job that had not finished (for a finished job it
    # answers the job's own status, which ionq-core rejects; see docs/mock-server.md).
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

"""Every public method, sync and async, against the live mock server."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from ionq_api.models.cost import Cost
from ionq_client import (
    AsyncIonQ,
    AuthenticationError,
    BadRequestError,
    Circuit,
    IonQ,
    JobFailedError,
    NotFoundError,
    ValidationError,
)
from ionq_client._jobs import job_qubits, job_result_descriptors
from ionq_mock.testing import MockServer

BELL = Circuit(2).h(0).cnot(0, 1)
MISSING = "00000000-0000-4000-8000-000000000000"


def test_quick_start(client: IonQ) -> None:
    job = client.jobs.create(
        BELL, backend="simulator", shots=1000, name="bell", metadata={"team": "a"}
    )
    done = client.jobs.wait(job.id, timeout=30)
    assert done.status == "completed"
    assert done.name == "bell"
    assert done.metadata is not None
    assert done.metadata.additional_properties["team"] == "a"
    result = client.jobs.results(job.id)
    assert result.probabilities == pytest.approx({"00": 0.5, "11": 0.5})
    assert result.states == pytest.approx({0: 0.5, 3: 0.5})
    assert result.counts(shots=1000) == {"00": 500, "11": 500}
    assert result.bitstrings == ["00", "11"]


def test_bit_order_single_qubit_set(client: IonQ) -> None:
    # Only qubit 0 flipped on 3 qubits: API state 1, bitstring "100" (qubit 0 leftmost).
    job = client.jobs.create(Circuit(3).x(0), backend="simulator")
    client.jobs.wait(job.id, timeout=30)
    result = client.jobs.results(job.id)
    assert result.states == pytest.approx({1: 1.0})
    assert result.probabilities == pytest.approx({"100": 1.0})


MIXED = [BELL, Circuit(3).x(0), Circuit(1).x(0)]


def test_multi_circuit_results_in_order(client: IonQ) -> None:
    job = client.jobs.create([Circuit(1).x(0), BELL], backend="simulator", shots=100)
    client.jobs.wait(job.id, timeout=30)
    result = client.jobs.results(job.id)
    assert result.is_multi_circuit
    assert [c.probabilities for c in result.circuits] == [
        pytest.approx({"1": 1.0}),
        pytest.approx({"00": 0.5, "11": 0.5}),
    ]
    with pytest.raises(ValueError, match="circuits"):
        _ = result.probabilities


def test_multi_circuit_results_have_each_circuits_width(client: IonQ) -> None:
    # The parent's stats.qubits is 3 (its widest circuit); each result keeps its own width.
    job = client.jobs.create(MIXED, backend="simulator", shots=100)
    client.jobs.wait(job.id, timeout=30)
    assert job_qubits(client.jobs.get(job.id)) == 3
    result = client.jobs.results(job.id)
    assert [c.qubits for c in result.circuits] == [2, 3, 1]
    assert [c.probabilities for c in result.circuits] == [
        pytest.approx({"00": 0.5, "11": 0.5}),
        pytest.approx({"100": 1.0}),
        pytest.approx({"1": 1.0}),
    ]
    assert [c.counts(shots=100) for c in result.circuits] == [
        {"00": 50, "11": 50},
        {"100": 100},
        {"1": 100},
    ]


def test_native_circuit_runs(client: IonQ) -> None:
    native = Circuit.native(2).gpi2(0, 0.25).ms(0, 1)
    job = client.jobs.create(native, backend="simulator")
    assert client.jobs.wait(job.id, timeout=30).status == "completed"
    assert sum(client.jobs.results(job.id).states.values()) == pytest.approx(1.0)


def test_get_update_cost_list_filters(client: IonQ) -> None:
    job = client.jobs.create(BELL, backend="simulator", name="before")
    got = client.jobs.get(str(job.id))
    assert got.id == job.id
    updated = client.jobs.update(job.id, name="after", metadata={"k": "v"})
    assert updated.name == "after"
    assert updated.metadata is not None
    assert updated.metadata.additional_properties["k"] == "v"
    client.jobs.wait(job.id, timeout=30)
    cost = client.jobs.cost(job.id)
    assert isinstance(cost.estimated_cost, Cost)
    assert cost.estimated_cost.unit == "usd"
    listed = [j.id for j in client.jobs.list(ids=[job.id])]
    assert listed == [job.id]
    completed = list(client.jobs.list(status="completed", limit=2))
    assert completed
    assert all(j.status == "completed" for j in completed)


def test_list_follows_pages_lazily(client: IonQ) -> None:
    for _ in range(5):
        client.jobs.create(BELL, backend="simulator", metadata={"paging": "yes"})
    first = client.jobs.list(limit=2)
    assert len(first.items) == 2
    assert first.has_next_page()
    every = list(client.jobs.list(limit=2))
    assert len(every) == len({j.id for j in every}) >= 5
    pages = list(first.iter_pages())
    assert sum(len(p.items) for p in pages) == len(every)


def test_cancel_delete_and_bulk(client: IonQ, server: MockServer) -> None:
    slow = IonQ(api_key=server.api_key, base_url=server.base_url)
    one = slow.jobs.create(BELL, backend="simulator")
    assert slow.jobs.cancel(one.id).id == one.id
    assert slow.jobs.delete(one.id).status == "deleted"
    with pytest.raises(NotFoundError):
        slow.jobs.get(one.id)
    ids = [slow.jobs.create(BELL, backend="simulator").id for _ in range(3)]
    slow.jobs.cancel_many(ids)
    assert slow.jobs.delete_many(ids).ids == ids
    assert not slow.jobs.list(ids=ids).items
    slow.close()


def test_wait_raises_for_a_failed_job(client: IonQ) -> None:
    # The mock fails (not rejects) a program wider than it can simulate.
    wide = Circuit(30).h(29)
    job = client.jobs.create(wide, backend="simulator")
    with pytest.raises(JobFailedError) as info:
        client.jobs.wait(job.id, timeout=30)
    assert info.value.code is not None
    assert info.value.job_id == str(job.id)


def test_estimate(client: IonQ) -> None:
    from_counts = client.jobs.estimate(
        backend="qpu.forte-1", qubits=2, shots=100, one_qubit_gates=1, two_qubit_gates=1
    )
    from_circuit = client.jobs.estimate(backend="qpu.forte-1", circuit=BELL, shots=100)
    assert from_circuit.estimate_context.qubits == 2
    assert from_circuit.estimated_total_cost == pytest.approx(from_counts.estimated_total_cost)


def test_backends_and_characterizations(client: IonQ) -> None:
    backends = client.backends.list()
    names = [b.backend for b in backends]
    assert "simulator" in names
    qpu = next(n for n in names if n.startswith("qpu."))
    assert client.backends.get(qpu).backend == qpu
    page = client.backends.characterizations(qpu, limit=2)
    assert len(page.items) == 2
    every = list(client.backends.characterizations(qpu, limit=10))
    assert len(every) > 2
    one = client.backends.characterization(qpu, str(every[0].id))
    assert one.id == every[0].id


def test_sessions(client: IonQ) -> None:
    session = client.sessions.create(backend="qpu.forte-1", job_count_limit=3, cost_limit=50)
    assert client.sessions.get(session.id).id == session.id
    assert session.id in [s.id for s in client.sessions.list()]
    job = client.jobs.create(BELL, backend="qpu.forte-1", session_id=session.id, shots=100)
    assert [j.id for j in client.sessions.jobs(session.id)] == [job.id]
    assert client.sessions.end(session.id).status == "ended"


def test_sessions_active_filter(client: IonQ) -> None:
    session = client.sessions.create(backend="qpu.forte-1", job_count_limit=1)
    assert session.id in [s.id for s in client.sessions.list(active=True)]
    client.sessions.end(session.id)
    assert session.id not in [s.id for s in client.sessions.list(active=True)]
    assert session.id in [s.id for s in client.sessions.list(active=False)]


def test_measured_results_through_the_artifacts(client: IonQ) -> None:
    job = client.jobs.create(BELL, backend="simulator", shots=200, noise="aria-1")
    done = client.jobs.wait(job.id, timeout=30)
    formats = job_result_descriptors(done)
    assert "ionq.result.histogram.json.v2" in formats or "ionq.result.histogram.json.v1" in formats
    result = client.jobs.results(job.id, include=("histogram", "shots"))
    assert result.histogram is not None
    assert sum(result.counts().values()) == 200
    assert result.samples is not None
    assert len(result.samples) == 200
    # The shots are the histogram, one by one.
    tally: dict[str, int] = {}
    for bits in result.samples:
        tally[bits] = tally.get(bits, 0) + 1
    assert tally == {b: c for b, c in result.histogram.items() if c}


def test_clone_and_move_against_the_mock(client: IonQ) -> None:
    job = client.jobs.create(BELL, backend="simulator", shots=100, noise="aria-1")
    client.jobs.wait(job.id, timeout=30)
    copy = client.jobs.clone(job.id, shots=50, name="copy")
    assert copy.id != job.id
    stored = client.jobs.wait(copy.id, timeout=30)
    assert (stored.name, stored.shots) == ("copy", 50)
    moved = client.jobs.move(copy.id, backend="simulator")
    assert moved.id not in (job.id, copy.id)


def test_format_schema_from_the_mock(client: IonQ) -> None:
    schema = client.schemas.format("ionq.result.histogram.json.v2")
    assert schema.id == "ionq.result.histogram.json.v2"


def test_whoami_and_auth_error(client: IonQ, server: MockServer) -> None:
    assert client.whoami().key_name
    with (
        IonQ(api_key="wrong", base_url=server.base_url) as bad,
        pytest.raises(AuthenticationError) as info,
    ):
        bad.whoami()
    assert info.value.status_code == 401


def test_errors_from_the_server(client: IonQ) -> None:
    with pytest.raises(NotFoundError) as info:
        client.jobs.get(MISSING)
    assert info.value.status_code == 404
    with pytest.raises(BadRequestError) as bad:
        client.jobs.estimate(backend="qpu.forte-1", qubits=0)
    assert bad.value.validation_keys == ["qubits"]
    assert bad.value.validation_source == "query"
    with pytest.raises(ValidationError):
        client.jobs.get("not-a-uuid")


# ---------------------------------------------------------------------- async


@pytest.fixture
def aclient(server: MockServer) -> AsyncIonQ:
    return AsyncIonQ(api_key=server.api_key, base_url=server.base_url)


def test_async_mirrors_every_name() -> None:
    for sync_cls, async_cls in [(IonQ, AsyncIonQ)]:
        assert {n for n in dir(sync_cls) if not n.startswith("_")} <= {
            n for n in dir(async_cls) if not n.startswith("_")
        }
    from ionq_client._async.backends import AsyncBackends
    from ionq_client._async.jobs import AsyncJobs
    from ionq_client._async.sessions import AsyncSessions
    from ionq_client._sync.backends import Backends
    from ionq_client._sync.jobs import Jobs
    from ionq_client._sync.sessions import Sessions

    for s, a in [(Jobs, AsyncJobs), (Backends, AsyncBackends), (Sessions, AsyncSessions)]:
        public = {n for n in vars(s) if not n.startswith("_")}
        assert public == {n for n in vars(a) if not n.startswith("_")}


def test_async_every_method(aclient: AsyncIonQ) -> None:
    async def scenario() -> None:
        async with aclient as c:
            assert (await c.whoami()).key_name
            job = await c.jobs.create(BELL, backend="simulator", name="a", metadata={"x": "y"})
            assert (await c.jobs.get(job.id)).id == job.id
            assert (await c.jobs.update(job.id, name="b")).name == "b"
            seen: list[str] = []
            done = await c.jobs.wait(
                job.id, timeout=30, on_progress=lambda j, t: seen.append(j.status)
            )
            assert done.status == "completed"
            assert seen[-1] == "completed"
            result = await c.jobs.results(job.id)
            assert result.probabilities == pytest.approx({"00": 0.5, "11": 0.5})
            assert (await c.jobs.cost(job.id)).dry_run is False
            est = await c.jobs.estimate(backend="qpu.forte-1", circuit=BELL)
            assert est.estimate_context.qubits == 2
            multi = await c.jobs.create(MIXED, backend="simulator")
            await c.jobs.wait(multi.id, timeout=30)
            circuits = (await c.jobs.results(multi.id)).circuits
            assert [r.qubits for r in circuits] == [2, 3, 1]
            assert [r.probabilities for r in circuits] == [
                pytest.approx({"00": 0.5, "11": 0.5}),
                pytest.approx({"100": 1.0}),
                pytest.approx({"1": 1.0}),
            ]
            listed = [j.id async for j in c.jobs.list(limit=1)]
            assert job.id in listed
            first = await c.jobs.list(limit=1)
            assert len(first.items) == 1
            assert first.has_next_page()
            assert len((await first.next_page()).items) == 1
            other = await c.jobs.create(BELL, backend="simulator")
            assert (await c.jobs.cancel(other.id)).id == other.id
            assert (await c.jobs.delete(other.id)).status == "deleted"
            ids = [(await c.jobs.create(BELL, backend="simulator")).id for _ in range(2)]
            await c.jobs.cancel_many(ids)
            assert (await c.jobs.delete_many(ids)).ids == ids
            backends = await c.backends.list()
            qpu = next(b.backend for b in backends if b.backend.startswith("qpu."))
            assert (await c.backends.get(qpu)).backend == qpu
            chars = [ch async for ch in c.backends.characterizations(qpu, limit=5)]
            assert (await c.backends.characterization(qpu, str(chars[0].id))).id == chars[0].id
            session = await c.sessions.create(backend="qpu.forte-1")
            assert (await c.sessions.get(session.id)).id == session.id
            assert session.id in [s.id async for s in c.sessions.list()]
            assert [j async for j in c.sessions.jobs(session.id)] == []
            assert (await c.sessions.end(session.id)).status == "ended"
            with pytest.raises(NotFoundError):
                await c.jobs.get(uuid.UUID(MISSING))

    asyncio.run(scenario())

"""`cirq-ionq` 1.7.0, unchanged, against the mock (run by `.clients-venv`'s pytest only).

`cirq_ionq.Service(remote_host=..., api_key=...)` is pointed at a fresh mock per test. The
flows: the quick start (a Bell circuit to counts, and its exact probabilities), a batch run
(`run_batch`, `create_batch_job`), IonQ's native gates and a Pauli string phasor checked
against Cirq's own simulation, a noise model with a seed, the `Sampler`, a QPU target, and
job management (list across pages, get, cancel, delete). What cirq-ionq reads back is
checked too: it keeps measurement keys in the job's `metadata` (joined with the control
characters 0x1E and 0x1F; a batch keeps JSON-encoded lists), the repetitions there as a
string, and reads `stats.qubits` and `backend` back; a batch's results come back in circuit
order.
"""

from __future__ import annotations

from typing import Any

import cirq
import cirq_ionq
import numpy as np
import pytest
import sympy

from ionq_mock.testing import MockServer

BELL_STATES = {0, 3}  # 00 and 11, big-endian as Cirq writes them


def service_for(server: MockServer) -> Any:
    """A cirq-ionq service on the mock (Cirq appends the version to the host itself)."""
    return cirq_ionq.Service(
        remote_host=server.url, api_key=server.api_key, default_target="simulator"
    )


def bell(key: str = "x") -> Any:
    q0, q1 = cirq.LineQubit.range(2)
    return cirq.Circuit(cirq.H(q0), cirq.CNOT(q0, q1), cirq.measure(q0, q1, key=key))


def test_quick_start_bell(ionq_mock_server: MockServer) -> None:
    service = service_for(ionq_mock_server)
    result = service.run(bell(), repetitions=1000, seed=7)
    counts = result.histogram(key="x")
    assert set(counts) == BELL_STATES
    assert sum(counts.values()) == 1000
    assert 400 <= counts[0] <= 600
    # The ideal simulator answers exact probabilities; Cirq samples its counts from them.
    job = service.create_job(bell(), repetitions=1000, name="bell")
    probabilities = job.results(polling_seconds=0.02).probabilities()
    assert probabilities == pytest.approx({0: 0.5, 3: 0.5})


def test_run_batch_keeps_circuit_order_and_keys(ionq_mock_server: MockServer) -> None:
    service = service_for(ionq_mock_server)
    q0, q1 = cirq.LineQubit.range(2)
    flipped = cirq.Circuit(cirq.X(q0), cirq.measure(q0, q1, key="y"))
    single = cirq.Circuit(cirq.X(q1), cirq.measure(q1, key="z"))
    first, second, third = service.run_batch([bell(), flipped, single], repetitions=100)
    assert set(first.histogram(key="x")) <= BELL_STATES
    assert dict(second.histogram(key="y")) == {2: 100}  # q0 set: "10"
    assert dict(third.histogram(key="z")) == {1: 100}
    # The same through create_batch_job: one job, its children in circuit order.
    job = service.create_batch_job([flipped, bell()], repetitions=10)
    results = job.results(polling_seconds=0.02)
    assert [r.probabilities() for r in results] == [
        pytest.approx({2: 1.0}),
        pytest.approx({0: 0.5, 3: 0.5}),
    ]
    assert [r.measurement_dict() for r in results] == [{"y": [0, 1]}, {"x": [0, 1]}]


def native_probabilities(service: Any, circuit: Any) -> dict[int, float]:
    job = service.create_job(circuit, repetitions=100)
    probabilities: dict[int, float] = job.results(polling_seconds=0.02).probabilities()
    return probabilities


def cirq_probabilities(circuit: Any) -> dict[int, float]:
    """What Cirq's own simulator says, big-endian like cirq-ionq's results."""
    state = cirq.final_state_vector(cirq.drop_terminal_measurements(circuit), dtype=np.complex128)
    return {i: float(abs(a) ** 2) for i, a in enumerate(state) if abs(a) ** 2 > 1e-12}


@pytest.mark.parametrize("entangler", ["ms", "zz"])
def test_native_gates_match_cirq(ionq_mock_server: MockServer, entangler: str) -> None:
    service = service_for(ionq_mock_server)
    q0, q1 = cirq.LineQubit.range(2)
    two = (
        cirq_ionq.MSGate(phi0=0.1, phi1=0.3, theta=0.2)
        if entangler == "ms"
        else cirq_ionq.ZZGate(theta=0.15)
    )
    circuit = cirq.Circuit(
        cirq_ionq.GPI2Gate(phi=0.1).on(q0),
        cirq_ionq.GPIGate(phi=0.2).on(q1),
        cirq_ionq.GPI2Gate(phi=0.35).on(q1),
        two.on(q0, q1),
        cirq_ionq.GPI2Gate(phi=0.6).on(q0),
        cirq.measure(q0, q1, key="m"),
    )
    expected = cirq_probabilities(circuit)
    assert len(expected) == 4  # a circuit whose outcome depends on every gate
    assert native_probabilities(service, circuit) == pytest.approx(expected, abs=1e-9)


def test_noise_model_with_seed_repeats(ionq_mock_server: MockServer) -> None:
    service = service_for(ionq_mock_server)

    def noisy(seed: int) -> dict[int, float]:
        job = service.create_job(bell(), repetitions=1000, noise={"model": "aria-1", "seed": seed})
        probabilities: dict[int, float] = job.results(polling_seconds=0.02).probabilities()
        return probabilities

    first, again, other = noisy(7), noisy(7), noisy(8)
    assert first == again
    assert first != other
    assert set(first) - BELL_STATES  # the noise puts weight outside 00 and 11
    assert sum(p for state, p in first.items() if state in BELL_STATES) > 0.9


def test_sampler_and_sweep(ionq_mock_server: MockServer) -> None:
    sampler = service_for(ionq_mock_server).sampler(seed=3)
    assert set(sampler.run(bell(), repetitions=50).histogram(key="x")) <= BELL_STATES
    q0 = cirq.LineQubit(0)
    turn = sympy.Symbol("t")
    circuit = cirq.Circuit(cirq.X(q0) ** turn, cirq.measure(q0, key="q"))
    off, on = sampler.run_sweep(circuit, cirq.Points("t", [0.0, 1.0]), repetitions=20)
    assert dict(off.histogram(key="q")) == {0: 20}
    assert dict(on.histogram(key="q")) == {1: 20}


def test_qpu_target_counts(ionq_mock_server: MockServer) -> None:
    service = service_for(ionq_mock_server)
    result = service.run(bell(), repetitions=500, target="qpu.forte-1")
    counts = result.histogram(key="x")
    assert sum(counts.values()) == pytest.approx(500, abs=4)  # Cirq rounds shots x p
    assert sum(n for state, n in counts.items() if state in BELL_STATES) > 0.9 * 500


def test_job_reads_back_metadata_stats_and_backend(ionq_mock_server: MockServer) -> None:
    service = service_for(ionq_mock_server)
    q0, q1, q2 = cirq.LineQubit.range(3)
    circuit = cirq.Circuit(
        cirq.X(q0), cirq.X(q2), cirq.measure(q0, key="first"), cirq.measure(q2, q1, key="rest")
    )
    created = service.create_job(circuit, repetitions=30, name="keys", metadata={"team": "qa"})
    job = service.get_job(created.job_id())
    job.results(polling_seconds=0.02)
    assert job.status() == "completed"
    assert (job.name(), job.target(), job.num_qubits(), job.repetitions()) == (
        "keys",
        "simulator",
        3,
        30,
    )
    assert job.measurement_dict() == {"first": [0], "rest": [2, 1]}
    result = service.run(circuit, repetitions=10)
    assert dict(result.histogram(key="first")) == {1: 10}
    assert dict(result.histogram(key="rest")) == {2: 10}  # q2 = 1, q1 = 0


def test_list_jobs_across_pages(ionq_mock_server: MockServer) -> None:
    service = service_for(ionq_mock_server)
    # The mock's page is 25 jobs (Cirq's `limit` travels in a GET body, which the service
    # ignores), so 30 jobs take two pages.
    created = {service.create_job(bell(), repetitions=10).job_id() for _ in range(30)}
    listed = [job.job_id() for job in service.list_jobs(limit=30)]
    assert len(listed) == 30
    assert set(listed) == created


def test_cancel_and_delete() -> None:
    with MockServer(job_duration=60) as slow:
        service = service_for(slow)
        job = service.create_job(bell(), repetitions=10)
        assert job.status() == "submitted"
        job.cancel()
        assert job.status() == "canceled"
        assert service.get_job(job.job_id()).status() == "canceled"
        with pytest.raises(RuntimeError, match="canceled"):
            job.results(polling_seconds=0.02)
        job.delete()
        assert job.status() == "deleted"
        with pytest.raises(cirq_ionq.IonQNotFoundException):
            service.get_job(job.job_id())
        running = service.create_job(bell(), repetitions=10)
        running.delete()
        with pytest.raises(cirq_ionq.IonQNotFoundException):
            service.get_job(running.job_id())


def test_cancel_of_a_finished_job_changes_nothing(ionq_mock_server: MockServer) -> None:
    service = service_for(ionq_mock_server)
    job = service.create_job(bell(), repetitions=10)
    job.results(polling_seconds=0.02)
    job.cancel()  # answered `canceled`, the only value IonQ's schema allows
    assert job.status() == "canceled"
    again = service.get_job(job.job_id())
    assert again.status() == "completed"
    assert again.results(polling_seconds=0.02).probabilities() == pytest.approx({0: 0.5, 3: 0.5})


def test_calibrations_are_not_in_v0_4(ionq_mock_server: MockServer) -> None:
    # cirq-ionq 1.7.0 still reads v0.3's `/calibrations` paths, which v0.4 (IonQ's service
    # and the mock alike) does not have: both answer 404.
    service = service_for(ionq_mock_server)
    with pytest.raises(cirq_ionq.IonQNotFoundException):
        service.get_current_calibration()
    with pytest.raises(cirq_ionq.IonQNotFoundException):
        service.list_calibrations()


def test_pauli_string_phasor_matches_cirq(ionq_mock_server: MockServer) -> None:
    """cirq-ionq reverses Cirq's Pauli strings for IonQ's little-endian `pauliexp`; an
    asymmetric string shows that the mock reads them the same way."""
    service = service_for(ionq_mock_server)
    q0, q1, q2 = cirq.LineQubit.range(3)
    phasor = cirq.PauliStringPhasor(
        cirq.PauliString(cirq.Z(q0), cirq.X(q1), cirq.Y(q2)), exponent_neg=0.35
    )
    circuit = cirq.Circuit(
        cirq.H(q0), cirq.ry(0.7).on(q2), phasor, cirq.measure(q0, q1, q2, key="m")
    )
    expected = cirq_probabilities(circuit)
    assert len(expected) > 2  # a circuit whose outcome depends on the phasor
    assert native_probabilities(service, circuit) == pytest.approx(expected, abs=1e-9)

"""`qiskit-ionq` 1.1.1, unchanged, against the mock (run by `.clients-venv`'s pytest only).

`IonQProvider(token, url=...)` is pointed at a fresh mock per test, and so is
`IONQ_API_URL`: qiskit-ionq asks `GET /backends/<name>` for a backend's qubit count when it
builds one, from the environment's URL, not the provider's. The flows: the README's Bell
circuit (with debiasing and `sharpen`), a multi-circuit run in circuit order, the native
gates (`GPIGate`, `GPI2Gate`, `MSGate`, `ZZGate`) and a Pauli evolution checked against
Qiskit's own simulation, a noise model with a seed, per-shot memory, mid-circuit measurement
and reset (sent as `ionq.qasm3.v1`, read back register by register from the
`ionq.result.shots.json.v2` artifact), job retrieval with its metadata (the compressed
Qiskit header, the sampler seed), cancel and delete, and the backends' qubit counts and
calibration. qiskit-ionq has no job listing.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister
from qiskit.providers import JobStatus
from qiskit.quantum_info import Statevector
from qiskit_ionq import ErrorMitigation, GPI2Gate, GPIGate, IonQProvider, MSGate, ZZGate
from qiskit_ionq.exceptions import IonQAPIError, IonQJobStateError

from ionq_mock.testing import MockServer

# qiskit-ionq warns on every backend it builds that Qiskit's default transpiler level is
# too aggressive for IonQ: advice to users, not a failure.
pytestmark = pytest.mark.filterwarnings("ignore::qiskit_ionq.exceptions.IonQTranspileLevelWarning")

POLL = 0.02  # qiskit-ionq polls every 5 s by default; the mock's jobs take 0.05 s


@pytest.fixture
def provider(ionq_mock_server: MockServer, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("IONQ_API_URL", ionq_mock_server.base_url)
    return IonQProvider(ionq_mock_server.api_key, url=ionq_mock_server.base_url)


def bell_circuit() -> Any:
    circuit = QuantumCircuit(2, 2, name="bell")
    circuit.h(0)
    circuit.cx(0, 1)
    circuit.measure([0, 1], [0, 1])
    return circuit


def finished(job: Any) -> Any:
    """The job once it reached a final state (polled quickly)."""
    job.wait_for_final_state(timeout=60, wait=POLL)
    return job


def test_quick_start_bell(provider: Any) -> None:
    simulator_backend = provider.get_backend("ionq_simulator")
    job = simulator_backend.run(bell_circuit(), error_mitigation=ErrorMitigation.DEBIASING)
    counts = finished(job).result().get_counts()
    assert set(counts) == {"00", "11"}
    assert sum(counts.values()) == 1024  # qiskit-ionq's default shots
    assert 400 <= counts["00"] <= 624
    assert set(job.result(sharpen=True).get_counts()) == {"00", "11"}
    assert job.result().get_probabilities() == pytest.approx({"00": 0.5, "11": 0.5})
    assert job.get_probabilities() == pytest.approx({"00": 0.5, "11": 0.5})


def test_multi_circuit_run_in_circuit_order(provider: Any) -> None:
    backend = provider.get_backend("simulator")
    flipped = QuantumCircuit(2, 2, name="flipped")
    flipped.x(0)
    flipped.measure([0, 1], [0, 1])
    job = finished(backend.run([flipped, bell_circuit()], shots=200, sampler_seed=4))
    first, second = job.get_counts()
    assert first == {"01": 200}  # clbit 0 set; Qiskit writes clbit 0 rightmost
    assert set(second) == {"00", "11"}
    assert job.result().get_counts("flipped") == {"01": 200}
    detailed = job.status(detailed=True)
    assert (detailed["total"], detailed["completed"]) == (2, 2)


def native_circuit(entangler: Any) -> Any:
    circuit = QuantumCircuit(2, 2)
    circuit.append(GPI2Gate(0.1), [0])
    circuit.append(GPIGate(0.2), [1])
    circuit.append(GPI2Gate(0.35), [1])
    circuit.append(entangler, [0, 1])
    circuit.append(GPI2Gate(0.6), [0])
    return circuit


@pytest.mark.parametrize("entangler", [MSGate(0.1, 0.3, 0.2), ZZGate(0.15)], ids=["ms", "zz"])
def test_native_gates_match_qiskit(provider: Any, entangler: Any) -> None:
    backend = provider.get_backend("simulator", gateset="native")
    circuit = native_circuit(entangler)
    expected = Statevector(circuit).probabilities_dict()
    assert len(expected) == 4  # every gate changes the outcome
    circuit.measure([0, 1], [0, 1])
    job = finished(backend.run(circuit, shots=100))
    assert job.get_probabilities() == pytest.approx(expected, abs=1e-9)


def test_noise_model_with_seed_repeats(provider: Any) -> None:
    backend = provider.get_backend("simulator")
    # qiskit-ionq sends the backend's `sampler_seed` as `noise.seed`.
    backend.set_options(noise_model="aria-1", sampler_seed=11)
    first = finished(backend.run(bell_circuit(), shots=1000)).get_counts()
    again = finished(backend.run(bell_circuit(), shots=1000)).get_counts()
    assert first == again
    assert set(first) > {"00", "11"}  # noise puts shots on 01 and 10
    assert first["00"] + first["11"] > 900
    backend.set_options(sampler_seed=12)
    assert finished(backend.run(bell_circuit(), shots=1000)).get_counts() != first


def test_memory_per_shot(provider: Any) -> None:
    backend = provider.get_backend("simulator")
    backend.set_options(noise_model="aria-1", sampler_seed=5)
    job = finished(backend.run(bell_circuit(), shots=300, memory=True))
    memory = job.get_memory()
    assert len(memory) == 300
    assert Counter(memory) == job.get_counts()


def test_mid_circuit_measurement_as_qasm3(provider: Any) -> None:
    """The README's example: a qubit measured, reused and measured again."""
    backend = provider.get_backend("simulator")
    qr = QuantumRegister(1, "q")
    mid = ClassicalRegister(1, "mid")
    result = ClassicalRegister(2, "result")
    circuit = QuantumCircuit(qr, mid, result)
    circuit.h(0)
    circuit.measure(0, mid[0])
    circuit.x(0)
    circuit.measure(0, result[0])
    circuit.x(0)
    circuit.measure(0, result[1])
    job = finished(backend.run(circuit, shots=200, memory=True, noise_model="aria-1"))
    counts = job.result().get_counts()
    assert sum(counts.values()) == 200
    # mid = 0 gives result "01", mid = 1 gives "10"; noise moves a few shots elsewhere.
    assert counts.get("01 0", 0) + counts.get("10 1", 0) > 180
    assert min(counts.get("01 0", 0), counts.get("10 1", 0)) > 50
    assert len(job.result().get_memory()) == 200


def test_retrieved_job_reads_its_metadata_back(provider: Any) -> None:
    backend = provider.get_backend("simulator")
    circuit = QuantumCircuit(3, 2, name="mapped")
    circuit.x(2)
    circuit.measure(2, 0)  # clbit 0 from qubit 2, clbit 1 from qubit 0
    circuit.measure(0, 1)
    job = finished(backend.run(circuit, shots=50, sampler_seed=9))
    retrieved = finished(backend.retrieve_job(job.job_id()))
    # The measurement map and shots travel in the job's metadata (the compressed Qiskit
    # header) and come back with the job.
    assert retrieved.get_counts() == job.get_counts() == {"01": 50}
    assert retrieved.result().results[0].header["name"] == "mapped"
    [again] = backend.retrieve_jobs([job.job_id()])
    assert again.status() is JobStatus.DONE


def test_cancel_and_delete(provider: Any) -> None:
    backend = provider.get_backend("simulator")
    done = finished(backend.run(bell_circuit(), shots=10))
    # Cancelling a finished job is a no-op, as qiskit-ionq's docstring says; the answer
    # still reads `canceled` (IonQ's schema allows nothing else).
    assert backend.cancel_job(done.job_id()) == {"id": done.job_id(), "status": "canceled"}
    assert backend.retrieve_job(done.job_id()).status() is JobStatus.DONE
    assert backend.client.delete_job(done.job_id()) == {"id": done.job_id(), "status": "deleted"}
    with pytest.raises(IonQAPIError) as missing:
        backend.retrieve_job(done.job_id())
    assert missing.value.status_code == 404


def test_cancel_running_jobs() -> None:
    with MockServer(job_duration=60) as slow, pytest.MonkeyPatch.context() as env:
        env.setenv("IONQ_API_URL", slow.base_url)
        backend = IonQProvider(slow.api_key, url=slow.base_url).get_backend("simulator")
        job = backend.run(bell_circuit(), shots=10)
        job.cancel()
        # qiskit-ionq warns once it sees a job canceled, then refuses its result.
        with pytest.warns(UserWarning, match="Job was cancelled"):
            assert job.status() is JobStatus.CANCELLED
        with pytest.raises(IonQJobStateError):
            job.result()
        others = [backend.run(bell_circuit(), shots=10).job_id() for _ in range(2)]
        answers = backend.cancel_jobs(others)
        assert answers == [{"id": i, "status": "canceled"} for i in others]
        for job_id in others:
            with pytest.warns(UserWarning, match="Job was cancelled"):
                assert backend.retrieve_job(job_id).status() is JobStatus.CANCELLED
        running = backend.run(bell_circuit(), shots=10).job_id()
        assert backend.client.delete_job(running)["status"] == "deleted"


def test_backends_and_calibration(provider: Any) -> None:
    simulator = provider.get_backend("simulator")
    assert simulator.num_qubits == 29  # asked of the mock's GET /backends/simulator
    assert simulator.status() is True
    forte = provider.get_backend("qpu.forte-1")
    assert forte.num_qubits == 36
    calibration = forte.calibration()
    assert (calibration.backend, calibration.qubits) == ("qpu.forte-1", 36)
    assert (0, 35) in calibration.connectivity
    assert forte.status() is True


# Qiskit's own Statevector of a PauliEvolutionGate goes through scipy's sparse expm, which
# warns about its input format: scipy's advice to Qiskit, not a failure of the flow.
@pytest.mark.filterwarnings("ignore::scipy.sparse.SparseEfficiencyWarning")
def test_pauli_evolution_matches_qiskit(provider: Any) -> None:
    """qiskit-ionq sends a PauliEvolutionGate as `pauliexp` with Qiskit's labels (last letter
    on qubit 0); an asymmetric term shows that the mock reads them the same way."""
    from qiskit.circuit.library import PauliEvolutionGate
    from qiskit.quantum_info import SparsePauliOp

    circuit = QuantumCircuit(3, 3)
    circuit.h(0)
    circuit.ry(0.7, 2)
    circuit.append(
        PauliEvolutionGate(SparsePauliOp(["XIZ", "ZIX"], [0.4, 0.15]), time=0.9), [0, 1, 2]
    )
    expected = Statevector(circuit).probabilities_dict()
    circuit.measure([0, 1, 2], [0, 1, 2])
    job = finished(provider.get_backend("simulator").run(circuit, shots=100))
    assert job.get_probabilities() == pytest.approx(expected, abs=1e-9)

"""`pennylane-ionq` 0.45.0, unchanged, against the mock (run by `.clients-venv`'s pytest only).

pennylane-ionq takes no URL option: every `Job` it makes builds an `APIClient`, whose
`BASE_URL` class attribute names the service, so each test points that attribute at its
mock (and the key comes from `IONQ_API_KEY` or the device's `api_key`, as the README says).
It posts JSON without a `Content-Type` header. The flows: the README's devices (the
simulator and `ionq.qpu` with `backend="aria-1"`) on a Bell circuit, a batch of tapes sent as
one multi-circuit job (results in circuit order), the native gates (`GPI`, `GPI2`, `MS`), a
noise model with a seed, and reading a job back with its `Job` resource. pennylane-ionq has
no listing, cancel or delete.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pennylane as qml
import pytest
from pennylane_ionq import ops
from pennylane_ionq.api_client import APIClient, Job

from ionq_mock.testing import MockServer

# The README's `qml.device(..., shots=1000)`: PennyLane 0.45 deprecates shots on a device in
# favour of `qml.set_shots`, and says so on every call. Both forms are tested.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Setting shots on device is deprecated:pennylane.exceptions.PennyLaneDeprecationWarning"
)

BELL_PROBABILITIES = [0.5, 0.0, 0.0, 0.5]


@pytest.fixture(autouse=True)
def api(ionq_mock_server: MockServer, monkeypatch: pytest.MonkeyPatch) -> MockServer:
    monkeypatch.setattr(APIClient, "BASE_URL", ionq_mock_server.base_url)
    monkeypatch.setenv("IONQ_API_KEY", ionq_mock_server.api_key)
    return ionq_mock_server


def bell_probabilities() -> Any:
    qml.Hadamard(wires=0)
    qml.CNOT(wires=[0, 1])
    return qml.probs(wires=[0, 1])


def bell_counts() -> Any:
    qml.Hadamard(wires=0)
    qml.CNOT(wires=[0, 1])
    return qml.counts()


def run(circuit: Callable[[], Any], device: Any) -> Any:
    return qml.QNode(circuit, device)()


def test_quick_start_devices() -> None:
    dev1 = qml.device("ionq.simulator", wires=2, shots=1000)
    assert np.allclose(run(bell_probabilities, dev1), BELL_PROBABILITIES)
    dev2 = qml.device("ionq.qpu", backend="aria-1", wires=2, shots=1000)
    counts = run(bell_counts, dev2)
    assert sum(counts.values()) == pytest.approx(1000, abs=4)  # shots x p, rounded
    assert counts.get("00", 0) + counts.get("11", 0) > 900


def test_set_shots_and_sampled_counts() -> None:
    device = qml.device("ionq.simulator", wires=2)
    counts = qml.set_shots(qml.QNode(bell_counts, device), shots=200)()
    assert set(counts) == {"00", "11"}
    assert sum(counts.values()) == 200


def test_batch_is_one_multi_circuit_job(api: MockServer) -> None:
    device = qml.device("ionq.simulator", wires=2, shots=100)
    with qml.tape.QuantumTape(shots=100) as flipped:
        qml.PauliX(wires=0)
        qml.probs(wires=[0, 1])
    with qml.tape.QuantumTape(shots=100) as bell:
        qml.Hadamard(wires=0)
        qml.CNOT(wires=[0, 1])
        qml.probs(wires=[0, 1])
    first, second = qml.execute([flipped, bell], device)
    assert np.allclose(first, [0.0, 0.0, 1.0, 0.0])  # wire 0 set: "10", big-endian
    assert np.allclose(second, BELL_PROBABILITIES)
    [parent] = [job for job in jobs(api) if job["parent_job_id"] is None]
    assert parent["type"] == "ionq.multi-circuit.v1"


def test_native_gates() -> None:
    device = qml.device("ionq.simulator", wires=2, shots=100, gateset="native")

    def entangled() -> Any:
        ops.MS(0.0, 0.0, 0.25, wires=[0, 1])  # MS(0, 0, 1/4)|00> = (|00> - i|11>)/sqrt(2)
        return qml.probs(wires=[0, 1])

    def flipped() -> Any:
        ops.GPI(0.1, wires=0)  # GPI flips a qubit whatever its phase
        ops.GPI2(0.3, wires=1)
        ops.GPI2(0.3, wires=1)  # two GPI2 of one phase flip too
        return qml.probs(wires=[0, 1])

    assert np.allclose(run(entangled, device), BELL_PROBABILITIES)
    assert np.allclose(run(flipped, device), [0.0, 0.0, 0.0, 1.0])


def test_noise_model_with_seed_repeats() -> None:
    def noisy(seed: int) -> Any:
        device = qml.device(
            "ionq.simulator", wires=2, shots=1000, noise_model="aria-1", noise_seed=seed
        )
        return run(bell_probabilities, device)

    first, again, other = noisy(7), noisy(7), noisy(8)
    assert np.array_equal(first, again)
    assert not np.array_equal(first, other)
    assert 0 < first[1] + first[2] < 0.1  # noise, but mostly a Bell pair


def test_job_resource_reads_a_job_back(api: MockServer) -> None:
    device = qml.device("ionq.simulator", wires=2, shots=100)
    run(bell_probabilities, device)
    [listed] = jobs(api)
    job = Job()
    job.manager.get(resource_id=listed["id"])
    assert job.is_complete
    assert job.id.value == listed["id"]
    assert job.data.value == pytest.approx({"0": 0.5, "3": 0.5})


def jobs(server: MockServer) -> list[dict[str, Any]]:
    """Every job of the key, read straight from the mock (pennylane-ionq cannot list)."""
    answer = APIClient(api_key=server.api_key).get("jobs")
    assert answer.status_code == 200
    listed: list[dict[str, Any]] = answer.json()["jobs"]
    return listed

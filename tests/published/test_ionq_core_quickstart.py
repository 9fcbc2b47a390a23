"""`ionq-core` 0.2.0's README quick start, unchanged, against the mock, in `.clients-venv`
beside the other clients (so the four resolve together).

The rest of ionq-core's journey (pagination, cancel and delete in every form, errors, the
async helpers, every answer parsed by its models) runs in the main venv, where ionq-core is
a dev dependency: `tests/mock/test_ionq_core.py`.
"""

from __future__ import annotations

import pytest
from ionq_core import IonQClient, wait_for_job
from ionq_core.api.default import create_job, get_job_probabilities
from ionq_core.models.circuit_job_creation_payload import CircuitJobCreationPayload

from ionq_mock.testing import MockServer


def test_quick_start_bell(ionq_mock_server: MockServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IONQ_API_KEY", ionq_mock_server.api_key)
    # ionq-core rightly warns that a plain-http base URL sends the key in cleartext; the
    # mock listens on loopback only.
    with pytest.warns(UserWarning, match="does not use HTTPS"):
        client = IonQClient(base_url=ionq_mock_server.base_url)  # the key from the environment
    body = CircuitJobCreationPayload.from_dict(
        {
            "type": "ionq.circuit.v1",
            "backend": "simulator",
            "shots": 100,
            "input": {
                "gateset": "qis",
                "qubits": 2,
                "circuit": [
                    {"gate": "h", "target": 0},
                    {"gate": "cnot", "control": 0, "target": 1},
                ],
            },
        }
    )
    job = create_job.sync(client=client, body=body)
    assert job is not None
    completed = wait_for_job(client, job.id, poll_interval=0.02, timeout=30)
    assert completed.status == "completed"
    probs = get_job_probabilities.sync(uuid=job.id, client=client)
    assert probs is not None
    assert probs.additional_properties == pytest.approx({"0": 0.5, "3": 0.5})
    client.get_httpx_client().close()

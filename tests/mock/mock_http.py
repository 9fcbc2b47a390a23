"""Helpers the mock's HTTP tests share: a Bell job, a multi-circuit job, a client for a
server, waiting for a job."""

from __future__ import annotations

import time
from typing import Any

import httpx

from ionq_mock.testing import MockServer

BELL: dict[str, Any] = {
    "type": "ionq.circuit.v1",
    "backend": "simulator",
    "input": {
        "gateset": "qis",
        "qubits": 2,
        "circuit": [{"gate": "h", "target": 0}, {"gate": "cnot", "control": 0, "target": 1}],
    },
}
# A multi-circuit job of two one-qubit circuits (X, then H): a parent and two children.
MULTI: dict[str, Any] = {
    "type": "ionq.multi-circuit.v1",
    "backend": "simulator",
    "input": {
        "gateset": "qis",
        "qubits": 1,
        "circuits": [
            {"circuit": [{"gate": "x", "target": 0}]},
            {"circuit": [{"gate": "h", "target": 0}]},
        ],
    },
}
# The Bell job sampled with shots (the noisy simulator), so every result format exists.
NOISY_BELL: dict[str, Any] = {**BELL, "shots": 1000, "noise": {"model": "aria-1", "seed": 7}}
TERMINAL = ("completed", "failed", "canceled")
# Every result format a completed, sampled circuit job has (the spec's names, written out).
SAMPLED_FORMATS: list[str] = [
    "ionq.result.probabilities.json.v1",
    "ionq.result.probabilities.json.v2",
    "ionq.result.histogram.json.v1",
    "ionq.result.histogram.json.v2",
    "ionq.result.shots.json.v1",
    "ionq.result.shots.json.v2",
]


def client(server: MockServer, key: str | None = None) -> httpx.Client:
    """An httpx client for `server`'s API with `key` (default: its first key)."""
    return httpx.Client(
        base_url=server.base_url,
        headers={"Authorization": f"apiKey {key or server.api_key}"},
        timeout=10,
    )


def wait_done(http: httpx.Client, job_id: str) -> dict[str, Any]:
    """The job once it reached a terminal status."""
    for _ in range(500):
        job: dict[str, Any] = http.get(f"/jobs/{job_id}").json()
        if job["status"] in TERMINAL:
            return job
        time.sleep(0.01)
    raise AssertionError("the job never finished")


def create(http: httpx.Client, body: dict[str, Any]) -> str:
    """Create a job; its id."""
    answer = http.post("/jobs", json=body)
    assert answer.status_code == 201, answer.text
    job_id: str = answer.json()["id"]
    return job_id

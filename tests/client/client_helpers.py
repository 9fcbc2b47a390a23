"""Helpers for the facade's MockTransport tests (imported by the test modules)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx

from ionq_client import AsyncIonQ, IonQ

API_KEY = "sk-test-secret-0123456789"
BASE_URL = "http://ionq.test/v0.4"

Handler = Callable[[httpx.Request], httpx.Response]


class Recorder:
    """Records requests and the delays a client slept, for MockTransport tests."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    async def asleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)


def json_response(status: int, body: Any, **headers: str) -> httpx.Response:
    return httpx.Response(
        status,
        content=json.dumps(body).encode(),
        headers={"content-type": "application/json", **headers},
    )


def error_body(status: int, message: str = "boom") -> dict[str, Any]:
    return {"statusCode": status, "error": "Error", "message": message}


def make_client(handler: Handler, recorder: Recorder, **kwargs: Any) -> IonQ:
    """A sync client whose requests go to `handler` (recorded) and whose sleeps are recorded."""

    def record(request: httpx.Request) -> httpx.Response:
        recorder.requests.append(request)
        return handler(request)

    return IonQ(
        api_key=API_KEY,
        base_url=BASE_URL,
        transport=httpx.MockTransport(record),
        **{"_sleep": recorder.sleep, **kwargs},
    )


def make_async_client(handler: Handler, recorder: Recorder, **kwargs: Any) -> AsyncIonQ:
    """The async twin of `make_client`."""

    def record(request: httpx.Request) -> httpx.Response:
        recorder.requests.append(request)
        return handler(request)

    return AsyncIonQ(
        api_key=API_KEY,
        base_url=BASE_URL,
        transport=httpx.MockTransport(record),
        **{"_sleep": recorder.asleep, **kwargs},
    )


JOB_ID = "01a20f69-83ba-7000-802c-63e203375d26"


def job_json(
    job_id: str = JOB_ID,
    status: str = "completed",
    *,
    metadata: dict[str, str] | None = None,
    name: str | None = None,
    qubits: int = 2,
    shots: int | None = None,
    job_type: str = "ionq.circuit.v1",
    children: list[str] | None = None,
    failure: dict[str, str] | None = None,
    submitted_at: str = "2099-01-01T00:00:00+00:00",
    results: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A `Job` body as the contract describes it (`results`: `{format: descriptor}`)."""
    body: dict[str, Any] = {
        "id": job_id,
        "status": status,
        "type": job_type,
        "backend": "simulator",
        "name": name,
        "metadata": metadata,
        "submitter_id": "user",
        "project_id": None,
        "parent_job_id": None,
        "session_id": None,
        "child_job_ids": children,
        "dry_run": False,
        "submitted_at": submitted_at,
        "started_at": None,
        "completed_at": None,
        "predicted_wait_time_ms": None,
        "predicted_execution_duration_ms": None,
        "execution_duration_ms": None,
        "failure": failure,
        "settings": {},
        "output": {},
        "stats": {"qubits": qubits, "circuits": 1, "gate_counts": {"1q": 1, "2q": 1}},
        "results": results,
    }
    if shots is not None:
        body["shots"] = shots
    return body


def stored_jobs(base_url: str, api_key: str) -> list[dict[str, Any]]:
    """Every job of `api_key` as the service keeps it (token included: the facade hides
    it), newest first, read with plain httpx across every page."""
    jobs: list[dict[str, Any]] = []
    params: dict[str, str | int] = {"limit": 1000}
    with httpx.Client(base_url=base_url, headers={"Authorization": f"apiKey {api_key}"}) as http:
        while True:
            page = http.get("/jobs", params=params).json()
            jobs += page["jobs"]
            if page["next"] is None:
                return jobs
            params["next"] = page["next"]

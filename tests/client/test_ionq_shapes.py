"""Answers shaped as IonQ's Sept 2026 document describes them, through MockTransport.

The fixtures below are written for these tests from the facts IonQ's document states (a
single-circuit job whose `results` maps `ionq.result.probabilities.json.v2` to an artifact
descriptor and whose `output` carries debiasing variants; a multi-circuit parent with the
probabilities-aggregate descriptor; a QAOA job's `results.qaoa_results`; a quantum
function's `results: {value, variance}`; listings of `BaseJob`s with `cost_model: "QCT"`
...). Each is parsed twice: by the generated function alone, and by the facade. The
results tests check which routes the facade called: results are read through the
artifacts, and `/results/probabilities` only when a job has no descriptor.
"""

from __future__ import annotations

import asyncio
import datetime
import json
from collections.abc import Callable
from typing import Any, Final

import httpx
import pytest

from ionq_api.api.backends import get_backend, list_backends
from ionq_api.api.jobs import (
    clone_job,
    estimate_job_cost,
    get_job,
    get_job_artifact,
    get_job_cost,
    list_jobs,
)
from ionq_api.api.schemas import get_format_schema
from ionq_api.api.sessions import list_sessions
from ionq_api.api.usage import get_organization_usage
from ionq_api.client import AuthenticatedClient
from ionq_api.models.backend import Backend
from ionq_api.models.base_job import BaseJob
from ionq_api.models.circuit_job_output import CircuitJobOutput
from ionq_api.models.cost_estimate import CostEstimate
from ionq_api.models.debiasing_output import DebiasingOutput
from ionq_api.models.error_mitigation_output import ErrorMitigationOutput
from ionq_api.models.format_schema import FormatSchema
from ionq_api.models.job_cost import JobCost
from ionq_api.models.job_created import JobCreated
from ionq_api.models.job_page import JobPage
from ionq_api.models.multi_circuit_job import MultiCircuitJob
from ionq_api.models.qaoa_job import QaoaJob
from ionq_api.models.quantum_function_job import QuantumFunctionJob
from ionq_api.models.session_list import SessionList
from ionq_api.models.single_circuit_job import SingleCircuitJob
from ionq_api.models.usages import Usages
from ionq_api.types import Unset
from ionq_client import (
    APITimeoutError,
    Circuit,
    InternalServerError,
    OutcomeUnknownError,
    Qasm3,
    ValidationError,
)
from ionq_client._build import CREATE_TOKEN_KEY
from ionq_client._jobs import job_child_ids, job_qubits, job_result_descriptors

from .client_helpers import (
    BASE_URL,
    Recorder,
    error_body,
    json_response,
    make_async_client,
    make_client,
)

# ---------------------------------------------------------------- fixtures (IonQ's shapes)

ORG = "5f1e0c2a-9b8d-4e7f-a6c5-3d2b1a0f9e8d"
SINGLE = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
MULTI = "0a1b2c3d-4e5f-4a6b-8c7d-000000000100"
CHILDREN = [f"0a1b2c3d-4e5f-4a6b-8c7d-00000000010{i}" for i in range(1, 4)]
QAOA = "0a1b2c3d-4e5f-4a6b-8c7d-0000000000aa"
FUNCTION = "0a1b2c3d-4e5f-4a6b-8c7d-0000000000ff"
SESSION = "7c6b5a49-3827-4161-8504-f3e2d1c0b9a8"

PROB_V1: Final = "ionq.result.probabilities.json.v1"
PROB_V2: Final = "ionq.result.probabilities.json.v2"
HIST_V1: Final = "ionq.result.histogram.json.v1"
HIST_V2: Final = "ionq.result.histogram.json.v2"
SHOTS_V1: Final = "ionq.result.shots.json.v1"
SHOTS_V2: Final = "ionq.result.shots.json.v2"
AGGREGATE: Final = "ionq.result.probabilities-aggregate.json.v1"


def descriptor(fmt: str, artifact_id: str) -> dict[str, str]:
    return {"id": artifact_id, "format": fmt, "media_type": "application/json"}


def common(job_id: str, job_type: str, **fields: Any) -> dict[str, Any]:
    """The fields every job answer carries, as IonQ writes them (ids are plain strings)."""
    body: dict[str, Any] = {
        "id": job_id,
        "status": "completed",
        "type": job_type,
        "backend": "qpu.forte-1",
        "dry_run": False,
        "submitter_id": "64b03577072d45001c85e9c4",  # not a UUID: IonQ's user ids are not
        "project_id": "1333d459-cf47-4a5e-acc1-8d4eb4f7b025",
        "parent_job_id": None,
        "child_job_ids": None,
        "session_id": None,
        "metadata": None,
        "name": None,
        "submitted_at": "2026-09-14T09:30:00.250Z",
        "started_at": "2026-09-14T09:30:04.000Z",
        "completed_at": "2026-09-14T09:30:09.500Z",
        "predicted_execution_duration_ms": None,
        "predicted_wait_time_ms": None,
        "execution_duration_ms": 5500,
        "shots": 1000,
        "failure": None,
        "settings": {},
        "stats": {},
        "output": {},
        "results": None,
    }
    body.update(fields)
    return body


def single_job(results: dict[str, Any] | None) -> dict[str, Any]:
    """A debiased Bell job on a Forte QPU, whose results are format-keyed descriptors."""
    return common(
        SINGLE,
        "ionq.circuit.v1",
        name="bell pair",
        settings={"error_mitigation": {"debiasing": True}},
        stats={"qubits": 2, "circuits": 1, "gate_counts": {"1q": 3, "2q": 1}},
        output={
            "compilation": {},
            "error_mitigation": {
                "debiasing": {
                    "variants": [
                        {
                            "variant_id": "0b2c3d4e-0000-4000-8000-00000000000a",
                            "qubit_map": [3, 9],
                            "shots": 250,
                            "results": {
                                PROB_V2: descriptor(PROB_V2, "variant-a-probabilities"),
                                HIST_V2: descriptor(HIST_V2, "variant-a-histogram"),
                            },
                        }
                    ]
                }
            },
        },
        results=results,
    )


SINGLE_V2_RESULTS = {
    PROB_V2: descriptor(PROB_V2, "a1-probabilities-v2"),
    HIST_V2: descriptor(HIST_V2, "a1-histogram-v2"),
    SHOTS_V2: descriptor(SHOTS_V2, "a1-shots-v2"),
}

#: Bits are written first qubit first: "10" is qubit 0 measured 1.
PROBABILITIES_V2_CONTENT = {
    "probabilities": {"registers": {"output_all": {"00": 0.49, "11": 0.47, "10": 0.04}}}
}
HISTOGRAM_V2_CONTENT = {"histogram": {"registers": {"output_all": {"00": 5, "11": 4, "10": 1}}}}
SHOTS_V2_CONTENT = {
    "shots": [
        {"registers": {"output_all": [1, 1]}},
        {"registers": {"output_all": [1, 0]}},
        {"registers": {"output_all": [0, 0]}},
    ]
}

MULTI_JOB = common(
    MULTI,
    "ionq.multi-circuit.v1",
    name="batch of three",
    child_job_ids=CHILDREN,
    stats={"qubits": 2, "circuits": 3, "gate_counts": {"1q": 6, "2q": 2}},
    results={AGGREGATE: descriptor(AGGREGATE, "probabilities-aggregate")},
)
#: Decimal keys, qubit 0 the least significant bit.
AGGREGATE_CONTENT = {
    CHILDREN[0]: {"0": 0.5, "3": 0.5},
    CHILDREN[1]: {"1": 1},
    CHILDREN[2]: {"2": 1.0},
}

QAOA_JOB = common(
    QAOA,
    "qctrl.qaoa.v1",
    child_job_ids=[CHILDREN[0]],
    shots=500,
    results={
        "qaoa_results": {
            "optimal_cost": -3.5,
            "optimal_bitstring": "0101",
            "processing_status": "complete",
        }
    },
)

FUNCTION_JOB = common(
    FUNCTION,
    "quantum-function",
    backend="simulator",
    results={"value": -1.137, "variance": 0.042},
)


def listed_job(job_id: str, *, qubits: int, results: dict[str, Any] | None) -> dict[str, Any]:
    """A listing's `BaseJob`: no `child_job_ids`, billed by quantum compute time."""
    body = common(
        job_id,
        "ionq.circuit.v1",
        backend="simulator",
        cost_model="QCT",
        noise={"model": "ideal"},
        settings={"compilation": {}},
        stats={
            "qubits": qubits,
            "circuits": 1,
            "gate_counts": {"1q": 40, "2q": 12},
            "predicted_quantum_compute_time_us": 4000,
            "billed_quantum_compute_time_us": 4100,
        },
        results=results,
    )
    del body["child_job_ids"]
    return body


LIST_PAGE = {
    "jobs": [
        listed_job(SINGLE, qubits=20, results={PROB_V1: descriptor(PROB_V1, "probabilities")})
    ],
    "next": None,
}

BACKENDS = [
    {
        "backend": "qpu.forte-1",
        "status": "available",
        "qubits": 36,
        "average_queue_time": 180000,
        "last_updated": "2026-09-14T09:00:00Z",
        "degraded": False,
        "noise_models": ["ideal", "forte-1"],
    },
    {
        # A status and a backend this package has never heard of: both must survive.
        "backend": "qpu.tempo-1",
        "status": "calibrating",
        "qubits": 64,
        "average_queue_time": 0,
        "last_updated": "2026-09-14T09:00:00Z",
        "noise_models": ["ideal", "tempo-1"],
    },
]

ESTIMATE = {
    "estimate_context": {
        "backend": "qpu.forte-1",
        "organization": ORG,
        "project": None,
        "type": "ionq.circuit.v1",
        "qubits": 2,
        "shots": 1000,
        "1q_gates": 3,
        "2q_gates": 1,
        "error_mitigation": True,
    },
    "estimated_at": "2026-09-14T09:00:00Z",
    "estimated_unit": "usd",
    "rate_card": {
        "id": "rate-card-2026-09",
        "rates": [
            {"sku": "forte-qct", "unit": "compute_second", "unit_cost": 0.08},
            {"sku": "forte-gates", "unit": "gates", "cost_1q_gate": 0.0003, "cost_2q_gate": 0.01},
        ],
    },
    "estimated_total_cost": 97.5,
    "estimated_execution_time": 12,
    "estimated_quantum_compute_time_us": 5000,
    "current_predicted_queue_time": 3600,
}

#: No `estimated_cost` any more, and a cost in credits.
JOB_COST = {"dry_run": False, "cost": {"value": 12.5, "unit": "credit"}}

SESSIONS: dict[str, Any] = {
    "organization_id": ORG,
    "sessions": [
        {
            "id": SESSION,
            "created_at": "2026-09-14T08:00:00Z",
            "organization_id": ORG,
            "backend": None,
            "project_id": None,
            "creator_id": None,
            "ended_at": None,
            "ender_id": None,
            "active": True,
            "status": "awaiting-approval",  # an open string now
            "started_at": None,
            "settings": {
                "job_count_limit": 10,
                "duration_limit_min": 60,
                "cost_limit": {"unit": "usd", "value": 250.0},
                "expires_at": "2026-09-14T09:00:00Z",
            },
        }
    ],
}

USAGES = {
    "group_type": "project",
    "modality": "weekly",
    "organization": ORG,
    "usage_from": "2026-09-01T00:00:00Z",
    "usage_to": "2026-09-30T00:00:00Z",
    "usage_unit": "usd",
    "amount_total": 120.5,
    "time_us_total": 5_000_000,
    "job_count": 12,
    "usage_data": [
        {
            "from": "2026-09-01",
            "job_count": 5,
            "amount": 50.0,
            "time_us": 2_000_000,
            "group_usages": [
                {
                    "group_id": "1333d459-cf47-4a5e-acc1-8d4eb4f7b025",
                    "group_name": "chemistry",
                    "job_count": 5,
                    "amount": 50.0,
                    "amount_unit": "usd",
                    "time_us": 2_000_000,
                }
            ],
        }
    ],
}

FORMAT_SCHEMA = {
    "$schema": "https://json-schema.org/draft-07/schema",
    "$id": HIST_V2,
    "type": "object",
    "description": "Counts per register, bits first qubit first.",
    "required": ["histogram"],
}

CREATED = {"id": "0a1b2c3d-4e5f-4a6b-8c7d-0000000000c1", "status": "submitted", "session_id": None}


# ---------------------------------------------------------------- a routing MockTransport

Route = Callable[[httpx.Request], httpx.Response]


def router(routes: dict[tuple[str, str], Any]) -> Route:
    """Answer `(method, path under the base URL)` from `routes` (a body, or a handler)."""
    prefix = httpx.URL(BASE_URL).path

    def handle(request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix(prefix)
        answer = routes.get((request.method, path))
        if answer is None:
            return json_response(404, error_body(404, f"no route {request.method} {path}"))
        if callable(answer):
            response: httpx.Response = answer(request)
            return response
        status = 201 if request.method == "POST" else 200
        return json_response(status, answer)

    return handle


def generated(handler: Route) -> AuthenticatedClient:
    """The generated client alone, over MockTransport."""
    client = AuthenticatedClient(base_url=BASE_URL, token="k", prefix="apiKey")
    return client.set_httpx_client(
        httpx.Client(base_url=BASE_URL, transport=httpx.MockTransport(handler))
    )


def paths(recorder: Recorder) -> list[str]:
    prefix = httpx.URL(BASE_URL).path
    return [f"{r.method} {r.url.path.removeprefix(prefix)}" for r in recorder.requests]


# ---------------------------------------------------------------- every job shape parses

JOB_SHAPES = [
    pytest.param(single_job(SINGLE_V2_RESULTS), SingleCircuitJob, id="single-circuit"),
    pytest.param(MULTI_JOB, MultiCircuitJob, id="multi-circuit"),
    pytest.param(QAOA_JOB, QaoaJob, id="qaoa"),
    pytest.param(FUNCTION_JOB, QuantumFunctionJob, id="quantum-function"),
    pytest.param(
        common(SINGLE, "ionq.qir.v2", results={"x": 1}, stats={"qubits": 4}),
        BaseJob,
        id="unknown-type",
    ),
]


@pytest.mark.parametrize(("body", "model"), JOB_SHAPES)
def test_every_job_shape_parses_in_the_generated_client_and_the_facade(
    body: dict[str, Any], model: type, recorder: Recorder
) -> None:
    job_id = body["id"]
    routes = {("GET", f"/jobs/{job_id}"): body}
    parsed = get_job.sync_detailed(job_id, client=generated(router(routes))).parsed
    assert type(parsed) is model
    with make_client(router(routes), recorder) as client:
        job = client.jobs.get(job_id)
    assert type(job) is model
    assert job.id == job_id
    assert isinstance(job.id, str)
    assert job.submitter_id == "64b03577072d45001c85e9c4"


def test_the_single_circuit_job_keeps_its_debiasing_variants(recorder: Recorder) -> None:
    routes = {("GET", f"/jobs/{SINGLE}"): single_job(SINGLE_V2_RESULTS)}
    with make_client(router(routes), recorder) as client:
        job = client.jobs.get(SINGLE)
    assert isinstance(job, SingleCircuitJob)
    assert isinstance(job.output, CircuitJobOutput)
    mitigation = job.output.error_mitigation
    assert isinstance(mitigation, ErrorMitigationOutput)
    assert isinstance(mitigation.debiasing, DebiasingOutput)
    assert not isinstance(mitigation.debiasing.variants, Unset)
    variant = mitigation.debiasing.variants[0]
    assert (variant.qubit_map, variant.shots) == ([3, 9], 250)
    assert not isinstance(variant.results, Unset)
    assert variant.results[HIST_V2].id == "variant-a-histogram"
    assert job_qubits(job) == 2
    assert set(job_result_descriptors(job)) == {PROB_V2, HIST_V2, SHOTS_V2}


def test_qaoa_and_function_results_are_read_from_the_job(recorder: Recorder) -> None:
    routes = {("GET", f"/jobs/{QAOA}"): QAOA_JOB, ("GET", f"/jobs/{FUNCTION}"): FUNCTION_JOB}
    with make_client(router(routes), recorder) as client:
        qaoa = client.jobs.get(QAOA)
        function = client.jobs.get(FUNCTION)
        with pytest.raises(ValidationError, match=r"qctrl\.qaoa\.v1"):
            client.jobs.results(QAOA)
    assert isinstance(qaoa, QaoaJob)
    assert isinstance(function, QuantumFunctionJob)
    assert qaoa.results is not None
    assert not isinstance(qaoa.results.qaoa_results, Unset)
    assert qaoa.results.qaoa_results.optimal_bitstring == "0101"
    assert qaoa.results.qaoa_results.processing_status == "complete"
    assert function.results is not None
    assert (function.results.value, function.results.variance) == (-1.137, 0.042)
    assert job_child_ids(qaoa) == [CHILDREN[0]]
    assert job_result_descriptors(qaoa) == {}


def test_a_listing_of_base_jobs_parses(recorder: Recorder) -> None:
    routes = {("GET", "/jobs"): LIST_PAGE}
    page = list_jobs.sync_detailed(client=generated(router(routes))).parsed
    assert isinstance(page, JobPage)
    assert isinstance(page.jobs[0], BaseJob)
    with make_client(router(routes), recorder) as client:
        jobs = list(client.jobs.list(backend="simulator"))
    (job,) = jobs
    assert isinstance(job, BaseJob)
    assert job.cost_model == "QCT"
    assert job.stats["predicted_quantum_compute_time_us"] == 4000
    assert job_qubits(job) == 20
    assert job_child_ids(job) is None
    assert job_result_descriptors(job)[PROB_V1]["id"] == "probabilities"
    assert not isinstance(job.noise, Unset)
    assert job.noise.model == "ideal"
    assert recorder.requests[0].url.params["target"] == "simulator"


# ---------------------------------------------------------------- results through artifacts


def single_routes(results: dict[str, Any] | None) -> dict[tuple[str, str], Any]:
    return {
        ("GET", f"/jobs/{SINGLE}"): single_job(results),
        ("GET", f"/jobs/{SINGLE}/artifacts/a1-probabilities-v2"): PROBABILITIES_V2_CONTENT,
        ("GET", f"/jobs/{SINGLE}/artifacts/a1-histogram-v2"): HISTOGRAM_V2_CONTENT,
        ("GET", f"/jobs/{SINGLE}/artifacts/a1-shots-v2"): SHOTS_V2_CONTENT,
    }


def test_results_are_read_through_the_probabilities_artifact(recorder: Recorder) -> None:
    routes = single_routes(SINGLE_V2_RESULTS)
    with make_client(router(routes), recorder) as client:
        result = client.jobs.results(SINGLE)
    assert paths(recorder) == [
        f"GET /jobs/{SINGLE}",
        f"GET /jobs/{SINGLE}/artifacts/a1-probabilities-v2",
    ]
    # v2 bits are first qubit first, as this package writes bitstrings; `states` keeps the
    # API's integers (qubit 0 the least significant bit): "10" is state 1.
    assert result.probabilities == {"00": 0.49, "10": 0.04, "11": 0.47}
    assert dict(result.states) == {0: 0.49, 3: 0.47, 1: 0.04}
    assert result.histogram is None
    assert result.samples is None
    # Without the histogram, counts are scaled from the probabilities to the job's shots.
    assert result.counts() == {"00": 490, "10": 40, "11": 470}


def test_histogram_and_shots_are_read_when_included(recorder: Recorder) -> None:
    routes = single_routes(SINGLE_V2_RESULTS)
    with make_client(router(routes), recorder) as client:
        result = client.jobs.results(SINGLE, include=("histogram", "shots"))
    assert paths(recorder)[1:] == [
        f"GET /jobs/{SINGLE}/artifacts/a1-probabilities-v2",
        f"GET /jobs/{SINGLE}/artifacts/a1-histogram-v2",
        f"GET /jobs/{SINGLE}/artifacts/a1-shots-v2",
    ]
    assert result.histogram == {"00": 5, "10": 1, "11": 4}
    assert result.counts() == {"00": 5, "10": 1, "11": 4}  # the measured counts
    assert result.counts(shots=100) == {"00": 49, "10": 4, "11": 47}  # still scalable
    assert result.samples == ["11", "10", "00"]
    assert result.circuits[0].sample_states == (3, 1, 0)


def test_v1_artifacts_are_preferred_and_read_as_decimal_states(recorder: Recorder) -> None:
    results = {
        PROB_V2: descriptor(PROB_V2, "p2"),
        PROB_V1: descriptor(PROB_V1, "p1"),
        HIST_V1: descriptor(HIST_V1, "h1"),
        SHOTS_V1: descriptor(SHOTS_V1, "s1"),
    }
    routes = {
        ("GET", f"/jobs/{SINGLE}"): single_job(results),
        ("GET", f"/jobs/{SINGLE}/artifacts/p1"): {"0": 0.5, "1": 0.25, "2": 0.25},
        ("GET", f"/jobs/{SINGLE}/artifacts/h1"): {"0": 2, "1": 1, "2": 1},
        ("GET", f"/jobs/{SINGLE}/artifacts/s1"): ["1", "2", "0", "0"],
    }
    with make_client(router(routes), recorder) as client:
        result = client.jobs.results(SINGLE, include=["histogram", "shots"])
    assert f"GET /jobs/{SINGLE}/artifacts/p2" not in paths(recorder)
    assert result.probabilities == {"00": 0.5, "01": 0.25, "10": 0.25}
    assert result.histogram == {"00": 2, "01": 1, "10": 1}
    assert result.samples == ["10", "01", "00", "00"]


def test_a_job_without_descriptors_falls_back_to_the_results_route(recorder: Recorder) -> None:
    # An older service: `results` has only the legacy links, no format-keyed descriptor.
    legacy = {"probabilities": {"url": f"/v0.4/jobs/{SINGLE}/results/probabilities"}}
    routes = {
        ("GET", f"/jobs/{SINGLE}"): single_job(legacy),
        ("GET", f"/jobs/{SINGLE}/results/probabilities"): {"0": 0.5, "3": 0.5},
    }
    with make_client(router(routes), recorder) as client:
        result = client.jobs.results(SINGLE, include=("histogram",))
    assert paths(recorder) == [f"GET /jobs/{SINGLE}", f"GET /jobs/{SINGLE}/results/probabilities"]
    assert result.probabilities == {"00": 0.5, "11": 0.5}
    assert result.histogram is None  # none to read: counts() stays computed
    assert result.counts() == {"00": 500, "11": 500}


def test_sharpen_reads_the_results_route_since_artifacts_are_never_sharpened(
    recorder: Recorder,
) -> None:
    routes = single_routes(SINGLE_V2_RESULTS)
    routes["GET", f"/jobs/{SINGLE}/results/probabilities"] = {"0": 1.0}
    with make_client(router(routes), recorder) as client:
        result = client.jobs.results(SINGLE, sharpen=True)
    assert paths(recorder)[1] == f"GET /jobs/{SINGLE}/results/probabilities"
    assert recorder.requests[1].url.params["sharpen"] == "true"
    assert result.probabilities == {"00": 1.0}


def multi_routes(child_results: bool) -> dict[tuple[str, str], Any]:
    children = [
        listed_job(
            cid,
            qubits=q,
            results={HIST_V1: descriptor(HIST_V1, f"h-{i}")} if child_results else None,
        )
        for i, (cid, q) in enumerate(zip(CHILDREN, (2, 1, 2), strict=True))
    ]
    routes: dict[tuple[str, str], Any] = {
        ("GET", f"/jobs/{MULTI}"): MULTI_JOB,
        ("GET", f"/jobs/{MULTI}/artifacts/probabilities-aggregate"): AGGREGATE_CONTENT,
        ("GET", "/jobs"): {"jobs": children[::-1], "next": None},
    }
    for i, cid in enumerate(CHILDREN):
        routes["GET", f"/jobs/{cid}/artifacts/h-{i}"] = {"1": i + 1}
    return routes


def test_a_multi_circuit_parent_reads_the_aggregate_artifact(recorder: Recorder) -> None:
    with make_client(router(multi_routes(False)), recorder) as client:
        result = client.jobs.results(MULTI)
    assert paths(recorder) == [
        f"GET /jobs/{MULTI}",
        f"GET /jobs/{MULTI}/artifacts/probabilities-aggregate",
        "GET /jobs",
    ]
    assert [c.job_id for c in result.circuits] == CHILDREN
    assert [c.qubits for c in result.circuits] == [2, 1, 2]
    assert [c.probabilities for c in result.circuits] == [
        {"00": 0.5, "11": 0.5},
        {"1": 1.0},
        {"01": 1.0},
    ]


def test_each_childs_histogram_is_read_from_the_child(recorder: Recorder) -> None:
    async def run() -> None:
        async with make_async_client(router(multi_routes(True)), recorder) as client:
            result = await client.jobs.results(MULTI, include=("histogram",))
        assert [c.histogram for c in result.circuits] == [{"10": 1}, {"1": 2}, {"10": 3}]

    asyncio.run(run())
    assert f"GET /jobs/{CHILDREN[2]}/artifacts/h-2" in paths(recorder)


def test_the_multi_circuit_fallback_reads_the_aggregated_route(recorder: Recorder) -> None:
    routes = multi_routes(False)
    routes["GET", f"/jobs/{MULTI}"] = {**MULTI_JOB, "results": None}
    routes["GET", f"/jobs/{MULTI}/results/probabilities/aggregated"] = AGGREGATE_CONTENT
    with make_client(router(routes), recorder) as client:
        result = client.jobs.results(MULTI)
    assert paths(recorder)[1] == f"GET /jobs/{MULTI}/results/probabilities/aggregated"
    assert len(result.circuits) == 3


def test_a_malformed_artifact_is_a_response_validation_error(recorder: Recorder) -> None:
    from ionq_client import APIResponseValidationError

    routes = single_routes(SINGLE_V2_RESULTS)
    routes["GET", f"/jobs/{SINGLE}/artifacts/a1-probabilities-v2"] = {"probabilities": {}}
    with (
        make_client(router(routes), recorder) as client,
        pytest.raises(APIResponseValidationError, match="output_all"),
    ):
        client.jobs.results(SINGLE)


def test_include_is_checked_before_anything_is_sent(recorder: Recorder) -> None:
    with make_client(router({}), recorder) as client, pytest.raises(ValidationError) as info:
        client.jobs.results(SINGLE, include=("histograms",))  # type: ignore[arg-type]
    assert info.value.key == "include"
    assert recorder.requests == []


def test_artifact_returns_the_raw_content_by_id_or_descriptor(recorder: Recorder) -> None:
    routes = single_routes(SINGLE_V2_RESULTS)
    generated_content = get_job_artifact.sync_detailed(
        SINGLE, "a1-shots-v2", client=generated(router(routes))
    ).parsed
    assert generated_content is not None
    with make_client(router(routes), recorder) as client:
        job = client.jobs.get(SINGLE)
        assert isinstance(job, SingleCircuitJob)
        assert job.results is not None
        by_descriptor = client.jobs.artifact(SINGLE, job.results[HIST_V2])
        by_mapping = client.jobs.artifact(SINGLE, job_result_descriptors(job)[SHOTS_V2])
        by_id = client.jobs.artifact(SINGLE, "a1-probabilities-v2")
    assert by_descriptor == HISTOGRAM_V2_CONTENT
    assert by_mapping == SHOTS_V2_CONTENT
    assert by_id == PROBABILITIES_V2_CONTENT


# ---------------------------------------------------------------- clone and move


@pytest.mark.parametrize("action", ["clone", "move"])
def test_clone_and_move_send_only_the_overrides(action: str, recorder: Recorder) -> None:
    routes = {("POST", f"/jobs/{SINGLE}/{action}"): CREATED}
    if action == "clone":
        parsed = clone_job.sync_detailed(
            SINGLE, client=generated(router(routes)), body=clone_body_model()
        ).parsed
        assert isinstance(parsed, JobCreated)
    with make_client(router(routes), recorder, create_token=False) as client:
        created = getattr(client.jobs, action)(
            SINGLE, backend="qpu.forte-1", shots=200, session_id=None, noise="forte-2-next"
        )
    assert isinstance(created, JobCreated)
    assert created.id == CREATED["id"]
    assert json.loads(recorder.requests[0].content) == {
        "backend": "qpu.forte-1",
        "shots": 200,
        "session_id": None,
        "noise": {"model": "forte-2-next"},
    }


@pytest.mark.parametrize("action", ["clone", "move"])
def test_clone_and_move_carry_a_new_token_beside_the_originals_metadata(
    action: str, recorder: Recorder
) -> None:
    original = listed_job(SINGLE, qubits=2, results=None)
    original["metadata"] = {"team": "a", CREATE_TOKEN_KEY: "the-originals-token"}
    routes = {("GET", f"/jobs/{SINGLE}"): original, ("POST", f"/jobs/{SINGLE}/{action}"): CREATED}
    with make_client(router(routes), recorder) as client:
        getattr(client.jobs, action)(SINGLE, shots=200)
    assert [r.method for r in recorder.requests] == ["GET", "POST"]
    sent = json.loads(recorder.requests[1].content)
    token = sent["metadata"].pop(CREATE_TOKEN_KEY)
    assert sent == {"shots": 200, "metadata": {"team": "a"}}
    assert len(token) == 32
    assert token != "the-originals-token"


def clone_body_model() -> Any:
    from ionq_api.models.clone_job_payload import CloneJobPayload

    return CloneJobPayload(shots=10)


def failing_then(first: Callable[[httpx.Request], httpx.Response]) -> Route:
    calls: list[int] = []

    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            return first(request)
        return json_response(201, CREATED)

    return handle


def _server_error(request: httpx.Request) -> httpx.Response:
    return json_response(500, error_body(500))


def _read_timeout(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("no answer", request=request)


def _refused(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("refused", request=request)


def _rate_limited(request: httpx.Request) -> httpx.Response:
    return json_response(429, error_body(429), **{"retry-after": "0"})


@pytest.mark.parametrize("action", ["clone", "move"])
@pytest.mark.parametrize(
    ("first", "error"),
    [(_server_error, InternalServerError), (_read_timeout, APITimeoutError)],
    ids=["500", "read-timeout"],
)
def test_clone_and_move_are_never_resent_after_an_ambiguous_failure(
    action: str, first: Route, error: type[Exception], recorder: Recorder
) -> None:
    client = make_client(failing_then(first), recorder, max_retries=3, create_token=False)
    with client, pytest.raises(OutcomeUnknownError) as info:
        getattr(client.jobs, action)(SINGLE, shots=10)
    assert isinstance(info.value.cause, error)
    # Without a token the server may have made the job unseen: never resent.
    assert len(recorder.requests) == 1


@pytest.mark.parametrize("action", ["clone", "move"])
@pytest.mark.parametrize("first", [_refused, _rate_limited], ids=["refused", "429"])
def test_clone_and_move_are_retried_when_the_server_certainly_did_nothing(
    action: str, first: Route, recorder: Recorder
) -> None:
    with make_client(failing_then(first), recorder, create_token=False) as client:
        created = getattr(client.jobs, action)(SINGLE, shots=10)
    assert created.id == CREATED["id"]
    assert len(recorder.requests) == 2


# ---------------------------------------------------------------- the other answers


def test_backends_keep_an_unknown_status_and_noise_model(recorder: Recorder) -> None:
    routes = {("GET", "/backends"): BACKENDS, ("GET", "/backends/qpu.tempo-1"): BACKENDS[1]}
    parsed = list_backends.sync_detailed(client=generated(router(routes))).parsed
    assert isinstance(parsed, list)
    assert all(isinstance(b, Backend) for b in parsed)
    one = get_backend.sync_detailed("qpu.tempo-1", client=generated(router(routes))).parsed
    assert isinstance(one, Backend)
    assert one.status == "calibrating"
    with make_client(router(routes), recorder) as client:
        backends = client.backends.list()
        tempo = client.backends.get("qpu.tempo-1")
    assert [b.status for b in backends] == ["available", "calibrating"]
    assert tempo.noise_models == ["ideal", "tempo-1"]


def test_any_noise_model_string_is_sent_and_kept(recorder: Recorder) -> None:
    stored = listed_job(SINGLE, qubits=2, results=None)
    stored["noise"] = {"model": "tempo-1", "seed": 7}
    routes = {("POST", "/jobs"): CREATED, ("GET", f"/jobs/{SINGLE}"): stored}
    with make_client(router(routes), recorder) as client:
        client.jobs.create(Circuit(1).h(0), backend="simulator", noise="tempo-1")
        job = client.jobs.get(SINGLE)
        with pytest.raises(ValidationError) as info:
            client.jobs.create(Circuit(1).h(0), backend="simulator", noise="")
    assert info.value.key == "noise"
    assert json.loads(recorder.requests[0].content)["noise"] == {"model": "tempo-1"}
    assert not isinstance(job.noise, Unset)
    assert job.noise.model == "tempo-1"


def test_estimate_parses_the_rate_card(recorder: Recorder) -> None:
    routes = {("GET", "/jobs/estimate"): ESTIMATE}
    parsed = estimate_job_cost.sync_detailed(
        client=generated(router(routes)), backend="qpu.forte-1"
    ).parsed
    assert isinstance(parsed, CostEstimate)
    with make_client(router(routes), recorder) as client:
        estimate = client.jobs.estimate(backend="qpu.forte-1", circuit=Circuit(2).h(0).cnot(0, 1))
    assert estimate.estimated_total_cost == 97.5
    assert estimate.estimate_context.qubits == 2
    assert estimate.estimate_context.project is None
    assert [r.unit for r in estimate.rate_card.rates] == ["compute_second", "gates"]
    assert estimate.estimated_quantum_compute_time_us == 5000
    assert estimate.estimated_at == datetime.datetime(2026, 9, 14, 9, tzinfo=datetime.UTC)
    params = recorder.requests[0].url.params
    assert (params["qubits"], params["1q_gates"], params["2q_gates"]) == ("2", "1", "1")


def test_a_job_cost_in_credits_without_an_estimate(recorder: Recorder) -> None:
    routes = {("GET", f"/jobs/{SINGLE}/cost"): JOB_COST}
    parsed = get_job_cost.sync_detailed(SINGLE, client=generated(router(routes))).parsed
    assert isinstance(parsed, JobCost)
    with make_client(router(routes), recorder) as client:
        cost = client.jobs.cost(SINGLE)
    assert isinstance(cost.estimated_cost, Unset)
    assert not isinstance(cost.cost, Unset)
    assert (cost.cost.value, cost.cost.unit) == (12.5, "credit")


def test_sessions_list_in_one_answer_with_an_active_filter(recorder: Recorder) -> None:
    routes = {("GET", "/sessions"): SESSIONS}
    parsed = list_sessions.sync_detailed(client=generated(router(routes))).parsed
    assert isinstance(parsed, SessionList)
    with make_client(router(routes), recorder) as client:
        page = client.sessions.list(active=True)
        sessions = list(page)
    assert page.items == sessions
    assert not page.has_next_page()
    (session,) = sessions
    assert (session.backend, session.creator_id, session.status) == (
        None,
        None,
        "awaiting-approval",
    )
    assert not isinstance(session.settings, Unset)
    assert not isinstance(session.settings.cost_limit, Unset)
    assert session.settings.cost_limit.value == 250.0
    assert session.settings.expires_at == datetime.datetime(2026, 9, 14, 9, tzinfo=datetime.UTC)
    assert recorder.requests[0].url.params["active"] == "true"
    assert "limit" not in recorder.requests[0].url.params


def test_sessions_are_paged_client_side_by_limit(recorder: Recorder) -> None:
    many = {**SESSIONS, "sessions": SESSIONS["sessions"] * 5}

    async def run() -> None:
        async with make_async_client(router({("GET", "/sessions"): many}), recorder) as client:
            first = await client.sessions.list(limit=2)
            assert len(first.items) == 2
            assert first.has_next_page()
            assert len([s async for s in client.sessions.list(limit=2)]) == 5

    asyncio.run(run())


def test_a_session_cost_limit_is_sent_as_a_session_cost_limit(recorder: Recorder) -> None:
    created = SESSIONS["sessions"][0]
    # The sessions are listed before a create, to tell a new one after a lost answer.
    routes = {("POST", "/sessions"): created, ("GET", "/sessions"): SESSIONS}
    with make_client(router(routes), recorder) as client:
        session = client.sessions.create(backend="qpu.forte-1", cost_limit=250)
    assert session.id == SESSION
    assert paths(recorder) == ["GET /sessions", "POST /sessions"]
    assert json.loads(recorder.requests[1].content) == {
        "backend": "qpu.forte-1",
        "settings": {"cost_limit": {"unit": "usd", "value": 250.0}},
    }


def test_usage_report(recorder: Recorder) -> None:
    routes = {("GET", f"/organizations/{ORG}/usage"): USAGES}
    start, end = datetime.date(2026, 9, 1), datetime.date(2026, 9, 30)
    parsed = get_organization_usage.sync_detailed(
        ORG,
        client=generated(router(routes)),
        start_date=start,
        end_date=end,
        group_by="project",
        modality="weekly",
    ).parsed
    assert isinstance(parsed, Usages)
    with make_client(router(routes), recorder) as client:
        usage = client.organizations.usage(
            ORG, start_date=start, end_date=end, group_by="project", modality="weekly"
        )
    assert (usage.amount_total, usage.job_count) == (120.5, 12)
    assert not isinstance(usage.usage_data, Unset)
    assert usage.usage_data[0].group_usages[0].group_name == "chemistry"
    params = recorder.requests[0].url.params
    assert (params["start_date"], params["end_date"]) == ("2026-09-01", "2026-09-30")
    assert (params["group_by"], params["modality"]) == ("project", "weekly")


def test_format_schema(recorder: Recorder) -> None:
    routes = {("GET", f"/schemas/formats/{HIST_V2}"): FORMAT_SCHEMA}
    parsed = get_format_schema.sync_detailed(HIST_V2, client=generated(router(routes))).parsed
    assert isinstance(parsed, FormatSchema)
    with make_client(router(routes), recorder) as client:
        schema = client.schemas.format(HIST_V2)
        with pytest.raises(ValidationError):
            client.schemas.format("../jobs")
    assert (schema.id, schema.type_) == (HIST_V2, "object")
    assert schema.additional_properties["required"] == ["histogram"]
    assert len(recorder.requests) == 1


BELL_QASM = """OPENQASM 3.0;
include "stdgates.inc";
qubit[2] q;
bit[2] c;
h q[0];
cx q[0], q[1];
c = measure q;
"""


def test_a_qasm3_program_makes_a_qasm3_job(recorder: Recorder) -> None:
    with make_client(router({("POST", "/jobs"): CREATED}), recorder) as client:
        client.jobs.create(Qasm3(BELL_QASM, qubits=2), backend="qpu.forte-1", shots=500)
        client.jobs.create(BELL_QASM, backend="simulator")
        with pytest.raises(ValidationError) as empty:
            client.jobs.create("  ", backend="simulator")
        with pytest.raises(ValidationError) as wide:
            client.jobs.create(Qasm3(BELL_QASM, qubits=99), backend="simulator")
    assert (empty.value.key, wide.value.key) == ("input.data", "input.qubits")
    first, second = (json.loads(r.content) for r in recorder.requests)
    assert first["type"] == "ionq.qasm3.v1"
    assert first["input"] == {"data": BELL_QASM, "qubits": 2}
    assert first["shots"] == 500
    assert "ionq_client_create_token" in first["metadata"]  # still duplicate-free
    assert second["input"] == {"data": BELL_QASM}


def test_a_sessions_jobs_are_base_jobs_and_take_the_listing_filters(recorder: Recorder) -> None:
    routes = {("GET", f"/sessions/{SESSION}/jobs"): LIST_PAGE}
    with make_client(router(routes), recorder) as client:
        (job,) = client.sessions.jobs(
            SESSION, status="completed", backend=["simulator", "qpu.forte-1"], limit=5
        )
    assert isinstance(job, BaseJob)
    assert job_qubits(job) == 20
    params = recorder.requests[0].url.params
    assert (params["status"], params["target"], params["limit"]) == (
        "completed",
        "simulator,qpu.forte-1",
        "5",
    )


# ---------------------------------------------------------------- every other operation

CHARACTERIZATION_ID = "617a1f8b-59d4-435d-aa33-695433d7155e"
#: IonQ's required set only (`timing.readout`, `timing.reset`, `fidelity.spam.median`),
#: with the service's fractional seconds and a null standard error.
CHARACTERIZATION = {
    "id": CHARACTERIZATION_ID,
    "date": "2026-09-01T00:00:00Z",
    "backend": "qpu.forte-1",
    "qubits": 36,
    "connectivity": [[0, 1], [1, 2]],
    "fidelity": {"spam": {"median": 0.9962, "stderr": None}},
    "timing": {"readout": 0.00015, "reset": 0.00002},
}
CANCELED = {"id": SINGLE, "status": "canceled"}
SESSION_BODY = SESSIONS["sessions"][0]

# (name, method, path, IonQ-shaped answer, status, the generated call, the facade call)
OTHER_OPERATIONS: list[Any] = [
    ("whoami", "GET", "/whoami", {"key_id": CHARACTERIZATION_ID, "key_name": "laptop"}, 200),
    ("characterizations", "GET", "/backends/qpu.forte-1/characterizations",
     {"characterizations": [CHARACTERIZATION]}, 200),
    ("characterization", "GET",
     f"/backends/qpu.forte-1/characterizations/{CHARACTERIZATION_ID}", CHARACTERIZATION, 200),
    ("create", "POST", "/jobs", CREATED, 201),
    ("cancel", "PUT", f"/jobs/{SINGLE}/status/cancel", CANCELED, 200),
    ("cancel_many", "PUT", "/jobs/status/cancel", {"ids": [SINGLE], "status": "canceled"}, 200),
    ("delete", "DELETE", f"/jobs/{SINGLE}", {"id": SINGLE, "status": "deleted"}, 200),
    ("delete_many", "DELETE", "/jobs", {"ids": [SINGLE], "status": "deleted"}, 200),
    ("create_session", "POST", "/sessions", SESSION_BODY, 201),
    ("get_session", "GET", f"/sessions/{SESSION}", SESSION_BODY, 200),
    ("end_session", "POST", f"/sessions/{SESSION}/end",
     {**SESSION_BODY, "active": False, "status": "ended", "ended_at": "2026-09-14T08:30:00Z"},
     200),
]  # fmt: skip


def _call_facade(client: Any, name: str) -> Any:
    """The facade method that sends operation `name`."""
    calls: dict[str, Callable[[], Any]] = {
        "whoami": lambda: client.whoami(),
        "characterizations": lambda: list(client.backends.characterizations("qpu.forte-1")),
        "characterization": lambda: client.backends.characterization(
            "qpu.forte-1", CHARACTERIZATION_ID
        ),
        "create": lambda: client.jobs.create(Circuit(1).h(0), backend="simulator"),
        "cancel": lambda: client.jobs.cancel(SINGLE),
        "cancel_many": lambda: client.jobs.cancel_many([SINGLE]),
        "delete": lambda: client.jobs.delete(SINGLE),
        "delete_many": lambda: client.jobs.delete_many([SINGLE]),
        "create_session": lambda: client.sessions.create(backend="qpu.forte-1"),
        "get_session": lambda: client.sessions.get(SESSION),
        "end_session": lambda: client.sessions.end(SESSION),
    }
    return calls[name]()


@pytest.mark.parametrize(
    ("name", "method", "path", "answer", "status"),
    OTHER_OPERATIONS,
    ids=[op[0] for op in OTHER_OPERATIONS],
)
def test_every_other_operation_parses_an_ionq_shaped_answer(
    name: str, method: str, path: str, answer: Any, status: int, recorder: Recorder
) -> None:
    """The facade reads IonQ's shape for each operation the tests above leave out: the
    call is sent to IonQ's path, and what it returns carries the answer's values."""

    def handle(request: httpx.Request) -> httpx.Response:
        if request.method == "GET" and request.url.path.endswith("/jobs"):
            return json_response(200, {"jobs": [], "next": None})  # create's look-up, if any
        return json_response(status, answer)

    routes: dict[tuple[str, str], Any] = {(method, path): handle}
    if name == "create_session":
        routes["GET", "/sessions"] = SESSIONS  # listed first (see sessions.create)
    with make_client(router(routes), recorder) as client:
        out = _call_facade(client, name)
    assert f"{method} {path}" in paths(recorder)
    first = out[0] if isinstance(out, list) else out
    parsed = first.to_dict() if hasattr(first, "to_dict") else first
    expected = answer["characterizations"][0] if name == "characterizations" else answer
    for key in ("id", "key_name", "status", "ids", "qubits"):
        if key in expected:
            assert parsed[key] == expected[key], key

"""The answers aligned with IonQ's Sept 2026 v0.4 document: list items, filters, cancel,
estimates, sessions, backends, and job types and gates the mock accepts."""

from __future__ import annotations

import math
import time
from typing import Any

import httpx
import pytest
from mock_http import BELL, client, create, wait_done

from ionq_mock.testing import MockServer


def test_list_items_are_base_jobs_without_child_ids(ionq_mock_server: MockServer) -> None:
    multi = {
        "type": "ionq.multi-circuit.v1",
        "backend": "simulator",
        "input": {"gateset": "qis", "circuits": [{"circuit": [{"gate": "h", "target": 0}]}]},
    }
    with client(ionq_mock_server) as http:
        parent = wait_done(http, create(http, multi))
        [child_id] = parent["child_job_ids"]
        listed = http.get("/jobs").json()["jobs"]
        assert {j["id"] for j in listed} == {parent["id"], child_id}
        assert all("child_job_ids" not in j for j in listed)
        [item] = [j for j in listed if j["id"] == parent["id"]]
        assert item == {k: v for k, v in parent.items() if k != "child_job_ids"}
        children = http.get("/jobs", params={"parent_job_id": parent["id"]}).json()["jobs"]
        assert [j["id"] for j in children] == [child_id]


def test_target_filter_takes_a_comma_separated_list(ionq_mock_server: MockServer) -> None:
    with client(ionq_mock_server) as http:
        on = {
            backend: create(http, {**BELL, "backend": backend})
            for backend in ("simulator", "qpu.aria-1", "qpu.forte-1")
        }

        def listed(**params: str) -> set[str]:
            return {j["id"] for j in http.get("/jobs", params=params).json()["jobs"]}

        assert listed(target="qpu.aria-1") == {on["qpu.aria-1"]}
        assert listed(target="simulator,qpu.forte-1") == {on["simulator"], on["qpu.forte-1"]}
        assert listed(target=" simulator , qpu.nowhere") == {on["simulator"]}
        assert listed(target="qpu.nowhere") == set()
        assert listed(target="") == set(on.values())


def test_submitter_filter_matches_only_the_key_itself(ionq_mock_server: MockServer) -> None:
    with client(ionq_mock_server) as http:
        job_id = create(http, BELL)
        me = http.get(f"/jobs/{job_id}").json()["submitter_id"]
        assert [j["id"] for j in http.get("/jobs", params={"submitter_id": me}).json()["jobs"]] == [
            job_id
        ]
        other = http.get("/jobs", params={"submitter_id": "someone-else"})
        assert other.json() == {"jobs": [], "next": None}


def test_session_jobs_take_the_listing_filters(ionq_mock_server: MockServer) -> None:
    with client(ionq_mock_server) as http:
        session = http.post("/sessions", json={"backend": "qpu.forte-1"}).json()
        in_session = {**BELL, "backend": "qpu.forte-1", "session_id": session["id"]}
        ids = [create(http, in_session) for _ in range(3)]
        create(http, {**BELL, "backend": "qpu.forte-1"})  # not in the session
        path = f"/sessions/{session['id']}/jobs"
        page = http.get(path, params={"limit": 2}).json()
        assert [j["id"] for j in page["jobs"]] == ids[:0:-1]
        rest = http.get(path, params={"limit": 2, "next": page["next"]}).json()
        assert [j["id"] for j in rest["jobs"]] == [ids[0]]
        assert http.get(path, params={"target": "simulator"}).json()["jobs"] == []
        assert len(http.get(path, params={"target": "qpu.forte-1"}).json()["jobs"]) == 3
        assert http.get(path, params={"ids": ids[1]}).json()["jobs"][0]["id"] == ids[1]
        other = "00000000-0000-4000-8000-000000000000"
        assert http.get(path, params={"session_id": other}).json()["jobs"] == []
        assert len(http.get(path, params={"session_id": session["id"]}).json()["jobs"]) == 3
        assert http.get(path, params={"submitter_id": "nobody"}).json()["jobs"] == []


def test_cancel_always_answers_canceled(ionq_mock_server: MockServer) -> None:
    with client(ionq_mock_server) as http:
        done = wait_done(http, create(http, BELL))
        answer = http.put(f"/jobs/{done['id']}/status/cancel")
        assert answer.json() == {"id": done["id"], "status": "canceled"}
        assert http.get(f"/jobs/{done['id']}").json()["status"] == "completed"


def test_estimate_shape() -> None:
    with MockServer() as server, client(server) as http:
        query: dict[str, str | int] = {
            "backend": "qpu.forte-1",
            "shots": 1000,
            "1q_gates": 150,
            "2q_gates": 40,
        }
        estimate = http.get("/jobs/estimate", params=query).json()
        context = estimate["estimate_context"]
        assert context == {
            "backend": "qpu.forte-1",
            "type": "ionq.circuit.v1",
            "qubits": 25,
            "shots": 1000,
            "1q_gates": 150,
            "2q_gates": 40,
            "error_mitigation": False,
            "organization": http.get("/sessions").json()["organization_id"],
            "project": http.get("/whoami").json()["project_id"],
        }
        assert estimate["estimated_unit"] == "usd"
        [rate] = estimate["rate_card"]["rates"]
        assert rate["unit"] == "gates"
        assert (rate["cost_1q_gate"], rate["cost_2q_gate"], rate["job_cost_minimum"]) == (
            0.00022,
            0.000975,
            97.5,
        )
        assert isinstance(estimate["rate_card"]["id"], str)
        assert estimate["estimated_total_cost"] == pytest.approx(
            max(97.5, 1000 * (150 * 0.00022 + 40 * 0.000975))
        )
        assert estimate["estimated_execution_time"] == 1000 + 1000 * 190 // 100
        assert isinstance(estimate["current_predicted_queue_time"], int)
        free = http.get("/jobs/estimate", params={"backend": "simulator"}).json()
        assert free["estimated_total_cost"] == 0
        assert free["estimated_execution_time"] == 0
        assert free["rate_card"]["rates"][0]["job_cost_minimum"] == 0


def test_sessions_list_and_active_filter() -> None:
    with MockServer(job_duration=0.01) as server, client(server) as http:
        limited = http.post(
            "/sessions", json={"backend": "qpu.aria-1", "settings": {"duration_limit_min": 30}}
        ).json()
        ended = http.post("/sessions", json={"backend": "qpu.forte-1"}).json()
        http.post(f"/sessions/{ended['id']}/end")
        listing = http.get("/sessions").json()
        assert set(listing) == {"organization_id", "sessions"}
        assert [s["id"] for s in listing["sessions"]] == [ended["id"], limited["id"]]
        assert all(s["organization_id"] == listing["organization_id"] for s in listing["sessions"])
        active = http.get("/sessions", params={"active": "true"}).json()["sessions"]
        assert [s["id"] for s in active] == [limited["id"]]
        inactive = http.get("/sessions", params={"active": "false"}).json()["sessions"]
        assert [(s["id"], s["status"], s["ender_id"]) for s in inactive] == [
            (ended["id"], "ended", ended["creator_id"])
        ]
        session = active[0]
        created = time.mktime(time.strptime(session["created_at"][:19], "%Y-%m-%dT%H:%M:%S"))
        expires = time.mktime(
            time.strptime(session["settings"]["expires_at"][:19], "%Y-%m-%dT%H:%M:%S")
        )
        assert expires - created == 30 * 60
        assert session["settings"]["duration_limit_min"] == 30
        for key in ("backend", "project_id", "creator_id", "ended_at", "ender_id", "started_at"):
            assert key in session
        assert "expires_at" not in inactive[0]["settings"]


def test_backends_describe_gates_and_mitigations() -> None:
    with MockServer() as server:
        backends = {b["backend"]: b for b in httpx.get(server.base_url + "/backends").json()}
    forte = backends["qpu.forte-1"]
    assert "pauliexp" in forte["supported_gates"]
    assert "cnot" in forte["supported_gates"]
    assert forte["supported_native_gates"] == ["gpi", "gpi2", "ms", "nop", "zz"]
    assert forte["supported_error_mitigations"] == ["debiasing"]
    assert isinstance(forte["kw"], float)
    assert isinstance(forte["location"], str)
    assert backends["simulator"]["supported_error_mitigations"] == []


# Job types that are accepted and fail (the others run: tests/mock/test_job_types.py).
FAILING_TYPES: list[tuple[dict[str, Any], str]] = [
    ({"type": "quantum-function", "input": {"type": "custom", "data": {}}}, "PreflightError"),
    (
        {
            "type": "qctrl.qaoa.v1",
            "input": {"problem_type": "maxcut", "problem": {"nodes": [], "edges": []}},
            "external_settings": {"api_credentials": "secret", "external_organization": "org"},
        },
        "OptimizationError",
    ),
]


@pytest.mark.parametrize(("program", "code"), FAILING_TYPES, ids=lambda p: str(p))
def test_job_types_the_mock_cannot_run_are_accepted_then_fail(
    ionq_mock_server: MockServer, program: dict[str, Any], code: str
) -> None:
    with client(ionq_mock_server) as http:
        created = http.post("/jobs", json={"backend": "simulator", **program})
        assert created.status_code == 201, created.text
        job = wait_done(http, created.json()["id"])
        assert job["type"] == program["type"]
        assert job["status"] == "failed"
        assert job["failure"]["code"] == code
        assert job["results"] is None
        assert job["stats"] == {}
        assert "secret" not in http.get(f"/jobs/{job['id']}").text
        clone = http.post(f"/jobs/{job['id']}/clone", json={})
        assert clone.status_code == 201
        assert wait_done(http, clone.json()["id"])["failure"]["code"] == code


@pytest.mark.parametrize(
    ("noise", "code"),
    [
        ({"model": "not-a-model"}, "InvalidInput"),
        ({"model": "aria-1", "seed": 2**64}, "InvalidInput"),
        ({"model": "aria-1", "seed": None}, None),
    ],
)
def test_noise_models_and_seeds_never_break_the_server(
    ionq_mock_server: MockServer, noise: dict[str, Any], code: str | None
) -> None:
    with client(ionq_mock_server) as http:
        job = wait_done(http, create(http, {**BELL, "noise": noise}))
        assert job["noise"] == noise
        if code is None:
            assert job["status"] == "completed"
        else:
            assert (job["status"], job["failure"]["code"]) == ("failed", code)


def pauli_flip(time_: float) -> dict[str, Any]:
    return {
        "gate": "pauliexp",
        "targets": [1, 0],
        "terms": ["XI"],
        "coefficients": [1.0],
        "time": time_,
    }


@pytest.mark.parametrize(
    ("gates", "outcome"),
    [
        ([pauli_flip(math.pi / 2)], {"1": 1.0}),  # "XI": X on the last target
        ([{"gate": "pauliexp", "targets": [0], "paulis": ["X"], "rotation": math.pi}], {"1": 1.0}),
        ([{"gate": "x", "target": 0, "rotation": math.pi}], {"1": 1.0}),
        ([{"gate": "h", "target": 0, "rotation": 1.0}], "InvalidInput"),
    ],
)
def test_new_gate_vocabulary(
    ionq_mock_server: MockServer, gates: list[dict[str, Any]], outcome: Any
) -> None:
    program = {"gateset": "qis", "qubits": 2, "circuit": gates}
    with client(ionq_mock_server) as http:
        job = wait_done(http, create(http, {**BELL, "input": program}))
        if isinstance(outcome, str):
            assert (job["status"], job["failure"]["code"]) == ("failed", outcome)
            return
        probabilities = http.get(f"/jobs/{job['id']}/results/probabilities").json()
        assert probabilities == pytest.approx(outcome)


def test_native_nop_and_per_circuit_gatesets(ionq_mock_server: MockServer) -> None:
    multi = {
        "type": "ionq.multi-circuit.v1",
        "backend": "simulator",
        "input": {
            "gateset": "native",
            "qubits": 1,
            "circuits": [
                {
                    "circuit": [
                        {"gate": "nop", "target": 0},
                        {"gate": "gpi", "phase": 0, "target": 0},
                    ]
                },
                {"gateset": "qis", "circuit": [{"gate": "x", "target": 0}]},
            ],
        },
    }
    with client(ionq_mock_server) as http:
        job = wait_done(http, create(http, multi))
        aggregated = http.get(f"/jobs/{job['id']}/results/probabilities/aggregated").json()
        assert list(aggregated.values()) == [{"1": pytest.approx(1.0)}, {"1": pytest.approx(1.0)}]

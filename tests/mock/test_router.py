"""The router and the handler registry (ionq_mock/router.py, ionq_mock/registry.py):
every operation of openapi.yaml bound to one handler at start, requests resolved to it."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from mock_app import app_client

from ionq_mock import pipeline
from ionq_mock.app import create_app
from ionq_mock.errors import ApiError
from ionq_mock.handlers import HANDLERS
from ionq_mock.registry import Handlers, Request, Response, collect
from ionq_mock.router import Router
from ionq_mock.state import MockState
from ionq_mock.validation import BASE_PATH, Spec
from ionq_spec import load_spec


@pytest.fixture(scope="module")
def spec() -> Spec:
    return Spec(load_spec())


async def _answer(state: MockState, request: Request) -> Response:
    return 200, {}


def test_every_operation_has_a_handler_in_its_resource_module(spec: Spec) -> None:
    assert set(HANDLERS) == set(spec.by_id)
    assert HANDLERS["getJob"].__module__ == "ionq_mock.handlers.jobs"
    assert HANDLERS["getJobArtifact"].__module__ == "ionq_mock.handlers.results"
    assert HANDLERS["endSession"].__module__ == "ionq_mock.handlers.sessions"
    assert HANDLERS["getCharacterization"].__module__ == "ionq_mock.handlers.backends"
    assert HANDLERS["whoami"].__module__ == "ionq_mock.handlers.account"


def test_an_operation_without_a_handler_stops_the_app_at_start() -> None:
    document: dict[str, Any] = copy.deepcopy(dict(load_spec()))
    document["paths"]["/jobs/{job_id}/rename"] = {
        "post": {
            "operationId": "renameJob",
            "parameters": [
                {"name": "job_id", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {"200": {"description": "renamed"}},
        }
    }
    with pytest.raises(RuntimeError, match="renameJob"):
        create_app(["key"], spec=document)


def test_a_router_refuses_missing_handlers(spec: Spec) -> None:
    handlers = {op: _answer for op in spec.by_id if op != "whoami"}
    with pytest.raises(RuntimeError, match="whoami"):
        Router(spec, handlers)


def test_resolve_finds_literal_and_templated_paths(spec: Spec) -> None:
    router = Router(spec, HANDLERS)
    route, params = router.resolve("GET", "/v0.4/jobs")
    assert (route.operation.operation_id, params) == ("listJobs", {})
    assert route.handler is HANDLERS["listJobs"]
    route, params = router.resolve("GET", "/v0.4/jobs/abc")
    assert (route.operation.operation_id, params) == ("getJob", {"job_id": "abc"})


@pytest.mark.parametrize("path", ["/jobs", "/v0.4/nothing/here", "/v0.4"])
def test_resolve_answers_404_for_unknown_paths(spec: Spec, path: str) -> None:
    with pytest.raises(ApiError) as raised:
        Router(spec, HANDLERS).resolve("GET", path)
    assert raised.value.status == 404


def test_resolve_answers_405_naming_the_methods_allowed(spec: Spec) -> None:
    with pytest.raises(ApiError) as raised:
        Router(spec, HANDLERS).resolve("PATCH", "/v0.4/jobs")
    assert raised.value.status == 405
    assert raised.value.headers["Allow"] == "DELETE, GET, POST"


def test_an_operation_registered_twice_is_refused() -> None:
    first, second = Handlers(), Handlers()
    first.operation("getJob")(_answer)
    with pytest.raises(ValueError, match="getJob"):
        first.operation("getJob")(_answer)
    second.operation("getJob")(_answer)
    with pytest.raises(ValueError, match="getJob"):
        collect([first, second])


BELL_1Q = {
    "type": "ionq.circuit.v1",
    "backend": "simulator",
    "input": {"gateset": "qis", "qubits": 1, "circuit": [{"gate": "h", "target": 0}]},
}


def test_a_remembered_path_answers_as_a_new_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline keeps the route and validated parameters of paths it answered
    (ionq_mock/pipeline.py): the second request of a path answers as the first did, a
    missing key is still a 401, a malformed id is never kept, and the memo stays within
    `MEMO_PATHS`."""
    monkeypatch.setattr(pipeline, "MEMO_PATHS", 3)
    app = create_app(["k"], job_duration=0.0, journal_size=0)
    known = app._pipeline._known
    with app_client(app, "k") as http, app_client(app, None) as anonymous:
        job_id = http.post("/jobs", json=BELL_1Q).json()["id"]
        path = f"/jobs/{job_id}"
        first = http.get(path)
        assert first.status_code == 200
        assert ("GET", BASE_PATH + path) in known
        again = http.get(path)
        assert (again.status_code, again.json()) == (200, first.json())
        assert anonymous.get(path).status_code == 401
        assert http.put(path).status_code == 405
        for _ in range(2):  # a format the spec does not list: the path is refused
            assert http.get("/schemas/formats/nope").status_code == 400
        assert ("GET", BASE_PATH + "/schemas/formats/nope") not in known
        for _ in range(4):
            other = http.post("/jobs", json=BELL_1Q).json()["id"]
            assert http.get(f"/jobs/{other}").json()["id"] == other
            assert len(known) <= 3
        assert http.get(path).json()["id"] == job_id

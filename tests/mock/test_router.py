"""The router and the handler registry (ionq_mock/router.py, ionq_mock/registry.py):
every operation of openapi.yaml bound to one handler at start, requests resolved to it."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from ionq_mock.app import create_app
from ionq_mock.errors import ApiError
from ionq_mock.handlers import HANDLERS
from ionq_mock.registry import Handlers, Request, Response, collect
from ionq_mock.router import Router
from ionq_mock.state import MockState
from ionq_mock.validation import Spec
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

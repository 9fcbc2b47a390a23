"""Per-key isolation: no key can read, change or even detect another key's jobs and sessions.

For every operation that names a key's resource (a job, a session, an organization) in its
path, in its body (`ids`, `session_id`) or in its query (`ids`, `session_id`,
`parent_job_id`, `submitter_id`), another key's request is answered exactly as if the id
were unknown (the same status and message: no oracle), and afterwards everything both keys
can see (every job, every session, results, artifacts, costs) is as it was. The lists of
operations are computed from openapi.yaml, so an operation added there without a case here
fails `test_every_keyed_operation_has_an_isolation_case`.

The mock runs in process (`mock_app.py`); jobs last 600 s, so nothing moves by itself
while a test runs, and the finished jobs are finished by moving their stored timeline (the
mock derives status from it when it reads a job).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

import httpx
import pytest
from mock_app import app_client, finish
from mock_http import BELL, NOISY_BELL

from ionq_mock.app import MockApp, create_app
from ionq_spec import load_spec

OWNER_KEY: Final = "isolation-owner-key"
OTHER_KEY: Final = "isolation-other-key"
# A well-formed id nobody has: the answer another key's id must be indistinguishable from.
UNKNOWN: Final = "01900000-0000-7000-8000-000000000000"
QPU: Final = "qpu.aria-1"
HTTP_METHODS: Final = frozenset({"get", "put", "post", "delete", "patch"})
# Path parameters naming the catalog, which is the same for every key.
CATALOG_PARAMETERS: Final = frozenset({"backend", "characterization_id", "format"})
MULTI: Final[dict[str, Any]] = {
    "type": "ionq.multi-circuit.v1",
    "backend": "simulator",
    "shots": 100,
    "noise": {"model": "aria-1", "seed": 3},
    "input": {
        "gateset": "qis",
        "qubits": 2,
        "circuits": [
            {"circuit": [{"gate": "x", "target": 0}]},
            {"circuit": [{"gate": "h", "target": 0}]},
        ],
    },
}


@dataclass
class World:
    """Two keys on one app; the owner has one resource of every kind, the other one job."""

    app: MockApp
    owner: httpx.Client
    other: httpx.Client
    ids: dict[str, str]


def created(answer: httpx.Response) -> str:
    assert answer.status_code == 201, answer.text
    made: str = answer.json()["id"]
    return made


@pytest.fixture
def world() -> Iterator[World]:
    app = create_app([OWNER_KEY, OTHER_KEY], job_duration=600)
    with app_client(app, OWNER_KEY) as owner, app_client(app, OTHER_KEY) as other:
        session = created(
            owner.post("/sessions", json={"backend": QPU, "settings": {"job_count_limit": 2}})
        )
        # One job of two in the session: a job another key got counted in it would end it.
        in_session = created(
            owner.post("/jobs", json={**BELL, "backend": QPU, "session_id": session})
        )
        ids = {
            "running": created(owner.post("/jobs", json={**BELL, "name": "mine"})),
            "completed": created(
                owner.post("/jobs", json={**NOISY_BELL, "metadata": {"owner": "yes"}})
            ),
            "multi": created(owner.post("/jobs", json=MULTI)),
            "session": session,
            "in_session": in_session,
            "other_job": created(other.post("/jobs", json=BELL)),
        }
        finish(app, owner, ids["completed"])
        finish(app, owner, ids["multi"])
        completed = owner.get(f"/jobs/{ids['completed']}").json()
        ids["artifact"] = completed["results"]["ionq.result.histogram.json.v2"]["id"]
        ids["submitter"] = completed["submitter_id"]
        ids["organization"] = owner.get(f"/sessions/{session}").json()["organization_id"]
        made = World(app, owner, other, ids)
        seen = snapshot(made)
        assert len(seen["owner's each job"]) == 6  # four jobs, the multi-circuit one's children
        assert seen["owner's session"]["active"] is True
        assert [job["id"] for job in seen["other's jobs"]["jobs"]] == [ids["other_job"]]
        yield made
    app.close()


def snapshot(world: World) -> dict[str, Any]:
    """Everything either key can see of its own jobs and sessions."""
    owner, other, ids = world.owner, world.other, world.ids
    listing = owner.get("/jobs", params={"limit": 1000}).json()
    every = [job["id"] for job in listing["jobs"]]
    completed = f"/jobs/{ids['completed']}"
    seen = {
        "owner's jobs": listing,
        "owner's each job": {job_id: owner.get(f"/jobs/{job_id}").json() for job_id in every},
        "owner's costs": {job_id: owner.get(f"/jobs/{job_id}/cost").json() for job_id in every},
        "owner's sessions": owner.get("/sessions").json(),
        "owner's session": owner.get(f"/sessions/{ids['session']}").json(),
        "owner's session jobs": owner.get(f"/sessions/{ids['session']}/jobs").json(),
        "owner's probabilities": owner.get(f"{completed}/results/probabilities").json(),
        "owner's artifact": owner.get(f"{completed}/artifacts/{ids['artifact']}").json(),
        "owner's aggregated": owner.get(
            f"/jobs/{ids['multi']}/results/probabilities/aggregated"
        ).json(),
        "other's jobs": other.get("/jobs", params={"limit": 1000}).json(),
        "other's sessions": other.get("/sessions").json(),
    }
    return seen


def same_as_unknown(foreign: httpx.Response, unknown: httpx.Response, foreign_id: str) -> None:
    """`foreign` is the answer `unknown` was, with the other key's id where UNKNOWN was."""
    assert foreign.status_code == unknown.status_code == 404, foreign.text
    assert foreign.json() == json.loads(unknown.text.replace(UNKNOWN, foreign_id))


# ------------------------------------------------------------------ ids in the path
@dataclass(frozen=True)
class Case:
    """Another key's request naming the owner's `target` (a key of `World.ids`)."""

    operation: str
    method: str
    path: str
    target: str
    body: Any = None

    def url(self, ids: Mapping[str, str], target_id: str) -> str:
        return self.path.format(**{**ids, self.target: target_id})

    def __str__(self) -> str:
        return f"{self.operation}-{self.target}"


TODAY = dt.datetime.now(dt.UTC).date()
USAGE_QUERY = (
    f"start_date={TODAY - dt.timedelta(days=1)}&end_date={TODAY + dt.timedelta(days=1)}"
    "&group_by=job&modality=daily"
)
PATH_CASES: Final = [
    Case("getJob", "GET", "/jobs/{running}", "running"),
    Case("getJob", "GET", "/jobs/{completed}", "completed"),
    Case("getJob", "GET", "/jobs/{in_session}", "in_session"),
    Case("updateJob", "PATCH", "/jobs/{running}", "running", {"name": "x", "metadata": {"a": "b"}}),
    Case("updateJob", "PATCH", "/jobs/{completed}", "completed", {"metadata": {"owner": "no"}}),
    Case("deleteJob", "DELETE", "/jobs/{running}", "running"),
    Case("deleteJob", "DELETE", "/jobs/{completed}", "completed"),
    Case("deleteJob", "DELETE", "/jobs/{multi}", "multi"),
    Case("cancelJob", "PUT", "/jobs/{running}/status/cancel", "running"),
    Case("cancelJob", "PUT", "/jobs/{multi}/status/cancel", "multi"),
    Case("getJobProbabilities", "GET", "/jobs/{completed}/results/probabilities", "completed"),
    Case(
        "getJobProbabilitiesAggregated",
        "GET",
        "/jobs/{multi}/results/probabilities/aggregated",
        "multi",
    ),
    Case("getJobCost", "GET", "/jobs/{completed}/cost", "completed"),
    Case("cloneJob", "POST", "/jobs/{completed}/clone", "completed", {}),
    Case("cloneJob", "POST", "/jobs/{running}/clone", "running", {"shots": 5}),
    Case("moveJob", "POST", "/jobs/{running}/move", "running", {}),
    Case("moveJob", "POST", "/jobs/{completed}/move", "completed", {"backend": "simulator"}),
    Case("getJobArtifact", "GET", "/jobs/{completed}/artifacts/{artifact}", "completed"),
    Case("getSession", "GET", "/sessions/{session}", "session"),
    Case("endSession", "POST", "/sessions/{session}/end", "session"),
    Case("listSessionJobs", "GET", "/sessions/{session}/jobs", "session"),
    Case(
        "getOrganizationUsage",
        "GET",
        "/organizations/{organization}/usage?" + USAGE_QUERY,
        "organization",
    ),
]


def spec_operations() -> list[tuple[str, str, dict[str, Any]]]:
    """Every operation of openapi.yaml: (path template, operationId, the operation)."""
    found = []
    for template, item in load_spec()["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                found.append((template, operation["operationId"], operation))
    return found


def parameters(operation: Mapping[str, Any], where: str) -> set[str]:
    """The names of an operation's parameters `in` `where` (refs resolved)."""
    components = load_spec()["components"]["parameters"]
    names = set()
    for param in operation.get("parameters", []):
        if "$ref" in param:
            param = components[param["$ref"].rsplit("/", 1)[1]]
        if param["in"] == where:
            names.add(param["name"])
    return names


def body_fields(schema: Mapping[str, Any], seen: frozenset[str] = frozenset()) -> set[str]:
    """The top-level member names a request body schema declares, through refs and
    `allOf`/`oneOf`/`anyOf` branches."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        if name in seen:
            return set()
        return body_fields(load_spec()["components"]["schemas"][name], seen | {name})
    names = set(schema.get("properties", {}))
    for combinator in ("allOf", "oneOf", "anyOf"):
        for branch in schema.get(combinator, []):
            names |= body_fields(branch, seen)
    return names


def keyed(name: str) -> bool:
    """Whether a parameter or member named `name` names one key's resource."""
    return (name == "ids" or name.endswith("_id")) and name not in CATALOG_PARAMETERS


def keyed_path_operations() -> set[str]:
    return {
        operation_id
        for template, operation_id, _ in spec_operations()
        if any(keyed(name) for name in re.findall(r"\{(\w+)\}", template))
    }


def keyed_body_operations() -> set[str]:
    found = set()
    for _, operation_id, operation in spec_operations():
        content = operation.get("requestBody", {}).get("content", {})
        for media in content.values():
            if any(keyed(name) for name in body_fields(media["schema"])):
                found.add(operation_id)
    return found


def keyed_query_operations() -> set[str]:
    return {
        operation_id
        for _, operation_id, operation in spec_operations()
        if any(keyed(name) for name in parameters(operation, "query"))
    }


# The operations each body- and query-form test below covers.
BODY_CASES: Final = {"deleteJobs", "cancelJobs", "createJob", "cloneJob", "moveJob"}
QUERY_CASES: Final = {"listJobs", "listSessionJobs"}


def test_every_keyed_operation_has_an_isolation_case() -> None:
    # Computed from the spec, so a new operation taking an id needs a case here.
    assert keyed_path_operations() == {case.operation for case in PATH_CASES}
    assert keyed_body_operations() == BODY_CASES
    assert keyed_query_operations() == QUERY_CASES
    # The catalog's operations take no key's id: the same for every key.
    catalog = {op for template, op, _ in spec_operations() if "{" in template}
    assert catalog - keyed_path_operations() == {
        "getBackend",
        "listCharacterizations",
        "getCharacterization",
        "getFormatSchema",
    }


@pytest.mark.parametrize("case", PATH_CASES, ids=str)
def test_another_key_gets_404_as_for_an_unknown_id_and_nothing_changes(
    world: World, case: Case
) -> None:
    ids = world.ids
    before = snapshot(world)
    foreign_id = ids[case.target]
    foreign = world.other.request(case.method, case.url(ids, foreign_id), json=case.body)
    unknown = world.other.request(case.method, case.url(ids, UNKNOWN), json=case.body)
    same_as_unknown(foreign, unknown, foreign_id)
    # Upper case names the same resource (ids are case-insensitive): refused the same way.
    shouted = world.other.request(case.method, case.url(ids, foreign_id.upper()), json=case.body)
    assert shouted.status_code == 404
    assert snapshot(world) == before
    # The same request from the owner succeeds: the 404 was the key, not the request.
    mine = world.owner.request(case.method, case.url(ids, foreign_id), json=case.body)
    assert mine.status_code in (200, 201), mine.text


# ------------------------------------------------------------------ ids in the body
@pytest.mark.parametrize(("method", "path"), [("PUT", "/jobs/status/cancel"), ("DELETE", "/jobs")])
@pytest.mark.parametrize(
    "asked",
    [["running"], ["other_job", "running"], ["completed", "multi"], ["other_job", "in_session"]],
    ids="+".join,
)
def test_bulk_forms_with_another_keys_id_are_404_and_change_nothing(
    world: World, method: str, path: str, asked: list[str]
) -> None:
    ids = world.ids
    before = snapshot(world)
    wanted = [ids[name] for name in asked]
    foreign_id = next(ids[name] for name in asked if name != "other_job")
    foreign = world.other.request(method, path, json={"ids": wanted})
    stand_in = [UNKNOWN if job_id == foreign_id else job_id for job_id in wanted]
    unknown = world.other.request(method, path, json={"ids": stand_in})
    same_as_unknown(foreign, unknown, foreign_id)
    # All or nothing: the other key's own job in the same request is untouched too.
    assert snapshot(world) == before
    own = world.other.request(method, path, json={"ids": [ids["other_job"]]})
    assert own.status_code == 200
    assert own.json()["ids"] == [ids["other_job"]]


@pytest.mark.parametrize("spelling", [str.lower, str.upper])
def test_a_job_in_another_keys_session_is_404_and_not_counted(world: World, spelling: Any) -> None:
    before = snapshot(world)
    session = world.ids["session"]
    body = {**BELL, "backend": QPU}
    foreign = world.other.post("/jobs", json={**body, "session_id": spelling(session)})
    unknown = world.other.post("/jobs", json={**body, "session_id": UNKNOWN})
    same_as_unknown(foreign, unknown, spelling(session))
    # Not created, not counted: the owner's session (one job short of its limit) is active.
    assert snapshot(world) == before
    # The owner's job there is counted and ends it: the session was one short.
    created(world.owner.post("/jobs", json={**body, "session_id": session}))
    assert world.owner.get(f"/sessions/{session}").json()["active"] is False


@pytest.mark.parametrize("operation", ["clone", "move"])
def test_a_copy_into_another_keys_session_fails_as_into_an_unknown_one(
    world: World, operation: str
) -> None:
    """A copy into a session the key has not is created and fails (docs/mock-server.md,
    "Clone and move"): into another key's session exactly as into an unknown one."""
    ids = world.ids
    source = f"/jobs/{ids['other_job']}/{operation}"
    before = snapshot(world)
    copies = {}
    for session in (ids["session"], UNKNOWN):
        copy = created(world.other.post(source, json={"backend": QPU, "session_id": session}))
        finish(world.app, world.other, copy)
        copies[session] = world.other.get(f"/jobs/{copy}").json()
    foreign, unknown = copies[ids["session"]], copies[UNKNOWN]
    assert foreign["status"] == unknown["status"] == "failed"
    assert foreign["failure"] == json.loads(
        json.dumps(unknown["failure"]).replace(UNKNOWN, ids["session"])
    )
    after = snapshot(world)
    # The owner's side is as it was; the other key has its two failed copies.
    assert {k: v for k, v in after.items() if k.startswith("owner")} == {
        k: v for k, v in before.items() if k.startswith("owner")
    }


# ------------------------------------------------------------------ ids in the query
@pytest.mark.parametrize(
    ("query", "target"),
    [
        ({"ids": "{running}"}, "running"),
        ({"ids": "{completed}"}, "completed"),
        ({"session_id": "{session}"}, "session"),
        ({"parent_job_id": "{multi}"}, "multi"),
        ({"submitter_id": "{submitter}"}, "submitter"),
        ({"status": "completed"}, None),
        ({}, None),
    ],
    ids=lambda value: str(value),
)
def test_listings_never_show_another_keys_jobs(
    world: World, query: dict[str, str], target: str | None
) -> None:
    filled = {name: value.format(**world.ids) for name, value in query.items()}
    mine = world.owner.get("/jobs", params=filled).json()
    assert mine["jobs"], "the owner's listing with this filter shows jobs"
    theirs = world.other.get("/jobs", params=filled).json()
    shown = {job["id"] for job in theirs["jobs"]}
    assert shown <= {world.ids["other_job"]}
    if target is not None:
        assert theirs == {"jobs": [], "next": None}


def test_session_listings_never_show_another_keys_sessions(world: World) -> None:
    theirs = world.other.get("/sessions").json()
    assert theirs["sessions"] == []
    assert theirs["organization_id"] != world.ids["organization"]
    mine = world.owner.get("/sessions").json()["sessions"]
    assert [s["id"] for s in mine] == [world.ids["session"]]
    own_session = created(world.other.post("/sessions", json={"backend": QPU}))
    # The other key's session's listing with the owner's filters: only its own (none).
    for query in ({}, {"session_id": world.ids["session"]}, {"ids": world.ids["in_session"]}):
        listed = world.other.get(f"/sessions/{own_session}/jobs", params=query).json()
        assert listed == {"jobs": [], "next": None}
    assert [s["id"] for s in world.other.get("/sessions").json()["sessions"]] == [own_session]
    assert [s["id"] for s in world.owner.get("/sessions").json()["sessions"]] == [
        world.ids["session"]
    ]

"""The API key check: which `Authorization` headers the mock accepts, pinned, and that every
operation the spec secures refuses every other form before it reads or stores anything.

What the mock accepts today (ionq_mock/auth.py; docs/mock-server.md "Auth" names the form
`apiKey <key>`): the scheme `apiKey ` in any case (HTTP auth schemes are case-insensitive),
then the key exactly as configured (case-sensitive, compared whole), blanks around it
ignored. Anything else is the same 401, whatever was wrong with it, so the answer tells a
caller nothing about how close it came.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final

import httpx
import pytest
from mock_app import app_client
from mock_http import BELL

from ionq_mock.app import MockApp, create_app
from ionq_spec import load_spec

KEY: Final = "security-test-key-0123456789"
SECOND_KEY: Final = "security-second-key-9876543210"
UNKNOWN: Final = "01900000-0000-7000-8000-000000000000"
HTTP_METHODS: Final = frozenset({"get", "put", "post", "delete", "patch"})
# What each path parameter is filled with: the operation is found, whatever its value.
PATH_VALUES: Final = {"backend": "qpu.aria-1", "format": "ionq.result.histogram.json.v2"}

ACCEPTED: Final = [
    f"apiKey {KEY}",
    f"apikey {KEY}",
    f"APIKEY {KEY}",
    f"ApiKey {KEY}",
    f"apiKey   {KEY}",
]
REFUSED: Final = [
    f"Bearer {KEY}",
    f"bearer {KEY}",
    f"Basic {KEY}",
    f"Token {KEY}",
    KEY,
    f" {KEY}",
    f"apiKey{KEY}",
    f"apiKey={KEY}",
    f"apiKey: {KEY}",
    f"xapiKey {KEY}",
    f"Bearer apiKey {KEY}",
    f"apiKey Bearer {KEY}",
    "apiKey",
    "apiKey ",
    "",
    f"apiKey {KEY}x",
    f"apiKey x{KEY}",
    f"apiKey {KEY[:-1]}",
    f"apiKey {KEY[1:]}",
    f"apiKey {KEY.upper()}",
    f"apiKey {KEY} {KEY}",
    f"apiKey {KEY},{SECOND_KEY}",
    "apiKey wrong-key",
]


@pytest.fixture(scope="module")
def app() -> Iterator[MockApp]:
    """One app for the module: no test here may store anything in it (they check)."""
    made = create_app([KEY, SECOND_KEY], job_duration=600)
    yield made
    made.close()


@pytest.fixture
def bare(app: MockApp) -> Iterator[httpx.Client]:
    """A client of the app sending no `Authorization` header of its own."""
    with app_client(app, None) as http:
        yield http


@pytest.fixture
def refusal(bare: httpx.Client) -> dict[str, Any]:
    """The answer to a request with no key at all: what every refused header must get."""
    answer = bare.get("/whoami")
    assert answer.status_code == 401
    body: dict[str, Any] = answer.json()
    assert body["error"] == "Unauthorized Error"
    return body


def whoami(http: httpx.Client, header: str) -> httpx.Response:
    return http.get("/whoami", headers={"Authorization": header})


@pytest.mark.parametrize("header", ACCEPTED)
def test_the_apikey_scheme_in_any_case_is_accepted(bare: httpx.Client, header: str) -> None:
    answer = whoami(bare, header)
    assert answer.status_code == 200, answer.text
    assert answer.json()["key_name"] == "mock key 1"


@pytest.mark.parametrize("header", REFUSED)
def test_any_other_authorization_is_the_same_401(
    bare: httpx.Client, refusal: dict[str, Any], header: str
) -> None:
    answer = whoami(bare, header)
    assert answer.status_code == 401
    assert answer.json() == refusal
    assert KEY not in answer.text


def test_each_key_is_its_own_identity(bare: httpx.Client) -> None:
    first = whoami(bare, f"apiKey {KEY}").json()
    second = whoami(bare, f"apiKey {SECOND_KEY}").json()
    assert first["key_name"] == "mock key 1"
    assert second["key_name"] == "mock key 2"
    assert first["key_id"] != second["key_id"]
    assert first["project_id"] != second["project_id"]


@pytest.mark.parametrize(
    "where",
    [
        {"headers": {"X-API-Key": KEY}},
        {"headers": {"Api-Key": f"apiKey {KEY}"}},
        {"headers": {"Proxy-Authorization": f"apiKey {KEY}"}},
        {"headers": {"Cookie": f"apiKey={KEY}"}},
        {"params": {"api_key": KEY}},
        {"params": {"apiKey": KEY}},
    ],
    ids=lambda where: str(next(iter(next(iter(where.values())))))[:20],
)
def test_a_key_anywhere_but_authorization_is_not_read(
    bare: httpx.Client, refusal: dict[str, Any], where: dict[str, Any]
) -> None:
    answer = bare.get("/whoami", **where)
    assert answer.status_code == 401
    assert answer.json() == refusal


def secured_operations() -> list[tuple[str, str, str]]:
    """(operationId, method, a path) of every operation openapi.yaml secures with the key."""
    spec = load_spec()
    found = []
    for template, item in spec["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS and operation.get("security", spec.get("security")):
                path = re.sub(r"\{(\w+)\}", lambda m: PATH_VALUES.get(m[1], UNKNOWN), template)
                found.append((operation["operationId"], method.upper(), path))
    return found


OPEN_OPERATIONS: Final = {"listBackends", "getBackend", "listCharacterizations"}


def test_the_spec_leaves_only_the_backend_catalog_open() -> None:
    secured = {op for op, _, _ in secured_operations()}
    every = {
        op["operationId"]
        for item in load_spec()["paths"].values()
        for method, op in item.items()
        if method in HTTP_METHODS
    }
    assert every - secured == OPEN_OPERATIONS
    assert len(secured) > 20


@pytest.mark.parametrize(("operation", "method", "path"), secured_operations(), ids=str)
def test_every_secured_operation_refuses_a_wrong_authorization_and_stores_nothing(
    app: MockApp, operation: str, method: str, path: str
) -> None:
    # A body valid for the bulk writes, and for createJob: refused all the same.
    body = {"ids": [UNKNOWN]} if method in ("PUT", "DELETE") else BELL
    with app_client(app, None) as bare, app_client(app, KEY) as owner:
        refusal = bare.get("/whoami").json()
        for header in (None, f"Bearer {KEY}", KEY, f"apiKey {KEY}x"):
            headers = {} if header is None else {"Authorization": header}
            answer = bare.request(method, path, json=body, headers=headers)
            assert answer.status_code == 401, (header, answer.text)
            assert answer.json() == refusal
        assert owner.get("/jobs").json() == {"jobs": [], "next": None}
        assert owner.get("/sessions").json()["sessions"] == []


@pytest.mark.parametrize("operation", sorted(OPEN_OPERATIONS))
def test_the_open_operations_answer_without_a_key(bare: httpx.Client, operation: str) -> None:
    paths = {
        "listBackends": "/backends",
        "getBackend": "/backends/qpu.aria-1",
        "listCharacterizations": "/backends/qpu.aria-1/characterizations",
    }
    assert bare.get(paths[operation]).status_code == 200


def test_a_write_with_a_refused_key_stores_nothing() -> None:
    app = create_app([KEY], job_duration=600)
    with app_client(app, None) as bare, app_client(app, KEY) as owner:
        for header in REFUSED:
            refused = bare.post("/jobs", json=BELL, headers={"Authorization": header})
            assert refused.status_code == 401
        assert owner.get("/jobs").json() == {"jobs": [], "next": None}
        accepted = bare.post("/jobs", json=BELL, headers={"Authorization": f"apikey {KEY}"})
        assert accepted.status_code == 201
        assert [job["id"] for job in owner.get("/jobs").json()["jobs"]] == [accepted.json()["id"]]
    app.close()

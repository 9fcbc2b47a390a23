"""The journal API (ionq_mock/console.py) answers exactly as its own OpenAPI document,
ionq_mock/journal-openapi.yaml, says.

A mock in this process receives a handful of API requests chosen to fill every part of an
entry (a deviation of each kind, an unknown path, a 400, a body past the journal's body
limit); then every journal answer (the list, each entry, filtered lists, and the 400, 401
and 404 answers) is validated against the document's schema for its status and media type.
The document's objects are closed and every member is required, so an answer that gains
or loses a field fails here until the document follows. The paths served under /_mock/
and the parameters' bounds are held to the document both ways.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlencode, urlsplit

import httpx
import jsonschema_rs
import pytest
import yaml
from mock_app import app_client, finish
from mock_http import BELL

import ionq_mock
from ionq_mock import console
from ionq_mock.app import MockApp, create_app
from ionq_mock.leniency import RULES
from ionq_mock.schemas import compile_schema, resolve

DOCUMENT_PATH: Final = Path(ionq_mock.__file__).with_name("journal-openapi.yaml")
DOCUMENT: Final[dict[str, Any]] = yaml.safe_load(DOCUMENT_PATH.read_text())
ORIGIN: Final = "http://mock.invalid"
KEY: Final = "journal-contract-key"
OTHER_KEY: Final = "journal-contract-other-key"
# Small, so that one request of the traffic is cut and the rest are not.
BODY_LIMIT: Final = 400
HTTP_METHODS: Final = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True)
class Route:
    """One operation of the document, and the request paths it answers."""

    method: str
    template: str
    pattern: re.Pattern[str]
    operation: Mapping[str, Any]


class Contract:
    """The document as a checker of answers: each answer's status, media type, documented
    headers and body, against the operation its request was routed to."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        # The paths are relative to the server's URL (its path is the prefix they share).
        self.prefix = urlsplit(document["servers"][0]["url"]).path.rstrip("/")
        self.routes = [
            Route(method.upper(), template, self._pattern(template), operation)
            for template, item in document["paths"].items()
            for method, operation in item.items()
            if method in HTTP_METHODS
        ]
        self._validators: dict[str, Any] = {}

    def _pattern(self, template: str) -> re.Pattern[str]:
        parts = re.split(r"\{[^}]+\}", template)
        return re.compile(re.escape(self.prefix) + "[^/]+".join(map(re.escape, parts)))

    def route(self, method: str, path: str) -> Route | None:
        return next(
            (r for r in self.routes if r.method == method and r.pattern.fullmatch(path)), None
        )

    def errors(self, schema: Mapping[str, Any], value: Any) -> list[str]:
        """Why `value` does not fit `schema` (a part of the document); empty when it does."""
        key = json.dumps(schema, sort_keys=True)
        if key not in self._validators:
            self._validators[key] = compile_schema(self.document, schema)
        return [f"{e.instance_path}: {e.message}" for e in self._validators[key].iter_errors(value)]

    def component(self, name: str, value: Any) -> list[str]:
        return self.errors({"$ref": f"#/components/schemas/{name}"}, value)

    def check(self, answer: httpx.Response) -> Any:
        """Assert `answer` is one the document describes; its body (JSON parsed)."""
        method, path = answer.request.method, answer.request.url.path
        route = self.route(method, path)
        assert route is not None, f"{method} {path} is no operation of the document"
        where = f"{method} {route.template} answered {answer.status_code}"
        responses = route.operation["responses"]
        assert str(answer.status_code) in responses, f"{where}: not a documented status"
        response = resolve(self.document, responses[str(answer.status_code)])
        for name, header in response.get("headers", {}).items():
            assert name in answer.headers, f"{where}: no {name} header"
            assert not self.errors(header["schema"], answer.headers[name]), where
        media = answer.headers.get("content-type", "").split(";")[0].strip()
        content = response["content"]
        assert media in content, f"{where}: {media!r}, the document says {sorted(content)}"
        body: Any = answer.json() if media == "application/json" else answer.text
        problems = self.errors(content[media]["schema"], body)
        assert not problems, f"{where}: {problems[:5]}\n{answer.text[:1000]}"
        return body


CONTRACT: Final = Contract(DOCUMENT)


def job(**extra: Any) -> dict[str, Any]:
    return {**BELL, **extra}


@dataclass(repr=False)
class Journaled:
    """The mock, the traffic sent to it, and every journal answer read back."""

    app: MockApp
    http: httpx.Client
    other: httpx.Client
    # The list and each entry, as read (checked against the document by a test).
    listed: httpx.Response
    details: list[httpx.Response]
    answers: list[httpx.Response] = field(default_factory=list)

    @property
    def summaries(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self.listed.json()["requests"]
        return found

    @property
    def entries(self) -> list[dict[str, Any]]:
        return [answer.json() for answer in self.details]

    def journal(
        self, path: str = "/requests", query: Mapping[str, str] | None = None
    ) -> httpx.Response:
        """A GET of the journal API as the first key; kept, to look for keys in later."""
        url = f"{ORIGIN}{CONTRACT.prefix}{path}" + (f"?{urlencode(query)}" if query else "")
        answer = self.http.get(url)
        self.answers.append(answer)
        return answer


def send_traffic(app: MockApp, http: httpx.Client) -> None:
    """Requests that fill every part of an entry, each answered as the comment says."""
    # 201, a numeric-string deviation.
    assert http.post("/jobs", json=job(shots="100")).status_code == 201
    # 200, an unknown-query-parameter deviation; the key in the query is redacted.
    assert http.get("/jobs", params={"limit": 5, "colour": KEY}).status_code == 200
    # 201, a missing-content-type deviation: httpx sends raw content with no Content-Type.
    assert http.post("/jobs", content=json.dumps(job()).encode()).status_code == 201
    # 404 of an operation, and 404 of a path the API does not have (operation null).
    missing = "/jobs/00000000-0000-4000-8000-000000000000"
    assert http.get(missing).status_code == 404
    assert http.get("/no-such-resource").status_code == 404
    # 400: a value no rule rescues.
    assert http.post("/jobs", json=job(shots="many")).status_code == 400
    # 201 with a body past the journal's body limit, the key inside it.
    assert http.post("/jobs", json=job(metadata={"note": KEY + "x" * 600})).status_code == 201
    # 200 with a result past 1 MiB, which the mock streams in parts (the journal keeps none).
    wide = {
        **BELL["input"],
        "qubits": 16,
        "circuit": [{"gate": "h", "target": q} for q in range(16)],
    }
    job_id = http.post("/jobs", json=job(input=wide)).json()["id"]
    finish(app, http, job_id)
    assert len(http.get(f"/jobs/{job_id}/results/probabilities").content) > 1 << 20


@pytest.fixture(scope="module")
def journaled() -> Iterator[Journaled]:
    app = create_app([KEY, OTHER_KEY], journal_body_bytes=BODY_LIMIT)
    try:
        with app_client(app, KEY) as http, app_client(app, OTHER_KEY) as other:
            send_traffic(app, http)
            # A request of the other key's, so that its journal is not empty.
            assert other.get("/jobs").status_code == 200
            root = f"{ORIGIN}{CONTRACT.prefix}"
            listed = http.get(f"{root}/requests")
            ids = [summary["id"] for summary in listed.json()["requests"]]
            details = [http.get(f"{root}/requests/{entry_id}") for entry_id in ids]
            yield Journaled(app, http, other, listed, details, [listed, *details])
    finally:
        app.close()


def test_the_list_and_every_entry_fit_the_document(journaled: Journaled) -> None:
    for answer in [journaled.listed, *journaled.details]:
        assert answer.status_code == 200
        CONTRACT.check(answer)


def test_the_traffic_fills_every_part_of_an_entry(journaled: Journaled) -> None:
    """Without this, the schema checks could pass on answers that never show a
    deviation, a null operation, a cut body or a streamed one."""
    entries = journaled.entries
    assert len(entries) == 10
    rules = {d["rule"] for e in entries for d in e["deviations"]}
    assert rules == {"numeric-string", "unknown-query-parameter", "missing-content-type"}
    assert any(e["operation"] is None for e in entries)
    assert {e["status"] for e in entries} == {200, 201, 400, 404}
    assert {e["request"]["truncated"] for e in entries} == {True, False}
    assert {e["request"]["body"] is None for e in entries} == {True, False}
    assert {e["response"]["truncated"] for e in entries} == {True, False}
    assert {e["response"]["streamed"] for e in entries} == {True, False}


def test_every_entry_is_its_summary_plus_request_and_response(journaled: Journaled) -> None:
    for summary, entry in zip(journaled.summaries, journaled.entries, strict=True):
        assert {k: v for k, v in entry.items() if k not in ("request", "response")} == summary


@pytest.mark.parametrize(
    "query",
    [
        {"method": "post"},
        {"path": "/jobs"},
        {"status": "201"},
        {"status": "4xx"},
        {"deviation": "true"},
        {"deviation": "false"},
        {"deviation": "numeric-string"},
        {"limit": "2"},
        {"before": "3", "limit": "1"},
    ],
    ids=lambda query: urlencode(query),
)
def test_filtered_lists_fit_the_document(journaled: Journaled, query: dict[str, str]) -> None:
    page = CONTRACT.check(journaled.journal(query=query))
    assert page["requests"], "each filter matches some of the traffic"


def test_errors_fit_the_document(journaled: Journaled) -> None:
    bad = CONTRACT.check(journaled.journal(query={"limit": "0"}))
    assert bad["validation"] == {"keys": ["limit"], "source": "query"}
    root = f"{ORIGIN}{CONTRACT.prefix}"
    for key in (None, "not-a-key"):
        with app_client(journaled.app, key) as stranger:
            for path in ("/requests", f"/requests/{journaled.summaries[0]['id']}"):
                answer = stranger.get(root + path)
                assert answer.status_code == 401
                CONTRACT.check(answer)
    # An entry of the first key's is, to the other key, an entry that does not exist.
    answer = journaled.other.get(f"{root}/requests/{journaled.summaries[0]['id']}")
    assert answer.status_code == 404
    CONTRACT.check(answer)
    for entry_id in ("0", "999999", "twelve"):
        answer = journaled.http.get(f"{root}/requests/{entry_id}")
        assert answer.status_code == 404
        CONTRACT.check(answer)


def test_no_answer_shows_a_key(journaled: Journaled) -> None:
    texts = [answer.text for answer in journaled.answers]
    assert not [text for text in texts if KEY in text]
    assert any("apiKey [redacted]" in text for text in texts)


def test_the_keyless_paths_fit_the_document(journaled: Journaled) -> None:
    root = f"{ORIGIN}{CONTRACT.prefix}"
    with app_client(journaled.app, None) as anyone:
        for route in CONTRACT.routes:
            if route.operation.get("security") == []:
                CONTRACT.check(anyone.get(root + route.template))
        served = anyone.get(f"{root}/openapi.yaml")
    assert served.content == DOCUMENT_PATH.read_bytes()


def mutations(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str, Any]]:
    """Copies of `value` with one member added to, or removed from, one of its objects."""
    if isinstance(value, dict):
        yield f"{path} + stray", {**value, "stray": 1}
        for name in value:
            yield f"{path} - {name}", {k: v for k, v in value.items() if k != name}
            for where, changed in mutations(value[name], (*path, name)):
                yield where, {**value, name: changed}
    elif isinstance(value, list) and value:
        for where, changed in mutations(value[0], (*path, 0)):
            yield where, [changed, *value[1:]]


def test_a_field_added_or_removed_breaks_the_contract(journaled: Journaled) -> None:
    """The check fails when an answer gains or loses a member: the document's objects
    are closed and their members required (a header pair is an array, left alone)."""
    entry = next(e for e in journaled.entries if e["deviations"] and e["leniency"])
    page = {"requests": [journaled.summaries[0]], "kept": 1, "capacity": 1}
    for name, value in (("Entry", entry), ("Page", page)):
        assert not CONTRACT.component(name, value)
        for where, changed in mutations(value):
            assert CONTRACT.component(name, changed), f"{name} {where} still fits"


def test_the_document_requires_every_member_it_declares() -> None:
    """So no member the document lists can go missing from an answer unnoticed."""

    def objects(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
        if isinstance(node, dict):
            if "properties" in node:
                yield where, node
            for key, child in node.items():
                # `if`/`then` name members conditionally; the object they refine is above.
                if key not in ("if", "then", "examples", "example"):
                    yield from objects(child, f"{where}/{key}")
        elif isinstance(node, list):
            for index, child in enumerate(node):
                yield from objects(child, f"{where}/{index}")

    for where, schema in objects(DOCUMENT["components"]["schemas"], "#/components/schemas"):
        assert set(schema.get("required", [])) == set(schema["properties"]), where


def test_the_rule_ids_are_the_mocks() -> None:
    schemas = DOCUMENT["components"]["schemas"]
    deviating = {rule.id for rule in RULES.values() if not rule.in_spec}
    assert set(schemas["RuleId"]["enum"]) == set(RULES)
    assert set(schemas["Deviation"]["properties"]["rule"]["enum"]) == deviating
    [parameter] = [
        p for p in DOCUMENT["paths"]["/requests"]["get"]["parameters"] if p["name"] == "deviation"
    ]
    assert set(parameter["schema"]["enum"]) == {"true", "false", *deviating}


def test_the_served_paths_are_the_documents(journaled: Journaled) -> None:
    """Every path the app serves under /_mock/ is an operation of the document, and each
    operation's path is served: `GET` answers, any other method is a 405."""
    documented = {CONTRACT.prefix + route.template for route in CONTRACT.routes}
    fixed = {console.REQUESTS, console.PREFIX + "/faults", *console.FILES}
    assert {p for p in documented if "{" not in p} == fixed
    assert {p for p in documented if "{" in p} == {console.REQUESTS + "/{id}"}
    assert {route.method for route in CONTRACT.routes} == {"GET"}
    entry_id = str(journaled.summaries[0]["id"])
    for path in documented:
        url = ORIGIN + path.replace("{id}", entry_id)
        answer = journaled.http.post(url)
        assert (answer.status_code, answer.headers.get("allow")) == (405, "GET"), path
        assert not CONTRACT.component("Error", answer.json()), path
    nowhere = journaled.http.get(f"{ORIGIN}{console.PREFIX}/no-such-page")
    assert nowhere.status_code == 404
    assert not CONTRACT.component("Error", nowhere.json())
    # The one path outside the document's server URL: the console without its slash.
    bare = journaled.http.get(ORIGIN + console.PREFIX)
    assert (bare.status_code, bare.headers["location"]) == (308, console.PREFIX + "/")


def _query_value(schema: Mapping[str, Any], text: str) -> Any:
    """A query parameter's text as the document's schema reads it."""
    if schema.get("type") == "integer" and re.fullmatch(r"-?[0-9]+", text):
        return int(text)
    return text


PARAMETER_CASES: Final = [
    *(("method", v) for v in ("POST", "get", "A" * 16, "A" * 17, "", "P0ST")),
    *(("path", v) for v in ("/jobs", "", "x" * 2048, "x" * 2049)),
    *(("status", v) for v in ("201", "599", "4xx", "600", "6xx", "20", "2000", "4XX", "")),
    *(("deviation", v) for v in ("true", "false", *RULES, "TRUE", "maybe", "")),
    *(("limit", v) for v in ("1", "1000", "05", "0", "1001", "-1", "1.5", "many", "")),
    *(("before", v) for v in ("1", str(2**62), str(2**62 + 1), "0", "-1", "x")),
]


@pytest.mark.parametrize(("name", "text"), PARAMETER_CASES, ids=lambda v: v[:20])
def test_a_parameter_is_refused_exactly_when_the_document_refuses_it(
    journaled: Journaled, name: str, text: str
) -> None:
    [parameter] = [
        p for p in DOCUMENT["paths"]["/requests"]["get"]["parameters"] if p["name"] == name
    ]
    fits = jsonschema_rs.is_valid(parameter["schema"], _query_value(parameter["schema"], text))
    body = CONTRACT.check(journaled.journal(query={name: text}))
    if fits:
        assert "requests" in body, body
    else:
        assert body["validation"] == {"keys": [name], "source": "query"}, body


@pytest.mark.parametrize("query", ["colour=blue", "limit=1&limit=2"])
def test_an_unknown_or_repeated_parameter_is_a_400(journaled: Journaled, query: str) -> None:
    answer = journaled.http.get(f"{ORIGIN}{CONTRACT.prefix}/requests?{query}")
    assert answer.status_code == 400
    CONTRACT.check(answer)

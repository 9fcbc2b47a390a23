"""The journal as the mock serves it (ionq_mock/console.py): what each request leaves in
it, who sees it, that no key shows, and the page's files."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import yaml
from mock_app import app_client

from ionq_mock.app import MockApp, create_app
from ionq_mock.faults import Faults
from ionq_mock.pipeline import MAX_BODY
from ionq_mock.testing import MockServer
from ionq_spec import load_spec

KEY = "console-key-0123456789"
OTHER = "console-other-key-987654"
ROOT = "http://mock.invalid"
REQUESTS = ROOT + "/_mock/requests"

BELL = {
    "type": "ionq.circuit.v1",
    "backend": "simulator",
    "input": {
        "gateset": "qis",
        "qubits": 2,
        "circuit": [{"gate": "h", "target": 0}, {"gate": "cnot", "control": 0, "target": 1}],
    },
}


@pytest.fixture
def app() -> Iterator[MockApp]:
    made = create_app([KEY, OTHER], job_duration=0.0)
    yield made
    made.close()


@pytest.fixture
def http(app: MockApp) -> Iterator[httpx.Client]:
    with app_client(app, KEY) as client:
        yield client


def newest(http: httpx.Client, **query: str) -> dict[str, Any]:
    """The newest journal entry (matching `query`), whole."""
    listed = http.get(REQUESTS, params={"limit": "1", **query})
    assert listed.status_code == 200, listed.text
    (summary,) = listed.json()["requests"]
    entry: dict[str, Any] = http.get(f"{REQUESTS}/{summary['id']}").json()
    return entry


def at(document: Any, pointer: str) -> Any:
    """The node a JSON pointer (`#/a/b`) names in `document`."""
    node = document
    for token in pointer.removeprefix("#/").split("/"):
        part = token.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def test_a_request_and_its_answer_are_kept_whole(http: httpx.Client) -> None:
    created = http.post("/jobs", json=BELL, params={})
    assert created.status_code == 201
    entry = newest(http)
    assert entry["method"] == "POST"
    assert entry["path"] == "/v0.4/jobs"
    assert entry["operation"] == "createJob"
    assert entry["status"] == 201
    assert entry["duration_ms"] > 0
    assert json.loads(entry["request"]["body"]) == BELL
    assert entry["request"]["size"] == len(created.request.content)
    assert json.loads(entry["response"]["body"]) == created.json()
    assert ["content-type", "application/json"] in entry["response"]["headers"]
    assert entry["leniency"] == []
    assert entry["deviations"] == []


# Each leniency rule strict mode refuses, the request that needs it, the key it names.
DEVIATING: list[tuple[str, str, dict[str, Any], str]] = [
    ("numeric-string", "POST", {"json": {**BELL, "shots": "100"}}, "shots"),
    ("boolean-string", "GET", {"params": {"sharpen": "True"}}, "sharpen"),
    ("null-optional", "POST", {"json": {**BELL, "name": None}}, "name"),
    (
        "missing-content-type",
        "POST",
        {"content": json.dumps(BELL).encode()},  # httpx adds no Content-Type to bytes
        "content-type",
    ),
    ("unexpected-body", "GET", {"json": {"limit": 5}}, ""),
    ("unknown-query-parameter", "GET", {"params": {"session": "x"}}, "session"),
]


@pytest.mark.parametrize(
    ("rule", "method", "send", "key"), DEVIATING, ids=[d[0] for d in DEVIATING]
)
def test_each_deviation_names_its_key_and_the_rule_of_the_spec(
    http: httpx.Client, rule: str, method: str, send: dict[str, Any], key: str
) -> None:
    created = http.post("/jobs", json=BELL).json()
    path = "/jobs" if method == "POST" else f"/jobs/{created['id']}/results/probabilities"
    if rule in ("unexpected-body", "unknown-query-parameter"):
        path = "/jobs"
    answer = http.request(method, path, **send)
    assert answer.is_success, answer.text
    entry = newest(http, deviation=rule)
    assert entry["status"] == answer.status_code
    (deviation,) = [d for d in entry["deviations"] if d["rule"] == rule]
    assert deviation["key"] == key
    assert f"leniency rule {rule}" in deviation["message"]
    assert "--strict" in deviation["message"]
    # The rule is named as openapi.yaml writes it: a pointer to a real node of it, and
    # (for a schema keyword) that keyword's value.
    pointer, _, quoted = deviation["spec"].partition(": ")
    node = at(load_spec(), pointer)
    if rule in ("numeric-string", "boolean-string", "null-optional"):
        assert pointer.rsplit("/", 1)[-1] == "type"
        assert json.loads(quoted) == node
    assert any(r["rule"] == rule and r["key"] == key for r in entry["leniency"])


def test_a_rule_openapi_allows_is_leniency_not_a_deviation(http: httpx.Client) -> None:
    assert http.post("/jobs", json={**BELL, "colour": "blue"}).status_code == 201
    entry = newest(http)
    assert [(r["rule"], r["key"]) for r in entry["leniency"]] == [("unknown-field", "colour")]
    assert entry["deviations"] == []


def test_strict_mode_journals_the_refusal_itself() -> None:
    app = create_app([KEY], strict=True)
    try:
        with app_client(app, KEY) as http:
            assert http.post("/jobs", json={**BELL, "shots": "100"}).status_code == 400
            entry = newest(http)
    finally:
        app.close()
    assert entry["status"] == 400
    body = json.loads(entry["response"]["body"])
    assert body["validation"]["keys"] == ["shots"]
    assert "leniency rule numeric-string" in body["message"]


def test_no_key_shows_anywhere(app: MockApp, http: httpx.Client) -> None:
    # A client that puts keys everywhere: the header, the query, a body, another header,
    # the path (another accepted key, too).
    http.post("/jobs", json={**BELL, "metadata": {"note": KEY, "other": OTHER}})
    http.get("/jobs", params={"token": KEY}, headers={"X-Api-Key": OTHER})
    http.get(f"/jobs/{KEY}")
    http.get(f"/nowhere/{OTHER}")
    listed = http.get(REQUESTS)
    texts = [listed.text]
    for summary in listed.json()["requests"]:
        texts.append(http.get(f"{REQUESTS}/{summary['id']}").text)
    assert len(texts) == 5
    for text in texts:
        assert KEY not in text
        assert OTHER not in text
    assert "[redacted]" in texts[-1]


def test_each_key_sees_only_its_own_requests(app: MockApp, http: httpx.Client) -> None:
    http.post("/jobs", json=BELL)
    mine = http.get(REQUESTS).json()
    with app_client(app, OTHER) as other:
        other.get("/jobs")
        theirs = other.get(REQUESTS).json()
        assert other.get(f"{REQUESTS}/{mine['requests'][0]['id']}").status_code == 404
    assert [r["operation"] for r in mine["requests"]] == ["createJob"]
    assert [r["operation"] for r in theirs["requests"]] == ["listJobs"]
    assert mine["kept"] == 1
    with app_client(app, None) as anonymous:
        refused = anonymous.get(REQUESTS)
        assert refused.status_code == 401
        assert anonymous.get("/jobs").status_code == 401
    with app_client(app, "not-a-key") as stranger:
        assert stranger.get(REQUESTS).status_code == 401
    # Requests without an accepted key are nobody's: not kept.
    assert http.get(REQUESTS).json()["kept"] == 1


def test_the_journal_is_bounded_per_key() -> None:
    app = create_app([KEY], journal_size=5, journal_body_bytes=100)
    try:
        with app_client(app, KEY) as http:
            for index in range(8):
                http.get("/jobs", params={"limit": str(index + 1)})
            http.post("/jobs", json={**BELL, "name": "n" * 1000})
            listed = http.get(REQUESTS).json()
            entry = newest(http)
    finally:
        app.close()
    assert listed["capacity"] == 5
    assert listed["kept"] == 5
    assert [r["query"] for r in listed["requests"][1:]] == [f"limit={n}" for n in (8, 7, 6, 5)]
    request = entry["request"]
    assert request["truncated"]
    assert len(request["body"]) == 100
    assert request["size"] > 1000


def test_a_body_refused_as_too_large_is_kept_in_part_with_the_size_read() -> None:
    """A body sent in parts past the mock's limit: its 413 is kept with the first bytes
    of what was read (cut at the journal's limit) and the number of bytes read."""
    app = create_app([KEY], journal_body_bytes=100)
    part = b"[" + b"0," * 50_000
    sends = MAX_BODY // len(part) + 2
    sent: list[dict[str, Any]] = []

    async def post() -> None:
        messages = [{"type": "http.request", "body": part, "more_body": True} for _ in range(sends)]

        async def receive() -> dict[str, Any]:
            return messages.pop() if messages else {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {
            "type": "http",
            "method": "POST",
            "path": "/v0.4/jobs",
            "query_string": b"",
            "headers": [
                (b"authorization", f"apiKey {KEY}".encode()),
                (b"content-type", b"application/json"),
                (b"transfer-encoding", b"chunked"),
            ],
        }
        await app(scope, receive, send)

    try:
        asyncio.run(post())
        with app_client(app, KEY) as http:
            entry = newest(http)
    finally:
        app.close()
    assert sent[0]["status"] == 413
    assert entry["status"] == 413
    request = entry["request"]
    assert request["body"] == part[:100].decode()
    assert request["truncated"]
    assert MAX_BODY < request["size"] <= MAX_BODY + len(part)


def test_a_journal_of_size_zero_keeps_nothing() -> None:
    app = create_app([KEY], journal_size=0)
    try:
        with app_client(app, KEY) as http:
            http.get("/jobs")
            listed = http.get(REQUESTS).json()
    finally:
        app.close()
    assert listed == {"requests": [], "kept": 0, "capacity": 0}


def test_filters_through_the_query(http: httpx.Client) -> None:
    http.post("/jobs", json={**BELL, "shots": "10"})
    http.get("/jobs")
    http.get("/jobs/not-a-job")
    http.get("/sessions")

    def listed(**query: str) -> list[str]:
        answer = http.get(REQUESTS, params=query)
        assert answer.status_code == 200, answer.text
        return [f"{r['method']} {r['path']} {r['status']}" for r in answer.json()["requests"]]

    assert listed(method="post") == ["POST /v0.4/jobs 201"]
    assert listed(path="/sessions") == ["GET /v0.4/sessions 200"]
    assert listed(status="404") == ["GET /v0.4/jobs/not-a-job 404"]
    assert listed(status="2xx", deviation="false") == [
        "GET /v0.4/sessions 200",
        "GET /v0.4/jobs 200",
    ]
    assert listed(deviation="true") == listed(deviation="numeric-string") == ["POST /v0.4/jobs 201"]
    assert len(listed(limit="2")) == 2


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "1001"}, "limit"),
        ({"status": "99"}, "status"),
        ({"deviation": "unknown-field"}, "deviation"),
        ({"method": "GET /"}, "method"),
        ({"before": "x"}, "before"),
        ({"colour": "blue"}, "colour"),
        ({"path": "x" * 3000}, "path"),
    ],
)
def test_a_bad_filter_is_a_400_naming_it(
    http: httpx.Client, query: dict[str, str], key: str
) -> None:
    answer = http.get(REQUESTS, params=query)
    assert answer.status_code == 400
    body = answer.json()
    assert body["validation"] == {"keys": [key], "source": "query"}
    assert body["error"] == "Bad Request"


def test_the_console_is_not_journaled_and_its_page_is_served(http: httpx.Client) -> None:
    http.get("/jobs")
    page = http.get(ROOT + "/_mock/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for name in ("app.js", "app.css", "openapi.yaml"):
        assert http.get(f"{ROOT}/_mock/{name}").status_code == 200, name
    assert yaml.safe_load(http.get(ROOT + "/_mock/openapi.yaml").text)["openapi"].startswith("3.1")
    redirect = http.get(ROOT + "/_mock")
    assert redirect.status_code == 308
    assert redirect.headers["location"] == "/_mock/"
    refused = http.post(REQUESTS)
    assert refused.status_code == 405
    assert refused.headers["allow"] == "GET"
    assert http.get(ROOT + "/_mock/nothing").status_code == 404
    assert [r["operation"] for r in http.get(REQUESTS).json()["requests"]] == ["listJobs"]


def test_a_dropped_connection_is_kept_without_a_status() -> None:
    with MockServer([KEY], faults=Faults(drop=1.0, seed=1)) as server:
        headers = {"Authorization": f"apiKey {KEY}"}
        with httpx.Client(base_url=server.url, headers=headers, timeout=5) as http:
            with pytest.raises(httpx.TransportError):
                http.get("/v0.4/jobs")
            # The console is never faulted.
            (entry,) = http.get("/_mock/requests").json()["requests"]
    assert entry["status"] is None
    assert entry["operation"] == "listJobs"


def test_a_streamed_result_is_kept_without_its_body(http: httpx.Client, app: MockApp) -> None:
    # 2^16 probabilities: over a MiB of JSON, sent in parts as they are read.
    wide = {
        **BELL,
        "input": {
            "gateset": "qis",
            "qubits": 16,
            "circuit": [{"gate": "h", "target": q} for q in range(16)],
        },
    }
    job = http.post("/jobs", json=wide).json()
    answer = http.get(f"/jobs/{job['id']}/results/probabilities")
    assert answer.status_code == 200
    entry = newest(http)
    assert entry["response"]["streamed"]
    assert entry["response"]["body"] is None
    assert entry["response"]["size"] == len(answer.content)


def test_serve_prints_the_console_address() -> None:
    command = [sys.executable, "-c", "from ionq_mock.cli import main; main()", "serve"]
    command += ["--port", "0", "--api-key", KEY]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        listening = process.stdout.readline().split()[-1]
        console = process.stdout.readline()
        assert console.startswith("ionq-mock console at "), console
        url = console.split()[-1]
        assert url == listening.removesuffix("/v0.4") + "/_mock/"
        assert httpx.get(url, timeout=5).status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()

"""Behaviour of the mock server over real HTTP: auth, lifecycle, results, errors, faults."""

from __future__ import annotations

import json
import socket
from typing import Any

import httpx
import pytest
from mock_http import BELL, MULTI, client, wait_done

from ionq_mock.faults import Faults
from ionq_mock.testing import MockServer


def test_bell_job_lifecycle_and_probabilities(ionq_mock_server: MockServer) -> None:
    with client(ionq_mock_server) as http:
        created = http.post("/jobs", json=BELL)
        assert created.status_code == 201
        assert created.json()["status"] == "submitted"
        job = wait_done(http, created.json()["id"])
        assert job["status"] == "completed"
        assert job["stats"]["gate_counts"] == {"1q": 1, "2q": 1}
        probs = http.get(job["results"]["probabilities"]["url"].removeprefix("/v0.4")).json()
        descriptor = job["results"]["ionq.result.probabilities.json.v1"]
        assert http.get(f"/jobs/{job['id']}/artifacts/{descriptor['id']}").json() == probs
        assert probs.keys() == {"0", "3"}
        assert probs["0"] == pytest.approx(0.5)


def test_missing_or_wrong_key_is_401_and_keys_are_isolated() -> None:
    with MockServer(api_keys=["key-1", "key-2"]) as server:
        assert httpx.get(server.base_url + "/jobs").status_code == 401
        wrong = httpx.get(server.base_url + "/jobs", headers={"Authorization": "apiKey nope"})
        assert wrong.status_code == 401
        assert wrong.json()["error"] == "Unauthorized Error"
        with client(server, "key-1") as one, client(server, "key-2") as two:
            job_id = one.post("/jobs", json=BELL).json()["id"]
            assert two.get(f"/jobs/{job_id}").status_code == 404
            assert two.get("/jobs").json() == {"jobs": [], "next": None}
            assert one.get("/whoami").json()["key_id"] != two.get("/whoami").json()["key_id"]


def test_pagination_lists_every_job_once_newest_first(ionq_mock_server: MockServer) -> None:
    with client(ionq_mock_server) as http:
        ids = [http.post("/jobs", json=BELL).json()["id"] for _ in range(23)]
        seen: list[str] = []
        cursor = None
        while True:
            page = http.get("/jobs", params={"limit": 5, **({"next": cursor} if cursor else {})})
            body = page.json()
            seen += [j["id"] for j in body["jobs"]]
            # Deleting and creating while paging must not disturb the listing.
            if len(seen) == 10:
                http.delete(f"/jobs/{ids[0]}")
                http.post("/jobs", json=BELL)
            cursor = body["next"]
            if cursor is None:
                break
        assert seen == list(reversed(ids))[: len(seen)]
        assert len(seen) == 22
        assert len(set(seen)) == len(seen)


@pytest.mark.parametrize(
    ("kwargs", "status", "keys", "source"),
    [
        (
            {"content": b"{not json", "headers": {"content-type": "application/json"}},
            400,
            [],
            "body",
        ),
        (
            {"content": b"{}", "headers": {"content-type": "text/plain"}},
            400,
            ["content-type"],
            "headers",
        ),
        ({"json": {**BELL, "shots": 0}}, 400, ["shots"], "body"),
        (
            {"json": {**BELL, "metadata": {f"k{i}": "v" for i in range(11)}}},
            400,
            ["metadata"],
            "body",
        ),
        ({"json": {**BELL, "metadata": {"k": "v" * 40_001}}}, 400, ["metadata.k"], "body"),
        (
            {
                "json": {
                    **BELL,
                    "input": {
                        "gateset": "qis",
                        "circuit": [{"gate": "rx", "target": 0, "rotation": "half"}],
                    },
                }
            },
            400,
            ["input.circuit.0.rotation"],
            "body",
        ),
    ],
)
def test_bad_input_is_a_documented_400_and_stores_nothing(
    ionq_mock_server: MockServer, kwargs: dict[str, Any], status: int, keys: list[str], source: str
) -> None:
    with client(ionq_mock_server) as http:
        answer = http.post("/jobs", **kwargs)
        assert answer.status_code == status
        assert answer.headers["content-type"] == "application/json"
        assert answer.json()["validation"] == {"keys": keys, "source": source}
        assert http.get("/jobs").json()["jobs"] == []


def test_unknown_path_wrong_method_and_large_body(ionq_mock_server: MockServer) -> None:
    with client(ionq_mock_server) as http:
        missing = http.get("/nowhere")
        assert (missing.status_code, missing.json()["statusCode"]) == (404, 404)
        wrong = http.put("/jobs")
        assert wrong.status_code == 405
        assert wrong.headers["allow"] == "DELETE, GET, POST"
        assert wrong.json()["error"] == "Method Not Allowed"
        big = http.post(
            "/jobs",
            content=b" " * (10 * 1024 * 1024 + 1),
            headers={"content-type": "application/json"},
        )
        assert big.status_code == 413
        assert big.json()["statusCode"] == 413
        assert http.get("/jobs?limit=1001").json()["validation"]["keys"] == ["limit"]


def test_semantic_errors_make_failed_jobs_with_real_codes(ionq_mock_server: MockServer) -> None:
    programs = {
        "InvalidInput": {"gateset": "qis", "qubits": 2, "circuit": [{"gate": "x", "target": 5}]},
        "NotEnoughQubits": {
            "gateset": "qis",
            "qubits": 30,
            "circuit": [{"gate": "x", "target": 0}],
        },
    }
    with client(ionq_mock_server) as http:
        for code, program in programs.items():
            created = http.post("/jobs", json={**BELL, "input": program})
            assert created.status_code == 201
            job = wait_done(http, created.json()["id"])
            assert job["status"] == "failed"
            assert job["failure"]["code"] == code
            assert http.get(f"/jobs/{job['id']}/results/probabilities").status_code == 404


def test_multi_circuit_job_has_children_and_aggregated_results(
    ionq_mock_server: MockServer,
) -> None:
    with client(ionq_mock_server) as http:
        job = wait_done(http, http.post("/jobs", json=MULTI).json()["id"])
        children = job["child_job_ids"]
        assert len(children) == 2
        aggregated = http.get(f"/jobs/{job['id']}/results/probabilities/aggregated").json()
        assert aggregated[children[0]] == {"1": 1.0}
        assert aggregated[children[1]]["0"] == pytest.approx(0.5)


def test_cancel_and_delete() -> None:
    with MockServer(job_duration=30) as server, client(server) as http:
        first, second = (http.post("/jobs", json=BELL).json()["id"] for _ in range(2))
        assert http.put(f"/jobs/{first}/status/cancel").json() == {
            "id": first,
            "status": "canceled",
        }
        assert http.put("/jobs/status/cancel", json={"ids": [first, second]}).json() == {
            "ids": [second],
            "status": "canceled",
        }
        assert http.request("DELETE", "/jobs", json={"ids": [first]}).status_code == 200
        assert http.get(f"/jobs/{first}").status_code == 404
        assert http.delete(f"/jobs/{second}").json() == {"id": second, "status": "deleted"}


def test_faults_before_and_after_commit() -> None:
    faults = Faults(rates={429: 1.0}, seed=1)
    with MockServer(faults=faults) as server, client(server) as http:
        limited = http.get("/jobs")
        assert limited.status_code == 429
        assert limited.headers["retry-after"] == "1"
        assert limited.json()["statusCode"] == 429
    with MockServer(faults=Faults(after_commit=1.0)) as server, client(server) as http:
        tagged = {**BELL, "metadata": {"request": "abc"}}
        assert http.post("/jobs", json=tagged).status_code == 500
        [job] = http.get("/jobs").json()["jobs"]
        assert job["metadata"] == {"request": "abc"}


def test_sessions(ionq_mock_server: MockServer) -> None:
    with client(ionq_mock_server) as http:
        created = http.post(
            "/sessions", json={"backend": "qpu.forte-1", "settings": {"job_count_limit": 1}}
        )
        assert created.status_code == 201
        session = created.json()
        job = http.post(
            "/jobs", json={**BELL, "backend": "qpu.forte-1", "session_id": session["id"]}
        ).json()
        assert job["session_id"] == session["id"]
        assert http.get(f"/sessions/{session['id']}").json()["status"] == "ended"
        listed = http.get(f"/sessions/{session['id']}/jobs").json()["jobs"]
        assert [j["id"] for j in listed] == [job["id"]]
        assert http.post(f"/sessions/{session['id']}/end").json()["active"] is False


def test_multi_circuit_job_in_an_ended_session_fails_without_children(
    ionq_mock_server: MockServer,
) -> None:
    # Found by `make fuzz`: the session check failed the job after its children were
    # planned, and the server answered 500.
    multi = {
        "type": "ionq.multi-circuit.v1",
        "backend": "qpu.forte-1",
        "input": {
            "gateset": "qis",
            "circuits": [{"circuit": [{"gate": "x", "target": 0}]}] * 2,
        },
    }
    with client(ionq_mock_server) as http:
        session = http.post("/sessions", json={"backend": "qpu.forte-1"}).json()
        assert http.post(f"/sessions/{session['id']}/end").status_code == 200
        created = http.post("/jobs", json={**multi, "session_id": session["id"]})
        assert created.status_code == 201
        job = wait_done(http, created.json()["id"])
        assert job["status"] == "failed"
        assert job["failure"]["code"] == "InvalidInput"
        assert job["child_job_ids"] == []
        assert [j["id"] for j in http.get("/jobs").json()["jobs"]] == [job["id"]]


def raw_exchange(server: MockServer, request: bytes) -> tuple[bytes, dict[str, Any]]:
    """Send raw bytes (httpx refuses URLs over 64 KB); return the status line and JSON body."""
    with socket.create_connection((server.host, server.port), timeout=10) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *header_lines = head.split(b"\r\n")
    assert b"content-type: application/json" in [line.lower() for line in header_lines]
    parsed: dict[str, Any] = json.loads(body)
    return status_line, parsed


@pytest.mark.parametrize("ids", [1_000, 5_000])
def test_overlong_url_is_a_json_400(ionq_mock_server: MockServer, ids: int) -> None:
    # 41 KB reaches the app (too many `ids`); 205 KB is refused by httptools' URL parser
    # (over 65,535 bytes) before the app, and the protocol still answers in JSON.
    query = "&".join(["ids=402d1113-a34f-3118-892e-5da38da55429"] * ids)
    request = (
        f"GET /v0.4/jobs?{query} HTTP/1.1\r\nHost: x\r\n"
        f"Authorization: apiKey {ionq_mock_server.api_key}\r\nConnection: close\r\n\r\n"
    )
    status_line, body = raw_exchange(ionq_mock_server, request.encode())
    assert status_line == b"HTTP/1.1 400 Bad Request"
    assert body["statusCode"] == 400
    assert body["validation"]["source"] == "query"


def test_unparseable_request_is_a_json_400(ionq_mock_server: MockServer) -> None:
    status_line, body = raw_exchange(ionq_mock_server, b"GET /v0.4/jobs HTTP/1.1\r\nBad\0\r\n\r\n")
    assert status_line == b"HTTP/1.1 400 Bad Request"
    assert body == {
        "statusCode": 400,
        "error": "Bad Request",
        "message": "the request is not valid HTTP/1.1",
        "validation": {"keys": [], "source": "headers"},
    }


def test_a_huge_invalid_value_gets_a_short_message(ionq_mock_server: MockServer) -> None:
    """The validator quotes the offending value; a 40 KB value must not come back whole."""
    body = {**BELL, "metadata": {"notes": "x" * 40_001}}
    with client(ionq_mock_server) as http:
        answer = http.post("/jobs", json=body)
    assert answer.status_code == 400
    error = answer.json()
    assert error["validation"] == {"keys": ["metadata.notes"], "source": "body"}
    assert error["message"].startswith('"metadata.notes": ')
    assert len(error["message"]) <= 300


def test_listings_show_every_write_to_a_job() -> None:
    """Listings serve cached renderings; a rename, a tag or a cancel must still show at once."""
    with MockServer(job_duration=60) as server, client(server) as http:
        job_id = http.post("/jobs", json=BELL).json()["id"]
        (listed,) = http.get("/jobs").json()["jobs"]  # rendered and cached
        assert listed["name"] is None
        http.patch(f"/jobs/{job_id}", json={"name": "renamed", "metadata": {"tag": "a"}})
        (listed,) = http.get("/jobs").json()["jobs"]
        assert (listed["name"], listed["metadata"]) == ("renamed", {"tag": "a"})
        assert http.put(f"/jobs/{job_id}/status/cancel").status_code == 200
        (listed,) = http.get("/jobs").json()["jobs"]
        assert listed["status"] == "canceled"
        # A list item is the job without `child_job_ids` (IonQ's BaseJob).
        job = http.get(f"/jobs/{job_id}").json()
        assert job.pop("child_job_ids") is None
        assert job == listed


def test_an_upgrade_to_h2c_is_ignored_and_the_body_is_read(ionq_mock_server: MockServer) -> None:
    # Java's java.net.http.HttpClient (HTTP/2 by default) sends its first plain-HTTP request
    # so; httptools alone reads the body as the new protocol's bytes and the app saw none.
    body = json.dumps(BELL).encode()
    head = (
        "POST /v0.4/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
        "HTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA\r\n"
        f"Authorization: apiKey {ionq_mock_server.api_key}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    with socket.create_connection((ionq_mock_server.host, ionq_mock_server.port), 10) as sock:
        # Cut mid-line, inside the Upgrade header and after it, as a network may.
        cut = head.index(b"h2c") + 1
        for part in (head[:cut], head[cut : cut + 30], head[cut + 30 :] + body[:10], body[10:]):
            sock.sendall(part)
        answer = b""
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
    status_line, _, rest = answer.partition(b"\r\n")
    assert status_line == b"HTTP/1.1 201 Created", answer[:300]
    created = json.loads(rest.partition(b"\r\n\r\n")[2])
    assert created["status"] == "submitted"

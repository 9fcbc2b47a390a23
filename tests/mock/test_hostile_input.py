"""Expensive bad input does not stop the mock: each costly shape is a short 400, fast.

Measured before the fix: one `POST /jobs` of 200,000 one-qubit gates (5.6 MB, under the
10 MiB body limit, over the 150,000-gate limit) was answered 400 after 128 s, and a
`GET /backends` sent meanwhile waited 110 s (jsonschema-rs built 3.2 million errors of the
wrong `oneOf` branch before returning the first). Here every shape, sent to a real server,
must be answered 400 within `ANSWER_WITHIN` with a message under 300 characters naming
the key, while `GET /backends` requests sent meanwhile each answer within `PROBE_WITHIN`
plus the time parsing the body holds the GIL on this machine (`gil_held`: one C call no
server thread can interrupt); both bounds grow with what the machine's own load adds
(tests/mock/latency.py). The figures measured are ~0.1-0.5 s and under 0.2 s.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from latency import allowed_wait, quiet_slowest

from ionq_mock.bounds import MAX_DEPTH
from ionq_mock.leniency import MAX_FIXES, MAX_ROUNDS
from ionq_mock.schema_errors import MAX_MESSAGE
from ionq_mock.testing import MockServer

ANSWER_WITHIN = 2.0
PROBE_WITHIN = 0.5
# The longest the test waits for an answer (the bug took 128 s).
GIVE_UP = 10.0

H = {"gate": "h", "target": 0}


def job(**fields: Any) -> dict[str, Any]:
    """A one-gate circuit job with `fields` changed."""
    return {
        "type": "ionq.circuit.v1",
        "backend": "simulator",
        "input": {"gateset": "qis", "qubits": 1, "circuit": [H]},
        **fields,
    }


def circuit(gates: list[dict[str, Any]], gateset: str = "qis") -> dict[str, Any]:
    return job(input={"gateset": gateset, "qubits": 1, "circuit": gates})


def nested(depth: int) -> Any:
    value: Any = []
    for _ in range(depth - 1):
        value = [value]
    return value


@dataclass
class Shape:
    """One costly request: what is sent, the key its 400 must name, words it must say."""

    method: str
    path: str
    body: bytes
    key: str | None
    says: str = ""


def post(body: Any, key: str | None, says: str = "") -> Shape:
    return Shape("POST", "/jobs", json.dumps(body).encode(), key, says)


def bad_ids(method: str, path: str) -> Shape:
    body = json.dumps({"ids": [str(i) for i in range(900_000)]}).encode()
    return Shape(method, path, body, "ids", "900,000 items; at most 1,000 are allowed")


def multi(circuits: list[dict[str, Any]]) -> dict[str, Any]:
    return job(type="ionq.multi-circuit.v1", input={"gateset": "qis", "circuits": circuits})


DEEP_KEY = ".".join(["0"] * (MAX_DEPTH - 2))
MOST_FIXED = MAX_ROUNDS * MAX_FIXES

# Built by each test, not at collection: together they weigh ~100 MB.
SHAPES: dict[str, Callable[[], Shape]] = {
    "200,000 gates": lambda: post(
        circuit([H] * 200_000), "input.circuit", "200,000 items; at most 150,000 are allowed"
    ),
    "150,000 gates, the last one bad": lambda: post(
        circuit([H] * 149_999 + [{"gate": "h", "target": 99}]),
        "input.circuit.149999.target",
        "99 is greater than the maximum of 35",
    ),
    "150,000 qis gates in a native circuit": lambda: post(
        circuit([H] * 150_000, gateset="native"), "input.circuit.0.gate"
    ),
    "200,000 gates in a multi-circuit job": lambda: post(
        multi([{"circuit": [H] * 200_000}]), "input.circuits.0.circuit", "at most 150,000"
    ),
    "5,001 circuits": lambda: post(
        multi([{"circuit": [H] * 20}] * 5_001),
        "input.circuits",
        "5,001 items; at most 5,000 are allowed",
    ),
    "a body of 150,000 items": lambda: Shape(
        "POST",
        "/jobs",
        json.dumps([H] * 150_000).encode(),
        None,
        'an array of 150,000 items is not of type "object"',
    ),
    "an input of 150,000 items": lambda: post(
        job(input=[H] * 150_000), "input", 'an array of 150,000 items is not of type "object"'
    ),
    "100,000 nested arrays": lambda: Shape(
        "POST", "/jobs", b"[" * 100_000 + b"]" * 100_000, None, "nested too deeply"
    ),
    "metadata nested 300 deep": lambda: post(
        job(metadata={"a": nested(300)}), f"metadata.a.{DEEP_KEY}", f"at most {MAX_DEPTH}"
    ),
    "settings nested 900 deep": lambda: post(
        job(settings={"a": nested(900)}), f"settings.a.{DEEP_KEY}", f"at most {MAX_DEPTH}"
    ),
    "metadata of 500,000 keys": lambda: post(
        job(metadata={f"k{i}": "" for i in range(500_000)}),
        "metadata",
        "500,000 keys; at most 10 are allowed",
    ),
    "a 9 MB metadata value": lambda: post(
        job(metadata={"notes": "x" * 9_000_000}),
        "metadata.notes",
        "9,000,000 characters; at most 40,000 are allowed",
    ),
    "a number too large for a double": lambda: Shape(
        "POST",
        "/jobs",
        json.dumps(job(settings={"x": 1.5})).replace("1.5", "1e400").encode(),
        "settings.x",
        "too large for a double",
    ),
    "900,000 bad ids to cancel": lambda: bad_ids("PUT", "/jobs/status/cancel"),
    "900,000 bad ids to delete": lambda: bad_ids("DELETE", "/jobs"),
    "a 9 MB name to update": lambda: Shape(
        "PATCH",
        f"/jobs/{uuid.uuid4()}",
        json.dumps({"name": "x" * 9_000_000}).encode(),
        "name",
        "9,000,000 characters; at most 255 are allowed",
    ),
    "a 9 MB session member": lambda: Shape(
        "POST",
        "/sessions",
        json.dumps({"backend": "simulator", "x": "y" * 9_000_000}).encode(),
        "x",
    ),
    "150,000 numeric-string targets": lambda: post(
        circuit([{"gate": "h", "target": "0"}] * 150_000),
        f"input.circuit.{MOST_FIXED}.target",
        f"leniency rules to at most {MOST_FIXED:,} values",
    ),
}


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer(job_duration=0.05) as running:
        yield running


def headers(server: MockServer) -> dict[str, str]:
    return {"Authorization": f"apiKey {server.api_key}", "Content-Type": "application/json"}


@dataclass
class Timed:
    """The costly request's answer and time, and the probes' latencies meanwhile."""

    answer: httpx.Response | None = None
    error: BaseException | None = None
    seconds: float = 0.0
    probes: list[float] = field(default_factory=list)
    # The slowest probe before the costly request was sent.
    quiet: float = 0.0
    # The longest the body's parse holds the GIL on this machine (see `gil_held`).
    held: float = 0.0

    def slowest_allowed(self) -> float:
        return allowed_wait(PROBE_WITHIN + self.held, self.quiet)

    def answer_allowed(self, within: float = ANSWER_WITHIN) -> float:
        """How long the costly request may take: `within`, plus what the machine's own
        load adds (it slows the costly request as it slows the probes)."""
        return allowed_wait(within, self.quiet)


def gil_held(body: bytes | None) -> float:
    """How long parsing `body` and freeing what it made takes here: one C call each, which
    hold the GIL, so a probe may wait that long whatever the server does (a 500,000-key
    object: ~0.1 s on a quick machine, ~0.5 s on a slow one)."""
    if not body:
        return 0.0
    fastest = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        try:
            value = json.loads(body)
        except (ValueError, RecursionError):  # too deep for this parser: the server's bounds
            value = None
        del value
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


def send_while_probing(server: MockServer, send: Any, body: bytes | None = None) -> Timed:
    """Run `send()` (the costly request, sending `body`) in a thread; meanwhile time
    `GET /backends`."""
    timed = Timed(held=gil_held(body))

    def costly() -> None:
        start = time.perf_counter()
        try:
            timed.answer = send()
        except BaseException as exc:  # reported by the test, not lost in the thread
            timed.error = exc
        timed.seconds = time.perf_counter() - start

    thread = threading.Thread(target=costly, daemon=True)
    with httpx.Client(base_url=server.base_url, headers=headers(server), timeout=GIVE_UP) as probe:
        probe.get("/backends")  # connected before the costly request starts
        timed.quiet = quiet_slowest(lambda: probe.get("/backends"))
        thread.start()
        deadline = time.monotonic() + GIVE_UP
        while thread.is_alive() and time.monotonic() < deadline:
            start = time.perf_counter()
            assert probe.get("/backends").status_code == 200
            timed.probes.append(time.perf_counter() - start)
            time.sleep(0.005)
    thread.join(GIVE_UP)
    return timed


def assert_short_400(timed: Timed, key: str | None, says: str = "") -> dict[str, Any]:
    assert timed.error is None, repr(timed.error)
    assert timed.answer is not None
    assert timed.answer.status_code == 400, timed.answer.text[:500]
    allowed = timed.answer_allowed()
    assert timed.seconds < allowed, f"answered in {timed.seconds:.2f} s, {allowed:.2f} allowed"
    error: dict[str, Any] = timed.answer.json()
    message = error["message"]
    assert len(message) <= MAX_MESSAGE, message
    assert says in message, message
    keys = error["validation"]["keys"]
    if key is None:
        assert keys == []
    else:
        assert keys[0] == key, keys
        assert message.startswith(f'"{key[:30]}'), message
    slowest = max(timed.probes, default=0.0)
    # The figures, for `pytest -s`.
    print(
        f"\n400 in {timed.seconds:.2f} s; slowest GET /backends meanwhile {slowest:.3f} s"
        f" (before: {timed.quiet:.3f} s)"
    )
    waited = timed.slowest_allowed()
    assert slowest < waited, f"GET /backends took {slowest:.2f} s meanwhile, {waited:.2f} allowed"
    return error


@pytest.mark.alone
@pytest.mark.parametrize("name", SHAPES)
def test_a_costly_body_is_a_short_400_and_others_are_not_kept_waiting(
    server: MockServer, name: str
) -> None:
    shape = SHAPES[name]()
    with httpx.Client(base_url=server.base_url, headers=headers(server), timeout=GIVE_UP) as http:
        timed = send_while_probing(
            server, lambda: http.request(shape.method, shape.path, content=shape.body), shape.body
        )
    assert_short_400(timed, shape.key, shape.says)


def raw_get(server: MockServer, target: str) -> tuple[int, dict[str, Any]]:
    """GET `target` over a plain socket (httpx refuses URLs this long); status and body."""
    request = (
        f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: apiKey {server.api_key}"
        "\r\nConnection: close\r\n\r\n"
    )
    with socket.create_connection((server.host, server.port), timeout=GIVE_UP) as sock:
        sock.sendall(request.encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)


@pytest.mark.parametrize(
    ("query", "key", "says"),
    [
        ("limit=" + "9" * 60_000, "limit", "is not of type"),
        ("&".join(f"ids=x{i}" for i in range(6_000)), "ids", "6,000 items; at most 100"),
    ],
    ids=["a 60,000-digit limit", "6,000 ids"],
)
def test_a_costly_query_is_a_short_400(server: MockServer, query: str, key: str, says: str) -> None:
    start = time.perf_counter()
    status, error = raw_get(server, f"/v0.4/jobs?{query}")
    assert status == 400, error
    assert time.perf_counter() - start < ANSWER_WITHIN
    assert error["validation"]["keys"] == [key]
    assert says in error["message"]
    assert len(error["message"]) <= MAX_MESSAGE


@pytest.mark.alone
def test_a_valid_150000_gate_job_is_accepted_and_others_are_not_kept_waiting(
    server: MockServer,
) -> None:
    body = json.dumps(circuit([H] * 150_000)).encode()
    with httpx.Client(base_url=server.base_url, headers=headers(server), timeout=GIVE_UP) as http:
        timed = send_while_probing(server, lambda: http.post("/jobs", content=body))
    assert timed.answer is not None
    assert timed.answer.status_code == 201, timed.answer.text
    # Validation is ~0.1 s of it; the simulator's analysis of the gates, the rest (~1 s).
    assert timed.seconds < timed.answer_allowed(5 * ANSWER_WITHIN)
    assert max(timed.probes) < timed.slowest_allowed(), (timed.quiet, timed.probes)


@pytest.mark.parametrize(
    "bad",
    [
        {"gate": "h", "target": 99},
        {"gate": "rx", "target": 0},
        {"gate": "cnot", "control": 0, "target": 1, "rotation": "half"},
        {"gate": "swap", "targets": [0]},
    ],
    ids=["index over 35", "rotation missing", "rotation not a number", "one swap target"],
)
def test_a_big_body_names_the_same_error_as_a_small_one(server: MockServer, bad: Any) -> None:
    """A big body's errors are found by `ErrorSearch`, a small one's by jsonschema-rs
    directly: the same bad gate gets the same 400 either way."""
    answers = []
    with httpx.Client(base_url=server.base_url, headers=headers(server), timeout=GIVE_UP) as http:
        for count in (4, 100_000):
            gates = [H] * count
            gates[3] = bad
            answers.append(http.post("/jobs", json=circuit(gates)).json())
    small, big = answers
    assert small["statusCode"] == big["statusCode"] == 400
    assert big["message"] == small["message"]
    assert big["validation"] == small["validation"]

"""Tests for scripts/check_upstream.py on two small documents the tests write themselves.

``ionq()`` is shaped like IonQ's published document (OpenAPI 3.0.3 JSON, ``nullable: true``,
``{UUID}`` path parameters, CamelCase operationIds); ``ours()`` like openapi.yaml (3.1 YAML,
``anyOf [.., {type: null}]``, ``{job_id}``, camelCase ids). No test touches the network:
the HTTP ones serve the document from a thread on 127.0.0.1.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from check_upstream import check, main, render

Schema = dict[str, Any]
ROOT = Path(__file__).resolve().parent.parent
UUID = "617a1f8b-59d4-435d-aa33-695433d7155e"
OK = {"description": "ok"}
GET_JOB = "GET /jobs/{job_id} (IonQ GetJob)"
RESP = "responses.200.content.application/json.schema"
BODY = "requestBody.content.application/json.schema"


def ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def body(schema: Schema, examples: Schema | None = None) -> Schema:
    media: Schema = {"schema": schema}
    if examples is not None:
        media["examples"] = examples
    return {"description": "ok", "content": {"application/json": media}}


def tagged(tag: Schema) -> Schema:
    """A oneOf/anyOf variant told apart by its `type` property."""
    return {"type": "object", "properties": {"type": tag}}


JOB_LIST = {
    "type": "object",
    "properties": {"jobs": {"type": "array", "items": ref("Job")}, "latest": ref("Job")},
}


def ionq() -> Schema:
    """An IonQ-like document: the reference the tool compares ours with."""
    job = {
        "type": "object",
        "required": ["id", "status", "name"],
        "properties": {
            "id": {"type": "string", "example": UUID},
            "status": {"type": "string", "enum": ["submitted", "completed", "canceled"]},
            "name": {"type": "string", "nullable": True},
            "shots": {"type": "integer", "example": 100},
            "cost": {"type": "number"},
            "execution_ms": {"type": "integer"},
            "debiasing": {"type": "object", "properties": {"variants": {"type": "integer"}}},
        },
    }
    create = {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "backend": {"type": "string"},
            "metadata": {"type": "object", "additionalProperties": {"type": "string"}},
            "input": {"anyOf": [ref("CircuitInput"), ref("QaoaInput")]},
        },
    }
    completed = {"id": UUID, "status": "completed", "name": None}
    canceled = {**completed, "status": "canceled"}
    return {
        "openapi": "3.0.3",
        "info": {"title": "IonQ", "version": "v0.4"},
        "paths": {
            "/jobs": {
                "post": {
                    "operationId": "CreateJob",
                    "requestBody": {"content": {"application/json": {"schema": ref("Create")}}},
                    "responses": {"200": OK},
                },
                "get": {
                    "operationId": "GetJobs",
                    "responses": {"200": body(JOB_LIST)},
                },
            },
            "/jobs/{UUID}": {
                "parameters": [
                    {
                        "name": "UUID",
                        "in": "path",
                        "required": True,
                        "example": UUID,
                        "schema": {"type": "string"},
                    },
                ],
                "get": {
                    "operationId": "GetJob",
                    "responses": {
                        "200": body(
                            ref("Job"),
                            examples={
                                "completed": {"$ref": "#/components/examples/Completed"},
                                "canceled": {"value": canceled},
                            },
                        ),
                    },
                },
            },
            "/whoami": {"get": {"operationId": "getWhoami", "responses": {"200": OK}}},
        },
        "components": {
            "schemas": {
                "Job": job,
                "Create": create,
                "CircuitInput": tagged({"enum": ["ionq.circuit.v1", "ionq.qasm3.v1"]}),
                "QaoaInput": tagged({"enum": ["qctrl.qaoa.v1"]}),
            },
            "examples": {"Completed": {"value": completed}, "Unused": {"value": {}}},
        },
    }


def ours() -> Schema:
    """An openapi.yaml-like document with one of each kind of difference from ``ionq()``."""
    job = {
        "type": "object",
        "required": ["id", "status"],  # name: required by IonQ only
        "properties": {
            "id": {"type": "string", "format": "uuid"},
            "status": {"type": "string", "enum": ["submitted", "completed"]},  # no canceled
            "name": {"anyOf": [{"type": "string"}, {"type": "null"}]},
            "shots": {"type": "string"},  # contradicts IonQ's integer
            # no cost
            "execution_ms": {"type": "number", "x-ionq-service-differs": "sends 1.5"},
            "debiasing": {
                "anyOf": [{"type": "boolean"}, ref("Debiasing")],
                "x-ionq-service-differs": "false when off",
            },
        },
    }
    metadata = {
        "type": "object",
        "maxProperties": 10,
        "additionalProperties": {"type": "string", "maxLength": 40000},
        "x-ionq-stricter": "IonQ's docs: 10 keys, values up to 40,000 characters",
    }
    create = {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "backend": {"enum": ["simulator", "qpu.forte-1"], "x-ionq-stricter": "the list"},
            "metadata": metadata,
            "input": {"oneOf": [ref("QisCircuit"), ref("MultiCircuit")]},
        },
    }
    job_id = {"name": "job_id", "in": "path", "required": True, "schema": {"type": "string"}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "ours", "version": "0.4.0"},
        "paths": {
            "/jobs": {
                "post": {
                    "operationId": "createJob",
                    "x-ionq-operation-id": "CreateJob",
                    "requestBody": {"content": {"application/json": {"schema": ref("JobCreate")}}},
                    "responses": {"200": OK},
                },
                "get": {
                    "operationId": "listJobs",
                    "responses": {"200": body(JOB_LIST)},
                },
            },
            "/jobs/{job_id}": {
                "get": {
                    "operationId": "getJob",
                    "x-ionq-operation-id": "GetJob",
                    "parameters": [job_id],
                    "responses": {"200": body(ref("Job"))},
                },
                "patch": {
                    "operationId": "updateJob",
                    "x-ionq-extension": True,
                    "parameters": [job_id],
                    "responses": {"200": body(ref("Job"))},
                },
            },
        },
        "components": {
            "schemas": {
                "Job": job,
                "JobCreate": create,
                "Debiasing": {"type": "object", "properties": {"variants": {"type": "string"}}},
                "QisCircuit": tagged({"const": "ionq.circuit.v1"}),
                "MultiCircuit": tagged({"const": "ionq.multi-circuit.v1"}),
            },
        },
    }


def report(theirs: Schema, mine: Schema) -> list[str]:
    return render(check(theirs, mine), "ionq.json")


def test_each_kind_of_difference_is_reported_under_its_operation() -> None:
    lines = report(ionq(), ours())
    job = "components.schemas.Job.properties"
    get_job = [
        GET_JOB,
        f"  {RESP}.properties.status: response enum value 'canceled' missing",
        f"  {RESP}.properties.name: response field optional here, required in IonQ's",
        f"  {RESP}.properties.shots: response type string here, integer in IonQ's",
        f"  {RESP}.properties.cost: response field missing",
        f"  {RESP}.properties.execution_ms: response type number here, integer in IonQ's"
        " -- accepted (sends 1.5)",
        # IonQ's plain object is matched with our one object variant, Debiasing:
        f"  {RESP}.properties.debiasing.properties.variants: response type string here,"
        " integer in IonQ's -- accepted (false when off)",
        f"  {RESP}.properties.debiasing.anyOf.boolean: response variant absent in IonQ's"
        " -- accepted (false when off)",
        "  responses.200.content.application/json.examples.canceled: example does not fit"
        ' openapi.yaml at /status: "canceled" is not one of "submitted" or "completed"',
    ]
    assert lines[lines.index(GET_JOB) : lines.index(GET_JOB) + len(get_job)] == get_job
    assert lines[-6:-4] == ["GET /whoami (IonQ getWhoami)", "  missing operation"]
    assert lines[-4:] == [
        "Only in openapi.yaml (not compared):",
        "  PATCH /jobs/{job_id} (x-ionq-extension)",
        "examples: 3 of 5 validate against openapi.yaml"
        " (1 not checked: nothing in openapi.yaml to check them with)",
        "13 difference(s) in 4 operation(s) (9 accepted)",
    ]
    # A schema-level example is located where IonQ defines it, and checked once.
    assert [line for line in lines if ".example:" in line] == [
        f"  {job}.shots.example: example does not fit openapi.yaml at /:"
        ' 100 is not of type "string"'
    ]


def test_request_body_constraints_marked_stricter_are_accepted() -> None:
    lines = report(ionq(), ours())
    create = lines[lines.index("POST /jobs (IonQ CreateJob)") :]
    reason = "accepted (IonQ's docs: 10 keys, values up to 40,000 characters)"
    assert create[1:6] == [
        f"  {BODY}.properties.backend: request restricted to enum ['simulator', 'qpu.forte-1']"
        " here, not in IonQ's -- accepted (the list)",
        f"  {BODY}.properties.metadata: request maxProperties 10 here, none in IonQ's -- {reason}",
        f"  {BODY}.properties.metadata.additionalProperties: request maxLength 40000 here,"
        f" none in IonQ's -- {reason}",
        # Variants by a tag value they share, since the two documents name them differently:
        f"  {BODY}.properties.input.anyOf.CircuitInput.properties.type:"
        " request enum value 'ionq.qasm3.v1' missing",
        f"  {BODY}.properties.input.anyOf.QaoaInput: request variant missing",
    ]
    # Without the marker the same constraints count.
    mine = ours()
    del mine["components"]["schemas"]["JobCreate"]["properties"]["metadata"]["x-ionq-stricter"]
    unmarked = report(ionq(), mine)
    assert (
        f"  {BODY}.properties.metadata: request maxProperties 10 here, none in IonQ's" in unmarked
    )
    assert unmarked[-1] == "15 difference(s) in 4 operation(s) (7 accepted)"


def test_a_stricter_request_schema_covers_every_request_finding_under_it() -> None:
    """Under x-ionq-stricter, a request variant or enum value ours refuses is accepted (a
    stricter request rule); in a response the marker accepts nothing but constraints."""
    mine = ours()
    mine["components"]["schemas"]["JobCreate"]["properties"]["input"]["x-ionq-stricter"] = "qasm3"
    lines = report(ionq(), mine)
    assert (
        f"  {BODY}.properties.input.anyOf.CircuitInput.properties.type:"
        " request enum value 'ionq.qasm3.v1' missing -- accepted (qasm3)"
    ) in lines
    assert (
        f"  {BODY}.properties.input.anyOf.QaoaInput: request variant missing -- accepted (qasm3)"
        in lines
    )
    assert lines[-1] == "11 difference(s) in 3 operation(s) (11 accepted)"
    mine["components"]["schemas"]["Job"]["properties"]["status"]["x-ionq-stricter"] = "no"
    lines = report(ionq(), mine)
    assert f"  {RESP}.properties.status: response enum value 'canceled' missing" in lines


def test_a_shared_schema_is_reported_once_per_operation() -> None:
    lines = report(ionq(), ours())
    get_jobs = lines[lines.index("GET /jobs (IonQ GetJobs)") + 1 :]
    get_jobs = get_jobs[: next(i for i, line in enumerate(get_jobs) if not line.startswith(" "))]
    # Job is both `jobs.items` and `latest`: each finding once, where first met.
    assert [line.split(": ", 1)[1] for line in get_jobs if RESP in line] == [
        "response enum value 'canceled' missing",
        "response field optional here, required in IonQ's",
        "response type string here, integer in IonQ's",
        "response field missing",
        "response type number here, integer in IonQ's -- accepted (sends 1.5)",
        "response type string here, integer in IonQ's -- accepted (false when off)",
        "response variant absent in IonQ's -- accepted (false when off)",
    ]
    assert get_jobs[0].startswith(f"  {RESP}.properties.jobs.items.properties.status: ")


def test_path_parameter_names_operation_ids_and_nullable_spellings_do_not_matter() -> None:
    lines = report(ionq(), ours())
    assert not [line for line in lines if "parameter" in line or "operationId" in line]
    assert not [line for line in lines if "nullable" in line]  # 3.0 nullable == 3.1 anyOf null


def test_no_differences() -> None:
    theirs = ionq()
    del theirs["paths"]["/whoami"], theirs["paths"]["/jobs/{UUID}"], theirs["paths"]["/jobs"]["get"]
    theirs["components"]["schemas"]["Create"]["properties"].pop("input")
    assert report(theirs, ours())[-2:] == [
        "examples: 0 of 0 validate against openapi.yaml"
        " (2 not checked: nothing in openapi.yaml to check them with)",
        "no differences from ionq.json (3 accepted)",
    ]


def test_identical_documents() -> None:
    assert report(ours(), copy.deepcopy(ours()))[-2:] == [
        "examples: 0 of 0 validate against openapi.yaml",
        "no differences from ionq.json",
    ]


# --- Command line -------------------------------------------------------------------------


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """IonQ's document as JSON and ours as YAML, as the command line reads them."""
    theirs, mine = tmp_path / "ionq.json", tmp_path / "openapi.yaml"
    theirs.write_text(json.dumps(ionq()), encoding="utf-8")
    mine.write_text(yaml.safe_dump(ours(), sort_keys=False), encoding="utf-8")
    return theirs, mine


def run(*args: str) -> subprocess.CompletedProcess[str]:
    cmd = [str(ROOT / "scripts" / "check-upstream"), *args]
    return subprocess.run(cmd, capture_output=True, text=True, check=False)


def test_cli_exit_codes(files: tuple[Path, Path], tmp_path: Path) -> None:
    theirs, mine = files
    found = run("--upstream", str(theirs), "--spec", str(mine))
    assert found.returncode == 1, found.stderr
    assert found.stdout.startswith(f"Comparing {mine} with {theirs}\n")
    assert found.stdout.endswith("\n13 difference(s) in 4 operation(s) (9 accepted)\n")
    get_job = found.stdout[found.stdout.index(f"\n{GET_JOB}\n") :]
    assert f"\n  {RESP}.properties.cost: response field missing\n" in get_job

    same = run("--upstream", str(mine), "--spec", str(mine))  # YAML works as IonQ's too
    assert (same.returncode, same.stdout.splitlines()[-1]) == (0, f"no differences from {mine}")
    as_url = run("--upstream", mine.as_uri(), "--spec", str(mine))  # file:///...
    assert (as_url.returncode, as_url.stdout.splitlines()[-1]) == (
        0,
        f"no differences from {mine.as_uri()}",
    )

    missing = run("--upstream", str(tmp_path / "nope.json"), "--spec", str(mine))
    assert (missing.returncode, missing.stdout) == (2, "")
    assert "nope.json" in missing.stderr
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    not_openapi = run("--upstream", str(tmp_path / "list.json"), "--spec", str(mine))
    assert (not_openapi.returncode, not_openapi.stderr) == (
        2,
        f"error: {tmp_path / 'list.json'} is not an OpenAPI document\n",
    )
    dangling = ours()
    dangling["paths"]["/jobs"]["get"]["responses"]["200"] = body(ref("JobPage"))
    (tmp_path / "dangling.yaml").write_text(yaml.safe_dump(dangling), encoding="utf-8")
    broken = run("--upstream", str(theirs), "--spec", str(tmp_path / "dangling.yaml"))
    assert (broken.returncode, broken.stderr) == (
        2,
        f"error: {tmp_path / 'dangling.yaml'}: dangling $ref '#/components/schemas/JobPage'\n",
    )
    assert run("--no-such-option").returncode == 2


class Server:
    """A loopback HTTP server that answers every GET with ``document``, recording headers."""

    def __init__(self, document: bytes, status: int = 200) -> None:
        accepts: list[str | None] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                accepts.append(self.headers.get("Accept"))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(document)))
                self.end_headers()
                self.wfile.write(document)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.accepts = accepts
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v0.4/api-docs"

    def __enter__(self) -> Server:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def test_cli_fetches_an_http_url(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    mine = files[1]
    with Server(json.dumps(ionq()).encode()) as server:
        assert main(["--upstream", server.url, "--spec", str(mine)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"Comparing {mine} with {server.url}"
    assert out.endswith("\n13 difference(s) in 4 operation(s) (9 accepted)\n")
    assert server.accepts == ["application/json"]


def test_cli_network_failures_are_errors(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    mine = files[1]
    with Server(b'{"error": "not found"}', status=404) as server:
        assert main(["--upstream", server.url, "--spec", str(mine)]) == 2
    assert capsys.readouterr().err.startswith(f"error: cannot fetch {server.url}: ")
    # The server is closed now: nothing listens on its port.
    assert main(["--upstream", server.url, "--spec", str(mine)]) == 2
    assert capsys.readouterr().err.startswith(f"error: cannot fetch {server.url}: ")

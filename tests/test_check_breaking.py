"""Tests for scripts/check_breaking.py: one pair of spec snippets per rule, plus the CLI."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from breaking_rules import compare
from check_breaking import main
from compare_breaking import CHANGES, ours
from openapi_doc import SpecError, load_spec

Schema = dict[str, Any]
ROOT = Path(__file__).resolve().parent.parent
REQ = "paths./jobs.post.requestBody.content.application/json.schema"
RESP = "paths./jobs/{id}.get.responses.200.content.application/json.schema"
ID_PARAM = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}


def spec(
    request: Any = None,
    response: Any = None,
    schemas: Schema | None = None,
    params: list[Schema] | None = None,
) -> Schema:
    """A small document: POST /jobs takes `request`, GET /jobs/{id} returns `response`."""
    post: Schema = {"operationId": "createJob", "responses": {"201": {"description": "ok"}}}
    if request is not None:
        post["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": request}},
        }
    ok: Schema = {"description": "ok"}
    if response is not None:
        ok["content"] = {"application/json": {"schema": response}}
    get: Schema = {
        "operationId": "getJob",
        "parameters": [ID_PARAM, *(params or [])],
        "responses": {"200": ok, "404": {"description": "missing"}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/jobs": {"post": post}, "/jobs/{id}": {"get": get}},
        "components": {"schemas": schemas or {}},
    }


def found(old: Schema, new: Schema) -> list[tuple[str, str]]:
    return [(f.location, f.reason) for f in compare(old, new)]


def obj(required: list[str] | None = None, **props: Any) -> Schema:
    out: Schema = {"type": "object", "properties": props}
    if required:
        out["required"] = required
    return out


STR: Schema = {"type": "string"}
INT: Schema = {"type": "integer"}
NUM: Schema = {"type": "number"}


# --- Rule 1: operations -------------------------------------------------------------------


def test_removed_operation() -> None:
    old = spec()
    new = copy.deepcopy(old)
    del new["paths"]["/jobs"]
    assert found(old, new) == [("paths./jobs.post", "operation createJob removed")]


def test_renamed_operation_id() -> None:
    old = spec()
    new = copy.deepcopy(old)
    new["paths"]["/jobs"]["post"]["operationId"] = "submitJob"
    assert found(old, new) == [
        ("paths./jobs.post", "operationId renamed from createJob to submitJob")
    ]


def test_moved_operation() -> None:
    old = spec()
    new = copy.deepcopy(old)
    new["paths"]["/jobs"]["put"] = new["paths"]["/jobs"].pop("post")
    assert found(old, new) == [("paths./jobs.post", "operation createJob moved to PUT /jobs")]


def test_path_parameter_spelling_is_not_a_new_operation() -> None:
    old = spec()
    new = copy.deepcopy(old)
    new["paths"]["/jobs/{UUID}"] = new["paths"].pop("/jobs/{id}")
    new["paths"]["/jobs/{UUID}"]["get"]["parameters"][0] = {**ID_PARAM, "name": "UUID"}
    # The URL is the same; only the argument name of generated clients changes.
    assert found(old, new) == [
        ("paths./jobs/{id}.get.parameters.path.id", "parameter removed"),
        ("paths./jobs/{id}.get.parameters.path.UUID", "new required parameter"),
    ]


# --- Rule 2: parameters -------------------------------------------------------------------

LIMIT = {"name": "limit", "in": "query", "schema": INT}


def test_removed_parameter() -> None:
    assert found(spec(params=[LIMIT]), spec()) == [
        ("paths./jobs/{id}.get.parameters.query.limit", "parameter removed")
    ]


def test_new_required_parameter() -> None:
    assert found(spec(), spec(params=[{**LIMIT, "required": True}])) == [
        ("paths./jobs/{id}.get.parameters.query.limit", "new required parameter")
    ]


def test_optional_parameter_made_required() -> None:
    assert found(spec(params=[LIMIT]), spec(params=[{**LIMIT, "required": True}])) == [
        ("paths./jobs/{id}.get.parameters.query.limit", "optional parameter is required")
    ]


def test_parameter_schema_is_a_request() -> None:
    narrowed = {**LIMIT, "schema": {"type": "integer", "maximum": 100}}
    wide = {**LIMIT, "schema": {"type": "integer", "maximum": 1000}}
    assert found(spec(params=[wide]), spec(params=[narrowed])) == [
        ("paths./jobs/{id}.get.parameters.query.limit", "request maximum lowered from 1000 to 100")
    ]


def test_path_level_parameters_are_merged() -> None:
    old = spec(params=[LIMIT])
    new = spec()
    new["paths"]["/jobs/{id}"]["parameters"] = [LIMIT]
    assert found(old, new) == []


# --- Rules 3 and 4: request bodies and fields ---------------------------------------------


def test_new_required_request_field() -> None:
    assert found(spec(obj(shots=INT)), spec(obj(["name"], shots=INT, name=STR))) == [
        (f"{REQ}.properties.name", "new request field is required")
    ]


def test_optional_request_field_made_required() -> None:
    assert found(spec(obj(shots=INT)), spec(obj(["shots"], shots=INT))) == [
        (f"{REQ}.properties.shots", "optional request field is required")
    ]


def test_removed_request_field() -> None:
    assert found(spec(obj(shots=INT, name=STR)), spec(obj(shots=INT))) == [
        (f"{REQ}.properties.name", "request field removed")
    ]


def test_request_body_removed_and_made_required() -> None:
    old = spec(obj(shots=INT))
    assert found(old, spec()) == [("paths./jobs.post.requestBody", "request body removed")]
    optional = copy.deepcopy(old)
    optional["paths"]["/jobs"]["post"]["requestBody"]["required"] = False
    assert found(optional, old) == [
        ("paths./jobs.post.requestBody", "optional request body is required")
    ]
    assert found(spec(), old) == [("paths./jobs.post.requestBody", "new required request body")]


def test_request_media_type_removed() -> None:
    old = spec(obj(shots=INT))
    new = copy.deepcopy(old)
    content = new["paths"]["/jobs"]["post"]["requestBody"]["content"]
    content["text/plain"] = content.pop("application/json")
    assert found(old, new) == [
        ("paths./jobs.post.requestBody.content.application/json", "request media type removed")
    ]


def test_all_of_members_are_merged() -> None:
    base = {"$ref": "#/components/schemas/Base"}
    old = spec({"allOf": [base, obj(shots=INT)]}, schemas={"Base": obj(name=STR)})
    new = spec({"allOf": [base, obj(shots=INT)]}, schemas={"Base": obj(["name"], name=STR)})
    assert found(old, new) == [(f"{REQ}.properties.name", "optional request field is required")]


# --- Rule 5: responses ------------------------------------------------------------------


def test_removed_response_field() -> None:
    assert found(spec(response=obj(id=STR, status=STR)), spec(response=obj(id=STR))) == [
        (f"{RESP}.properties.status", "response field removed")
    ]


def test_response_field_no_longer_required() -> None:
    assert found(spec(response=obj(["id"], id=STR)), spec(response=obj(id=STR))) == [
        (f"{RESP}.properties.id", "response field no longer required")
    ]


def test_removed_success_response_but_not_error_response() -> None:
    old = spec(response=obj(id=STR))
    new = copy.deepcopy(old)
    del new["paths"]["/jobs/{id}"]["get"]["responses"]["404"]
    assert found(old, new) == []
    new["paths"]["/jobs/{id}"]["get"]["responses"]["202"] = new["paths"]["/jobs/{id}"]["get"][
        "responses"
    ].pop("200")
    assert found(old, new) == [("paths./jobs/{id}.get.responses.200", "success response removed")]


def test_nested_array_items_in_response() -> None:
    old = spec(response=obj(jobs={"type": "array", "items": obj(id=STR, name=STR)}))
    new = spec(response=obj(jobs={"type": "array", "items": obj(id=STR)}))
    assert found(old, new) == [
        (f"{RESP}.properties.jobs.items.properties.name", "response field removed")
    ]


def test_read_only_and_write_only_fields() -> None:
    job_id = {"type": "string", "readOnly": True}
    key = {"type": "string", "writeOnly": True}
    old = spec(obj(id=job_id, key=key), obj(id=job_id, key=key))
    # Requests never send readOnly fields, responses never return writeOnly ones.
    new = spec(obj(["id"], id=job_id), obj(["key"]))
    assert found(old, new) == [
        (f"{REQ}.properties.key", "request field removed"),
        (f"{RESP}.properties.id", "response field removed"),
    ]


# --- Rule 6: enums ------------------------------------------------------------------------


def test_removed_request_enum_value() -> None:
    old = spec(obj(target={"type": "string", "enum": ["simulator", "qpu.aria-1"]}))
    new = spec(obj(target={"type": "string", "enum": ["simulator"]}))
    assert found(old, new) == [
        (f"{REQ}.properties.target", "request enum value 'qpu.aria-1' removed")
    ]


def test_response_enum_value_removed_or_added() -> None:
    status = {"$ref": "#/components/schemas/Status"}
    old = spec(response=obj(status=status), schemas={"Status": {"enum": ["ready", "running"]}})
    new = spec(response=obj(status=status), schemas={"Status": {"enum": ["ready", "started"]}})
    assert found(old, new) == [
        (f"{RESP}.properties.status", "response enum value 'running' removed"),
        (f"{RESP}.properties.status", "response enum value 'started' added"),
    ]


def test_new_enum_on_a_request_field() -> None:
    old = spec(obj(target=STR))
    new = spec(obj(target={"type": "string", "const": "simulator"}))
    assert found(old, new) == [
        (f"{REQ}.properties.target", "request now restricted to enum ['simulator']")
    ]


# --- Rule 7: types ------------------------------------------------------------------------


def test_request_type_narrowed() -> None:
    assert found(spec(obj(shots=NUM)), spec(obj(shots=INT))) == [
        (f"{REQ}.properties.shots", "request type narrowed from number to integer")
    ]


def test_request_no_longer_accepts_null() -> None:
    old = spec(obj(name={"type": ["string", "null"]}))
    assert found(old, spec(obj(name=STR))) == [
        (f"{REQ}.properties.name", "request no longer accepts null")
    ]


def test_response_type_changed_either_way() -> None:
    assert found(spec(response=obj(n=INT)), spec(response=obj(n=NUM))) == [
        (f"{RESP}.properties.n", "response type changed from integer to number")
    ]
    assert found(spec(response=obj(n=NUM)), spec(response=obj(n=INT))) == [
        (f"{RESP}.properties.n", "response type changed from number to integer")
    ]


def test_response_nullability_in_every_spelling() -> None:
    job = {"$ref": "#/components/schemas/Job"}
    schemas = {"Job": obj(id=STR)}
    for nullable in ({"type": ["string", "null"]}, {"anyOf": [STR, {"type": "null"}]}):
        old, new = spec(response=obj(name=nullable)), spec(response=obj(name=STR))
        assert found(old, new) == [(f"{RESP}.properties.name", "response is no longer nullable")]
    old = spec(response=obj(job=job), schemas=schemas)
    new = spec(response=obj(job={"oneOf": [job, {"type": "null"}]}), schemas=schemas)
    assert found(old, new) == [(f"{RESP}.properties.job", "response became nullable")]


# --- Rule 8: request constraints ----------------------------------------------------------


def test_request_constraints_tightened() -> None:
    old = spec(
        obj(name={"type": "string", "maxLength": 100}, shots={"type": "integer", "minimum": 1})
    )
    new = spec(
        obj(
            name={"type": "string", "maxLength": 40, "pattern": "^[a-z]+$"},
            shots={"type": "integer", "minimum": 10, "maximum": 10000},
        )
    )
    assert found(old, new) == [
        (f"{REQ}.properties.name", "request maxLength lowered from 100 to 40"),
        (f"{REQ}.properties.name", "request pattern changed to '^[a-z]+$'"),
        (f"{REQ}.properties.shots", "request maximum 10000 added"),
        (f"{REQ}.properties.shots", "request minimum raised from 1 to 10"),
    ]


def test_request_additional_properties() -> None:
    meta_old = {"type": "object", "additionalProperties": {"type": "string", "maxLength": 400}}
    meta_new = {"type": "object", "additionalProperties": {"type": "string", "maxLength": 40}}
    assert found(spec(obj(metadata=meta_old)), spec(obj(metadata=meta_new))) == [
        (
            f"{REQ}.properties.metadata.additionalProperties",
            "request maxLength lowered from 400 to 40",
        )
    ]
    closed = {"type": "object", "additionalProperties": False}
    assert found(spec(obj(metadata=meta_old)), spec(obj(metadata=closed))) == [
        (f"{REQ}.properties.metadata", "request additionalProperties no longer allowed")
    ]


# --- Rule 9: oneOf / anyOf ----------------------------------------------------------------

CIRCUITS = {"Qis": obj(gate=STR), "Native": obj(gateset=STR)}


def variants(*names: str) -> Schema:
    return {"oneOf": [{"$ref": f"#/components/schemas/{name}"} for name in names]}


def test_removed_request_variant() -> None:
    old = spec(obj(input=variants("Qis", "Native")), schemas=CIRCUITS)
    new = spec(obj(input=variants("Qis")), schemas=CIRCUITS)
    assert found(old, new) == [(f"{REQ}.properties.input.oneOf.Native", "request variant removed")]
    # A oneOf that shrinks to one plain schema is the same removal.
    plain = spec(obj(input={"$ref": "#/components/schemas/Qis"}), schemas=CIRCUITS)
    assert found(old, plain) == [
        (f"{REQ}.properties.input.oneOf.Native", "request variant removed")
    ]


def test_added_response_variant_and_changes_inside_matched_variants() -> None:
    old = spec(response=obj(input={"$ref": "#/components/schemas/Qis"}), schemas=CIRCUITS)
    schemas = {"Qis": obj(), "Native": CIRCUITS["Native"]}
    new = spec(response=obj(input=variants("Qis", "Native")), schemas=schemas)
    assert found(old, new) == [
        (f"{RESP}.properties.input.oneOf.Qis.properties.gate", "response field removed"),
        (f"{RESP}.properties.input.oneOf.Native", "response variant added"),
    ]


def test_overlapping_all_of_members_do_not_change_the_documents() -> None:
    base = {"$ref": "#/components/schemas/Base"}
    schemas = {"Base": obj(name={"type": "string", "maxLength": 40})}
    old = spec({"allOf": [base, obj(name={"description": "job name"})]}, schemas=schemas)
    new = spec({"allOf": [base, obj(name={"maxLength": 10})]}, schemas=schemas)
    old_copy, new_copy = copy.deepcopy(old), copy.deepcopy(new)
    assert found(old, new) == [
        (f"{REQ}.properties.name", "request maxLength lowered from 40 to 10")
    ]
    assert (old, new) == (old_copy, new_copy)


def test_inline_variants_are_matched_by_title_then_type() -> None:
    old = spec(obj(input={"anyOf": [{**obj(a=STR), "title": "A"}, obj(b=STR), obj(c=STR)]}))
    new = spec(obj(input={"anyOf": [obj(b=STR), {**obj(a=INT), "title": "A"}]}))
    assert found(old, new) == [
        (
            f"{REQ}.properties.input.anyOf.A.properties.a",
            "request type narrowed from string to integer",
        ),
        (f"{REQ}.properties.input.anyOf.object[2]", "request variant removed"),
    ]


# --- $ref resolution and recursion --------------------------------------------------------


def test_recursive_schema_terminates_and_still_finds_changes() -> None:
    node = {"$ref": "#/components/schemas/Node"}
    old_node = obj(name=STR, size=INT, children={"type": "array", "items": node})
    new_node = obj(name=STR, children={"type": "array", "items": node})
    old = spec(response=node, schemas={"Node": old_node})
    new = spec(response=node, schemas={"Node": new_node})
    assert found(old, new) == [(f"{RESP}.properties.size", "response field removed")]


def test_dangling_and_remote_refs_are_errors() -> None:
    dangling = spec(response={"$ref": "#/components/schemas/Nope"})
    with pytest.raises(SpecError, match="dangling"):
        compare(dangling, dangling)
    remote = spec(response={"$ref": "other.yaml#/Job"})
    with pytest.raises(SpecError, match="only local"):
        compare(remote, remote)


# --- Changes that must pass ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param(spec(obj(shots=INT)), spec(obj(shots=INT, name=STR)), id="optional-field"),
        pytest.param(spec(params=[]), spec(params=[LIMIT]), id="optional-parameter"),
        pytest.param(spec(obj(shots=INT)), spec(obj(shots=NUM)), id="int-to-number"),
        pytest.param(
            spec(obj(name=STR)), spec(obj(name={"type": ["string", "null"]})), id="nullable"
        ),
        pytest.param(
            spec(obj(name={"type": "string", "maxLength": 40})),
            spec(obj(name={"type": "string", "maxLength": 400})),
            id="longer-max",
        ),
        pytest.param(
            spec(obj(name={**STR, "description": "a"})),
            spec(obj(name={**STR, "description": "b"})),
            id="description",
        ),
        pytest.param(
            spec(response=obj(id=STR)), spec(response=obj(id=STR, name=STR)), id="response-field"
        ),
        pytest.param(
            spec(obj(target={"enum": ["simulator"]})),
            spec(obj(target={"enum": ["simulator", "qpu.forte-1"]})),
            id="request-enum-value",
        ),
        pytest.param(
            spec(response=obj(id=STR)),
            spec(response={"$ref": "#/components/schemas/Job"}, schemas={"Job": obj(id=STR)}),
            id="inline-to-ref",
        ),
        pytest.param(
            spec(obj(input=variants("Qis")), schemas=CIRCUITS),
            spec(obj(input=variants("Qis", "Native")), schemas=CIRCUITS),
            id="request-variant",
        ),
    ],
)
def test_non_breaking_change(old: Schema, new: Schema) -> None:
    assert found(old, new) == []


def test_identical_documents_pass() -> None:
    # `required` may name a property another allOf member or nobody defines.
    tricky = obj(["ghost", "id"], id={"type": "string", "readOnly": True})
    doc = spec(tricky, {"anyOf": [tricky, {"type": "null"}]}, params=[LIMIT])
    assert found(doc, copy.deepcopy(doc)) == []


def test_added_operation() -> None:
    old = spec()
    new = copy.deepcopy(old)
    new["paths"]["/whoami"] = {"get": {"operationId": "whoami", "responses": {}}}
    assert found(old, new) == []


# --- Command line -------------------------------------------------------------------------


def write(path: Path, doc: Schema) -> Path:
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    return path


def test_cli_with_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = write(tmp_path / "old.yaml", spec(obj(shots=INT)))
    new = write(tmp_path / "new.yaml", spec(obj(["shots"], shots=INT)))
    assert main(["--old", str(old), "--new", str(new)]) == 1
    assert f"{REQ}.properties.shots: optional request field is required" in capsys.readouterr().out
    assert main(["--old", str(old), "--new", str(old)]) == 0
    assert "no breaking changes" in capsys.readouterr().out
    assert main(["--old", str(tmp_path / "missing.yaml"), "--new", str(old)]) == 2


def test_load_spec_rejects_non_mappings() -> None:
    with pytest.raises(SpecError):
        load_spec("- a list")
    with pytest.raises(SpecError):
        load_spec("a: [unclosed")


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    ident = ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
    subprocess.run(
        ["git", *ident, "-C", str(repo), *args], check=True, env=env, capture_output=True
    )


def run_cli(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [str(ROOT / "scripts" / "check-breaking"), "--repo", str(repo), *args]
    return subprocess.run(cmd, capture_output=True, text=True, check=False)


def test_cli_end_to_end_in_a_git_repo(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / "README.md").write_text("x\n", encoding="utf-8")
    git(tmp_path, "add", "README.md")
    git(tmp_path, "commit", "-q", "-m", "no spec yet")
    only = run_cli(tmp_path)
    assert (only.returncode, only.stdout) == (
        0,
        "HEAD~1 does not exist (first commit or shallow clone): nothing to compare\n",
    )

    write(tmp_path / "openapi.yaml", spec(response=obj(id=STR, status=STR)))
    git(tmp_path, "add", "openapi.yaml")
    git(tmp_path, "commit", "-q", "-m", "spec")
    first = run_cli(tmp_path)
    assert (first.returncode, first.stdout) == (
        0,
        "openapi.yaml does not exist at HEAD~1: nothing to compare\n",
    )

    write(tmp_path / "openapi.yaml", spec(response=obj(id=STR)))
    git(tmp_path, "commit", "-q", "-am", "drop status")
    broken = run_cli(tmp_path)
    assert broken.returncode == 1, broken.stderr
    assert f"  {RESP}.properties.status: response field removed\n" in broken.stdout
    assert run_cli(tmp_path, "--base", "HEAD").returncode == 0
    missing = run_cli(tmp_path, "--base", "no-such-ref")
    assert (missing.returncode, missing.stderr) == (
        2,
        "error: git ref 'no-such-ref' does not exist\n",
    )


# The edits of the real openapi.yaml that scripts/compare_breaking.py judges with both
# guards: ours must get each one right (oasdiff's verdicts are checked by that script).
@pytest.mark.parametrize("change", CHANGES, ids=[c.name for c in CHANGES])
def test_each_compared_change_of_the_real_spec(change: Any) -> None:
    base = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    revised = copy.deepcopy(base)
    change.edit(revised)
    assert ours(base, revised) is change.breaks

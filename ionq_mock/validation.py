"""Request validation, read from `openapi.yaml` when the app starts.

Every operation's path and query parameters and its JSON body get one precompiled
jsonschema-rs validator (ionq_mock/schemas.py). `BodyFields` reads which top-level fields
a body schema declares (for the `unknown-field` rule, ionq_mock/leniency.py); routing is
ionq_mock/router.py. `check` turns an invalid value's errors into the 400 naming its keys.

Validity is one `is_valid` call, linear and fast (150,000 gates: 0.08 s); the errors of an
invalid value are jsonschema-rs's `iter_errors` when it is light, else the few the error
search finds (ionq_mock/error_search.py: `iter_errors` took 104 s on a big value).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from .error_search import MAX_FOUND, ErrorSearch, is_light
from .errors import BadRequest
from .schema_errors import Found, describe, expand, found, kind_name
from .schemas import compile_schema, pointer_of, resolve

BASE_PATH: Final = "/v0.4"
METHODS: Final = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_INTEGER = re.compile(r"-?[0-9]+")
# A number as JSON writes it; other spellings ("+5", " 5", "1_000", "inf") are not the
# spec's and are left to the leniency rules (ionq_mock/leniency.py) or the validator.
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")


@dataclass
class Param:
    """One path or query parameter and how to turn its text into a JSON value."""

    name: str
    location: str
    type: str | None
    item_type: str | None


@dataclass
class Operation:
    """One operation of the spec, with its compiled validators."""

    operation_id: str
    method: str
    template: str
    needs_auth: bool
    path_params: list[Param]
    query_params: list[Param]
    path_validator: Any
    query_validator: Any
    body_validator: Any | None
    body_required: bool
    body_schema: Mapping[str, Any] | None = None
    statuses: frozenset[int] = field(default_factory=frozenset)
    # The error reporters of big invalid values (see `ErrorSearch`).
    query_search: ErrorSearch | None = None
    body_search: ErrorSearch | None = None
    # Where openapi.yaml writes the body's schema and each query parameter's (JSON
    # pointers), so that a rule broken can be named as the spec writes it.
    # Where openapi.yaml writes the operation itself (`#/paths/~1jobs/get`).
    pointer: str = ""
    body_pointer: str | None = None
    query_pointers: Mapping[str, str] = field(default_factory=dict)
    # Whether a request without a query is valid (no required query parameter): most are,
    # and such a request then skips the query's validation.
    empty_query_valid: bool = False


def _schema_type(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> str | None:
    resolved = resolve(spec, schema)
    kind = resolved.get("type")
    return kind if isinstance(kind, str) else None


def _params_schema(params: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {p["name"]: p.get("schema", {}) for p in params},
        "required": [p["name"] for p in params if p.get("required")],
    }


class Spec:
    """The operations of one spec document, with their validators, by operationId (in
    the spec's order of paths)."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec
        self.by_id: dict[str, Operation] = {}
        default_security = spec.get("security", [])
        for template, item in spec["paths"].items():
            shared = self._params(item, ("paths", template))
            for method in METHODS:
                if method not in item:
                    continue
                op = item[method]
                own = self._params(op, ("paths", template, method))
                names = {(p["name"], p["in"]) for p, _ in own}
                params = [p for p in shared if (p[0]["name"], p[0]["in"]) not in names] + own
                operation = self._operation(template, method, op, params, default_security)
                self.by_id[operation.operation_id] = operation

    def _params(
        self, holder: Mapping[str, Any], at: tuple[str, ...]
    ) -> list[tuple[Mapping[str, Any], str]]:
        """The parameters a path item or operation declares, each with its pointer."""
        out = []
        for index, param in enumerate(holder.get("parameters", [])):
            own = pointer_of(*at, "parameters", index)
            pointer = str(param["$ref"]) if "$ref" in param else own
            out.append((resolve(self.spec, param), pointer))
        return out

    def _operation(
        self,
        template: str,
        method: str,
        op: Mapping[str, Any],
        located: list[tuple[Mapping[str, Any], str]],
        default_security: Any,
    ) -> Operation:
        spec = self.spec
        params = [p for p, _ in located]
        path_params = [p for p in params if p["in"] == "path"]
        query_params = [p for p in params if p["in"] == "query"]
        query_pointers = {p["name"]: f"{at}/schema" for p, at in located if p["in"] == "query"}

        def describe(p: Mapping[str, Any]) -> Param:
            schema = resolve(spec, p.get("schema", {}))
            kind = _schema_type(spec, schema)
            item = _schema_type(spec, schema.get("items", {})) if kind == "array" else None
            return Param(p["name"], p["in"], kind, item)

        body_validator = None
        body_required = False
        body_schema = None
        body_pointer = None
        request_body = op.get("requestBody")
        if request_body is not None:
            at = request_body.get("$ref") or pointer_of("paths", template, method) + "/requestBody"
            body_pointer = f"{at}/content/application~1json/schema"
            request_body = resolve(spec, request_body)
            media = request_body.get("content", {}).get("application/json", {})
            body_schema = media.get("schema", {})
            body_validator = compile_schema(spec, body_schema)
            body_required = bool(request_body.get("required"))
        security = op.get("security", default_security)
        query_schema = _params_schema(query_params)
        return Operation(
            operation_id=op["operationId"],
            method=method.upper(),
            template=template,
            needs_auth=bool(security),
            path_params=[describe(p) for p in path_params],
            query_params=[describe(p) for p in query_params],
            path_validator=compile_schema(spec, _params_schema(path_params)),
            query_validator=compile_schema(spec, query_schema),
            body_validator=body_validator,
            body_required=body_required,
            body_schema=body_schema,
            statuses=frozenset(int(s) for s in op.get("responses", {}) if s.isdigit()),
            query_search=ErrorSearch(spec, query_schema),
            body_search=ErrorSearch(spec, body_schema) if body_schema is not None else None,
            pointer=pointer_of("paths", template, method),
            body_pointer=body_pointer,
            query_pointers=query_pointers,
            empty_query_valid=not query_schema["required"],
        )


def _declared(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> frozenset[str] | None:
    """The top-level property names an object schema declares (through `allOf`), or None
    when it leaves its extra members to the validator (`additionalProperties` given) or
    declares none."""
    schema = resolve(spec, schema)
    if "additionalProperties" in schema or "patternProperties" in schema:
        return None
    names = set(schema.get("properties", {}))
    for part in schema.get("allOf", []):
        inner = _declared(spec, part)
        if inner is None:
            return None
        names |= inner
    return frozenset(names) if names else None


class BodyFields:
    """The declared top-level fields of a request body schema, per `oneOf` branch.

    A `oneOf` with a discriminator (JobCreate's `type`) is read by the body's tag: a
    circuit job's fields are not a QAOA job's. Without one, any branch's fields count.
    """

    def __init__(self, spec: Mapping[str, Any], schema: Mapping[str, Any]) -> None:
        schema = resolve(spec, schema)
        self.tag: str | None = None
        self.by_tag: dict[str, frozenset[str] | None] = {}
        self.fields: frozenset[str] | None = None
        branches = schema.get("oneOf") or schema.get("anyOf")
        if not branches:
            self.fields = _declared(spec, schema)
            return
        discriminator = schema.get("discriminator") or {}
        mapping = discriminator.get("mapping") or {}
        if discriminator.get("propertyName") and mapping:
            self.tag = str(discriminator["propertyName"])
            self.by_tag = {tag: _declared(spec, {"$ref": ref}) for tag, ref in mapping.items()}
            return
        union: set[str] = set()
        for branch in branches:
            names = _declared(spec, branch)
            if names is None:
                return
            union |= names
        self.fields = frozenset(union)

    def undeclared(self, body: Any) -> tuple[list[str], str]:
        """The members of `body` no schema declares, and what the body is (for messages)."""
        if not isinstance(body, dict):
            return [], ""
        fields, what = self.fields, "this request body"
        if self.tag is not None:
            tag = body.get(self.tag)
            if not isinstance(tag, str) or tag not in self.by_tag:
                return [], ""
            article = "an" if tag[0] in "aeiou" else "a"
            fields, what = self.by_tag[tag], f"{article} {tag} job"
        if fields is None:
            return [], ""
        return [name for name in body if name not in fields], what


def _coerce(kind: str | None, text: str) -> Any:
    """Turn parameter text into the JSON value the schema expects, when it reads as one.

    Text that does not read as the expected type is kept as a string, so the validator
    rejects it with a message naming the parameter.
    """
    if kind in ("integer", "number") and _INTEGER.fullmatch(text):
        try:
            return int(text)
        except ValueError:
            # Over Python's 4,300-digit conversion limit: no integer the spec allows.
            return text
    if kind == "number" and _NUMBER.fullmatch(text):
        value = float(text)
        return value if math.isfinite(value) else text
    if kind == "boolean" and text in ("true", "false"):
        return text == "true"
    return text


def parse_params(params: Iterable[Param], raw: Mapping[str, list[str]]) -> dict[str, Any]:
    """Parameter values from their text; arrays from repeated parameters (form, exploded)."""
    values: dict[str, Any] = {}
    for param in params:
        texts = raw.get(param.name)
        if texts is None:
            continue
        if param.type == "array":
            values[param.name] = [_coerce(param.item_type, t) for t in texts]
        else:
            values[param.name] = _coerce(param.type, texts[0])
    return values


def path_params(params: Iterable[Param], raw: Mapping[str, str]) -> dict[str, Any]:
    """Path parameter values from their text (one each; `parse_params` for a path)."""
    return {p.name: _coerce(p.type, raw[p.name]) for p in params if p.name in raw}


def best_errors(
    validator: Any, value: Any, search: ErrorSearch | None = None, limit: int = MAX_FOUND
) -> list[Found]:
    """The errors of an invalid `value`, oneOf/anyOf resolved to the branch meant: all
    of them for a light value, up to `limit` of a heavy one (found by `search`)."""
    if search is None or is_light(value):
        return expand(found(e) for e in validator.iter_errors(value))
    return expand(search.errors(value, limit))


def error_keys(error: Found) -> list[str]:
    """The dotted keys one error is about (a missing property's own key, for `required`)."""
    path = [str(p) for p in error.instance_path]
    name = kind_name(error)
    if name == "required":
        return [".".join([*path, str(error.kind.property)])]
    if name in ("additionalProperties", "unevaluatedProperties"):
        unexpected = getattr(error.kind, "unexpected", None) or []
        return [".".join([*path, str(u)]) for u in unexpected] or [".".join(path)]
    return [".".join(path)]


# The most keys one 400 names (a heavy value has at most `MAX_FOUND` errors reported, but
# one error can name every unexpected member of an object).
MAX_KEYS: Final = 20


def bad_request(errors: Sequence[Found], source: str, also: Sequence[str] = ()) -> BadRequest:
    """The 400 naming the offending keys of `errors` (and the keys `also`), at most
    `MAX_KEYS`, its message the first error's."""
    keys: list[str] = []
    for error in errors:
        for key in error_keys(error):
            if key not in keys:
                keys.append(key)
    first = errors[0] if errors else None
    message = describe(first, keys[0] if keys else "") if first is not None else "invalid request"
    named = [k for k in keys if k]
    named += [k for k in also if k and k not in named]
    return BadRequest(message, named[:MAX_KEYS], source)


def check(validator: Any, value: Any, source: str, search: ErrorSearch | None = None) -> None:
    """Raise BadRequest naming the offending keys, or return if `value` is valid."""
    if validator.is_valid(value):
        return
    raise bad_request(best_errors(validator, value, search), source)

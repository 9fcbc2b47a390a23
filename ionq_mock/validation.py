"""Request validation, read from `openapi.yaml` when the app starts.

No schema is copied into Python: every operation's path and query parameters and its JSON
body get one precompiled jsonschema-rs validator (Draft 2020-12), built against a root
document that embeds the spec's `components`, so `#/components/...` references resolve as
they do in the spec. `BodyFields` reads which top-level fields a body schema declares
(for the `unknown-field` rule, ionq_mock/leniency.py); routing is ionq_mock/router.py.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import jsonschema_rs

from .errors import BadRequest

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


def _resolve(spec: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _schema_type(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> str | None:
    resolved = _resolve(spec, schema)
    kind = resolved.get("type")
    return kind if isinstance(kind, str) else None


def _validator(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> Any:
    root = {"components": spec.get("components", {}), **schema}
    return jsonschema_rs.validator_for(root, validate_formats=True)


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
            shared = [_resolve(spec, p) for p in item.get("parameters", [])]
            for method in METHODS:
                if method not in item:
                    continue
                op = item[method]
                own = [_resolve(spec, p) for p in op.get("parameters", [])]
                names = {(p["name"], p["in"]) for p in own}
                params = [p for p in shared if (p["name"], p["in"]) not in names] + own
                operation = self._operation(template, method.upper(), op, params, default_security)
                self.by_id[operation.operation_id] = operation

    def _operation(
        self,
        template: str,
        method: str,
        op: Mapping[str, Any],
        params: list[Mapping[str, Any]],
        default_security: Any,
    ) -> Operation:
        spec = self.spec
        path_params = [p for p in params if p["in"] == "path"]
        query_params = [p for p in params if p["in"] == "query"]

        def describe(p: Mapping[str, Any]) -> Param:
            schema = _resolve(spec, p.get("schema", {}))
            kind = _schema_type(spec, schema)
            item = _schema_type(spec, schema.get("items", {})) if kind == "array" else None
            return Param(p["name"], p["in"], kind, item)

        body_validator = None
        body_required = False
        body_schema = None
        request_body = op.get("requestBody")
        if request_body is not None:
            request_body = _resolve(spec, request_body)
            media = request_body.get("content", {}).get("application/json", {})
            body_schema = media.get("schema", {})
            body_validator = _validator(spec, body_schema)
            body_required = bool(request_body.get("required"))
        security = op.get("security", default_security)
        return Operation(
            operation_id=op["operationId"],
            method=method,
            template=template,
            needs_auth=bool(security),
            path_params=[describe(p) for p in path_params],
            query_params=[describe(p) for p in query_params],
            path_validator=_validator(spec, _params_schema(path_params)),
            query_validator=_validator(spec, _params_schema(query_params)),
            body_validator=body_validator,
            body_required=body_required,
            body_schema=body_schema,
            statuses=frozenset(int(s) for s in op.get("responses", {}) if s.isdigit()),
        )


def _declared(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> frozenset[str] | None:
    """The top-level property names an object schema declares (through `allOf`), or None
    when it leaves its extra members to the validator (`additionalProperties` given) or
    declares none."""
    schema = _resolve(spec, schema)
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
        schema = _resolve(spec, schema)
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
        return int(text)
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


def kind_name(error: Any) -> str:
    """The keyword a jsonschema-rs error is about (`type`, `required`, `oneOf`...)."""
    return str(getattr(error.kind, "name", ""))


def _wrong_branch(error: Any) -> bool:
    return kind_name(error) in ("const", "enum")


def _expand(errors: Iterable[Any]) -> list[Any]:
    """Expand oneOf/anyOf failures into the errors of the branch the value most resembles.

    The branch whose failures are not about a tag (`const`/`enum`, e.g. `gate` or `type`)
    and that has the fewest failures is the one the sender meant, so its errors name the
    real offending keys (`input.circuit.3.rotation`, not `input.circuit.3`).
    """
    out: list[Any] = []
    for error in errors:
        context = (
            getattr(error.kind, "context", None) if kind_name(error) in ("oneOf", "anyOf") else None
        )
        if not context:
            out.append(error)
            continue
        branch = min(context, key=lambda errs: (sum(map(_wrong_branch, errs)), len(errs)))
        out.extend(_expand(list(branch)) if branch else [error])
    return out


def best_errors(validator: Any, value: Any) -> list[Any]:
    """The errors of an invalid `value`, oneOf/anyOf resolved to the branch meant."""
    return _expand(validator.iter_errors(value))


def error_keys(error: Any) -> list[str]:
    """The dotted keys one error is about (a missing property's own key, for `required`)."""
    path = [str(p) for p in error.instance_path]
    name = kind_name(error)
    if name == "required":
        return [".".join([*path, str(error.kind.property)])]
    if name in ("additionalProperties", "unevaluatedProperties"):
        unexpected = getattr(error.kind, "unexpected", None) or []
        return [".".join([*path, str(u)]) for u in unexpected] or [".".join(path)]
    return [".".join(path)]


MAX_MESSAGE = 300


def shorten(text: str, limit: int = MAX_MESSAGE) -> str:
    """Cut the middle of a long message: validator messages quote the offending value,
    which may be a 40,000-character metadata value or a 10 MB circuit."""
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return f"{text[:half]}…{text[-half:]}"


def bad_request(errors: Sequence[Any], source: str, also: Sequence[str] = ()) -> BadRequest:
    """The 400 naming every offending key of `errors` (and the keys `also`), its message
    the first error's."""
    keys: list[str] = []
    for error in errors:
        for key in error_keys(error):
            if key not in keys:
                keys.append(key)
    first = errors[0] if errors else None
    where = f'"{keys[0]}": ' if keys and keys[0] else ""
    message = shorten(f"{where}{first.message}") if first is not None else "invalid request"
    named = [k for k in keys if k]
    named += [k for k in also if k and k not in named]
    return BadRequest(message, named, source)


def check(validator: Any, value: Any, source: str) -> None:
    """Raise BadRequest naming every offending key, or return if `value` is valid."""
    if validator.is_valid(value):
        return
    raise bad_request(best_errors(validator, value), source)

"""Reading an OpenAPI 3.x document for comparison, without judging it.

``load_spec`` parses it; ``_resolve`` follows local ``$ref`` (``#/...``); ``_merge`` folds
``allOf`` into one schema; ``_normalise`` reads nullability from ``type: [x, "null"]``,
``nullable: true`` and ``anyOf``/``oneOf`` with ``{type: "null"}``, and returns the schema
without it; ``_types`` and ``_enum`` say what values a schema allows; ``_operations`` lists
a document's operations with their parameters merged. The rules that judge two documents
are in ``breaking_rules.py``; ``check_upstream.py`` reads IonQ's document with these too.
"""

from __future__ import annotations

import re
from typing import Any, TypeGuard

import yaml

Schema = dict[str, Any]
JSON_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string"}

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
UPPER_BOUNDS = ("maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties")
LOWER_BOUNDS = ("minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties")


class SpecError(Exception):
    """The document cannot be read or compared (bad YAML, unsupported or dangling $ref)."""


def load_spec(text: str) -> Schema:
    """Parse an OpenAPI document from YAML (or JSON) text.

    >>> load_spec("openapi: 3.1.0")["openapi"]
    '3.1.0'
    """
    try:
        # The C loader, when PyYAML has it, parses a large spec several times faster.
        doc = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise SpecError(f"not valid YAML: {exc}") from exc
    if not isinstance(doc, dict):
        raise SpecError("not an OpenAPI document (the top level is not a mapping)")
    return doc


def _resolve(doc: Schema, node: Any) -> tuple[Any, str | None]:
    """Follow a chain of local $refs; return the target and the first ref (None if inline)."""
    first: str | None = node.get("$ref") if isinstance(node, dict) else None
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref: str = node["$ref"]
        if not ref.startswith("#/"):
            raise SpecError(f"only local $ref are supported, got {ref!r}")
        if ref in seen:
            raise SpecError(f"$ref loop without a schema in between at {ref!r}")
        seen.add(ref)
        target: Any = doc
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, dict) or part not in target:
                raise SpecError(f"dangling $ref {ref!r}")
            target = target[part]
        # OpenAPI 3.1 allows keywords beside $ref; they apply in addition to the target.
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        node = {**target, **siblings} if siblings and isinstance(target, dict) else target
    return node, first


def _merge(doc: Schema, node: Any, expanding: frozenset[str] = frozenset()) -> Schema:
    """Resolve a schema and fold its ``allOf`` members into one schema."""
    schema, ref = _resolve(doc, node)
    if not isinstance(schema, dict):
        return {}  # `true`/`false` schemas: nothing to compare structurally
    if ref is not None:
        expanding = expanding | {ref}
    if "allOf" not in schema:
        return schema
    merged: Schema = {k: v for k, v in schema.items() if k != "allOf"}
    for member in schema["allOf"]:
        if isinstance(member, dict) and member.get("$ref") in expanding:
            continue  # a schema that includes itself adds nothing new
        part = _merge(doc, member, expanding)
        if "properties" in part:  # copy: the documents themselves must stay untouched
            props = merged["properties"] = dict(merged.get("properties", {}))
        for name, prop in part.get("properties", {}).items():
            # The same property in two members must satisfy both.
            props[name] = {"allOf": [props[name], prop]} if name in props else prop
        if "required" in part:
            merged["required"] = sorted(set(merged.get("required", [])) | set(part["required"]))
        for key, value in part.items():
            # Both members apply, so the tighter of two bounds wins; otherwise the first.
            if key in merged and _number(value) and _number(merged[key]):
                pick = min if key in UPPER_BOUNDS else max if key in LOWER_BOUNDS else None
                merged[key] = pick(merged[key], value) if pick else merged[key]
            merged.setdefault(key, value)
    return merged


def _number(value: Any) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_null(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") in ("null", ["null"])


def _normalise(doc: Schema, node: Any) -> tuple[Schema, bool]:
    """Return the merged schema without its null alternative, and whether null is allowed."""
    schema = _merge(doc, node)
    nullable = schema.get("nullable") is True or schema.get("const", 0) is None
    if isinstance(schema.get("type"), list) and "null" in schema["type"]:
        nullable = True
    for key in ("anyOf", "oneOf"):
        variants = schema.get(key)
        if isinstance(variants, list) and any(_is_null(v) for v in variants):
            nullable = True
            rest = [v for v in variants if not _is_null(v)]
            outer = {k: v for k, v in schema.items() if k != key}
            if len(rest) == 1:  # `anyOf: [X, null]` is just a nullable X
                schema = _merge(doc, {**outer, "allOf": [*outer.get("allOf", []), rest[0]]})
            else:
                schema = {**outer, key: rest}
    return schema, nullable


def _types(schema: Schema) -> set[str] | None:
    """The non-null JSON types a schema allows; None when it does not say (any type)."""
    declared = schema.get("type")
    if isinstance(declared, str):
        return {declared} - {"null"}
    if isinstance(declared, list):
        return set(declared) - {"null"}
    if "properties" in schema:
        return {"object"}
    if "items" in schema:
        return {"array"}
    values = _enum(schema)
    return None if values is None else {JSON_TYPES.get(type(v), "object") for v in values}


def _enum(schema: Schema) -> list[Any] | None:
    if "enum" in schema:
        return [v for v in schema["enum"] if v is not None]
    if "const" in schema and schema["const"] is not None:
        return [schema["const"]]
    return None


def _operations(doc: Schema) -> dict[tuple[str, str], tuple[str, Schema]]:
    """Map (method, path with parameter names erased) to (path, operation with its merged
    path-level and operation-level parameters keyed by (in, name))."""
    ops: dict[tuple[str, str], tuple[str, Schema]] = {}
    for path, item_node in (doc.get("paths") or {}).items():
        item = _resolve(doc, item_node)[0]
        if not isinstance(item, dict):
            continue
        for method in METHODS:
            if not isinstance(item.get(method), dict):
                continue
            params: dict[tuple[str, str], Schema] = {}
            for node in [*item.get("parameters", []), *item[method].get("parameters", [])]:
                param = _resolve(doc, node)[0]
                where, name = param.get("in", ""), str(param.get("name", ""))
                # Header names are case-insensitive; operation-level entries override.
                params[(where, name.lower() if where == "header" else name)] = param
            op = {**item[method], "parameters": params}
            ops[(method, re.sub(r"\{[^}]*\}", "{}", str(path)))] = (str(path), op)
    return ops

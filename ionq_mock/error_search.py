"""The errors of a big invalid request value, found at a cost linear in its size.

Validity is one `is_valid` call, linear and fast (150,000 gates: 0.08 s). Reporting the
errors of a big invalid value is not: jsonschema-rs's `iter_errors` builds every error of
every `oneOf`/`anyOf` branch as a Python object before it returns the first (200,000 gates,
one over the limit: 3.2 million errors from the `native` gate branch, 104 s, the server
answering nothing else meanwhile). So a value over `LIGHT` is reported by `ErrorSearch`,
which finds a few errors (`MAX_FOUND`) at a cost linear in its size; a light value is
reported by `iter_errors` as before (ionq_mock/validation.py `best_errors`). Both give
`Found`s (ionq_mock/schema_errors.py), so a 400 reads the same whichever found its errors.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any, Final

from .schema_errors import UNIONS, Found, KeyPath, describe, found, meant
from .schemas import compile_schema, resolve

# A value weighing more than this is reported by `ErrorSearch`, not `iter_errors`. Each
# array, object, member and scalar weighs 1, a string 1 more per 64 characters: light
# values cost `iter_errors` at most ~20 ms, whatever their branches.
LIGHT: Final = 1_000
# The errors `ErrorSearch` reports of one value; the leniency rules ask for more (they
# repair every value they can, ionq_mock/leniency.py).
MAX_FOUND: Final = 10
# Items an array search validates in one call, before looking at them one by one.
CHUNK: Final = 256
# Keywords about a value's members or items, or about which schema applies: the search
# handles them itself; every other keyword is the value's own (type, size, enum...).
_WALKED: Final = frozenset(
    (
        "$ref",
        "properties",
        "additionalProperties",
        "patternProperties",
        "propertyNames",
        "items",
        "prefixItems",
        "allOf",
        "oneOf",
        "anyOf",
        "discriminator",
    )
)
# Keywords the walk does not take apart (openapi.yaml uses none): a value under one is
# checked whole when the walk finds no error.
_OPAQUE: Final = frozenset(
    ("patternProperties", "prefixItems", "unevaluatedProperties", "unevaluatedItems")
)
# Keywords that say nothing about validity.
_ANNOTATIONS: Final = frozenset(
    ("description", "examples", "example", "default", "title", "deprecated", "readOnly")
)


def is_light(value: Any, limit: int = LIGHT) -> bool:
    """Whether `value` weighs at most `limit` (see `LIGHT`); stops counting past it."""
    budget = limit
    stack = [value]
    while stack:
        node = stack.pop()
        budget -= 1
        if isinstance(node, str):
            budget -= len(node) // 64
        elif isinstance(node, dict):
            budget -= len(node)
            if budget < 0:
                return False
            stack.extend(node.values())
        elif isinstance(node, list):
            budget -= len(node)
            if budget < 0:
                return False
            stack.extend(node)
        if budget < 0:
            return False
    return True


class ErrorSearch:
    """Finds up to `limit` errors of an invalid value, at a cost linear in its size.

    It walks the schema and a heavy value together, as jsonschema-rs would, asking
    jsonschema-rs only yes/no questions (`is_valid`, on precompiled sub-schemas, each of a
    small part) until it reaches a light invalid part, whose errors `iter_errors` then
    gives. On the way: a value's own keywords (type, size, enum, required...) first, and
    if they fail, nothing below it (200,000 gates over a 150,000 limit is that one error);
    members one by one; items `CHUNK` at a time, then one by one in a chunk that fails;
    `allOf` parts each; a `oneOf`/`anyOf` with a discriminator by its tag (the spec's tags
    are `const`s, so one branch at most can hold), without one by searching each branch
    and keeping the one the sender meant (as `expand` does).
    """

    def __init__(self, spec: Mapping[str, Any], schema: Mapping[str, Any]) -> None:
        self.spec = spec
        self.schema = schema
        # Validators by the id of the schema node they check (nodes of `spec` live as long
        # as it does; made on first use, from any thread: a race compiles one twice).
        self._whole: dict[int, Any] = {}
        self._own: dict[int, Any] = {}
        self._items: dict[int, Any] = {}
        self._tags: dict[int, Any] = {}

    def errors(self, value: Any, limit: int = MAX_FOUND) -> list[Found]:
        """Up to `limit` errors of `value` (at least one if it is invalid)."""
        out: list[Found] = []
        self._find(self.schema, value, (), (), out, limit)
        return out

    def _compiled(self, cache: dict[int, Any], node: Mapping[str, Any], schema: Any) -> Any:
        validator = cache.get(id(node))
        if validator is None:
            validator = cache[id(node)] = compile_schema(self.spec, schema)
        return validator

    def _find(
        self,
        node: Mapping[str, Any],
        value: Any,
        path: KeyPath,
        schema_path: KeyPath,
        out: list[Found],
        limit: int,
    ) -> None:
        """Add the errors of `value` under `node` to `out`, until it holds `limit`."""
        if len(out) >= limit:
            return
        if is_light(value):
            whole = self._compiled(self._whole, node, node)
            if not whole.is_valid(value):
                out.extend(found(e, path, schema_path) for e in whole.iter_errors(value))
            return
        # A heavy value is walked, never validated whole: one `is_valid` on 150,000 gates
        # holds the GIL for 80 ms, the walk's calls (one chunk of items each) for ~0.1 ms.
        before = len(out)
        exhaustive = self._walk(node, value, path, schema_path, out, limit)
        if len(out) == before and not exhaustive:
            whole = self._compiled(self._whole, node, node)
            if not whole.is_valid(value):
                # A keyword the walk does not take apart: say where, not why (unreachable
                # with openapi.yaml, whose keywords are all taken apart).
                out.append(_invalid(value, path, schema_path, "is not valid under its schema"))

    def _walk(
        self,
        node: Mapping[str, Any],
        value: Any,
        path: KeyPath,
        schema_path: KeyPath,
        out: list[Found],
        limit: int,
    ) -> bool:
        """Find the errors of a heavy `value`, keyword by keyword; whether every keyword
        was taken apart (then no error found means valid)."""
        exhaustive = not any(k in node for k in _OPAQUE)
        if "$ref" in node:
            target = resolve(self.spec, {"$ref": node["$ref"]})
            self._find(target, value, path, (*schema_path, "$ref"), out, limit)
        own = {k: v for k, v in node.items() if k not in _WALKED and k not in _ANNOTATIONS}
        for keyword in ("items", "additionalProperties"):
            if isinstance(node.get(keyword), bool):
                own[keyword] = node[keyword]
        if node.get("additionalProperties") is False:
            # Which members may be there is the value's own business: no member is read.
            own["properties"] = dict.fromkeys(node.get("properties", {}), True)
        if own and not (own_check := self._compiled(self._own, node, own)).is_valid(value):
            # The members of a value of the wrong type or size are not worth reading.
            made = _size_error(own, value, path, schema_path) or _type_error(
                own, value, path, schema_path
            )
            if made is not None:
                out.append(made)
                return True
            # Keywords about an object's keys fail alike on its keys alone: not copied whole.
            keys_only = isinstance(value, dict) and own.keys() <= _KEY_KEYWORDS
            errors = own_check.iter_errors(dict.fromkeys(value) if keys_only else value)
            out.extend(found(e, path, schema_path) for e in islice(errors, limit - len(out)))
            return True
        if isinstance(value, dict):
            self._members(node, value, path, schema_path, out, limit)
        elif isinstance(value, list):
            self._array(node, value, path, schema_path, out, limit)
        for index, part in enumerate(node.get("allOf", ())):
            self._find(part, value, path, (*schema_path, "allOf", index), out, limit)
        for keyword in UNIONS:
            if keyword in node:
                self._union(node, keyword, value, path, schema_path, out, limit)
        return exhaustive

    def _members(
        self,
        node: Mapping[str, Any],
        value: dict[str, Any],
        path: KeyPath,
        schema_path: KeyPath,
        out: list[Found],
        limit: int,
    ) -> None:
        properties: Mapping[str, Any] = node.get("properties", {})
        extra = node.get("additionalProperties")
        names = node.get("propertyNames")
        # Only declared members have a schema here: read those, not 400,000 others.
        keys = value if isinstance(extra, Mapping) or isinstance(names, Mapping) else properties
        for key in keys:
            if len(out) >= limit:
                return
            if key not in value:
                continue
            member = value[key]
            if isinstance(names, Mapping):
                # jsonschema-rs reports a bad name at the object, as here.
                self._find(names, key, path, (*schema_path, "propertyNames"), out, limit)
            if key in properties:
                sub, where = properties[key], (*schema_path, "properties", key)
            elif isinstance(extra, Mapping):
                sub, where = extra, (*schema_path, "additionalProperties")
            else:
                continue
            if isinstance(sub, Mapping):
                self._find(sub, member, (*path, key), where, out, limit)

    def _array(
        self,
        node: Mapping[str, Any],
        value: list[Any],
        path: KeyPath,
        schema_path: KeyPath,
        out: list[Found],
        limit: int,
    ) -> None:
        items = node.get("items")
        if not isinstance(items, Mapping):
            return
        chunk_check = self._compiled(self._items, items, {"items": items})
        where = (*schema_path, "items")
        for start in range(0, len(value), CHUNK):
            if len(out) >= limit:
                return
            chunk = value[start : start + CHUNK]
            if chunk_check.is_valid(chunk):
                continue
            for index, item in enumerate(chunk, start):
                self._find(items, item, (*path, index), where, out, limit)

    def _union(
        self,
        node: Mapping[str, Any],
        keyword: str,
        value: Any,
        path: KeyPath,
        schema_path: KeyPath,
        out: list[Found],
        limit: int,
    ) -> None:
        branches: Sequence[Mapping[str, Any]] = node[keyword]
        discriminator = node.get("discriminator") or {}
        tag, mapping = discriminator.get("propertyName"), discriminator.get("mapping") or {}
        if tag and mapping and isinstance(value, dict):
            target = mapping.get(value.get(tag)) if isinstance(value.get(tag), str) else None
            for index, branch in enumerate(branches):
                if target is not None and branch.get("$ref") == target:
                    self._find(branch, value, path, (*schema_path, keyword, index), out, limit)
                    return
            # No tag, or one naming no branch: the tag is what is wrong.
            tags = {"required": [tag], "properties": {tag: {"enum": sorted(mapping)}}}
            errors = self._compiled(self._tags, node, tags).iter_errors(value)
            out.extend(found(e, path, schema_path) for e in islice(errors, limit - len(out)))
            return
        searched: list[list[Found]] = []
        for index, branch in enumerate(branches):
            mine: list[Found] = []
            self._find(branch, value, path, (*schema_path, keyword, index), mine, limit)
            searched.append(mine)
        valid = sum(not errors for errors in searched)
        if keyword == "oneOf" and valid > 1:
            message = "is valid under more than one of the schemas listed in 'oneOf'"
            out.append(_invalid(value, path, (*schema_path, keyword), message))
        elif not valid:
            out.extend(list(meant(searched))[: limit - len(out)])


class _Invalid:
    """The kind of a `Found` saying only that a value is invalid."""

    name = "invalid"


@dataclass(frozen=True)
class _Size:
    """The kind of a `Found` for a size keyword, as jsonschema-rs's reads (`name`, `limit`)."""

    name: str
    limit: int


# Size keywords: the type they apply to, and whether a length is within the limit.
_SIZE_CHECKS: Final = {
    "maxItems": (list, int.__le__),
    "minItems": (list, int.__ge__),
    "maxLength": (str, int.__le__),
    "minLength": (str, int.__ge__),
    "maxProperties": (dict, int.__le__),
    "minProperties": (dict, int.__ge__),
}


@dataclass(frozen=True)
class _Type:
    """The kind of a `Found` for the `type` keyword, as jsonschema-rs's reads (`types`)."""

    types: list[str]
    name: str = "type"


# The JSON types a heavy value can have (a number or a boolean is never heavy).
_JSON_TYPES: Final[dict[type, str]] = {dict: "object", list: "array", str: "string"}
_KEY_KEYWORDS: Final = frozenset(
    (
        "type",
        "required",
        "properties",
        "additionalProperties",
        "propertyNames",
        "minProperties",
        "maxProperties",
        "dependentRequired",
    )
)


def _type_error(
    own: Mapping[str, Any], value: Any, path: KeyPath, schema_path: KeyPath
) -> Found | None:
    """The error of a heavy value of the wrong type, made here (see `_size_error`)."""
    wanted = own.get("type")
    actual = _JSON_TYPES.get(type(value))
    if wanted is None or actual is None:
        return None
    types = [wanted] if isinstance(wanted, str) else [str(t) for t in wanted]
    if actual in types:
        return None
    unit = {"object": "keys", "array": "items", "string": "characters"}[actual]
    article = "an" if actual[0] in "aeiou" else "a"
    shown = " or ".join(json.dumps(t) for t in types)
    message = f"{article} {actual} of {len(value):,} {unit} is not of type {shown}"
    return Found(path, (*schema_path, "type"), _Type(types), message, value)


def _size_error(
    own: Mapping[str, Any], value: Any, path: KeyPath, schema_path: KeyPath
) -> Found | None:
    """The error of a heavy value over (or under) a size keyword of its own, made here:
    jsonschema-rs's would copy the value into the error (200,000 gates: 0.5 s, holding the
    GIL) and quote it in the message."""
    for keyword, (kind, within) in _SIZE_CHECKS.items():
        limit = own.get(keyword)
        if isinstance(limit, int) and isinstance(value, kind) and not within(len(value), limit):
            error = Found(path, (*schema_path, keyword), _Size(keyword, limit), "", value)
            return replace(error, message=describe(error, ""))
    return None


def _invalid(value: Any, path: KeyPath, schema_path: KeyPath, message: str) -> Found:
    return Found(path, schema_path, _Invalid(), message, value)

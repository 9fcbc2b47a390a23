"""The rules: which changes from an old OpenAPI document to a new one break clients
generated from the old one.

A "request" schema is a parameter or request body; a "response" one is a response body.

1. An operation removed (by method and path), moved to another method or path (same
   operationId), or its operationId renamed. Path parameter names do not matter:
   ``/jobs/{id}`` and ``/jobs/{UUID}`` are the same URL.
2. A parameter removed (by ``in`` and name), a new required parameter, or an optional
   parameter made required.
3. A request body removed, a new required request body, an optional one made required, or a
   request media type removed.
4. A request field removed, a new required request field, or an optional one made required.
5. A success (2xx or default) response or a response media type removed; a response field
   removed, or a required response field made optional.
6. Enums: a value removed from a request enum (clients send it); in a response, a value
   removed *or added* (generated clients with strict enums reject values they do not know,
   and lose members they reference). ``const`` counts as a one-value enum.
7. Types: a request type narrowed (``number`` -> ``integer``, a type dropped, null no longer
   accepted); any change of a response type or of its nullability (widening sends values old
   clients cannot parse; narrowing changes generated field types, ``T | None`` -> ``T``).
8. Request constraints tightened: maxLength, maximum, exclusiveMaximum, maxItems and
   maxProperties lowered or added; their min counterparts raised or added; a new or changed
   pattern; uniqueItems added; additionalProperties set to false.
9. ``oneOf``/``anyOf``: a variant removed from a request, or added to a response. Variants are
   matched by ``$ref`` name, else ``title``, else their type; a plain schema is one variant.

``readOnly`` properties are ignored in requests and ``writeOnly`` ones in responses.

Schemas are read as ``openapi_doc.py`` reads them (``$ref`` resolved, ``allOf`` merged,
nullability split off), and recursive schemas are compared once per pair of references on
the current path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from openapi_doc import (
    LOWER_BOUNDS,
    UPPER_BOUNDS,
    Schema,
    _enum,
    _is_null,
    _merge,
    _normalise,
    _number,
    _operations,
    _resolve,
    _types,
)

Direction = Literal["request", "response"]
Active = frozenset[tuple[str | None, str | None]]  # pairs of $refs being compared (recursion)
Variants = tuple[str, list[Any]]  # ("oneOf" or "anyOf", the variant schemas)


@dataclass(frozen=True)
class Finding:
    """One breaking change: where it is and why it breaks clients."""

    location: str
    reason: str

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


def _visible(doc: Schema, schema: Schema, hidden_flag: str) -> Schema:
    """The properties of ``schema`` except those marked ``hidden_flag: true``."""
    props = schema.get("properties", {})
    return {k: v for k, v in props.items() if _merge(doc, v).get(hidden_flag) is not True}


def _required(schema: Schema, visible: Schema) -> set[str]:
    """The required names of ``schema`` less its hidden properties (see ``_visible``)."""
    hidden: set[str] = set(schema.get("properties", {})) - visible.keys()
    return set(schema.get("required", [])) - hidden


def _ref_name(node: Any) -> str | None:
    """The component name behind a schema (seen through single-member wrappers), if any."""
    if not isinstance(node, dict):
        return None
    if isinstance(node.get("$ref"), str):
        return str(node["$ref"]).rsplit("/", 1)[-1]
    for key in ("allOf", "anyOf", "oneOf"):
        rest = [v for v in node.get(key) or [] if not _is_null(v)]
        if len(rest) == 1:
            return _ref_name(rest[0])
    return None


def _variants(schema: Schema) -> Variants | None:
    for key in ("oneOf", "anyOf"):
        if isinstance(schema.get(key), list):
            return key, schema[key]
    return None


def _show(types: set[str] | None) -> str:
    return "any" if types is None else "|".join(sorted(types)) or "none"


class Comparer:
    """Walks an old and a new document side by side and collects breaking changes."""

    # Rule 1's operationId checks; a subclass comparing documents by different authors,
    # who name operations differently, turns them off.
    compare_operation_ids = True

    def __init__(self, old: Schema, new: Schema) -> None:
        self.old, self.new = old, new
        self.findings: list[Finding] = []

    def report(self, location: str, reason: str) -> None:
        """Record one finding."""
        self.findings.append(Finding(location, reason))

    def schema(
        self,
        old_node: Any,
        new_node: Any,
        loc: str,
        direction: Direction,
        active: Active = frozenset(),
    ) -> None:
        """Compare two schemas used in ``direction``; ``active`` guards recursive $refs."""
        pair = (_resolve(self.old, old_node)[1], _resolve(self.new, new_node)[1])
        if pair != (None, None):
            if pair in active:
                return
            active = active | {pair}
        old, old_null = _normalise(self.old, old_node)
        new, new_null = _normalise(self.new, new_node)
        if direction == "request" and old_null and not new_null:
            self.report(loc, "request no longer accepts null")
        elif direction == "response" and old_null != new_null:
            self.report(loc, "response " + ("became" if new_null else "is no longer") + " nullable")
        if _variants(old) or _variants(new):
            # A plain schema is one variant, named by its original node (its $ref, if any).
            old_list = _variants(old) or ("oneOf", [old_node])
            new_list = _variants(new) or (old_list[0], [new_node])
            self.variants(old_list, new_list, loc, direction, active)
            return
        old_t, new_t = _types(old), _types(new)
        if direction == "request":
            covered = new_t is None or (
                old_t is not None
                and all(t in new_t or (t == "integer" and "number" in new_t) for t in old_t)
            )
            if not covered:
                self.report(loc, f"request type narrowed from {_show(old_t)} to {_show(new_t)}")
        elif old_t != new_t and (old_t is not None or new_t is None):
            self.report(loc, f"response type changed from {_show(old_t)} to {_show(new_t)}")
        self.enums(_enum(old), _enum(new), loc, direction)
        if direction == "request":
            self.constraints(old, new, loc)
        self.properties(old, new, loc, direction, active)
        if isinstance(old.get("items"), dict) and isinstance(new.get("items"), dict):
            self.schema(old["items"], new["items"], f"{loc}.items", direction, active)

    def enums(
        self, old: list[Any] | None, new: list[Any] | None, loc: str, direction: Direction
    ) -> None:
        """Rule 6: removed enum values anywhere, added ones in responses."""
        if new is None:
            if old is not None and direction == "response":
                self.report(loc, "response enum removed: any value may now be returned")
            return
        if old is None:
            if direction == "request":
                self.report(loc, f"request now restricted to enum {new}")
            return
        for value in old:
            if value not in new:
                self.report(loc, f"{direction} enum value {value!r} removed")
        if direction == "response":
            for value in new:
                if value not in old:
                    self.report(loc, f"response enum value {value!r} added")

    def constraints(self, old: Schema, new: Schema, loc: str) -> None:
        """Rule 8: tightened request validation keywords."""
        for keys, tighter in ((UPPER_BOUNDS, "lowered"), (LOWER_BOUNDS, "raised")):
            for key in keys:
                was, now = old.get(key), new.get(key)
                if not _number(now):
                    continue  # absent, or OpenAPI 3.0's boolean exclusiveMaximum
                if not _number(was):
                    self.report(loc, f"request {key} {now} added")
                elif (now < was) if tighter == "lowered" else (now > was):
                    self.report(loc, f"request {key} {tighter} from {was} to {now}")
        if "pattern" in new and new["pattern"] != old.get("pattern"):
            self.report(loc, f"request pattern changed to {new['pattern']!r}")
        if new.get("uniqueItems") is True and old.get("uniqueItems") is not True:
            self.report(loc, "request uniqueItems added")
        if (
            new.get("additionalProperties") is False
            and old.get("additionalProperties") is not False
        ):
            self.report(loc, "request additionalProperties no longer allowed")

    def properties(
        self, old: Schema, new: Schema, loc: str, direction: Direction, active: Active
    ) -> None:
        """Rules 4 and 5: removed fields, newly required request fields, optional responses."""
        # readOnly fields are never sent, writeOnly fields never returned: ignore them there.
        flag = "readOnly" if direction == "request" else "writeOnly"
        old_props, new_props = _visible(self.old, old, flag), _visible(self.new, new, flag)
        old_req, new_req = _required(old, old_props), _required(new, new_props)
        for name, prop in old_props.items():
            where = f"{loc}.properties.{name}"
            if name not in new_props:
                self.report(where, f"{direction} field removed")
                continue
            self.schema(prop, new_props[name], where, direction, active)
            if direction == "response" and name in old_req and name not in new_req:
                self.report(where, "response field no longer required")
        if direction == "request":
            for name in sorted(new_req - old_req):
                was = "optional request field" if name in old_props else "new request field"
                self.report(f"{loc}.properties.{name}", f"{was} is required")
        old_extra, new_extra = old.get("additionalProperties"), new.get("additionalProperties")
        if isinstance(old_extra, dict) and isinstance(new_extra, dict):
            self.schema(old_extra, new_extra, f"{loc}.additionalProperties", direction, active)

    def keyed(self, doc: Schema, nodes: list[Any]) -> dict[str, Any]:
        """Name oneOf/anyOf variants to match them across versions: by $ref, title or type."""
        out: dict[str, Any] = {}
        for index, node in enumerate(nodes):
            schema = _merge(doc, node)
            key = _ref_name(node) or str(schema.get("title") or _show(_types(schema)))
            out[f"{key}[{index}]" if key in out else key] = node  # two untitled objects
        return out

    def variants(
        self, old: Variants, new: Variants, loc: str, way: Direction, active: Active
    ) -> None:
        """Rule 9: match (kind, variants) pairs by name; a removed request variant breaks."""
        (_, old_list), (kind, new_list) = old, new
        old_by, new_by = self.keyed(self.old, old_list), self.keyed(self.new, new_list)
        for key, variant in old_by.items():
            if key in new_by:
                self.schema(variant, new_by[key], f"{loc}.{kind}.{key}", way, active)
            elif way == "request":
                self.report(f"{loc}.{kind}.{key}", "request variant removed")
        if way == "response":
            for key in new_by.keys() - old_by.keys():
                self.report(f"{loc}.{kind}.{key}", "response variant added")

    def operations(self) -> None:
        """Rules 1-5 for every operation of the old document."""
        old_ops, new_ops = _operations(self.old), _operations(self.new)
        new_ids = {op.get("operationId"): key for key, (_, op) in new_ops.items()}
        for key, (path, op) in old_ops.items():
            loc = f"paths.{path}.{key[0]}"
            op_id = op.get("operationId") if self.compare_operation_ids else None
            if key not in new_ops:
                if op_id is not None and op_id in new_ids:
                    method, new_path = new_ids[op_id][0], new_ops[new_ids[op_id]][0]
                    self.report(loc, f"operation {op_id} moved to {method.upper()} {new_path}")
                else:
                    self.report(loc, f"operation {op_id or key[1]} removed")
                continue
            new_path, new_op = new_ops[key]
            if op_id is not None and new_op.get("operationId") != op_id:
                renamed = new_op.get("operationId")
                self.report(loc, f"operationId renamed from {op_id} to {renamed}")
            self.parameters(op["parameters"], new_op["parameters"], loc)
            self.request_body(op.get("requestBody"), new_op.get("requestBody"), loc)
            self.responses(op.get("responses") or {}, new_op.get("responses") or {}, loc)

    def parameters(self, old: dict[Any, Any], new: dict[Any, Any], loc: str) -> None:
        """Rule 2, then the parameter schemas as requests."""
        for (where, name), param in old.items():
            here = f"{loc}.parameters.{where}.{name}"
            if (where, name) not in new:
                self.report(here, "parameter removed")
                continue
            if new[(where, name)].get("required") and not param.get("required"):
                self.report(here, "optional parameter is required")
            if "schema" in param and "schema" in new[(where, name)]:
                self.schema(param["schema"], new[(where, name)]["schema"], here, "request")
        for (where, name), param in new.items():
            if (where, name) not in old and param.get("required"):
                self.report(f"{loc}.parameters.{where}.{name}", "new required parameter")

    def request_body(self, old_node: Any, new_node: Any, loc: str) -> None:
        """Rule 3, then the body schemas as requests."""
        old, new = _resolve(self.old, old_node)[0], _resolve(self.new, new_node)[0]
        loc = f"{loc}.requestBody"
        if not isinstance(new, dict):
            if isinstance(old, dict):
                self.report(loc, "request body removed")
            return
        if not isinstance(old, dict):
            if new.get("required"):
                self.report(loc, "new required request body")
            return
        if new.get("required") and not old.get("required"):
            self.report(loc, "optional request body is required")
        self.content(old.get("content") or {}, new.get("content") or {}, loc, "request")

    def responses(self, old: Schema, new: Schema, loc: str) -> None:
        """Rule 5 for response codes, then the response schemas."""
        new_by_code = {str(code): body for code, body in new.items()}
        for code, old_node in old.items():
            here = f"{loc}.responses.{code}"
            if str(code) not in new_by_code:
                if str(code).startswith("2") or str(code) == "default":
                    self.report(here, "success response removed")
                continue
            old_resp = _resolve(self.old, old_node)[0]
            new_resp = _resolve(self.new, new_by_code[str(code)])[0]
            if isinstance(old_resp, dict) and isinstance(new_resp, dict):
                old_content, new_content = old_resp.get("content"), new_resp.get("content")
                self.content(old_content or {}, new_content or {}, here, "response")

    def content(self, old: Schema, new: Schema, loc: str, direction: Direction) -> None:
        """Compare media types of a body: a removed one breaks clients that use it."""
        for media, old_media in old.items():
            here = f"{loc}.content.{media}"
            if media not in new:
                self.report(here, f"{direction} media type removed")
            elif "schema" in (old_media or {}) and "schema" in (new[media] or {}):
                self.schema(old_media["schema"], new[media]["schema"], f"{here}.schema", direction)


def compare(old: Schema, new: Schema) -> list[Finding]:
    """Return every breaking change from ``old`` to ``new``, in document order."""
    comparer = Comparer(old, new)
    comparer.operations()
    return comparer.findings

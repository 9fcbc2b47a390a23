"""How IonQ's OpenAPI document and openapi.yaml differ: breaking_rules' engine, adapted.

Part of ``scripts/check_upstream.py``. IonQ's document is the old version and ours the new
one, so a finding is a way in which ours would break a client generated from IonQ's. The
adaptations to two documents by different authors:

* operationIds are not compared, and path parameters are matched by position in the URL
  (``/jobs/{UUID}`` is ``/jobs/{job_id}``): ours is compared with its names changed to IonQ's;
* oneOf/anyOf variants are matched by name, else by a tag value they share (such as
  ``type: ionq.circuit.v1``), else to our one variant of the same JSON type, else to our
  only variant (a plain schema is one variant);
* markers on our schemas accept differences at or under them: ``x-ionq-stricter`` the
  tighter request constraints (bounds, pattern, uniqueItems, additionalProperties: false,
  an enum on a field IonQ leaves free), ``x-ionq-service-differs`` every kind;
* a finding said of the same schema of ours at the same place is reported once per
  operation, however many of IonQ's schemas lead to it;
* IonQ's schema-level ``example``s met on the way are kept, with our schema, for checking.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from breaking_rules import Active, Comparer, Direction, Variants
from openapi_doc import METHODS, Schema, _enum, _merge, _normalise, _operations, _resolve, _types
from upstream_examples import Example

STRICTER, DIFFERS = "x-ionq-stricter", "x-ionq-service-differs"
PATH_PARAM = re.compile(r"\{([^}]*)\}")
Pair = tuple[str | None, str | None]  # the $refs of IonQ's schema and of ours

# check_breaking words a finding as a change from the old document (IonQ's) to the new one
# (ours); say it as what ours lacks or does differently. Unlisted reasons are kept as they are.
THEIRS = "in IonQ's"
WORDING = [
    (r"operation .* removed", "missing operation"),
    (r"(\w+) field removed", r"\1 field missing"),
    (r"response field no longer required", f"response field optional here, required {THEIRS}"),
    (r"optional request field is required", f"request field required here, optional {THEIRS}"),
    (r"new request field is required", f"request field required here, absent {THEIRS}"),
    (r"parameter removed", "parameter missing"),
    (r"optional parameter is required", f"parameter required here, optional {THEIRS}"),
    (r"new required parameter", f"required parameter absent {THEIRS}"),
    (r"request body removed", "request body missing"),
    (r"new required request body", f"request body required here, absent {THEIRS}"),
    (r"optional request body is required", f"request body required here, optional {THEIRS}"),
    (r"(\w+) media type removed", r"\1 media type missing"),
    (r"success response removed", "success response missing"),
    (r"request no longer accepts null", f"request rejects null here, accepts it {THEIRS}"),
    (r"response became nullable", f"response nullable here, not {THEIRS}"),
    (r"response is no longer nullable", f"response not nullable here, nullable {THEIRS}"),
    (r"request type narrowed from (\S+) to (\S+)", rf"request type \2 here, \1 {THEIRS}"),
    (r"response type changed from (\S+) to (\S+)", rf"response type \2 here, \1 {THEIRS}"),
    (r"response enum removed: .*", f"response not an enum here, an enum {THEIRS}"),
    (r"request now restricted to enum (.*)", rf"request restricted to enum \1 here, not {THEIRS}"),
    (r"(\w+) enum value (.*) removed", r"\1 enum value \2 missing"),
    (r"response enum value (.*) added", rf"response enum value \1 absent {THEIRS}"),
    (r"request uniqueItems added", f"request uniqueItems here, not {THEIRS}"),
    (r"request (\w+) (\S+) added", rf"request \1 \2 here, none {THEIRS}"),
    (r"request (\w+) (?:lowered|raised) from (\S+) to (\S+)", rf"request \1 \3 here, \2 {THEIRS}"),
    (r"request pattern changed to (.*)", rf"request pattern \1 here, not {THEIRS}"),
    (r"request additionalProperties no longer allowed", f"request closed here, open {THEIRS}"),
    (r"(\w+) variant removed", r"\1 variant missing"),
    (r"response variant added", f"response variant absent {THEIRS}"),
]


def reword(reason: str) -> str:
    """Say a check_breaking reason from our document's side."""
    for pattern, replacement in WORDING:
        if re.fullmatch(pattern, reason):
            return re.sub(pattern, replacement, reason)
    return reason


@dataclass(frozen=True)
class Difference:
    """One thing IonQ's document has that ours lacks or contradicts."""

    operation: str  # IonQ's operation as a location, "paths.<path>.<method>"
    location: str
    reason: str
    accepted: str | None = None  # why a marker of ours accepts it

    def __str__(self) -> str:
        where = self.location.removeprefix(self.operation).removeprefix(".")
        text = f"{where}: {reword(self.reason)}" if where else reword(self.reason)
        return f"{text} -- accepted ({self.accepted})" if self.accepted else text


@dataclass(frozen=True)
class Frame:
    """A pair of schemas being compared, which way they travel, and our one's markers."""

    loc: str
    pair: Pair
    direction: Direction
    stricter: str | None
    differs: str | None


def _marker(schema: Schema, name: str) -> str | None:
    value = schema.get(name)
    return None if value is None or value is False else str(value)


def _tags(doc: Schema, node: Any) -> set[tuple[str, Any]]:
    """The (property, value) pairs a variant's enum or const properties allow."""
    props = _merge(doc, node).get("properties") or {}
    return {
        (name, value)
        for name, prop in props.items()
        for value in _enum(_normalise(doc, prop)[0]) or []
        if isinstance(value, str | int | bool)
    }


def _renamed(doc: Schema, node: Any, names: dict[str, str]) -> Any:
    param = _resolve(doc, node)[0]
    if isinstance(param, dict) and param.get("in") == "path" and param.get("name") in names:
        return {**param, "name": names[param["name"]]}
    return node


def align_path_names(ionq: Schema, ours: Schema) -> Schema:
    """A copy of ``ours`` whose path parameters have IonQ's names, matched by position."""
    theirs = {key[1]: path for key, (path, _) in _operations(ionq).items()}
    erased = {path: key[1] for key, (path, _) in _operations(ours).items()}
    paths: Schema = {}
    for path, node in (ours.get("paths") or {}).items():
        item, target = _resolve(ours, node)[0], theirs.get(erased.get(path, ""))
        if target is None or not isinstance(item, dict):
            paths[path] = node
            continue
        names = dict(zip(PATH_PARAM.findall(path), PATH_PARAM.findall(target), strict=True))
        aligned = paths[path] = dict(item)
        for key, value in item.items():
            if key == "parameters" or (key in METHODS and isinstance(value, dict)):
                params = value if key == "parameters" else value.get("parameters") or []
                renamed = [_renamed(ours, param, names) for param in params]
                aligned[key] = renamed if key == "parameters" else {**value, "parameters": renamed}
    return {**ours, "paths": paths}


class UpstreamComparer(Comparer):
    """breaking_rules' Comparer with markers, per-operation dedupe and examples."""

    compare_operation_ids = False

    def __init__(self, ionq: Schema, ours: Schema) -> None:
        super().__init__(ionq, align_path_names(ionq, ours))
        self.frames: list[Frame] = []
        self.constraining = False  # inside Comparer.constraints: x-ionq-stricter applies
        self.differences: list[Difference] = []
        self.seen: set[tuple[Any, ...]] = set()
        self.examples: dict[str, tuple[str, Example]] = {}  # schema-level, met on the walk
        self.op_locs = [f"paths.{path}.{key[0]}" for key, (path, _) in _operations(ionq).items()]

    def operation_of(self, location: str) -> str:
        """The location of IonQ's operation that ``location`` is in."""
        within = [op for op in self.op_locs if location == op or location.startswith(op + ".")]
        return max(within, key=len, default=location)

    def schema(
        self,
        old_node: Any,
        new_node: Any,
        loc: str,
        direction: Direction,
        active: Active = frozenset(),
    ) -> None:
        theirs, old_ref = _resolve(self.old, old_node)
        mine = _normalise(self.new, new_node)[0]
        pair = (old_ref, _resolve(self.new, new_node)[1])
        markers = _marker(mine, STRICTER), _marker(mine, DIFFERS)
        self.frames.append(Frame(loc, pair, direction, *markers))
        try:
            if isinstance(theirs, dict) and "example" in theirs:
                self.schema_example(loc, theirs["example"], new_node)
            super().schema(old_node, new_node, loc, direction, active)
        finally:
            self.frames.pop()

    def schema_example(self, loc: str, value: Any, mine: Any) -> None:
        """Record an IonQ schema's ``example``, located where IonQ defines it, with ours."""
        where = loc
        for frame in reversed(self.frames):
            if frame.pair[0] is not None:  # the innermost $ref of IonQ's: name it
                pointer = frame.pair[0][2:].replace("/", ".").replace("~1", "/").replace("~0", "~")
                where = pointer + loc[len(frame.loc) :]
                break
        example = Example(f"{where}.example", value, mine)
        key = json.dumps([where, mine], sort_keys=True, default=str)
        self.examples.setdefault(key, (self.operation_of(loc), example))

    def constraints(self, old: Schema, new: Schema, loc: str) -> None:
        self.constraining = True
        try:
            super().constraints(old, new, loc)
        finally:
            self.constraining = False

    def enums(
        self, old: list[Any] | None, new: list[Any] | None, loc: str, direction: Direction
    ) -> None:
        # A request field IonQ leaves free and ours restricts to an enum is a constraint too.
        self.constraining = direction == "request" and old is None
        try:
            super().enums(old, new, loc, direction)
        finally:
            self.constraining = False

    def variants(
        self, old: Variants, new: Variants, loc: str, way: Direction, active: Active
    ) -> None:
        """Match IonQ's variants to ours by name, else by a tag value they share (such as
        ``type: ionq.circuit.v1``), else to our one variant of the same JSON type, else to
        our only variant; report the unmatched."""
        (kind, old_list), (new_kind, new_list) = old, new
        old_by, new_by = self.keyed(self.old, old_list), self.keyed(self.new, new_list)
        old_tags = {key: _tags(self.old, node) for key, node in old_by.items()}
        new_tags = {key: _tags(self.new, node) for key, node in new_by.items()}
        matched: set[str] = set()
        for key, variant in old_by.items():
            here = loc if len(old_by) == 1 else f"{loc}.{kind}.{key}"  # 1: a plain schema
            mine = key if key in new_by else None
            if mine is None:
                mine = next((k for k in new_by if old_tags[key] & new_tags[k]), None)
            if mine is None:
                kind_of = _types(_merge(self.old, variant))
                same = [k for k in new_by if _types(_merge(self.new, new_by[k])) == kind_of]
                mine = same[0] if len(same) == 1 else None
            if mine is None and len(new_by) == 1:
                mine = next(iter(new_by))
            if mine is None:
                self.report(here, f"{way} variant removed")
            else:
                matched.add(mine)
                self.schema(variant, new_by[mine], here, way, active)
        if way == "response":
            for key in [key for key in new_by if key not in matched]:
                self.report(f"{loc}.{new_kind}.{key}", "response variant added")

    def report(self, location: str, reason: str) -> None:
        op = self.operation_of(location)
        # Said of our schema (the innermost $ref of ours, if any), a finding met again through
        # another schema of IonQ's that shares it, is the same difference: report it once.
        frame = next((f for f in reversed(self.frames) if f.pair[1] is not None), None)
        where = (frame.pair[1], location[len(frame.loc) :]) if frame else (location,)
        if (op, *where, reason) in self.seen:
            return
        self.seen.add((op, *where, reason))
        accepted = next((f.differs for f in reversed(self.frames) if f.differs), None)
        # x-ionq-stricter covers constraints anywhere, and every other difference of a
        # request schema (a field or variant ours does not take, an enum value ours refuses):
        # each is a request rule stricter than IonQ's.
        in_request = bool(self.frames) and self.frames[-1].direction == "request"
        if accepted is None and (self.constraining or in_request):
            accepted = next((f.stricter for f in reversed(self.frames) if f.stricter), None)
        self.differences.append(Difference(op, location, reason, accepted))

"""What IonQ's service accepts beyond `openapi.yaml`, as named rules, and `--strict`.

IonQ's service is a hapi server validating with Joi, and the published clients rely on
Joi's and hapi's defaults. Each default the mock reproduces is a `Rule` here, with the
client that needs it (the evidence is in docs/mock-server.md):

    numeric-string           "1000" where a number is wanted is read as 1000 (Joi `convert`)
    boolean-string           "true"/"false" (any case) where a boolean is wanted (Joi)
    null-optional            null for an optional field that may not be null: absent
    unknown-field            an undeclared top-level field of a request body: dropped
                             (openapi.yaml allows it too, so also in strict mode)
    missing-content-type     a body with no Content-Type is read as JSON (hapi's default)
    unexpected-body          a body on an operation that takes none is ignored (hapi)
    unknown-query-parameter  an undeclared query parameter is ignored

Default mode applies them and records each as an `Applied` (rule id, dotted key), so a
request journal can show them; nothing else loosens, and a value still wrong after a
rule is a 400 naming its key. Strict mode applies none: each case a rule would have
fixed is a 400 naming the key and the rule, saying that IonQ's service would accept it
(except `unknown-field`, which openapi.yaml's open request objects allow as well).

No HTTP here: the app hands in parsed values, header values and validators.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any, Final

from .error_search import ErrorSearch
from .errors import BadRequest
from .schema_errors import Found, kind_name, shorten
from .schemas import keyword_at
from .validation import (
    MAX_KEYS,
    BodyFields,
    Operation,
    Spec,
    bad_request,
    best_errors,
    parse_params,
)


@dataclass(frozen=True)
class Rule:
    """One leniency of IonQ's service: its id, and what the service does in that case.

    `in_spec`: openapi.yaml itself allows the case (its request objects are open, so an
    undeclared member is valid JSON Schema), so `--strict` accepts it too: rejecting it
    would reject schema-valid requests, which schemathesis rightly reports.
    """

    id: str
    service: str
    in_spec: bool = False


NUMERIC_STRING: Final = Rule("numeric-string", "converts it")
BOOLEAN_STRING: Final = Rule("boolean-string", "converts it")
NULL_OPTIONAL: Final = Rule("null-optional", "reads it as absent")
UNKNOWN_FIELD: Final = Rule("unknown-field", "ignores it", in_spec=True)
MISSING_CONTENT_TYPE: Final = Rule("missing-content-type", "reads it as JSON")
UNEXPECTED_BODY: Final = Rule("unexpected-body", "ignores it")
UNKNOWN_QUERY_PARAMETER: Final = Rule("unknown-query-parameter", "ignores it")
RULES: Final = {
    rule.id: rule
    for rule in (
        NUMERIC_STRING,
        BOOLEAN_STRING,
        NULL_OPTIONAL,
        UNKNOWN_FIELD,
        MISSING_CONTENT_TYPE,
        UNEXPECTED_BODY,
        UNKNOWN_QUERY_PARAMETER,
    )
}
# The rules whose cases `--strict` rejects (openapi.yaml does not allow them): a request
# journal calls their uses deviations.
DEVIATION_RULES: Final = tuple(rule.id for rule in RULES.values() if not rule.in_spec)

# A fix can reveal another error (a different oneOf branch once a type is right, a
# required field once a null is dropped); a few rounds settle any real request.
MAX_ROUNDS: Final = 6
# The errors one round reads of a big value (ionq_mock/error_search.py `ErrorSearch`), so
# the rules repair at most this many values of it per round: reading each costs ~0.3 ms.
MAX_FIXES: Final = 200

# Joi's number syntax (lib/types/number.js `numberRx`): sign, digits, optional fraction,
# optional exponent, surrounding blanks. "1e3" reads as 1000, as in Joi; "0x10", "1_000",
# "Infinity" and "NaN" do not read as numbers and stay a 400.
_NUMBER: Final = re.compile(r"\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*")
# Integers past 2**53 lose digits as JavaScript numbers; Joi refuses them (number.unsafe).
_SAFE_INTEGER: Final = 2**53 - 1


@dataclass(frozen=True)
class Applied:
    """A rule applied to one request: the rule's id, the dotted key, what was seen, and
    the rule of openapi.yaml the request broke (`spec`: a JSON pointer into it, and the
    keyword's value where there is one)."""

    rule: str
    key: str
    detail: str
    spec: str = ""

    @property
    def deviation(self) -> bool:
        """Whether `--strict` rejects this case (openapi.yaml does not allow it)."""
        return self.rule in DEVIATION_RULES

    def refusal(self) -> str:
        """Strict mode's message for this case."""
        service = RULES[self.rule].service
        return (
            f"{self.detail}; IonQ's service {service} (leniency rule {self.rule}),"
            " ionq-mock --strict does not"
        )


def number_from_text(text: str) -> int | float | None:
    """The number `text` reads as under Joi's conversion, or None.

    >>> number_from_text("1000"), number_from_text(" 1e3 "), number_from_text("0.5")
    (1000, 1000, 0.5)
    >>> number_from_text("abc") is None, number_from_text("1e400") is None
    (True, True)
    """
    if not _NUMBER.fullmatch(text):
        return None
    value = float(text)
    if not math.isfinite(value):
        return None
    if value.is_integer():
        if abs(value) > _SAFE_INTEGER:
            return None
        return int(value)
    return value


def boolean_from_text(text: str) -> bool | None:
    """`true`/`false` in any case (Joi's boolean is case-insensitive by default), or None."""
    lowered = text.lower()
    if lowered == "true":
        return True
    if lowered == "false":
        return False
    return None


def _dotted(path: Sequence[str | int]) -> str:
    return ".".join(str(p) for p in path)


def _quote(value: Any) -> str:
    return shorten(json.dumps(value, ensure_ascii=False), 80)


@dataclass
class _Fix:
    """A change at one instance path: the new value, or `drop` to remove the member."""

    path: tuple[str | int, ...]
    value: Any
    drop: bool
    applied: Applied
    # The error's evaluation path: where the broken keyword is.
    walked: tuple[str | int, ...] = ()


def _fix(error: Found, source: str) -> _Fix | None:
    """The rule that repairs `error`, if one does."""
    if kind_name(error) != "type":
        return None
    wanted = [str(t) for t in error.kind.types]
    value = error.instance
    path = tuple(error.instance_path)
    walked = tuple(error.evaluation_path)
    key = _dotted(path)
    if isinstance(value, str):
        where = "is a string where the spec wants" if source == "body" else "is not written as"
        number = number_from_text(value)
        # "1.5" where an integer is wanted is no integer after conversion either: no fix,
        # so the 400 quotes what was sent.
        if number is not None and (
            "number" in wanted or ("integer" in wanted and isinstance(number, int))
        ):
            kind = "an integer" if "integer" in wanted else "a number"
            detail = f'"{key}": {_quote(value)} {where} {kind}'
            return _Fix(path, number, False, Applied(NUMERIC_STRING.id, key, detail), walked)
        flag = boolean_from_text(value)
        if flag is not None and "boolean" in wanted:
            detail = f'"{key}": {_quote(value)} {where} a boolean'
            return _Fix(path, flag, False, Applied(BOOLEAN_STRING.id, key, detail), walked)
        return None
    if value is None and path and isinstance(path[-1], str) and _declared_member(error):
        detail = f'"{key}": null where the spec wants {" or ".join(wanted)}'
        return _Fix(path, None, True, Applied(NULL_OPTIONAL.id, key, detail), walked)
    return None


_CHILD_KEYWORDS: Final = frozenset(
    ("properties", "additionalProperties", "patternProperties", "items", "prefixItems")
)


def _declared_member(error: Found) -> bool:
    """Whether the value in error is a member its object's schema names in `properties`.

    Only such a field may be dropped: a null map value (a metadata entry, a register) or
    array item is data, and dropping it would change what was sent. The evaluation path
    (the keywords walked, through `$ref`s) says which keyword reached the value.
    """
    walked = [str(p) for p in error.evaluation_path]
    for index in range(len(walked) - 1, -1, -1):
        if walked[index] in _CHILD_KEYWORDS:
            following = walked[index + 1] if index + 1 < len(walked) else None
            return walked[index] == "properties" and following == str(error.instance_path[-1])
    return False


def _parent(value: Any, path: tuple[str | int, ...]) -> Any:
    for part in path[:-1]:
        value = value[part]
    return value


def repair(
    validator: Any,
    value: Any,
    source: str,
    search: ErrorSearch | None = None,
    strict: bool = False,
    locate: Callable[[Sequence[str | int]], str] | None = None,
) -> tuple[list[Applied], list[Found]]:
    """Apply the rules to an invalid `value` in place; the rules applied, and the errors
    left (none when the repaired value is valid).

    A null dropped from a field that turns out to be required is put back and reported as
    the validator reports it (a required field is not optional, so the rule does not hold).
    The errors of a big value are read by `search`, `MAX_FIXES` a round; when rounds run
    out with values still to repair, the 400 says so (`strict`: the errors are returned,
    since no rule holds there anyway). `locate` names, from an error's evaluation path, the
    rule of the spec it broke (each Applied's `spec`).
    """
    applied: dict[tuple[str | int, ...], Applied] = {}
    dropped: dict[tuple[str | int, ...], Any] = {}
    kept: set[tuple[str | int, ...]] = set()
    errors = best_errors(validator, value, search, MAX_FIXES)
    for _ in range(MAX_ROUNDS):
        missing = {
            (*error.instance_path, str(error.kind.property))
            for error in errors
            if kind_name(error) == "required"
        }
        restored = [path for path in dropped if path in missing]
        for path in restored:
            _parent(value, path)[path[-1]] = dropped.pop(path)
            del applied[path]
            kept.add(path)
        fixes = [
            fix
            for error in errors
            if (fix := _fix(error, source)) is not None and fix.path not in kept
        ]
        if not fixes and not restored:
            break
        for fix in fixes:
            parent = _parent(value, fix.path)
            if fix.drop:
                dropped[fix.path] = parent.pop(fix.path[-1])
            else:
                parent[fix.path[-1]] = fix.value
            applied[fix.path] = (
                replace(fix.applied, spec=locate(fix.walked)) if locate else fix.applied
            )
        if validator.is_valid(value):
            return list(applied.values()), []
        errors = best_errors(validator, value, search, MAX_FIXES)
    else:
        # Rounds ran out with values still to repair: only a big value, repaired
        # `MAX_FIXES` values a round, gets here. Say so, not that a rule does not hold.
        unfixed = [
            fix
            for error in errors
            if (fix := _fix(error, source)) is not None and fix.path not in kept
        ]
        if unfixed and not strict:
            raise BadRequest(
                f"{unfixed[0].applied.detail}; ionq-mock applies the leniency rules to at"
                f" most {MAX_ROUNDS * MAX_FIXES:,} values of one request",
                list(dict.fromkeys(fix.applied.key for fix in unfixed))[:MAX_KEYS],
                source,
            )
    return list(applied.values()), errors


class Leniency:
    """The rules as one app applies them (`strict`: not at all)."""

    def __init__(self, spec: Spec, strict: bool = False) -> None:
        self.strict = strict
        document = spec.spec

        # Many values of one request break the same keyword (150,000 gates' targets):
        # each place is found in the spec once.
        @functools.lru_cache(maxsize=4096)
        def keyword(pointer: str, walked: tuple[str | int, ...]) -> str:
            return keyword_at(document, pointer, walked)

        self._keyword = keyword
        self._fields = {
            op.operation_id: BodyFields(spec.spec, op.body_schema)
            for op in spec.by_id.values()
            if op.body_schema is not None
        }

    def _refuse(self, applied: Sequence[Applied], source: str) -> None:
        """In strict mode, the 400 for cases a rule would have fixed."""
        refused = [a for a in applied if not RULES[a.rule].in_spec]
        if self.strict and refused:
            keys = [a.key for a in refused if a.key]
            raise BadRequest(refused[0].refusal(), list(dict.fromkeys(keys)), source)

    def _also(self, applied: Sequence[Applied]) -> list[str]:
        """Keys a 400 for another error also names: in strict mode, those a rule fixed."""
        return [a.key for a in applied] if self.strict else []

    def query(
        self, operation: Operation, raw: Mapping[str, list[str]]
    ) -> tuple[dict[str, Any], list[Applied]]:
        """The operation's query values from their text, under the rules."""
        if not raw and operation.empty_query_valid:
            return {}, []
        values = parse_params(operation.query_params, raw)
        known = {p.name for p in operation.query_params}
        declared = f"{operation.pointer}/parameters"
        applied = [
            Applied(
                UNKNOWN_QUERY_PARAMETER.id,
                name,
                f'"{shorten(name, 80)}" is not a query parameter of'
                f" {operation.method} {operation.template}",
                f'{declared}: no parameter "{shorten(name, 80)}"',
            )
            for name in raw
            if name not in known
        ]
        if not operation.query_validator.is_valid(values):

            def locate(walked: Sequence[str | int]) -> str:
                # The query's schema is made of the parameters' schemas: `properties.<name>`.
                name = str(walked[1]) if len(walked) > 1 else ""
                pointer = operation.query_pointers.get(name)
                if walked[:1] != ("properties",) or pointer is None:
                    return declared
                return self._keyword(pointer, tuple(walked[2:]))

            fixed, errors = repair(
                operation.query_validator,
                values,
                "query",
                operation.query_search,
                self.strict,
                locate,
            )
            if errors:
                raise bad_request(errors, "query", self._also(fixed))
            applied += fixed
        self._refuse(applied, "query")
        return values, applied

    def content_type(self, operation: Operation, content_type: bytes) -> list[Applied]:
        """A JSON body's content type: none is read as JSON; any other type is a 400."""
        if content_type == b"application/json":
            return []
        if not content_type:
            detail = '"content-type": the JSON request body has no Content-Type header'
            media = str(operation.body_pointer).removesuffix("/application~1json/schema")
            spec = f'{media}: "application/json"'
            applied = [Applied(MISSING_CONTENT_TYPE.id, "content-type", detail, spec)]
            self._refuse(applied, "headers")
            return applied
        raise BadRequest(
            "the request body must be sent as Content-Type: application/json",
            ["content-type"],
            "headers",
        )

    def unexpected_body(self, operation: Operation, raw: bytes) -> list[Applied]:
        """A body sent to an operation that takes none: ignored (strict: a 400 naming the
        body's top-level members, when it is a JSON object)."""
        try:
            value = json.loads(raw)
        except (ValueError, RecursionError):
            value = None
        members = list(islice(value, MAX_KEYS)) if isinstance(value, dict) else []
        names = [shorten(str(k), 80) for k in members]
        detail = f"{operation.method} {operation.template} takes no request body, and one was sent"
        spec = f"{operation.pointer}: no requestBody"
        applied = [Applied(UNEXPECTED_BODY.id, "", detail, spec)]
        if self.strict:
            raise BadRequest(applied[0].refusal(), names, "body")
        return applied

    def body(self, operation: Operation, value: Any) -> list[Applied]:
        """Validate a parsed JSON body under the rules, repairing it in place."""
        validator = operation.body_validator
        assert validator is not None, "only operations that take a body have one to read"
        applied: list[Applied] = []
        if not validator.is_valid(value):
            pointer = str(operation.body_pointer)

            def locate(walked: Sequence[str | int]) -> str:
                return self._keyword(pointer, tuple(walked))

            applied, errors = repair(
                validator, value, "body", operation.body_search, self.strict, locate
            )
            if errors:
                raise bad_request(errors, "body", self._also(applied))
        fields = self._fields.get(operation.operation_id)
        if fields is not None:
            extra, what = fields.undeclared(value)
            for name in extra:
                shown = shorten(name, 80)
                detail = f'"{shown}" is not a field of {what}'
                spec = f'{operation.body_pointer}: no property "{shown}" (objects are open)'
                applied.append(Applied(UNKNOWN_FIELD.id, name, detail, spec))
                # Dropped, not stored, in both modes: the Job the service answers has no
                # such field, and openapi.yaml's open objects allow it.
                del value[name]
        self._refuse(applied, "body")
        return applied

"""Cheap structural bounds a request body passes before the full validator.

One bound: nesting. A body may nest arrays and objects at most `MAX_DEPTH` levels deep
(the body itself is level 1). openapi.yaml's deepest request needs 8 (a multi-circuit job's
gate targets); the open objects (`settings`, `noise`) could take any depth, but
jsonschema-rs cannot report an error in a value nested more than 255 deep (it raises
`ValueError: Recursion limit reached`, which was a 500) and Python's JSON parser stops
near 1,000. Each level opens with `[` or `{`, so a text holding at most `MAX_DEPTH` of
those bytes (counted in C, strings and all) is within the bound unread: nearly every body.
Otherwise the check is one `is_valid` call on a small recursive schema (150,000 gates:
17 ms); only a body over the bound is walked, to name where.

And one of numbers: a number literal too large for a double (`1e400`) is a 400. Python
reads it as infinity, which jsonschema-rs sees as null and an open object (`settings`)
accepts, and the mock would then answer `Infinity`, which is not JSON. The parser stops
at an overflow (`parse_json`); only then is the body read again and walked, to name where.

Sizes (items, characters, keys) are the schema's own limits, checked by the validator;
ionq_mock/validation.py reports them, and ionq_mock/error_search.py the errors of big values,
cheaply.
"""

from __future__ import annotations

import json
import math
from typing import Any, Final

import jsonschema_rs

from .errors import BadRequest
from .schema_errors import shorten

MAX_DEPTH: Final = 64


def _depth_schema(depth: int) -> dict[str, Any]:
    """A schema accepting values nested at most `depth` levels deep: the members and
    items of a value at level i are checked as level i + 1; past `depth`, only scalars."""
    defs: dict[str, Any] = {
        f"level{i}": {
            "items": {"$ref": f"#/$defs/level{i + 1}"},
            "additionalProperties": {"$ref": f"#/$defs/level{i + 1}"},
        }
        for i in range(1, depth + 1)
    }
    defs[f"level{depth + 1}"] = {"type": ["string", "number", "boolean", "null"]}
    return {"$defs": defs, "$ref": "#/$defs/level1"}


_SHALLOW: Final = jsonschema_rs.validator_for(_depth_schema(MAX_DEPTH))


def too_deep(value: Any, limit: int = MAX_DEPTH) -> list[str | int] | None:
    """The path of the first array or object nested deeper than `limit`, or None.

    Iterative, so it walks any depth the JSON parser produced without recursing.
    """
    stack: list[tuple[Any, list[str | int]]] = [(value, [])]
    while stack:
        node, path = stack.pop()
        if not isinstance(node, dict | list):
            continue
        if len(path) >= limit:
            return path
        members = node.items() if isinstance(node, dict) else enumerate(node)
        stack.extend((member, [*path, key]) for key, member in reversed(list(members)))
    return None


def check_depth(value: Any, raw: bytes | None = None) -> None:
    """Raise the 400 for a body nested deeper than `MAX_DEPTH`, naming the key there;
    `raw` is the text `value` was read from, when there is one (UTF-8, -16 or -32: in
    each, a `[` or `{` holds that byte)."""
    if raw is not None and raw.count(b"[") + raw.count(b"{") <= MAX_DEPTH:
        return  # fewer openings than levels allowed: no value in it can be deeper
    if _SHALLOW.is_valid(value):
        return
    path = too_deep(value) or []
    key = ".".join(str(p) for p in path)
    where = f'"{shorten(key, 80)}": ' if key else "the request body is "
    raise BadRequest(
        f"{where}nested more than {MAX_DEPTH} arrays or objects deep;"
        f" at most {MAX_DEPTH} levels are accepted",
        [key] if key else [],
        "body",
    )


class _Overflow(Exception):
    """Raised out of the decoder by a number literal too large for a double. Not a
    ValueError: the decoder would report that as text that is not JSON."""


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):  # a JSON literal never reads as NaN
        raise _Overflow
    return value


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


# Shared decoders: `json.loads` with hooks builds a decoder and its scanner on every call
# (~1.7 us a body). Decoding keeps no state between calls (the scanner's key memo is
# cleared after each, and only shares key strings), so worker threads may share them.
_DECODER: Final = json.JSONDecoder(parse_constant=_reject_constant, parse_float=_finite_float)
# Reads an overflowing literal as infinity, to find where it is.
_OVERFLOWING: Final = json.JSONDecoder(parse_constant=_reject_constant)


def parse_json(raw: bytes) -> Any:
    """The JSON value of a body, as `json.loads` reads it, without `NaN` or `Infinity`.

    Raises ValueError for text that is not JSON, and the 400 naming its key for a number
    too large for a double."""
    text = raw.decode(json.detect_encoding(raw), "surrogatepass")
    try:
        return _DECODER.decode(text)
    except _Overflow:
        pass
    # Read again keeping infinities (text invalid after the literal raises ValueError).
    value = _OVERFLOWING.decode(text)
    path = _infinite(value) or []
    key = ".".join(str(p) for p in path)
    where = f'"{shorten(key, 80)}": ' if key else "the request body is "
    raise BadRequest(
        f"{where}a number too large for a double (at most about 1.8e308)",
        [key] if key else [],
        "body",
    )


def _infinite(value: Any) -> list[str | int] | None:
    """The path of the first infinite number in `value`, or None."""
    stack: list[tuple[Any, list[str | int]]] = [(value, [])]
    while stack:
        node, path = stack.pop()
        if isinstance(node, float) and not math.isfinite(node):
            return path
        if isinstance(node, dict | list):
            members = node.items() if isinstance(node, dict) else enumerate(node)
            stack.extend((member, [*path, key]) for key, member in members)
    return None


def too_deep_to_parse() -> BadRequest:
    """The 400 for a body Python's JSON parser gives up on (nested ~1,000 deep)."""
    return BadRequest(
        f"the request body is nested too deeply to read; at most {MAX_DEPTH} levels of"
        " arrays and objects are accepted",
        [],
        "body",
    )

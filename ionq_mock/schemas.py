"""The spec's schemas as jsonschema-rs validators, and `$ref`s followed.

No schema is copied into Python: each is compiled (Draft 2020-12, formats checked)
against a root document that embeds the spec's `components`, so `#/components/...`
references resolve as they do in the spec. The request validators (ionq_mock/validation.py)
and the error search's validators of their parts (ionq_mock/error_search.py) are both
compiled here, alike, so a part fails exactly where the whole value does.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Final

import jsonschema_rs

# The longest keyword value `keyword_at` quotes.
MAX_SHOWN: Final = 80


def resolve(spec: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    """The schema `node` stands for, its `$ref`s (into `spec`) followed."""
    while "$ref" in node:
        target: Any = spec
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def compile_schema(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> Any:
    """A jsonschema-rs validator of `schema`, a part of `spec`."""
    root = {"components": spec.get("components", {}), **schema}
    return jsonschema_rs.validator_for(root, validate_formats=True)


def escape(part: str | int) -> str:
    """One JSON pointer token (RFC 6901)."""
    return str(part).replace("~", "~0").replace("/", "~1")


def pointer_of(*parts: str | int) -> str:
    """The JSON pointer (`#/a/b`) of the node at `parts` in a document."""
    return "#" + "".join("/" + escape(p) for p in parts)


def _at(spec: Mapping[str, Any], pointer: str) -> Any:
    node: Any = spec
    for token in pointer.removeprefix("#/").split("/"):
        node = _child(node, token.replace("~1", "/").replace("~0", "~"))
    return node


def _child(node: Any, part: str) -> Any:
    if isinstance(node, Mapping):
        return node.get(part)
    if isinstance(node, list) and part.isdigit() and int(part) < len(node):
        return node[int(part)]
    return None


def keyword_at(spec: Mapping[str, Any], pointer: str, walked: Sequence[str | int]) -> str:
    """Where `spec` writes the keyword an evaluation path ends at, and its value:
    `#/components/schemas/QubitIndex/type: "integer"`.

    `walked` is a validation error's evaluation path from the schema at `pointer` (the
    keywords taken, `$ref`s included); each `$ref` moves to its target, so the pointer
    names the schema that holds the keyword, as a reader of the spec finds it.
    """
    node = _at(spec, pointer)
    for part in walked:
        if part == "$ref" and isinstance(node, Mapping) and "$ref" in node:
            pointer = str(node["$ref"])
            node = _at(spec, pointer)
            continue
        pointer += "/" + escape(part)
        node = _child(node, str(part))
    shown = json.dumps(node, ensure_ascii=False) if node is not None else ""
    # A long value (a `oneOf`'s branches) is read in the spec, not quoted here.
    return f"{pointer}: {shown}" if shown and len(shown) <= MAX_SHOWN else pointer

"""Check the examples of IonQ's OpenAPI document against the schemas of openapi.yaml.

Part of ``scripts/check_upstream.py``. An example of IonQ's (a request or response body's
``example``/``examples``, a parameter's, or a shared one under ``components/examples``
referenced from them; schema-level ``example``s are gathered by ``upstream_compare.py``) is
validated, as JSON Schema 2020-12 with formats, against *our* schema for the same operation,
status code, media type or parameter. Examples with no such schema in openapi.yaml, and
shared examples nothing references, are counted as not checked.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import jsonschema_rs
from openapi_doc import Schema, SpecError, _resolve

ERROR_WIDTH = 160  # a oneOf error quotes the whole instance; keep the line readable


@dataclass(frozen=True)
class Example:
    """One example of IonQ's, and our schema for it (None when openapi.yaml has none)."""

    location: str
    value: Any
    schema: Any


def _values(doc: Schema, node: Schema, loc: str) -> Iterator[tuple[str, Any]]:
    """The examples of a media type or parameter: ``example``, then each of ``examples``."""
    if "example" in node:
        yield f"{loc}.example", node["example"]
    for name, entry in (node.get("examples") or {}).items():
        example = _resolve(doc, entry)[0]
        if isinstance(example, dict) and "value" in example:  # not an externalValue
            yield f"{loc}.examples.{name}", example["value"]


def _media(doc: Schema, ours: Schema, old: Any, new: Any, loc: str) -> Iterator[Example]:
    """Examples of a request body or response (``old``) against our one (``new``)."""
    theirs, mine = _resolve(doc, old)[0], _resolve(ours, new)[0] if new is not None else None
    mine_content = (mine.get("content") or {}) if isinstance(mine, dict) else {}
    for media, node in ((theirs or {}).get("content") or {}).items():
        schema = (mine_content.get(media) or {}).get("schema")
        for where, value in _values(doc, node or {}, f"{loc}.content.{media}"):
            yield Example(where, value, schema)


def operation_examples(
    doc: Schema, ours: Schema, op: Schema, mine: Schema | None, loc: str
) -> Iterator[Example]:
    """Every example of one IonQ operation (``op``, parameters keyed as in breaking_rules'
    ``_operations``), paired with our schema from ``mine`` (None: no such operation)."""
    mine_params = (mine or {}).get("parameters") or {}
    for (where, name), param in op["parameters"].items():
        schema = (mine_params.get((where, name)) or {}).get("schema")
        for at, value in _values(doc, param, f"{loc}.parameters.{where}.{name}"):
            yield Example(at, value, schema)
    if op.get("requestBody") is not None:
        body = (mine or {}).get("requestBody")
        yield from _media(doc, ours, op["requestBody"], body, f"{loc}.requestBody")
    responses = {str(code): node for code, node in ((mine or {}).get("responses") or {}).items()}
    for code, node in (op.get("responses") or {}).items():
        yield from _media(doc, ours, node, responses.get(str(code)), f"{loc}.responses.{code}")


def unused_examples(doc: Schema) -> list[str]:
    """Names of ``components/examples`` that no ``$ref`` of the document points to."""
    text = json.dumps(doc.get("paths") or {}) + json.dumps(doc.get("components") or {})
    names = (doc.get("components") or {}).get("examples") or {}
    return [name for name in names if f'"#/components/examples/{name}"' not in text]


def _plain(value: Any) -> Any:
    """``value`` as JSON has it: YAML's dates and times become their ISO 8601 text."""
    return json.loads(json.dumps(value, default=lambda v: getattr(v, "isoformat", v.__str__)()))


class Checker:
    """Validates values against schemas of one document (its ``components`` resolvable)."""

    def __init__(self, ours: Schema) -> None:
        self.components = _plain(ours.get("components") or {})
        self.cache: dict[str, Any] = {}

    def error(self, schema: Any, value: Any) -> str | None:
        """The first validation error of ``value`` against ``schema``, or None if it fits."""
        schema = _plain(schema)
        key = json.dumps(schema, sort_keys=True)
        if key not in self.cache:
            root = {**schema, "components": self.components} if isinstance(schema, dict) else schema
            try:
                self.cache[key] = jsonschema_rs.validator_for(root, validate_formats=True)
            except (ValueError, jsonschema_rs.ValidationError) as exc:
                raise SpecError(f"a schema of openapi.yaml does not compile: {exc}") from exc
        for problem in self.cache[key].iter_errors(_plain(value)):
            return _describe(problem)
        return None


def _short(text: str, width: int = ERROR_WIDTH) -> str:
    """``text`` cut in the middle to ``width``: messages quote the value first, why last."""
    return text if len(text) <= width else f"{text[: width // 3]} ... {text[-(width * 2 // 3) :]}"


def _describe(error: jsonschema_rs.ValidationError, depth: int = 0) -> str:
    """Where and why a value fails; for anyOf/oneOf, why it fails each variant."""
    where = "/" + "/".join(str(part) for part in error.instance_path)
    context = getattr(error.kind, "context", None)
    if context and depth == 0:
        why = [f"[{n}] {_describe(errors[0], 1)}" for n, errors in enumerate(context) if errors]
        return f"at {where}: fits no variant: " + "; ".join(why)
    return f"at {where}: {_short(error.message, ERROR_WIDTH // (depth + 1))}"

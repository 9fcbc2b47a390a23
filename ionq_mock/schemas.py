"""The spec's schemas as jsonschema-rs validators, and `$ref`s followed.

No schema is copied into Python: each is compiled (Draft 2020-12, formats checked)
against a root document that embeds the spec's `components`, so `#/components/...`
references resolve as they do in the spec. The request validators (ionq_mock/validation.py)
and the error search's validators of their parts (ionq_mock/error_search.py) are both
compiled here, alike, so a part fails exactly where the whole value does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jsonschema_rs


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

"""Every example in openapi.yaml must fit its schema and survive the generated models.

Two independent checks per example: a JSON Schema 2020-12 validation against the spec's
own components (so an example that contradicts its schema fails the build), then a round
trip through the generated `ionq_api` model for that schema (`from_dict` then `to_dict`),
so the generated client can read everything the spec promises it will receive.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import jsonschema_rs
import pytest

import ionq_api.models
from ionq_spec import load_spec

SPEC = load_spec()


def _examples_of(node: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    if "example" in node:
        yield "example", node["example"]
    examples = node.get("examples", {})
    if isinstance(examples, list):  # a schema's own 3.1 `examples` list
        for index, value in enumerate(examples):
            yield f"examples/{index}", value
    else:  # a media type's or parameter's map of named examples
        for name, example in examples.items():
            if "$ref" in example:  # a shared example under components/examples
                example = SPEC["components"]["examples"][example["$ref"].rsplit("/", 1)[1]]
            yield f"examples/{name}", example["value"]


def _collect(node: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any], Any]]:
    """Yield (location, schema, example) for every example in the spec."""
    if isinstance(node, dict):
        if "schema" in node:  # a media type or a parameter: examples of its schema
            for where, value in _examples_of(node):
                yield f"{pointer}/{where}", node["schema"], value
        elif pointer.startswith("#/components/schemas/") and not pointer.endswith("/properties"):
            # A schema with examples of its own: a component by reference (so the round trip
            # finds its generated model), a nested one as it is.
            is_component = pointer.count("/") == 3
            schema = {"$ref": pointer} if is_component else node
            for where, value in _examples_of(node):
                yield f"{pointer}/{where}", schema, value
        for key, child in node.items():
            if key not in ("example", "examples"):
                yield from _collect(child, f"{pointer}/{str(key).replace('/', '~1')}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _collect(child, f"{pointer}/{index}")


EXAMPLES = list(_collect(SPEC, "#"))


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        schema = SPEC["components"]["schemas"][name]
    return schema


def _model_names(schema: dict[str, Any]) -> list[str]:
    """Generated class names that can hold a value of this schema (variants for oneOf)."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        target = SPEC["components"]["schemas"][name]
        if "oneOf" in target or "anyOf" in target:
            return _model_names(target)
        return [name] if hasattr(ionq_api.models, name) else []
    variants = schema.get("oneOf", schema.get("anyOf", []))
    return [name for variant in variants for name in _model_names(variant)]


def _normalise(value: Any) -> Any:
    """Compare date-times by instant: the models write `+00:00` where examples say `Z`."""
    if isinstance(value, dict):
        return {key: _normalise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_normalise(item) for item in value]
    if isinstance(value, str) and len(value) >= 20 and value[4] == "-" and value[10] == "T":
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


def _round_trip(schema: dict[str, Any], value: Any) -> Any:
    resolved = _resolve(schema)
    if resolved.get("type") == "array" and isinstance(value, list):
        return [_round_trip(resolved["items"], item) for item in value]
    names = _model_names(schema)
    if not names:
        return value  # a scalar or an inline schema: nothing generated to round-trip through
    errors = []
    for name in names:
        model = getattr(ionq_api.models, name)
        try:
            return model.from_dict(value).to_dict()
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            errors.append(f"{name}: {error!r}")
    raise AssertionError(f"no generated model reads the example: {errors}")


def test_the_spec_has_examples_for_every_body() -> None:
    assert len(EXAMPLES) >= 40


@pytest.mark.parametrize(
    ("location", "schema", "example"), EXAMPLES, ids=[location for location, _, _ in EXAMPLES]
)
def test_example_fits_its_schema_and_round_trips(
    location: str, schema: dict[str, Any], example: Any
) -> None:
    document = {**schema, "components": SPEC["components"]}
    validator = jsonschema_rs.Draft202012Validator(document, validate_formats=True)
    problems = [f"{e.instance_path}: {e.message}" for e in validator.iter_errors(example)]
    assert not problems, f"{location} does not fit its schema: {problems}"
    assert _normalise(_round_trip(schema, example)) == _normalise(example)

"""`from_dict()` of the generated models as scripts/openapi-templates/ makes it lean: no
import statement run per call and the fields passed to the class by position
(model.py.jinja, insertions 4 and 5), no nested function for a union with one variant to
build (property_templates/union_property.py.jinja, ionq_construct.jinja). Each is pinned
on the generated source, and every model must still parse every input exactly as the
pinned generator's own templates do: the same values of the same types, or the same
exception with the same message."""

from __future__ import annotations

import ast
import copy
import importlib
import inspect
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

import ionq_api.models
from ionq_api.types import DeferredField, DeferredFields
from ionq_spec import load_spec

from .client_helpers import job_json

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "generated" / "ionq_api" / "models"
UPSTREAM = "ionq_api_upstream"


def _model_classes(package: ModuleType) -> dict[str, Any]:
    return {
        name: cls
        for name, cls in inspect.getmembers(package, inspect.isclass)
        if attrs.has(cls) and cls.__module__.startswith(f"{package.__name__}.")
    }


def _methods() -> Iterator[tuple[str, ast.FunctionDef]]:
    """Every method of every generated model class, as `module.Class.method` and its AST."""
    for path in sorted(MODELS.glob("*.py")):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef):
                        yield f"{path.stem}.{node.name}.{item.name}", item


# ---------------------------------------------------------------- the lean shape


def test_no_model_method_runs_an_import_statement() -> None:
    methods = list(_methods())
    assert len(methods) > 500
    offenders = [
        name
        for name, method in methods
        if any(isinstance(node, ast.Import | ast.ImportFrom) for node in ast.walk(method))
    ]
    assert offenders == []


def test_only_a_union_with_two_variants_to_build_keeps_a_nested_parse_function() -> None:
    nested = [
        (name, inner)
        for name, method in _methods()
        if method.name == "from_dict"
        for inner in ast.walk(method)
        if isinstance(inner, ast.FunctionDef) and inner is not method
    ]
    assert nested  # the circuit unions (QIS or native input, gates) keep upstream's function
    not_building = {"isinstance", "cast", "TypeError"}
    for name, inner in nested:
        builds = [
            call
            for call in ast.walk(inner)
            if isinstance(call, ast.Call) and ast.unparse(call.func) not in not_building
        ]
        assert len(builds) >= 2, (name, inner.name)
    with_nested = {name for name, _ in nested}
    assert "base_job.BaseJob.from_dict" not in with_nested
    assert "single_circuit_job.SingleCircuitJob.from_dict" not in with_nested


def test_from_dict_passes_every_field_in_the_position_attrs_takes_it() -> None:
    classes = _model_classes(ionq_api.models)
    assert len(classes) > 100
    for cls in classes.values():
        if issubclass(cls, DeferredFields):
            continue  # makes the instance itself: the next test
        from_dict = ast.parse(textwrap.dedent(inspect.getsource(cls.from_dict)))
        calls = [
            node
            for node in ast.walk(from_dict)
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "cls"
        ]
        assert len(calls) == 1, cls.__name__
        assert calls[0].keywords == [], cls.__name__
        passed = [arg.id for arg in calls[0].args if isinstance(arg, ast.Name)]
        assert passed == [f.name for f in attrs.fields(cls) if f.init], cls.__name__


def test_a_model_with_deferred_fields_stores_or_defers_every_field() -> None:
    deferring = {
        name: cls
        for name, cls in _model_classes(ionq_api.models).items()
        if issubclass(cls, DeferredFields)
    }
    assert {"BaseJob", "SingleCircuitJob", "MultiCircuitJob"} <= set(deferring)
    for name, cls in deferring.items():
        from_dict = ast.parse(textwrap.dedent(inspect.getsource(cls.from_dict)))
        stored, through_slot, deferred = set(), set(), set()
        for node in ast.walk(from_dict):
            if isinstance(node, ast.Call):
                assert ast.unparse(node.func) != "cls", name  # no __init__ call
                if ast.unparse(node.func).startswith("_ionq_store["):
                    through_slot.add(ast.literal_eval(node.func.slice))  # type: ignore[attr-defined]
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    text = ast.unparse(target)
                    if text.startswith("_instance."):
                        stored.add(text.removeprefix("_instance."))
                    elif text.startswith("pending["):
                        deferred.add(ast.literal_eval(target.slice))  # type: ignore[attr-defined]
        fields = {f.name for f in attrs.fields(cls)}
        assert (stored - {"_ionq_pending"}) | through_slot == fields, name
        # Each deferred field has a DeferredField in front of its slot, and from_dict()
        # stores it (UNBUILT, or a value with nothing to build) through the slot itself.
        fronted = {n for n in fields if isinstance(cls.__dict__.get(n), DeferredField)}
        assert deferred == fronted == through_slot, name
        assert not stored & through_slot, name


# ---------------------------------------------------------------- the same parse as upstream


@pytest.fixture(scope="module")
def upstream(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The models of openapi.yaml generated by the pinned generator with its own templates
    (no scripts/openapi-templates/), imported as a second package beside ionq_api."""
    folder = tmp_path_factory.mktemp("upstream")
    bin_dir = Path(sys.executable).parent  # the venv's generator and the post hooks' ruff
    command = [str(bin_dir / "openapi-python-client"), "generate", "--path", "openapi.yaml"]
    command += ["--meta", "none", "--config", "scripts/openapi-python-client.yaml"]
    command += ["--output-path", str(folder / UPSTREAM), "--overwrite", "--fail-on-warning"]
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    sys.path.insert(0, str(folder))
    try:
        yield _model_classes(importlib.import_module(f"{UPSTREAM}.models"))
    finally:
        sys.path.remove(str(folder))
        for name in [m for m in sys.modules if m == UPSTREAM or m.startswith(f"{UPSTREAM}.")]:
            del sys.modules[name]


def _samples() -> list[dict[str, Any]]:
    """Every JSON object in the spec's examples, and job bodies with every field set."""
    found: list[dict[str, Any]] = []

    def objects(value: Any) -> None:
        if isinstance(value, dict):
            found.append(value)
            for item in value.values():
                objects(item)
        elif isinstance(value, list):
            for item in value:
                objects(item)

    def examples(node: Any) -> None:
        if isinstance(node, dict):
            for key, child in node.items():
                if key == "examples" and isinstance(child, dict):  # named: {name: {value}}
                    objects([e.get("value") for e in child.values() if isinstance(e, dict)])
                elif key in ("example", "examples"):
                    objects(child)
                else:
                    examples(child)
        elif isinstance(node, list):
            for child in node:
                examples(child)

    examples(load_spec())
    full = job_json(
        metadata={"team": "a"},
        name="bell",
        shots=100,
        children=["c1"],
        failure={"code": "E", "error": "boom"},
        results={"probabilities": {"url": "/v0.4/jobs/j/results/probabilities"}},
    )
    full.update(started_at="2099-01-01T00:00:01Z", completed_at="2099-01-01T00:00:02.5+00:00")
    objects([full, job_json(), {"jobs": [full], "next": "cursor"}])
    return found


# Values put in place of a field (or the field left out): each kind of JSON value, a date,
# a string that is not one, and the odd inputs `dict()` takes (pairs, a 2-character string).
REPLACEMENTS: list[Any] = [None, "x", "2099-01-01T00:00:00Z", "not a date", 1, 1.5, True]
REPLACEMENTS += [[], [1], [["a", 1]], {}, {"a": 1}, "ab"]
LEFT_OUT = object()


def _mutants(sample: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield sample
    for key, value in sample.items():
        for new in [*REPLACEMENTS, LEFT_OUT]:
            changed = dict(sample)
            if new is LEFT_OUT:
                del changed[key]
            else:
                changed[key] = new
            yield changed
        if isinstance(value, dict):  # and one level down
            for inner in value:
                for new in [*REPLACEMENTS[:6], LEFT_OUT]:
                    changed = copy.deepcopy(sample)
                    if new is LEFT_OUT:
                        del changed[key][inner]
                    else:
                        changed[key][inner] = new
                    yield changed


def _plain(value: Any) -> Any:
    """A parsed value as comparable data: models by class name and fields, leaves by type."""
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return (
            type(value).__name__,
            tuple((f.name, _plain(getattr(value, f.name))) for f in fields),
        )
    if type(value).__name__ == "Unset":  # each package has its own UNSET
        return "UNSET"
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return (type(value).__name__, value)


def _outcome(cls: Any, data: Any) -> tuple[Any, ...]:
    try:
        model = cls.from_dict(data)
    except Exception as error:
        return ("raises", type(error).__name__, str(error))
    try:
        written: Any = _plain(model.to_dict())
    except Exception as error:
        written = ("to_dict raises", type(error).__name__, str(error))
    return ("parses", _plain(model), written)


def _reads(cls: Any, data: dict[str, Any]) -> bool:
    """Whether `cls` parses `data` and finds one of its own fields there."""
    try:
        model = cls.from_dict(data)
    except Exception:
        return False
    extra = getattr(model, "additional_properties", {})
    return any(key in data and key not in extra for key in model.to_dict())


def test_every_model_parses_every_input_as_the_pinned_generators_templates_do(
    upstream: dict[str, Any],
) -> None:
    ours = _model_classes(ionq_api.models)
    assert sorted(ours) == sorted(upstream)
    samples = _samples()
    compared = parsed = 0
    for name, cls in ours.items():
        # Mutate the samples this model reads (parses, using one of its fields at least), so
        # every field's parse meets every kind of value; a model no sample fits still meets
        # the samples themselves.
        fitting = [s for s in samples if _reads(upstream[name], s)]
        inputs = [m for s in fitting for m in _mutants(s)] or samples
        for data in [*inputs, *REPLACEMENTS]:
            theirs = _outcome(upstream[name], data)
            assert _outcome(cls, data) == theirs, (name, data)
            compared += 1
            parsed += theirs[0] == "parses"
    assert compared > 20_000
    assert parsed > 5_000  # not only errors
    assert len([s for s in samples if _reads(upstream["BaseJob"], s)]) >= 2

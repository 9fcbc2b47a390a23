"""Report what IonQ's published OpenAPI document has that openapi.yaml lacks or contradicts.

Usage: ``scripts/check-upstream [--upstream URL-OR-FILE] [--spec FILE]`` (default: IonQ's
live document, and the repository's openapi.yaml). Two checks, each reported by operation:

1. The documents, by ``check_breaking.py``'s engine adapted in ``upstream_compare.py``: a
   difference is a way in which ours would break a client generated from IonQ's (a missing
   operation, parameter or field, a field required on one side only, a missing enum value,
   a contradicting type or nullability, a tighter request constraint...). Operations only
   ours has are listed, not counted. Our schemas may accept differences on purpose:
   ``x-ionq-stricter: "<reason>"`` (tighter request constraints) and
   ``x-ionq-service-differs: "<reason>"`` (anything: we follow the service there).
2. IonQ's examples, validated against our schemas for them (``upstream_examples.py``); an
   example that fails is a difference too.

Exit status: 0 no difference, 1 differences, 2 error (unreadable document, network failure,
bad arguments). See docs/check-upstream.md.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from urllib.request import url2pathname

import httpx
from openapi_doc import Schema, SpecError, _operations, _resolve, load_spec
from upstream_compare import Difference, UpstreamComparer
from upstream_examples import Checker, operation_examples, unused_examples

DEFAULT_UPSTREAM = "https://api.ionq.co/v0.4/api-docs"
SPEC = Path(__file__).resolve().parent.parent / "openapi.yaml"
TIMEOUT = 30.0  # seconds
EXTENSION = "x-ionq-extension"


@dataclass
class Result:
    """Everything one comparison found."""

    differences: list[Difference]
    headings: dict[str, str]  # IonQ's operation location -> heading to print
    only_ours: list[str]
    checked: int
    valid: int
    unchecked: int


def check(ionq: Schema, ours: Schema) -> Result:
    """Compare IonQ's document with ours, then validate IonQ's examples against ours."""
    comparer = UpstreamComparer(ionq, ours)
    comparer.operations()
    theirs, mine = _operations(ionq), _operations(comparer.new)
    headings, examples = {}, []
    for key, (path, op) in theirs.items():
        loc, ionq_id = f"paths.{path}.{key[0]}", op.get("operationId") or "no operationId"
        our_path, our_op = mine.get(key, (path, None))
        headings[loc] = f"{key[0].upper()} {our_path} (IonQ {ionq_id})"
        examples += [(loc, ex) for ex in operation_examples(ionq, comparer.new, op, our_op, loc)]
    examples += comparer.examples.values()
    checker, differences = Checker(ours), list(comparer.differences)
    checked = valid = 0
    for op_loc, example in examples:
        if example.schema is None:
            continue
        checked += 1
        error = checker.error(example.schema, example.value)
        if error is None:
            valid += 1
        else:
            differences.append(
                Difference(op_loc, example.location, f"example does not fit openapi.yaml {error}")
            )
    only_ours = [
        f"{key[0].upper()} {path}" + (" (x-ionq-extension)" if op.get(EXTENSION) is True else "")
        for key, (path, op) in mine.items()
        if key not in theirs
    ]
    unchecked = len(examples) - checked + len(unused_examples(ionq))
    return Result(differences, headings, only_ours, checked, valid, unchecked)


def fetch(source: str) -> Schema:
    """Read an OpenAPI document (JSON or YAML) from an http(s) URL, or a file path or URL."""
    if re.match(r"https?://", source):
        response = httpx.get(
            source, timeout=TIMEOUT, headers={"Accept": "application/json"}, follow_redirects=True
        )
        response.raise_for_status()
        text = response.text
    else:
        path = url2pathname(urlparse(source).path) if source.startswith("file:") else source
        text = Path(path).read_text(encoding="utf-8")
    try:
        doc: Any = json.loads(text)
    except ValueError:
        doc = load_spec(text)
    if not isinstance(doc, dict) or "openapi" not in doc:
        raise SpecError(f"{source} is not an OpenAPI document")
    return doc


def _refs(node: Any) -> Iterator[str]:
    """Every ``$ref`` of a document outside its examples (which are data, not schemas)."""
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for key, value in node.items():
            if key not in ("example", "examples"):
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def resolvable(doc: Schema, name: str) -> Schema:
    """``doc``, once each of its $refs is known to resolve; else say which document fails."""
    for ref in sorted(set(_refs(doc))):
        try:
            _resolve(doc, {"$ref": ref})
        except SpecError as exc:
            raise SpecError(f"{name}: {exc}") from exc
    return doc


def render(result: Result, source: str) -> list[str]:
    """The report: differences grouped by operation, our extra operations, the counts."""
    groups: dict[str, list[Difference]] = {op: [] for op in result.headings}
    for difference in result.differences:
        groups.setdefault(difference.operation, []).append(difference)
    lines: list[str] = []
    for op, found in groups.items():
        if found:
            lines.append(result.headings.get(op, op))
            lines += [f"  {difference}" for difference in found]
    if result.only_ours:
        lines.append("Only in openapi.yaml (not compared):")
        lines += [f"  {op}" for op in result.only_ours]
    counted = [d for d in result.differences if d.accepted is None]
    examples = f"examples: {result.valid} of {result.checked} validate against openapi.yaml"
    unchecked = f" ({result.unchecked} not checked: nothing in openapi.yaml to check them with)"
    lines.append(examples + (unchecked if result.unchecked else ""))
    accepted = len(result.differences) - len(counted)
    note = f" ({accepted} accepted)" if accepted else ""
    if not counted:
        return [*lines, f"no differences from {source}{note}"]
    operations = len({d.operation for d in counted})
    return [*lines, f"{len(counted)} difference(s) in {operations} operation(s){note}"]


def main(argv: list[str] | None = None) -> int:
    """Command line: compare openapi.yaml with IonQ's document (a URL or a file)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--upstream", default=DEFAULT_UPSTREAM,
        help=f"IonQ's document, an http(s) URL or a JSON or YAML file (default {DEFAULT_UPSTREAM})",
    )  # fmt: skip
    parser.add_argument(
        "--spec", type=Path, default=SPEC, help="our document (default openapi.yaml)"
    )
    args = parser.parse_args(argv)
    try:
        ionq = resolvable(fetch(args.upstream), args.upstream)
        ours = resolvable(load_spec(args.spec.read_text(encoding="utf-8")), str(args.spec))
        result = check(ionq, ours)
    except httpx.HTTPError as exc:
        print(f"error: cannot fetch {args.upstream}: {exc}", file=sys.stderr)
        return 2
    except (OSError, SpecError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"Comparing {args.spec} with {args.upstream}")
    print("\n".join(render(result, args.upstream)))
    return 1 if any(d.accepted is None for d in result.differences) else 0


if __name__ == "__main__":
    sys.exit(main())

"""`scripts/docs` renders openapi.yaml into one self-contained HTML page: every operation,
schema and example is in it, and rendering it needs no script, style or font from elsewhere."""

from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Redoc reads the spec from this constant of the page; it is what the page renders.
DEFINITION = re.compile(r"^\s*const __redoc_definition = (\{.*\});?\s*$", re.MULTILINE)
# An absolute or protocol-relative URL a stylesheet would load.
CSS_FETCH = re.compile(r"(?:url\(|@import)\s*['\"]?(?:https?:)?//[^)'\";]*")
# A module import from another site (`import {x} from "https://..."`, `import("//...")`).
SCRIPT_FETCH = re.compile(r"(?:\bfrom|\bimport)\s*\(?\s*['\"`](?:https?:)?//[^'\"`]*")


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    """The contract the page is built from."""
    with (ROOT / "openapi.yaml").open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The page `scripts/docs` writes, built once into a temporary folder."""
    out = tmp_path_factory.mktemp("docs") / "reference.html"
    result = subprocess.run(
        [str(ROOT / "scripts" / "docs"), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out.read_text(encoding="utf-8")


def _operation_ids(spec: dict[str, Any]) -> list[str]:
    """The operationId of every operation under `paths` (not the ones `links` name)."""
    return [
        operation["operationId"]
        for path_item in spec["paths"].values()
        for method, operation in path_item.items()
        if method in HTTP_METHODS
    ]


def _named_examples(node: object) -> set[str]:
    """The names of every `examples` map in the spec (media types, parameters, components)."""
    names: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "examples" and isinstance(value, dict):
                names.update(value)
            names |= _named_examples(value)
    elif isinstance(node, list):
        for item in node:
            names |= _named_examples(item)
    return names


def _embedded_definition(page: str) -> Any:
    match = DEFINITION.search(page)
    assert match is not None, "the page holds no __redoc_definition"
    return json.loads(match.group(1))


def test_every_operation_id_is_in_the_page(spec: dict[str, Any], page: str) -> None:
    operation_ids = _operation_ids(spec)
    assert len(operation_ids) >= 20, operation_ids
    assert len(set(operation_ids)) == len(operation_ids), "an operationId is used twice"
    missing = [operation_id for operation_id in operation_ids if operation_id not in page]
    assert missing == []
    rendered = _operation_ids(_embedded_definition(page))
    assert sorted(rendered) == sorted(operation_ids)


def test_every_schema_and_example_is_in_the_page(spec: dict[str, Any], page: str) -> None:
    schemas = list(spec["components"]["schemas"])
    examples = sorted(_named_examples(spec))
    assert schemas
    assert examples
    missing = [name for name in schemas + examples if f'"{name}"' not in page]
    assert missing == []


def test_the_page_renders_the_whole_spec_unchanged(spec: dict[str, Any], page: str) -> None:
    # A JSON round trip: the spec's YAML scalars are all JSON types, so equality is exact.
    assert _embedded_definition(page) == json.loads(json.dumps(spec))


class _ResourceCollector(HTMLParser):
    """Collects what a browser would fetch while rendering: scripts, styles, fonts, frames,
    images in the markup, `url(...)` or `@import` in inline styles, and module imports from
    other sites in inline scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []
        self.inline_script_chars = 0
        self._in_style = False
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in ("script", "img", "iframe", "source", "embed") and values.get("src"):
            self.fetched.append(f"<{tag} src={values['src']}>")
        if tag == "link" and values.get("href"):
            self.fetched.append(f"<link rel={values.get('rel')} href={values['href']}>")
        if tag == "object" and values.get("data"):
            self.fetched.append(f"<object data={values['data']}>")
        self._in_style = tag == "style"
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.fetched.extend(CSS_FETCH.findall(data))
        if self._in_script:
            self.fetched.extend(SCRIPT_FETCH.findall(data))
            self.inline_script_chars += len(data)


def test_the_page_is_self_contained(page: str) -> None:
    collector = _ResourceCollector()
    collector.feed(page)
    assert collector.fetched == []
    # Redoc itself is in the page (--inlineBundle), not fetched from a CDN.
    assert collector.inline_script_chars > 500_000

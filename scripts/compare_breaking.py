"""Compare two breaking-change guards on the same changes to openapi.yaml: ours
(scripts/check_breaking.py) and `oasdiff breaking` (pinned in tools/go.mod).

Each change below is one edit of the real document, named for what it does and whether it
breaks a client generated from the old version. Both tools judge every one; the table
(Markdown, on stdout) shows who got each right. `oasdiff` is run three ways: failing on
errors only (its default level), on warnings too, and on warnings with `--flatten-allof`
(our document builds its job requests with `allOf`).

    scripts/compare-breaking            # builds oasdiff from tools/go.mod, then runs this
    compare_breaking.py --oasdiff BIN [--check]

`--check` exits 1 unless ours judges every change right and oasdiff's verdicts are the ones
recorded in `OASDIFF_RECORDED` (docs/check-breaking.md quotes them): an upgrade of oasdiff
that changes one is then seen, and the choice between the tools can be made again.
"""

from __future__ import annotations

import argparse
import copy
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml
from breaking_rules import compare
from openapi_doc import load_spec

ROOT: Final = Path(__file__).resolve().parent.parent
Doc = dict[str, Any]
# The three ways oasdiff is run, by column name.
OASDIFF_MODES: Final = {
    "oasdiff (errors)": ["--fail-on", "ERR"],
    "oasdiff (warnings)": ["--fail-on", "WARN"],
    "oasdiff (warnings, flattened allOf)": ["--fail-on", "WARN", "--flatten-allof"],
}


@dataclass(frozen=True)
class Change:
    name: str
    breaks: bool
    edit: Callable[[Doc], None]


CHANGES: list[Change] = []


def change(name: str, breaks: bool) -> Callable[[Callable[[Doc], None]], Callable[[Doc], None]]:
    def register(edit: Callable[[Doc], None]) -> Callable[[Doc], None]:
        CHANGES.append(Change(name, breaks, edit))
        return edit

    return register


def schemas(doc: Doc) -> Doc:
    found: Doc = doc["components"]["schemas"]
    return found


def operation(doc: Doc, path: str, method: str) -> Doc:
    found: Doc = doc["paths"][path][method]
    return found


@change("an operation removed", breaks=True)
def _(doc: Doc) -> None:
    del doc["paths"]["/jobs/{job_id}"]["delete"]


@change("a new required query parameter", breaks=True)
def _(doc: Doc) -> None:
    parameter = {"name": "project", "in": "query", "required": True, "schema": {"type": "string"}}
    operation(doc, "/jobs", "get")["parameters"].append(parameter)


@change("a request enum narrowed", breaks=True)
def _(doc: Doc) -> None:
    schemas(doc)["BackendName"]["enum"].remove("qpu.aria-2")


@change("a query enum narrowed", breaks=True)
def _(doc: Doc) -> None:
    schemas(doc)["UsageGroupBy"]["enum"].remove("user")


@change("a response field removed", breaks=True)
def _(doc: Doc) -> None:
    created = schemas(doc)["JobCreated"]
    del created["properties"]["session_id"]
    created["required"].remove("session_id")


@change("a request field's type changed", breaks=True)
def _(doc: Doc) -> None:
    schemas(doc)["JobCreateBase"]["properties"]["shots"]["type"] = "string"


@change("a response field's type changed", breaks=True)
def _(doc: Doc) -> None:
    schemas(doc)["Whoami"]["properties"]["key_name"]["type"] = "integer"


@change("a response field becomes nullable", breaks=True)
def _(doc: Doc) -> None:
    field = schemas(doc)["Whoami"]["properties"]["key_name"]
    del field["type"]
    field["anyOf"] = [{"type": "string"}, {"type": "null"}]


@change("a request field no longer accepts null", breaks=True)
def _(doc: Doc) -> None:
    field = schemas(doc)["JobCreateBase"]["properties"]["session_id"]
    del field["anyOf"]
    field["type"] = "string"


@change("a request maxLength tightened", breaks=True)
def _(doc: Doc) -> None:
    schemas(doc)["JobUpdate"]["properties"]["name"]["maxLength"] = 100


@change("a new required request field", breaks=True)
def _(doc: Doc) -> None:
    session = schemas(doc)["SessionCreate"]
    session["properties"]["project"] = {"type": "string"}
    session["required"].append("project")


@change("a request minimum raised", breaks=True)
def _(doc: Doc) -> None:
    schemas(doc)["JobCreateBase"]["properties"]["shots"]["minimum"] = 10


@change("an enum shared by a request and a response widened", breaks=True)
def _(doc: Doc) -> None:
    schemas(doc)["UsageGroupBy"]["enum"].append("team")


@change("a response enum widened", breaks=True)
def _(doc: Doc) -> None:
    # A closed enum in a response: a client generated from the old one may reject the value.
    schemas(doc)["JobStatus"]["enum"].append("paused")


@change("a request oneOf variant removed", breaks=True)
def _(doc: Doc) -> None:
    create = schemas(doc)["JobCreate"]
    create["oneOf"] = [v for v in create["oneOf"] if "Qaoa" not in v["$ref"]]
    mapping = create["discriminator"]["mapping"]
    create["discriminator"]["mapping"] = {k: v for k, v in mapping.items() if "Qaoa" not in v}


@change("a response const changed", breaks=True)
def _(doc: Doc) -> None:
    schemas(doc)["JobDeleted"]["properties"]["status"]["const"] = "removed"


@change("a request object closed (additionalProperties: false)", breaks=True)
def _(doc: Doc) -> None:
    schemas(doc)["JobCreateBase"]["additionalProperties"] = False


@change("a response field no longer required", breaks=True)
def _(doc: Doc) -> None:
    schemas(doc)["Whoami"]["required"].remove("key_name")


@change("a request field removed from a closed object", breaks=True)
def _(doc: Doc) -> None:
    del schemas(doc)["SessionCreate"]["properties"]["settings"]


@change("a request maxLength widened", breaks=False)
def _(doc: Doc) -> None:
    schemas(doc)["JobUpdate"]["properties"]["name"]["maxLength"] = 1000


@change("a new optional response field", breaks=False)
def _(doc: Doc) -> None:
    schemas(doc)["Whoami"]["properties"]["org_id"] = {"type": "string"}


@change("a new operation", breaks=False)
def _(doc: Doc) -> None:
    whoami = copy.deepcopy(doc["paths"]["/whoami"]["get"])
    doc["paths"]["/whoami"]["post"] = {**whoami, "operationId": "whoamiAgain"}


@change("a new optional query parameter", breaks=False)
def _(doc: Doc) -> None:
    parameter = {"name": "project", "in": "query", "required": False, "schema": {"type": "string"}}
    operation(doc, "/jobs", "get")["parameters"].append(parameter)


@change("a nullable field respelled as a type list (same meaning)", breaks=False)
def _(doc: Doc) -> None:
    for owner in ("JobCreateBase", "JobCreated"):
        field = schemas(doc)[owner]["properties"]["session_id"]
        del field["anyOf"]
        field["type"] = ["string", "null"]


@change("a request field becomes nullable", breaks=False)
def _(doc: Doc) -> None:
    field = schemas(doc)["JobUpdate"]["properties"]["name"]
    kind, longest = field.pop("type"), field.pop("maxLength")
    field["anyOf"] = [{"type": kind, "maxLength": longest}, {"type": "null"}]


@change("a description changed", breaks=False)
def _(doc: Doc) -> None:
    schemas(doc)["Whoami"]["description"] = "The API key making this request."


@change("a request-only enum widened", breaks=False)
def _(doc: Doc) -> None:
    usage = operation(doc, "/organizations/{organization_id}/usage", "get")
    (group_by,) = [p for p in usage["parameters"] if p["name"] == "group_by"]
    group_by["schema"] = {"type": "string", "enum": ["job", "project", "user", "team"]}


@change("a new optional request field", breaks=False)
def _(doc: Doc) -> None:
    schemas(doc)["SessionCreate"]["properties"]["label"] = {"type": "string"}


# What oasdiff v1.37.0 says of each change that it gets wrong in a mode (True: "breaks"),
# measured by `scripts/compare-breaking`; every change not listed it gets right in all modes.
OASDIFF_RECORDED: Final[dict[str, dict[str, bool]]] = {
    "a request field's type changed": {"oasdiff (errors)": False},
    "a request minimum raised": {"oasdiff (errors)": False},
    "a request field removed from a closed object": {"oasdiff (errors)": False},
    "a request object closed (additionalProperties: false)": {
        "oasdiff (errors)": False,
        "oasdiff (warnings)": False,
    },
    "a nullable field respelled as a type list (same meaning)": dict.fromkeys(OASDIFF_MODES, True),
}


def ours(old: Doc, new: Doc) -> bool:
    """Whether scripts/check_breaking.py finds a breaking change (on parsed documents: what
    `load_spec` makes of a file)."""
    return bool(compare(old, new))


def oasdiff(binary: str, old: Path, new: Path, flags: list[str]) -> bool:
    run = subprocess.run(
        [binary, "breaking", str(old), str(new), *flags], capture_output=True, text=True
    )
    if run.returncode not in (0, 1):
        raise RuntimeError(f"oasdiff failed ({run.returncode}): {run.stderr[:500]}")
    return run.returncode == 1


def judge(binary: str | None) -> list[dict[str, Any]]:
    """Each change with the verdict of each tool (True: "breaks")."""
    base = load_spec((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        old = Path(scratch) / "base.yaml"
        old.write_text(yaml.safe_dump(base, sort_keys=False), encoding="utf-8")
        for item in CHANGES:
            revised = copy.deepcopy(base)
            item.edit(revised)
            row: dict[str, Any] = {"change": item.name, "breaks": item.breaks}
            row["ours"] = ours(base, revised)
            if binary is not None:
                new = Path(scratch) / "revised.yaml"
                new.write_text(yaml.safe_dump(revised, sort_keys=False), encoding="utf-8")
                for mode, flags in OASDIFF_MODES.items():
                    row[mode] = oasdiff(binary, old, new, flags)
            rows.append(row)
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    tools = [k for k in rows[0] if k not in ("change", "breaks")]
    lines = [
        "| change | breaks? | " + " | ".join(tools) + " |",
        "|---|---|" + "---|" * len(tools),
    ]
    for row in rows:
        cells = []
        for tool in tools:
            right = row[tool] == row["breaks"]
            cells.append(("right" if right else "**wrong**") + (" (breaks)" if row[tool] else ""))
        expected = "yes" if row["breaks"] else "no"
        lines.append(f"| {row['change']} | {expected} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def problems(rows: list[dict[str, Any]]) -> list[str]:
    """What differs from the expectations: ours wrong anywhere, or oasdiff not as recorded."""
    found = []
    for row in rows:
        if row["ours"] != row["breaks"]:
            found.append(f"ours is wrong on {row['change']!r}")
        for mode in OASDIFF_MODES:
            if mode not in row:
                continue
            expected = OASDIFF_RECORDED.get(row["change"], {}).get(mode, row["breaks"])
            if row[mode] != expected:
                found.append(
                    f"{mode} now says {row[mode]} on {row['change']!r} ({expected} recorded)"
                )
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--oasdiff", help="the oasdiff binary (none: ours alone)")
    parser.add_argument("--check", action="store_true", help="fail on any unexpected verdict")
    args = parser.parse_args(argv)
    rows = judge(args.oasdiff)
    print(table(rows))
    found = problems(rows)
    for problem in found:
        print(f"unexpected: {problem}", file=sys.stderr)
    return 1 if args.check and found else 0


if __name__ == "__main__":
    sys.exit(main())

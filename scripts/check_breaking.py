"""Fail when openapi.yaml changes in a way that breaks clients generated from the old version.

Compares two OpenAPI 3.x documents (by default ``openapi.yaml`` in the working tree against
``git show HEAD~1:openapi.yaml``) and reports each breaking change with a dotted location,
e.g. ``paths./jobs.post.requestBody.content.application/json.schema.properties.shots``.

This is the command line (git, files, the report). The rules that decide what breaks are in
``breaking_rules.py``; reading a document (``$ref``, ``allOf``, null) is ``openapi_doc.py``.

Exit status: 0 no breaking change (or nothing to compare with), 1 breaking changes, 2 error.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from breaking_rules import Finding, compare
from openapi_doc import SpecError, load_spec

DEFAULT_BASE = "HEAD~1"
SPEC_NAME = "openapi.yaml"


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)


def report(findings: list[Finding], new_name: str, old_name: str) -> int:
    """Print the findings, one line each; the exit status (1 when anything breaks)."""
    if not findings:
        print(f"no breaking changes ({new_name} against {old_name})")
        return 0
    print(f"{len(findings)} breaking change(s) in {new_name} against {old_name}:")
    for finding in findings:
        print(f"  {finding}")
    return 1


def main(argv: list[str] | None = None) -> int:
    """Command line: compare openapi.yaml with a git ref (default HEAD~1) or with a file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help=f"git ref of the old version (default {DEFAULT_BASE})")
    parser.add_argument("--old", type=Path, help="old spec file (instead of --base)")
    parser.add_argument("--new", type=Path, help=f"new spec file (default <repo>/{SPEC_NAME})")
    parser.add_argument(
        "--repo", type=Path, default=Path(__file__).resolve().parent.parent,
        help="git repository to read (default: the one holding this script)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.old is not None and args.base is not None:
        parser.error("give either --base or --old, not both")
    new_path: Path = args.new or args.repo / SPEC_NAME
    try:
        if args.old is not None:
            old_text, old_name = args.old.read_text(encoding="utf-8"), str(args.old)
        else:
            base = args.base or DEFAULT_BASE
            if _git(args.repo, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}").returncode:
                if args.base is not None:
                    print(f"error: git ref {base!r} does not exist", file=sys.stderr)
                    return 2
                print(f"{base} does not exist (first commit or shallow clone): nothing to compare")
                return 0
            shown = _git(args.repo, "show", f"{base}:{SPEC_NAME}")
            if shown.returncode:
                print(f"{SPEC_NAME} does not exist at {base}: nothing to compare")
                return 0
            old_text, old_name = shown.stdout, f"{base}:{SPEC_NAME}"
        findings = compare(load_spec(old_text), load_spec(new_path.read_text(encoding="utf-8")))
    except (OSError, SpecError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return report(findings, str(new_path), old_name)


if __name__ == "__main__":
    sys.exit(main())

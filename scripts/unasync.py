"""Generate the sync client (`ionq_client/_sync/`) from the async one (`ionq_client/_async/`).

The async code is the only hand-written copy, as in httpcore: each module of `_async/` is
rewritten token by token (`async def` -> `def`, `await x` -> `x`, `AsyncJobs` -> `Jobs`,
`asyncio_detailed` -> `sync_detailed`...), then tidied and formatted by the pinned ruff, so
the output is lint-clean and the same to the byte on every machine. The few texts that
differ beyond a token swap (docstrings of the public surface that say "await", the async
client's extra `aclose`) are listed in `FLAVOUR_TEXT`, each required to be found.

    scripts/unasync            write ionq_client/_sync/
    scripts/unasync --check    fail if ionq_client/_sync/ differs from a fresh generation
"""

from __future__ import annotations

import argparse
import ast
import difflib
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "ionq_client" / "_async"
TARGET = ROOT / "ionq_client" / "_sync"

#: Token rewrites, applied in order to every line of every module.
SUBS: list[tuple[str, str]] = [
    (r"\basync def\b", "def"),
    (r"\basync for\b", "for"),
    (r"\basync with\b", "with"),
    (r"\bawait ", ""),
    (r"\b__aenter__\b", "__enter__"),
    (r"\b__aexit__\b", "__exit__"),
    (r"\b__aiter__\b", "__iter__"),
    (r"\baclose\b", "close"),
    (r"\baread\b", "read"),
    (r"\bhandle_async_request\b", "handle_request"),
    (r"\basyncio_detailed\b", "sync_detailed"),
    (r"\bset_async_httpx_client\b", "set_httpx_client"),
    (r"\bdefault_asleep\b", "default_sleep"),
    (r"\bapaginate\b", "paginate"),
    (r"\bapoll\b", "poll"),
    # The sync listing is its first page (fetched at once), the async one a lazy pager.
    (r"\bAsyncPager\b", "SyncPage"),
    (r"\bAsyncPage\b", "SyncPage"),
    (r"\bLeanAsyncClient\b", "LeanClient"),
    # Every other `AsyncX` (ours: AsyncIonQ, AsyncJobs, AsyncCaller...; httpx's AsyncClient,
    # AsyncBaseTransport, AsyncHTTPTransport; typing's AsyncIterator) is plain `X`.
    (r"\bAsync(?=[A-Z])", ""),
    (r"\bionq_client\._async\b", "ionq_client._sync"),
    (r"ionq_client/_async/", "ionq_client/_sync/"),
    (r" \(async\)", ""),
]

#: Docstrings the sync module has instead of the async one's, by module and class
#: (`None`: the module's own), as they stand between the quotes.
SYNC_DOCSTRINGS: dict[tuple[str, str | None], str] = {
    (
        "__init__.py",
        None,
    ): "The sync code, generated from the `_async` package by `scripts/unasync`.",
    ("client.py", "AsyncIonQ"): """The IonQ API client.

    >>> client = IonQ()                                  # doctest: +SKIP
    >>> job = client.jobs.create(Circuit(2).h(0).cnot(0, 1), backend="simulator")

    Args:
        api_key: the API key; default `$IONQ_API_KEY`. A missing key raises `IonQError`.
        base_url: default `$IONQ_BASE_URL`, else `https://api.ionq.co/v0.4`.
        timeout: seconds, an `httpx.Timeout`, or `None`; default 60 s (5 s to connect).
        max_retries: retries of a failed request that is safe to repeat (default 2).
        transport: an `httpx.BaseTransport` to send requests with (tests: `MockTransport`).
    """,
}

#: Per module, texts of the async source and what the sync module says instead, where
#: the two differ by more than the token swaps. Each must be found exactly once.
FLAVOUR_TEXT: dict[str, list[tuple[str, str]]] = {
    "client.py": [
        (
            '''    async def close(self) -> None:
        """Close the connection pool (the same as `aclose`)."""
        await self._http.aclose()

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()
''',
            '''    async def close(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()
''',
        ),
    ],
    "jobs.py": [
        (
            "newest first: `await` it for the first page, `async for` over every job.",
            "newest first: the first page; iterate it to follow every page.",
        ),
    ],
    "backends.py": [
        (
            "newest first: `await` for a page, `async for` all.",
            "newest first: the first page (iterate for all).",
        ),
    ],
    "sessions.py": [
        (
            """the answer is still a pager
        (`await` it for the first page, `async for` for all), cut into pages of `limit`
        when given.""",
            """the answer is still a page
        (iterate it, or read `.items`), cut into pages of `limit` when given.""",
        ),
        (
            """newest first: `await` for the first page,
        `async for` all.""",
            "newest first: the first page; iterate it.",
        ),
    ],
}


def _unwrap_awaitable(text: str) -> str:
    """`Awaitable[X]` -> `X`, brackets balanced (`Awaitable[tuple[list[T], str]]`)."""
    marker = "Awaitable["
    while (start := text.find(marker)) != -1:
        depth, end = 1, start + len(marker)
        while depth:
            depth += {"[": 1, "]": -1}.get(text[end], 0)
            end += 1
        text = text[:start] + text[start + len(marker) : end - 1] + text[end:]
    return text


def _replace_docstring(source: str, owner: str | None, text: str) -> str:
    """`source` with the docstring of class `owner` (`None`: the module) set to `text`."""
    tree = ast.parse(source)
    node: ast.Module | ast.ClassDef = tree
    if owner is not None:
        node = next(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == owner)
    doc = node.body[0]
    if not (isinstance(doc, ast.Expr) and isinstance(doc.value, ast.Constant)):
        raise SystemExit(f"scripts/unasync: {owner or 'the module'} has no docstring")
    lines = source.splitlines(keepends=True)
    assert doc.end_lineno is not None
    quoted = " " * doc.col_offset + '"""' + text + '"""\n'
    return "".join(lines[: doc.lineno - 1]) + quoted + "".join(lines[doc.end_lineno :])


def unasync(name: str, source: str) -> str:
    """The sync module for async module `name` (its text `source`), before formatting."""
    for (module, owner), text in SYNC_DOCSTRINGS.items():
        if module == name:
            source = _replace_docstring(source, owner, text)
    for old, new in FLAVOUR_TEXT.get(name, []):
        if source.count(old) != 1:
            raise SystemExit(f"scripts/unasync: FLAVOUR_TEXT of {name} not found once: {old!r}")
        source = source.replace(old, new)
    source = _unwrap_awaitable(source)
    for pattern, replacement in SUBS:
        source = re.sub(pattern, replacement, source)
    header = f"# Generated by scripts/unasync from ionq_client/_async/{name}: do not edit.\n"
    return header + source


def _ruff() -> str:
    beside = Path(sys.executable).parent / "ruff"
    found = str(beside) if beside.exists() else shutil.which("ruff")
    if found is None:
        raise SystemExit("scripts/unasync: ruff not found (run `make install`)")
    return found


def tidy(name: str, code: str) -> str:
    """Drop the imports the rewrite left unused or doubled, sort them, format (pinned ruff,
    the project's settings, as if the file were already in `_sync/`)."""
    where = str(TARGET / name)
    ruff = _ruff()
    steps = [
        [ruff, "check", "--fix-only", "--select", "F401,I001", "--stdin-filename", where, "-"],
        [ruff, "format", "--stdin-filename", where, "-"],
    ]
    for step in steps:
        done = subprocess.run(step, input=code, capture_output=True, text=True, cwd=ROOT)
        if done.returncode != 0:
            raise SystemExit(
                f"scripts/unasync: {' '.join(step[:2])} failed on {name}:\n{done.stderr}"
            )
        code = done.stdout
    return code


def generate(out: Path) -> None:
    """Write the sync package into `out`, removing modules whose source is gone."""
    out.mkdir(parents=True, exist_ok=True)
    names = sorted(p.name for p in SOURCE.glob("*.py"))
    for stale in out.glob("*.py"):
        if stale.name not in names:
            stale.unlink()
    for name in names:
        code = tidy(name, unasync(name, (SOURCE / name).read_text()))
        (out / name).write_text(code)


def check() -> int:
    """0 if `_sync/` is what `generate` writes, to the byte; else print the diff, 1."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        generate(fresh)
        stale = False
        for name in sorted(
            {p.name for p in fresh.glob("*.py")} | {p.name for p in TARGET.glob("*.py")}
        ):
            want = (fresh / name).read_text() if (fresh / name).exists() else ""
            have = (TARGET / name).read_text() if (TARGET / name).exists() else ""
            if want != have:
                stale = True
                label = f"ionq_client/_sync/{name}"
                sys.stderr.writelines(
                    difflib.unified_diff(
                        have.splitlines(True), want.splitlines(True), label, f"{label} (fresh)"
                    )
                )
    if stale:
        print(
            "ionq_client/_sync is stale: edit ionq_client/_async, never _sync; "
            "run scripts/unasync and commit the result",
            file=sys.stderr,
        )
        return 1
    print("ionq_client/_sync matches ionq_client/_async")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail if _sync/ is stale")
    args = parser.parse_args()
    if args.check:
        return check()
    generate(TARGET)
    return 0


if __name__ == "__main__":
    sys.exit(main())

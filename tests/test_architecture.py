"""The hand-written packages import in one direction: no module imports itself back.

Every `import` counts, at module level, inside functions and under `TYPE_CHECKING`; a
`from package import name` counts as importing `package.name` when that is a module, else
as importing `package`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("ionq_client", "ionq_mock", "ionq_spec")


def module_names(package: str) -> dict[str, Path]:
    """Every module of `package` by its dotted name (a package by its own name)."""
    found: dict[str, Path] = {}
    for path in (ROOT / package).rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imported(name: str, path: Path, known: set[str]) -> Iterator[str]:
    """The modules of `known` that module `name` (at `path`) imports anywhere in its body."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")
                anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                base = ".".join([*anchor, base] if base else anchor)
            # `from package import module` imports the module; any other name, the package.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        yield from (t for t in targets if t in known and t != name)


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of `graph` as a path that ends where it starts, or `None`."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


@pytest.mark.parametrize("package", PACKAGES)
def test_import_graph_is_acyclic(package: str) -> None:
    modules = module_names(package)
    known = set(modules)
    graph = {name: set(imported(name, path, known)) for name, path in modules.items()}
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph) or [])


def test_find_cycle_finds_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def imports_of(package: str) -> dict[str, set[str]]:
    """Every top-level or dotted name each module of `package` imports, anywhere in it."""
    out: dict[str, set[str]] = {}
    for name, path in module_names(package).items():
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
            elif isinstance(node, ast.ImportFrom) and node.level:
                anchor = name.split(".")[: -node.level + (1 if path.name == "__init__.py" else 0)]
                names.add(".".join([*anchor, node.module or ""]).rstrip("."))
        out[name] = names
    return out


def offending(package: str, prefix: str, forbidden: tuple[str, ...]) -> list[str]:
    """`module imports name` for each module of `package` under `prefix` importing a
    `forbidden` name (or a submodule of one)."""
    return sorted(
        f"{module} imports {name}"
        for module, names in imports_of(package).items()
        if module == prefix or module.startswith(prefix + ".")
        for name in names
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    )


def test_dependencies_run_one_way() -> None:
    """spec -> generated -> facade -> user; the mock beside the facade, never under it; the
    simulator knows nothing of HTTP or of the server around it."""
    assert offending("ionq_client", "ionq_client", ("ionq_mock",)) == []
    assert offending("ionq_spec", "ionq_spec", ("ionq_client", "ionq_mock", "ionq_api")) == []
    assert offending("ionq_mock", "ionq_mock", ("ionq_client",)) == []
    server_side = ("httpx", "uvicorn", "starlette", "ionq_api", "ionq_spec")
    inside = [
        f"ionq_mock.{name}"
        for name in ("app", "router", "pipeline", "handlers", "state", "store", "lifecycle")
    ]
    assert offending("ionq_mock", "ionq_mock.simulator", server_side + tuple(inside)) == []

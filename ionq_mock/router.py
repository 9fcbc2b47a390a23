"""The router: a request's method and path to its operation and handler.

The routes are openapi.yaml's paths (literal ones looked up, templated ones matched in
the spec's order), each method bound to its `Route` (the operation with its validators,
and its handler) once, when the app starts: a request costs one lookup. The app refuses
to start when openapi.yaml has an operation no handler serves.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from .errors import ApiError
from .registry import Handler
from .validation import BASE_PATH, Operation, Spec

Methods = dict[str, "Route"]
_PREFIX: Final = BASE_PATH + "/"


@dataclass(frozen=True, slots=True)
class Route:
    """One operation and the handler that serves it."""

    operation: Operation
    handler: Handler


def _pattern(template: str) -> re.Pattern[str]:
    """A path template's regex, one named group per `{parameter}`."""
    pattern = re.sub(r"\\\{([a-zA-Z0-9_]+)\\\}", r"(?P<\1>[^/]+)", re.escape(template))
    return re.compile(pattern + r"\Z")


class Router:
    """The routes of one spec, served by `handlers` (operationId to handler)."""

    def __init__(self, spec: Spec, handlers: Mapping[str, Handler]) -> None:
        missing = set(spec.by_id) - set(handlers)
        if missing:
            raise RuntimeError(f"openapi.yaml has operations the mock lacks: {sorted(missing)}")
        by_template: dict[str, Methods] = {}
        for operation in spec.by_id.values():  # in the spec's order of paths
            methods = by_template.setdefault(operation.template, {})
            methods[operation.method] = Route(operation, handlers[operation.operation_id])
        self.static: dict[str, Methods] = {}
        self.dynamic: list[tuple[re.Pattern[str], Methods]] = []
        for template, methods in by_template.items():
            if "{" in template:
                self.dynamic.append((_pattern(template), methods))
            else:
                self.static[template] = methods

    def resolve(self, method: str, path: str) -> tuple[Route, dict[str, str]]:
        """The route of a request, and its path parameters' text; 404 for a path no
        template matches, 405 (with `Allow`) for a method the path does not take."""
        if not path.startswith(_PREFIX):
            raise ApiError(404, f"No such path: {path[:200]}")
        relative = path[len(BASE_PATH) :]
        params: dict[str, str] = {}
        methods = self.static.get(relative)
        if methods is None:
            for pattern, candidates in self.dynamic:
                found = pattern.match(relative)
                if found is not None:
                    methods, params = candidates, found.groupdict()
                    break
            else:
                raise ApiError(404, f"No such path: {path[:200]}")
        route = methods.get(method)
        if route is None:
            allow = ", ".join(sorted(methods))
            raise ApiError(405, f"{method[:20]} is not allowed here; use {allow}", {"Allow": allow})
        return route, params

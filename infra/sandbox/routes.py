"""The HTTP API's routes, from infra/functions.py, matched the way API Gateway v2 matches them.

A ``{name}`` segment matches one non-empty path segment. When several routes match a path, the one
with more literal segments wins (``/users/me`` before ``/users/{email}``), as on API Gateway.
"""

from __future__ import annotations

from dataclasses import dataclass

from infra.functions import FUNCTIONS, FunctionSpec, Route


@dataclass(frozen=True)
class Match:
    route: Route
    spec: FunctionSpec
    path_parameters: dict[str, str]

    @property
    def key(self) -> str:
        return self.route.key


def _segments(path: str) -> list[str]:
    return path.split("/")[1:]


def _is_parameter(segment: str) -> bool:
    return segment.startswith("{") and segment.endswith("}")


def _bind(template: str, path: str) -> dict[str, str] | None:
    """The path parameters if ``path`` fits ``template``, else None."""
    wanted, given = _segments(template), _segments(path)
    if len(wanted) != len(given):
        return None
    parameters = {}
    for pattern, segment in zip(wanted, given, strict=True):
        if _is_parameter(pattern) and segment:
            parameters[pattern[1:-1]] = segment
        elif pattern != segment:
            return None
    return parameters


def _literal_segments(route: Route) -> int:
    return sum(not _is_parameter(segment) for segment in _segments(route.path))


class RouteTable:
    def __init__(self, functions: tuple[FunctionSpec, ...] = FUNCTIONS):
        pairs = [(route, spec) for spec in functions for route in spec.routes]
        self._routes = sorted(pairs, key=lambda pair: -_literal_segments(pair[0]))

    def match(self, method: str, path: str) -> Match | None:
        for route, spec in self._routes:
            if route.method in (method, "ANY"):
                parameters = _bind(route.path, path)
                if parameters is not None:
                    return Match(route, spec, parameters)
        return None

    def methods(self, path: str) -> list[str]:
        """The methods some route accepts at ``path`` (for answering OPTIONS)."""
        return sorted({route.method for route, _ in self._routes if _bind(route.path, path) is not None})

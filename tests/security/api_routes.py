"""Every (rule, method) the app serves, and a concrete URL for each, for tests that must cover new routes by themselves."""
from __future__ import annotations

from dataclasses import dataclass

# Methods every rule gets for free: HEAD answers as GET does, OPTIONS lists the methods.
IMPLICIT_METHODS = {"HEAD", "OPTIONS"}
# Path values for rules whose parameter is not an object of a user (or when no real one is given).
DUMMY_VALUES = {"gtin": "12345678", "day": "2026-03-01", "filename": "swagger-ui.css"}
DUMMY_ID = 12345678


@dataclass(frozen=True)
class Route:
    endpoint: str
    method: str
    rule: str  # as url_map spells it, e.g. /api/v1/meals/<int(max=2147483647):meal_id>
    arguments: frozenset[str]

    def path(self, app, values: dict[str, object] | None = None) -> str:
        """The URL of this route with `values` (real ids) or dummies in its path parameters."""
        given = {name: (values or {}).get(name, DUMMY_VALUES.get(name, DUMMY_ID)) for name in self.arguments}
        return app.url_map.bind("localhost").build(self.endpoint, given, method=self.method)

    def __str__(self) -> str:
        return f"{self.method} {self.rule}"


def routes(app, *, methods: set[str] | None = None) -> list[Route]:
    """Every rule × every method it allows (HEAD and OPTIONS left out: Flask answers them from the others)."""
    found = [Route(rule.endpoint, method, rule.rule, frozenset(rule.arguments))
             for rule in app.url_map.iter_rules() for method in sorted(rule.methods - IMPLICIT_METHODS)]
    return sorted((r for r in found if methods is None or r.method in methods), key=str)

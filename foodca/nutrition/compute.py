"""Nutrients for grams of a food, from the food table's per-100 g values; totals over a meal."""
from __future__ import annotations

import math

from foodca.models.food import CORE_NUTRIENTS


def nutrients_for(per_100g, grams: float | None, edible_pct: float | None = None) -> dict[str, float | None]:
    """`per_100g` in CORE_NUTRIENTS order; an unknown value stays None, never 0."""
    if grams is None:
        return {name: None for name in CORE_NUTRIENTS}
    values = {}
    for name, value in zip(CORE_NUTRIENTS, per_100g):
        values[name] = None if value is None or math.isnan(value) else float(value) * grams / 100.0
    return values


def zero_nutrients() -> dict[str, float]:
    return {name: 0.0 for name in CORE_NUTRIENTS}


def add_totals(totals: dict[str, float], values: dict[str, float | None]) -> None:
    for name in CORE_NUTRIENTS:
        if values.get(name) is not None:
            totals[name] += values[name]


def rounded(values: dict[str, float | None], digits: int = 1) -> dict[str, float | None]:
    """For display only; stored and summed values keep full precision."""
    return {name: None if value is None else round(value, digits) for name, value in values.items()}

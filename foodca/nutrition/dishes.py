"""Chinese dishes as recipes: ingredient shares of the served weight, authored in foodca/data/zh_dishes.csv."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from foodca.matching.text import zh_core
from foodca.nlp.items import SplitItem

ZH_DISHES_CSV = Path(__file__).resolve().parent.parent / "data" / "zh_dishes.csv"


@dataclass(frozen=True)
class Dish:
    names: tuple[str, ...]
    ingredients: tuple[tuple[str, float], ...]  # (Chinese ingredient name, share of the dish's weight)
    unit_weights: dict[str, float]


@lru_cache(maxsize=1)
def dishes_by_name() -> dict[str, Dish]:
    found: dict[str, Dish] = {}
    with open(ZH_DISHES_CSV, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names = tuple(n.strip() for n in row["dish_names"].split("|") if n.strip())
            ingredients = tuple((name.strip(), float(share)) for name, share in
                                (pair.split(":") for pair in row["ingredients"].split("|") if pair))
            weights = {unit.strip(): float(grams) for unit, grams in
                       (pair.split(":") for pair in (row["unit_weights"] or "").split("|") if pair)}
            dish = Dish(names, ingredients, weights)
            for name in names:
                found.setdefault(zh_core(name), dish)
    return found


def find_dish(name: str) -> Dish | None:
    return dishes_by_name().get(zh_core(name))


def as_ingredients(item: SplitItem, dish: Dish, grams: float) -> list[SplitItem]:
    """The dish's ingredients with their grams; water is left out (it has no nutrients to look up)."""
    return [
        SplitItem(said=f"{item.said} · {name}", name=name, language="zh", grams=grams * share,
                  grams_source="recipe")
        for name, share in dish.ingredients if name != "水"
    ]

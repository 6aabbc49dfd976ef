"""Chinese dishes as recipes: ingredient shares of the served weight, authored in foodca/data/zh_dishes.csv."""
from __future__ import annotations

import csv
import re
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


# Staples a recipe weighs as served: the noodles of 牛肉面 are cooked noodles (zh_dishes.csv notes say so), and
# the tables' own rows for these words are the raw or dry ones.
COOKED_AS_SERVED = frozenset({"面条", "米粉", "米线", "挂面", "意面", "通心粉", "河粉"})


# Noodles and dumplings in broth: the weight eaten is the noodles and what is on them, not the broth left in the
# bowl (the product's portion convention, and the dev set's). In any other dish the water is eaten: a soup or a
# porridge is the whole bowl, and 凉皮 or braised tofu hold theirs.
BROTH_LEFT_IN_THE_BOWL = re.compile(r"面|粉|米线|馄饨|饺|抄手|云吞")


def as_ingredients(item: SplitItem, dish: Dish, grams: float) -> list[SplitItem]:
    """The dish's ingredients with their grams; the water of a noodle soup is left out."""
    broth_left = bool(BROTH_LEFT_IN_THE_BOWL.search(dish.names[0]))
    return [
        SplitItem(said=f"{item.said} · {name}", name=name, language="zh", grams=grams * share,
                  grams_source="recipe", state="cooked" if name in COOKED_AS_SERVED else None)
        for name, share in dish.ingredients if name != "水" or not broth_left
    ]

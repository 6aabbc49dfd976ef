"""Names people say that USDA writes differently, or whose words also name another food, on hand-written foods
(tests/fixtures/usda/everyday_names): each case failed before the alias, phrase or token rule that fixed it."""
from __future__ import annotations

from pathlib import Path

import pytest

from databases import new_database
from foodca.db import make_engine, upgrade
from foodca.importers.service import import_usda
from foodca.matching.index import FoodIndex
from foodca.matching.matcher import Matcher
from foodca.nlp.items import SplitItem
from foodca.nlp.offline_parser import parse_meal

RELEASE = Path(__file__).resolve().parents[1] / "fixtures" / "usda" / "everyday_names"


@pytest.fixture(scope="module")
def matcher(tmp_path_factory):
    folder = tmp_path_factory.mktemp("everyday_names")
    url = new_database(folder, "everyday_names")
    upgrade(url)
    engine = make_engine(url)
    import_usda(engine, [str(RELEASE)], download_dir=folder, report_dir=None,
                progress=False)
    yield Matcher(FoodIndex.build(engine))
    engine.dispose()


def matched_name(matcher: Matcher, text: str) -> str | None:
    result = matcher.match(SplitItem(said=text, name=text, language="en"))
    return matcher.index.names[result.position] if result.status == "matched" else None


@pytest.mark.parametrize("said, expected", [
    ("pork cooked with fats", "Pork, NFS"),  # how it was cooked, not the fat trimmed off pork
    ("raw medium-fat cow meat", "Beef, ground, 90% lean meat / 10% fat, cooked"),
    ("bovine meat cooked with fats or oils", "Beef, ground, 90% lean meat / 10% fat, cooked"),  # not beef lungs
    ("latte with milk", "Coffee, Latte"),  # milk said is dairy milk
    ("latte with non-dairy milk", "Coffee, Latte, with non-dairy milk"),
    ("diet coke", "Soft drink, cola, diet"),
    ("coca-cola", "Beverages, carbonated, cola, regular"),
    ("full-cream milk powder", "Milk, dry, whole, with added vitamin D"),
    ("sunny-side-up eggs", "Egg, whole, fried, NS as to fat"),
    ("briny cow cheese", "Cheese, feta"),
    ("lime-treated maize flour", "Corn flour, masa harina, white or yellow, dry, raw"),
    ("short pastry dough", "Pie crust, standard-type, frozen, ready-to-bake, enriched"),
    ("corn bread", "Cornbread, made from home recipe"),  # not the stuffing made of it
    ("dried durum pasta", "Pasta, dry, enriched"),
])
def test_everyday_names(matcher, said, expected):
    assert matched_name(matcher, said) == expected


def test_separable_fat_is_found_when_said(matcher):
    assert matched_name(matcher, "pork separable fat") == "Pork, fresh, separable fat, raw"


@pytest.mark.parametrize("text, names", [
    ("For lunch I had 200g of rice, and lastly 50g of bread", ["rice", "bread"]),
    ("I had 100g of rice and I'll wash it down with 200g of water", ["rice", "water"]),
])
def test_words_that_order_a_meal_are_not_foods(text, names):
    assert [item.name for item in parse_meal(text).items] == names

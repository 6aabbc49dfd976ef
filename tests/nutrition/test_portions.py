"""Choosing among a food's own measures: the words said, never the food's own name."""
from __future__ import annotations

import pytest

from foodca.nlp.items import SplitItem
from foodca.nutrition.portions import decide_grams

PIE = [
    {"description": "1 slice, any size", "gram_weight": 150.0, "amount": None},
    {"description": "1 pie, any size", "gram_weight": 1600.0, "amount": None},
    {"description": "1 cup", "gram_weight": 250.0, "amount": None},
    {"description": "Quantity not specified", "gram_weight": 150.0, "amount": None},
]
PIZZA = [
    {"description": "1 piece, large pizza", "gram_weight": 139.0, "amount": None},
    {"description": "1 small pizza (8-10\" diameter)", "gram_weight": 573.0, "amount": None},
    {"description": "1 large pizza (13-15\" diameter)", "gram_weight": 1117.0, "amount": None},
]


def grams(said: str, portions, name: str, **fields) -> float:
    item = SplitItem(said=said, name=said, language="en", **fields)
    return decide_grams(item, food_names_zh=[], portions=portions, food_name=name).grams


@pytest.mark.parametrize("said, fields, expected", [
    ("a strawberry pie", {"quantity": 1}, 150.0),  # the food's name ("pie") is not a measure
    ("an entire strawberry pie", {"quantity": 1}, 1600.0),
    ("a whole strawberry pie", {"quantity": 1}, 1600.0),
    ("a cup of strawberry pie", {"quantity": 1, "unit": "cup"}, 250.0),
    ("half a cup of strawberry pie", {"quantity": 0.5, "unit": "cup"}, 125.0),
    ("a large piece of strawberry pie", {"quantity": 1, "unit": "piece", "size": "large"}, 150.0),
])
def test_pie(said, fields, expected):
    assert grams(said, PIE, "Pie, strawberry", **fields) == pytest.approx(expected)


def test_inches_pick_the_diameter_range():
    assert grams("a 14-inch cheese pizza", PIZZA, "Pizza, cheese", quantity=1) == pytest.approx(1117.0)
    assert grams("a 9-inch cheese pizza", PIZZA, "Pizza, cheese", quantity=1) == pytest.approx(573.0)


def test_whole_wheat_is_not_a_whole_item():
    assert grams("a whole wheat pie", PIE, "Pie, strawberry", quantity=1) == pytest.approx(150.0)


def test_a_size_said_of_the_food_is_the_whole_item_unless_a_piece_was_said():
    assert grams("an extra-large cheese pizza", PIZZA, "Pizza, cheese", quantity=1, size="large") == \
        pytest.approx(1117.0)
    assert grams("a large piece of cheese pizza", PIZZA, "Pizza, cheese", quantity=1, unit="piece",
                 size="large") == pytest.approx(139.0)


SALT = [
    {"description": "1 tsp", "gram_weight": 6.0, "amount": None},
    {"description": "1 cup", "gram_weight": 292.0, "amount": None},
]
MILK = [{"description": "1 cup", "gram_weight": 244.0, "amount": None}]


@pytest.mark.parametrize("text, portions, expected", [
    ("a pinch of salt", SALT, 0.38),  # 1/16 teaspoon, not the food's first measure (6 g, 2.3 g of sodium)
    ("2 pinches of salt", SALT, 0.75),
    ("a dash of salt", SALT, 0.75),
    ("a splash of milk", MILK, 15.3),  # about a tablespoon, not a cup
    ("a teaspoon of salt", SALT, 6.0),
    ("一撮盐", [], 1.0),  # a pinch between the fingers
    ("两滴香油", [], 0.1),  # drops, not a serving of oil
])
def test_kitchen_measures_weigh_what_they_hold(text, portions, expected):
    from foodca.nlp.offline_parser import parse_meal

    item = parse_meal(text).items[0]
    assert decide_grams(item, food_names_zh=[], portions=portions).grams == pytest.approx(expected, rel=0.05)

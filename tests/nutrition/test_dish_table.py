"""The dish recipes authored in foodca/data/zh_dishes.csv hold together: shares of the served weight add up to the
dish, and every household unit weighs something."""
from __future__ import annotations

import pytest

from foodca.nutrition.dishes import dishes_by_name


def all_dishes():
    return list({id(dish): dish for dish in dishes_by_name().values()}.values())


@pytest.mark.parametrize("dish", all_dishes(), ids=lambda dish: dish.names[0])
def test_shares_add_up_to_the_dish_and_units_weigh_something(dish):
    assert sum(share for _, share in dish.ingredients) == pytest.approx(1.0, abs=0.02)
    assert dish.unit_weights and all(grams > 0 for grams in dish.unit_weights.values())


def test_zongzi_is_a_dish_of_glutinous_rice_and_pork():
    # 一个粽子 was unmatched: neither table has it.
    zongzi = dishes_by_name()["粽子"]
    assert dict(zongzi.ingredients)["糯米"] >= 0.4 and zongzi.unit_weights["个"] == 150

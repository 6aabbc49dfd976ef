"""The dish recipes authored in foodca/data/zh_dishes.csv hold together: shares of the served weight add up to the
dish, and every household unit weighs something."""
from __future__ import annotations

import pytest

from foodca.nlp.items import SplitItem
from foodca.nutrition.dishes import as_ingredients, dishes_by_name
from foodca.nutrition.portions import decide_grams


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


def test_noodles_of_a_noodle_soup_are_weighed_cooked():
    # 一碗牛肉拉面 was 240 g of the table's raw noodles: 903 kcal for one bowl.
    bowl = SplitItem(said="一碗牛肉拉面", name="牛肉拉面", language="zh", quantity=1, unit="碗")
    parts = {part.name: part for part in as_ingredients(bowl, dishes_by_name()["牛肉拉面"], 600.0)}
    assert parts["面条"].state == "cooked" and parts["牛肉"].state is None


def test_white_fungus_soup_is_a_light_sweet_soup():
    soup = dishes_by_name()["银耳汤"]
    assert dict(soup.ingredients)["水"] >= 0.9 and soup.unit_weights["碗"] == 250


def test_a_soup_is_the_whole_bowl_and_a_noodle_soup_the_noodles():
    # 一碗西红柿鸡蛋汤 weighed 78 g (its solids): the water of a soup is eaten; the broth of a noodle soup is not
    # counted, as for 一碗面条.
    soup = SplitItem(said="一碗绿豆汤", name="绿豆汤", language="zh", quantity=1, unit="碗")
    parts = as_ingredients(soup, dishes_by_name()["绿豆汤"], 300.0)
    assert sum(part.grams for part in parts) == pytest.approx(300.0)
    noodles = SplitItem(said="一碗牛肉面", name="牛肉面", language="zh", quantity=1, unit="碗")
    assert "水" not in [part.name for part in as_ingredients(noodles, dishes_by_name()["牛肉面"], 600.0)]


@pytest.mark.parametrize("name, unit, grams", [("油条", "根", 70.0), ("咸鸭蛋", "个", 65.0)])
def test_unit_weights_of_foods_only_the_chinese_table_has(name, unit, grams):
    # 一根油条 was the 100 g default of 根: the alias table now carries weights for CFCT-only foods too.
    item = SplitItem(said=f"一{unit}{name}", name=name, language="zh", quantity=1, unit=unit)
    assert decide_grams(item, food_names_zh=[name], portions=[]).grams == grams


@pytest.mark.parametrize("name, unit, grams", [
    ("燕麦", "碗", 40.0),  # the oats in a bowl of porridge: was the 220 g default of 碗, raw oats, 744 kcal
    ("花生", "盘", 120.0),  # a plate of peanuts to go with a drink, not a 300 g plate of a dish
    ("花生米", "盘", 120.0),  # …whatever its name: 一盘花生米 was the 330 g default of 盘, 1,894 kcal
    ("油炸花生米", "盘", 120.0),
    ("鱼", "条", 350.0),  # the flesh of a fish of about 600 g: was 500 g
    ("鲫鱼", "条", 130.0),  # a small fish: its own row of weights, not those of the 鲤鱼 it shares a food with
])
def test_a_bowl_or_plate_of_a_dry_food_weighs_what_it_holds_of_it(name, unit, grams):
    item = SplitItem(said=f"一{unit}{name}", name=name, language="zh", quantity=1, unit=unit)
    assert decide_grams(item, food_names_zh=[name], portions=[]).grams == grams


@pytest.mark.parametrize("name", ["麻辣香锅", "关东煮", "羊肉泡馍"])
def test_everyday_dishes_neither_table_has_have_recipes(name):
    # Both were unmatched.
    dish = dishes_by_name()[name]
    item = SplitItem(said=f"一份{name}", name=name, language="zh", quantity=1, unit="份")
    grams = decide_grams(item, food_names_zh=[], portions=[]).grams
    assert grams == dish.unit_weights["份"]
    assert sum(part.grams for part in as_ingredients(item, dish, grams)) == pytest.approx(grams)


def test_a_steamed_cornmeal_bun_is_cornmeal_and_water():
    # 窝窝头 was unmatched: neither table has it.
    dish = dishes_by_name()["窝窝头"]
    item = SplitItem(said="两个窝窝头", name="窝窝头", language="zh", quantity=2, unit="个")
    grams = decide_grams(item, food_names_zh=[], portions=[]).grams
    parts = as_ingredients(item, dish, grams)
    assert grams == 160 and [part.name for part in parts] == ["玉米面", "水"]

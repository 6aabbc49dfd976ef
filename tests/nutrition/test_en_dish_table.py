"""The English recipe table (foodca/data/en_dishes.csv) and its templates: dishes of other countries that no table
has, computed from their ingredients in the tables ("312g of unleavened corn bread", "pelau", "red gram dhal
bhaji"). Each was unmatched, so it added nothing to the meal."""
from __future__ import annotations

import pytest

from foodca.nutrition.dishes import en_dishes_by_name, find_en_dish, recipe_comes_first


def all_dishes():
    return list({id(dish): dish for dish in en_dishes_by_name().values()}.values())


@pytest.mark.parametrize("dish", all_dishes(), ids=lambda dish: dish.name)
def test_shares_add_up_to_the_dish_and_a_serving_weighs_something(dish):
    assert sum(share for _, share in dish.ingredients) == pytest.approx(1.0, abs=0.02)
    assert dish.serving_g > 0 and all(name and share > 0 for name, share in dish.ingredients)


@pytest.mark.parametrize("said", ["Baião de Dois", "baiao de dois", "Split lentil stews", "misir wot", "PELAU", "Shiro Wot",
                                  "Besso", "Kurkuto", "chechebsa", "kita fir-fir"])
def test_a_dish_is_found_by_any_of_its_names_as_typed(said):
    assert find_en_dish(said) is not None


@pytest.mark.parametrize("said, flours, flour_share", [
    # A bread of corn, millet or teff keeps more water than one of sorghum, barley or wheat (GIFT's Ethiopian corn
    # kita is 42 % of its flour's energy per 100 g, its sorghum bread 57 %), whatever the leaven.
    ("unleavened corn bread", ["corn flour whole-grain yellow"], 0.42),
    ("unleavened sorghum bread", ["flour sorghum"], 0.55),
    ("unleavened sorghum and corn bread", ["flour sorghum", "corn flour whole-grain yellow"], (0.55 + 0.42) / 2),
    ("leavened corn and wheat flour bread", ["corn flour whole-grain yellow", "flour whole wheat unenriched"],
     (0.42 + 0.55) / 2),
    ("leavened bread made from corn and sorghum", ["corn flour whole-grain yellow", "flour sorghum"], (0.42 + 0.55) / 2),
    # No leaven said: a bread of two flours, or of one the tables bake no loaf of, is a bread of them ("corn and
    # sorghum bread" was "Corn, raw").
    ("corn and sorghum bread", ["corn flour whole-grain yellow", "flour sorghum"], (0.42 + 0.55) / 2),
    ("millet bread", ["millet flour"], 0.42),
    # "corn bread" in two words is a bread of corn flour (Ethiopia's, 142-153 kcal per 100 g in GIFT); the US
    # "cornbread" (287, with egg, milk and fat) is one word, as FNDDS and American recipes write it.
    ("corn bread", ["corn flour whole-grain yellow"], 0.42),
    ("maize bread", ["corn flour whole-grain yellow"], 0.42),
    ("qita corn bread", ["corn flour whole-grain yellow"], 0.42),  # Ethiopia's unleavened kita: was US cornbread
])
def test_a_bread_of_named_flours_is_the_flours_and_the_water_it_keeps(said, flours, flour_share):
    dish = find_en_dish(said)
    shares = dict(dish.ingredients)
    assert [name for name, _ in dish.ingredients] == [*flours, "water"]
    assert sum(shares[flour] for flour in flours) == pytest.approx(flour_share)


@pytest.mark.parametrize("said", ["cornbread", "semi-brown wheat bread", "leavened bread", "unleavened pizza bread",
                                  "barley bread", "rice bread"])
def test_a_bread_the_tables_have_or_of_no_named_flour_is_no_recipe(said):
    assert find_en_dish(said) is None


@pytest.mark.parametrize("said, flours, flour_share", [
    # An injera of no named flour is teff's: FNDDS's injera (87 kcal per 100 g) is a quarter flour; GIFT's
    # Ethiopian teff injeras are 145-165, 40-45 % of teff flour's.
    ("injera", ["teff uncooked"], 0.42),
    ("fermented injera", ["teff uncooked"], 0.42),
    ("white teff injera", ["teff uncooked"], 0.42),
    ("fermented corn injera", ["corn flour whole-grain yellow"], 0.42),
    ("injera made from corn, millet and sorghum", ["corn flour whole-grain yellow", "millet flour", "flour sorghum"],
     (0.42 + 0.42 + 0.55) / 3),
    ("leavened injera made with red teff and corn", ["teff uncooked", "corn flour whole-grain yellow"], 0.42),
    ("injera, half corn and millet", ["corn flour whole-grain yellow", "millet flour"], 0.42),  # was FNDDS's teff injera
])
def test_an_injera_is_a_leavened_bread_of_its_flours(said, flours, flour_share):
    # "fermented corn injera" was FNDDS's teff injera.
    dish = find_en_dish(said)
    assert [name for name, _ in dish.ingredients] == [*flours, "water"]
    assert sum(share for name, share in dish.ingredients if name != "water") == pytest.approx(flour_share)


def test_injera_with_a_stew_is_no_bread_of_flours():
    assert find_en_dish("injera with lentil stew") is None


@pytest.mark.parametrize("said, flours", [
    ("maize porridge", ["corn flour whole-grain yellow"]),
    ("ready-to-eat maize porridge", ["corn flour whole-grain yellow"]),
    ("porridge made from hard maize grain", ["corn flour whole-grain yellow"]),
    ("plain corn porridge", ["corn flour whole-grain yellow"]),
    ("porridge made with red teff and corn", ["corn flour whole-grain yellow", "teff uncooked"]),
])
def test_a_maize_porridge_is_a_stiff_one_of_its_flour(said, flours):
    # GIFT's DR Congo and Ethiopian maize porridges are 130 and 122 kcal per 100 g: about a third flour. They were
    # FNDDS's grits made with water, 71.
    dish = find_en_dish(said)
    assert [name for name, _ in dish.ingredients] == [*flours, "water"]
    assert sum(share for name, share in dish.ingredients if name != "water") == pytest.approx(0.35)
    assert recipe_comes_first(said)


@pytest.mark.parametrize("said, expected", [
    ("soft maize porridge", (("grits made with water", 1.0),)),  # a soft or thin one stays the grits
    ("ugali", None),  # FNDDS's grits by our phrase: GIFT's Kenyan ugali is 73 kcal per 100 g
    ("maize porridge with milk and sugar", None),
    ("millet porridge", None),  # East Africa's uji is thin
])
def test_a_soft_porridge_ugali_or_one_with_milk_is_no_stiff_porridge(said, expected):
    dish = find_en_dish(said)
    assert (dish.ingredients if dish else None) == expected


@pytest.mark.parametrize("said, oil", [
    ("fried Ethiopian kale with oil and onion", 0.15),  # GIFT: 176-180 kcal per 100 g; was FNDDS's kale with fat, 69
    ("kale fried with oil and onion", 0.15),
    ("boiled Ethiopian kale with oil, onion and salt", 0.05),  # GIFT: 84-86; was SR's boiled kale, 28
    ("gomen", None),  # no oil said, nor fried: no recipe
    ("boiled Ethiopian kale", None),
    ("fried kale", None),  # FNDDS's kale cooked with fat
])
def test_ethiopian_kale_is_kale_cooked_down_in_oil_with_onion(said, oil):
    dish = find_en_dish(said)
    assert (dict(dish.ingredients)["vegetable oil"] if dish else None) == oil


def test_a_bhaji_is_its_food_cooked_with_onion_and_oil():
    dish = find_en_dish("Fenugreek leaves Bhaji")
    assert dish.ingredients[0] == ("fenugreek leaves", 0.82)  # as said: "leave" found the seed
    assert find_en_dish("onion bhaji") is None  # a British fritter, not a Karnataka palya


@pytest.mark.parametrize("said", ["mango pickle", "Lemon pickle", "aam ka achar"])
def test_an_indian_pickle_is_fruit_kept_in_oil_and_salt(said):
    # "mango pickle" was FNDDS's cucumber pickles, 14 kcal per 100 g; an Indian one is about a sixth oil.
    shares = dict(find_en_dish(said).ingredients)
    assert shares["oil mustard"] >= 0.05 and shares["salt table"] >= 0.05


@pytest.mark.parametrize("said", ["dill pickle", "sweet pickles", "pickle"])
def test_a_cucumber_pickle_is_no_recipe(said):
    assert find_en_dish(said) is None


@pytest.mark.parametrize("said", ["cornstarch atole", "plantain atole", "soybean-maize atole"])
def test_a_dish_is_found_by_its_last_word_as_english_heads_a_compound(said):
    # "92.4 g of cornstarch atole" was 92.4 g of cornstarch (352 kcal), "plantain atole" cooked plantain.
    assert find_en_dish(said) is find_en_dish("atole")


def test_an_egg_curry_is_eggs_in_curry_sauce():
    # "egg curry" was FNDDS's curry sauce alone: the eggs were lost.
    assert [name for name, _ in find_en_dish("egg curry").ingredients] == ["egg whole cooked hard-boiled", "curry sauce"]


@pytest.mark.parametrize("said", ["coo-coo", "Cou-Cou", "cornmeal coo-coo"])
def test_coo_coo_is_cornmeal_cooked_with_okra_and_butter(said):
    # "cornmeal coo-coo cooked with butter" was the dry cornmeal, 362 kcal per 100 g (GIFT's coo-coo: 118).
    assert [name for name, _ in find_en_dish(said).ingredients][0] == "cornmeal whole-grain yellow"



def test_quince_cheese_is_quince_cooked_down_with_sugar_and_pasta_frola_a_pastry_of_it():
    # "quince cheese" was the raw fruit (57 kcal per 100 g), "quince cheese pie" too.
    assert dict(find_en_dish("quince cheese").ingredients)["sugar"] >= 0.5
    pie = dict(find_en_dish("quince cheese pie").ingredients)
    assert pie["pie crust standard-type prepared from recipe baked"] >= 0.5 and pie["sugar"] > pie["quinces raw"]
    assert find_en_dish("fruit pie-tarts with quince cheese") is find_en_dish("pastafrola")


def test_risotto_is_rice_cooked_in_broth_with_butter_and_cheese():
    # "risotto" was a branded dry risotto, 360 kcal per 100 g.
    shares = dict(find_en_dish("risotto").ingredients)
    assert shares["rice white cooked"] >= 0.6 and shares["butter nfs"] > 0 and shares["cheese parmesan grated"] > 0


@pytest.mark.parametrize("said", ["bengal gram dhal holige", "puran poli", "obbattu"])
def test_a_holige_is_a_flatbread_stuffed_with_sweet_dal(said):
    # "bengal gram dhal holige" was FNDDS's dal: the dough, the jaggery and the ghee were lost.
    shares = dict(find_en_dish(said).ingredients)
    assert shares["sugars brown"] > 0.1 and shares["flour wheat all-purpose enriched bleached"] > 0.1


def test_poha_is_flattened_rice_tempered_with_onion_peanuts_and_oil():
    # "poha" was FNDDS's rice cooked with fat (148 kcal per 100 g): no table has flattened rice.
    shares = dict(find_en_dish("kanda poha").ingredients)
    assert shares["rice white long-grain regular raw enriched"] > 0.3 and shares["vegetable oil"] > 0


@pytest.mark.parametrize("said, first", [
    ("poha", True), ("Pelau", True), ("brinjal bhaji", True), ("corn and sorghum bread", True),
    ("corn bread", True), ("rice", False), ("cornbread", False),
    ("plantain atole", False),  # a dish by its last word: only when unsure
])
def test_a_dish_of_the_recipe_table_by_its_name_comes_before_any_single_food(said, first):
    assert recipe_comes_first(said) is first


@pytest.mark.parametrize("said", ["pelau", "mandazi"])
def test_coconut_milk_in_a_recipe_is_the_cooking_one(said):
    # "coconut milk" alone is FNDDS's drink (31 kcal per 100 g); what a pelau is cooked in is the cream pressed from
    # the grated meat (230).
    assert "coconut milk used in cooking" in dict(find_en_dish(said).ingredients)

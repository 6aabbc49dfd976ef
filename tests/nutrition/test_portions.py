"""Choosing among a food's own measures: the words said, never the food's own name."""
from __future__ import annotations

import pytest

from foodca.nlp.items import SplitItem
from foodca.nutrition.portions import Grams, as_dry_weight, decide_grams

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


MELON = [
    {"description": "1 cup", "gram_weight": 155.0, "amount": None},
    {"description": "1 small wedge/slice", "gram_weight": 35.0, "amount": None},
    {"description": "1 medium wedge/slice", "gram_weight": 70.0, "amount": None},
    {"description": "1 small melon", "gram_weight": 440.0, "amount": None},
    {"description": "1 medium melon", "gram_weight": 5200.0, "amount": None},
]


@pytest.mark.parametrize("said, fields, expected", [
    ("a small cantaloupe", {"quantity": 1, "size": "small"}, 440.0),  # was the small wedge, 35 g
    ("a small slice of cantaloupe", {"quantity": 1, "unit": "slice", "size": "small"}, 35.0),
    # A whole this heavy said with a size is a piece of one: a medium melon of 5.2 kg is not one serving.
    ("a medium cantaloupe", {"quantity": 1, "size": "medium"}, 70.0),
    ("a whole medium cantaloupe", {"quantity": 1, "size": "medium"}, 5200.0),
])
def test_a_size_said_of_a_food_is_of_one_whole_before_a_piece(said, fields, expected):
    assert grams(said, MELON, "Cantaloupe, raw", **fields) == pytest.approx(expected)


def test_a_small_pizza_is_a_whole_small_pizza():
    # "A small thin crust pizza adorned with beans" was a slice of a small pizza, 88 g against the pizza's 526.
    slices = [{"description": "1 piece, small pizza", "gram_weight": 88.0, "amount": None}, *PIZZA]
    assert grams("a small cheese pizza", slices, "Pizza, cheese", quantity=1, size="small") == pytest.approx(573.0)


def test_a_cup_of_kernels_is_not_a_cup_of_them_in_their_shells():
    seeds = [{"description": "1 cup, with hulls, edible yield", "gram_weight": 46.0, "amount": 1.0},
             {"description": "1 cup", "gram_weight": 140.0, "amount": 1.0}]
    name = "Seeds, sunflower seed kernels, dried"
    assert grams("a cup of sunflower seed kernels", seeds, name, quantity=1, unit="cup") == 140.0
    assert grams("a cup of sunflower seeds with hulls", seeds, name, quantity=1, unit="cup") == 46.0


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


def measures(*rows: tuple[str, float]) -> list[dict]:
    return [{"description": description, "gram_weight": grams, "amount": None} for description, grams in rows]


# Hand-written measures in the style of FNDDS, which often lists a slice, a miniature or a smaller kind first.
TOMATO = measures(("1 slice", 20.0), ("1 grape tomato", 8.0), ("1 cherry", 17.0), ("1 plum tomato", 60.0),
                  ("1 whole", 125.0), ("1 cup", 180.0), ("Quantity not specified", 90.0))
AVOCADO = measures(("1 slice", 15.0), ("1 fruit", 150.0), ("1 cup, mashed", 230.0), ("Quantity not specified", 30.0))
STEAK = measures(("1 piece/slice, any size", 30.0), ("1 thin", 120.0), ("1 regular", 160.0), ("1 thick", 240.0),
                 ("1 cubic inch", 17.0))
BAGEL = measures(("Quantity not specified", 105.0), ("1 miniature", 26.0), ("1 small", 69.0), ("1 regular", 105.0),
                 ("1 large", 131.0))
POTATO = measures(("1 baby potato", 60.0), ("1 new potato", 60.0), ("1 potato, any size", 170.0))
FRIES = measures(("1 fry, any cut", 8.0), ("1 kids meal order", 105.0), ("1 medium fast food order", 220.0))
CHERRIES = measures(("1 cup, with pits", 140.0), ("1 cherry", 7.0))
PECAN_PIE = measures(("1 mini/small slice", 75.0), ("1 regular slice", 150.0), ("1 individual pie", 140.0),
                     ("1 regular pie (8-9\" dia)", 1200.0))
CANDY = measures(("1 piece", 8.0), ("1 miniature/bite size", 10.0), ("1 pouch/regular size", 55.0))


HASH_BROWNS = [{"description": "1 round piece", "gram_weight": 5.5, "amount": 1.0},
               {"description": "1 patty", "gram_weight": 53.0, "amount": 1.0}]


@pytest.mark.parametrize("said, name, portions, food, fields, expected", [
    ("a tomato", "tomato", TOMATO, "Tomatoes, raw", {"quantity": 1}, 125.0),  # not "1 grape tomato" (8 g)
    ("two tomatoes", "tomatoes", TOMATO, "Tomatoes, raw", {"quantity": 2}, 250.0),
    ("a grape tomato", "grape tomato", TOMATO, "Tomatoes, raw", {"quantity": 1}, 8.0),  # said, so meant
    ("an avocado", "avocado", AVOCADO, "Avocado, raw", {"quantity": 1}, 150.0),  # not "1 slice"
    ("a steak", "steak", STEAK, "Steak, NS as to type of meat", {"quantity": 1}, 160.0),  # not "1 piece/slice"
    ("a large steak", "steak", STEAK, "Steak, NS as to type of meat", {"quantity": 1, "size": "large"}, 224.0),
    ("a bagel", "bagel", BAGEL, "Bagel", {"quantity": 1}, 105.0),  # not "1 miniature"
    ("a potato", "potato", POTATO, "Potato, NFS", {"quantity": 1}, 170.0),  # not "1 baby potato"
    ("a fry", "fry", FRIES, "Potato, french fries, fast food", {"quantity": 1}, 8.0),  # one fry, not an order
    ("a cherry", "cherry", CHERRIES, "Cherries, raw", {"quantity": 1}, 7.0),  # the food's own one, not a kind
    ("a pecan pie", "pecan pie", PECAN_PIE, "Pie, pecan", {"quantity": 1}, 140.0),  # one serving, not 1.2 kg
    ("a small chocolate candy", "chocolate candy", CANDY, "Chocolate candy, nougat filled",
     {"quantity": 1, "size": "small"}, 10.0),  # the miniature as it is, not 0.7 of a regular bar
    # Of the forms the food's name lists, the one said: not "1 round piece" (5.5 g).
    ("a hash brown patty", "hash brown patty", HASH_BROWNS, "Hash browns, round pieces or patty", {"quantity": 1},
     53.0),
])
def test_a_count_alone_is_one_typical_whole_item(said, name, portions, food, fields, expected):
    item = SplitItem(said=said, name=name, language="en", **fields)
    assert decide_grams(item, food_names_zh=[], portions=portions, food_name=food).grams == pytest.approx(expected)


@pytest.mark.parametrize("weighed_as, kcal, food_kcal, food_carb, expected", [
    # A bowl of boiled somen (138 kcal) given to the CFCT's dry 挂面 (353 kcal, 75 g carbohydrate): the dry weight.
    ("Noodles, japanese, somen, cooked", 138, 353, 75, 250 * 138 / 353),
    # Crab meat in another table is not a dry form of the cooked crab, however much more energy it has.
    ("Crustaceans, crab, blue, cooked, moist heat", 83, 160, 2, 250),
    # Weights of a food that is not cooked say nothing about water taken up.
    ("Noodles, chinese, cellophane or long rice (mung beans), dehydrated", 351, 338, 83, 250),
    # Two cooked foods of the same water (a bowl of rice in either table) keep the weight.
    ("Rice, white, medium-grain, cooked, unenriched", 130, 116, 26, 250),
])
def test_a_cooked_foods_weight_is_the_dry_weight_of_its_dry_form(weighed_as, kcal, food_kcal, food_carb, expected):
    converted = as_dry_weight(Grams(250, "unit_table", "1"), weighed_as, kcal, food_kcal, food_carb)
    assert converted.grams == pytest.approx(expected)
    assert converted.basis == ("unit_table_as_dry" if expected != 250 else "unit_table")


@pytest.mark.parametrize("name, language, expected", [
    ("白菜", "zh", 50.0),  # 棵:1000|片:50 in our table: a whole head was 1000 g for 白菜 said alone
    ("cabbage", "en", 30.0),  # 卷心菜's 个:1000|片:30, through the matched food's Chinese name
    ("西瓜", "zh", 250.0),  # 块:250 comes first and is a serving
])
def test_a_food_said_alone_is_no_bigger_than_a_serving(name, language, expected):
    food_names = {"白菜": ["大白菜"], "cabbage": ["卷心菜"], "西瓜": ["西瓜"]}[name]
    item = SplitItem(said=name, name=name, language=language)
    assert decide_grams(item, food_names_zh=food_names, portions=[]).grams == expected


def test_a_bag_is_a_package():
    # "a small bag of M&Ms" was one candy (SR has "1 package (1.69 oz)", no bag).
    candies = [{"description": "1 package (1.69 oz)", "gram_weight": 48.0, "amount": None},
               {"description": "10 pieces", "gram_weight": 7.0, "amount": None}]
    assert grams("a small bag of m&ms", candies, "M&M's Milk Chocolate Candies", quantity=1, unit="bag") == 48.0


def test_a_miniature_is_said_when_meant():
    # "a bar of milk chocolate" was SR's first bar measure, "1 bar, miniature" (7 g).
    chocolate = [{"description": "1 bar, miniature", "gram_weight": 7.0, "amount": None},
                 {"description": "1 bar (1.55 oz)", "gram_weight": 44.0, "amount": None}]
    assert grams("a bar of milk chocolate", chocolate, "Candies, milk chocolate", quantity=1, unit="bar") == 44.0
    assert grams("a mini bar of milk chocolate", chocolate, "Candies, milk chocolate", quantity=1, unit="bar") == 7.0


def test_a_sub_measured_by_its_length_is_one_sub():
    # SR's "12 inch sub" (amount 12, 381 g) was 12 subs of 31.75 g: "a 12-inch roast beef sub" was 32 g.
    subs = [{"description": "6 inch sub", "gram_weight": 190.0, "amount": 6.0},
            {"description": "12 inch sub", "gram_weight": 381.0, "amount": 12.0}]
    name = "SUBWAY, roast beef sub on white bread with lettuce and tomato"
    assert grams("a 12-inch roast beef sub", subs, name, quantity=1) == 381.0
    assert grams("a 6-inch roast beef sub", subs, name, quantity=1) == 190.0


def test_slices_are_not_a_cup_of_slices():
    # "5 slices of ginger root" were "0.25 cup slices (1" dia)", 96 g a slice, 480 g in all.
    ginger = [{"description": "1 tsp", "gram_weight": 2.0, "amount": 1.0},
              {"description": "0.25 cup slices (1\" dia)", "gram_weight": 24.0, "amount": 0.25},
              {"description": "5 slices (1\" dia)", "gram_weight": 11.0, "amount": 5.0}]
    assert grams("five slices of raw ginger root, 1 inch in diameter", ginger, "Ginger root, raw",
                 quantity=5, unit="slice") == pytest.approx(11.0)
    assert grams("a cup of sliced ginger root", ginger, "Ginger root, raw", quantity=1, unit="cup") == 96.0


def test_a_serving_is_the_foods_own_usual_serving():
    # "a serving of guava paste" was 150 g of any food, 109 g of carbohydrate; SR eats it by the ounce.
    paste = [{"description": "1 oz", "gram_weight": 28.35, "amount": 1.0}]
    assert grams("a serving of guava paste", paste, "Guava paste", quantity=1, unit="serving") == 28.35
    assert grams("a large serving of guava paste", paste, "Guava paste", quantity=1, unit="serving",
                 size="large") == pytest.approx(28.35 * 1.4)
    # A whole fried chicken is no one's serving: the unit's usual 150 g.
    chicken = [{"description": "1 chicken", "gram_weight": 708.0, "amount": 1.0}]
    assert grams("a serving of fried chicken", chicken, "Chicken, fried", quantity=1, unit="serving") == 150.0
    # SR's own serving of a pudding mix is "1 portion, amount to make 1/2 cup" (25 g), not the package (99 g):
    # "a serving of instant lemon pudding, yielding half a cup" was 94 g of carbohydrate against 24.
    mix = [{"description": "1 package (3.5 oz)", "gram_weight": 99.0, "amount": 1.0},
           {"description": "1 portion, amount to make 1/2 cup", "gram_weight": 25.0, "amount": 1.0}]
    assert grams("a serving of instant lemon pudding", mix, "Puddings, lemon, dry mix, instant", quantity=1,
                 unit="serving") == 25.0
    assert grams("instant lemon pudding", mix, "Puddings, lemon, dry mix, instant") == 25.0


def test_a_drink_said_alone_is_a_can_not_a_fluid_ounce():
    # An SR soda whose measures are all kitchen ones was its first, "1 fl oz": "a chocolate soda" was 31 g.
    soda = [{"description": "1 fl oz", "gram_weight": 31.0, "amount": 1.0},
            {"description": "1 can or bottle (16 fl oz)", "gram_weight": 492.0, "amount": 1.0},
            {"description": "1 can (12 fl oz)", "gram_weight": 369.0, "amount": 1.0}]
    assert grams("a chocolate soda", soda, "Carbonated beverage, chocolate-flavored soda", quantity=1) == 369.0
    # …or by the container: "a vanilla milkshake" was SR's "1 fl oz" (28 g).
    shake = [{"description": "1 fl oz", "gram_weight": 28.4, "amount": 1.0},
             {"description": "1 container (11 oz)", "gram_weight": 313.0, "amount": 1.0}]
    assert grams("a vanilla milkshake", shake, "Milk shakes, thick vanilla", quantity=1) == 313.0


def test_a_zero_below_the_stroke_is_no_fraction():
    # A maker's measure "4/0.48 Bites (48.76 g)" raised ZeroDivisionError when the food was said with no amount.
    bites = [{"description": "4/0.48 Bites (48.76 g)", "gram_weight": 48.76, "amount": 1.0}]
    item = SplitItem(said="bites", name="bites", language="en")
    assert decide_grams(item, food_names_zh=[], portions=bites).grams == pytest.approx(48.76 / 4)


def test_a_quart_is_a_measure_not_one_whole():
    # "whey" said alone was SR's "1 quart" of it (984 g): its "1 cup" was left out as a kitchen measure, the quart
    # taken for one whole whey.
    whey = [{"description": "1 cup", "gram_weight": 246.0, "amount": 1.0},
            {"description": "1 quart", "gram_weight": 984.0, "amount": 1.0}]
    assert decide_grams(SplitItem(said="whey", name="whey", language="en"), food_names_zh=[],
                        portions=whey).grams == 246.0


def test_a_share_listed_as_the_measure_is_the_serving_as_listed():
    # "fried chicken skin" said alone was the skin of a whole chicken, 380 g: SR lists "0.5 chicken, skin only".
    skin = [{"description": "1 unit (yield from 1 lb ready-to-cook chicken)", "gram_weight": 114.0, "amount": 1.0},
            {"description": "0.5 chicken, skin only", "gram_weight": 190.0, "amount": 0.5}]
    item = SplitItem(said="fried chicken skin", name="fried chicken skin", language="en")
    assert decide_grams(item, food_names_zh=[], portions=skin,
                        food_name="Chicken, broilers or fryers, skin only, cooked, fried, batter").grams == 190.0


def test_a_piece_of_roast_sweet_potato_is_most_of_one():
    # 一块烤红薯 was the table's default 块 (50 g): a roast sweet potato is sold whole, or in big pieces.
    item = SplitItem(said="一块烤红薯", name="烤红薯", language="zh", quantity=1, unit="块")
    assert decide_grams(item, food_names_zh=["烤红薯"], portions=[]).grams == 150.0


def test_a_products_labelled_serving_is_one_serving():
    # A branded soda's only measure, "12 OZA (355 g)", was read as twelve of 29.6 g: a soda was 30 g.
    soda = [{"description": "12 OZA (355 g)", "gram_weight": 355.0, "amount": 1.0}]
    assert grams("a lemon-lime soda", soda, "CAFFEINE FREE LEMON LIME SODA", quantity=1) == 355.0


def test_a_surface_inch_said_is_the_surface_inch_whatever_the_unit():
    # "a slice of key lime pie that measures one surface inch" was the slice, 150 g, not FNDDS's square inch.
    pie = [{"description": "1 slice, any size", "gram_weight": 150.0, "amount": 1.0},
           {"description": "1 surface inch", "gram_weight": 18.9, "amount": 1.0},
           {"description": "Quantity not specified", "gram_weight": 150.0, "amount": 1.0}]
    said = "a slice of key lime pie that measures one surface inch"
    assert grams(said, pie, "Pie, key lime", quantity=1, unit="slice") == pytest.approx(18.9)
    assert grams("a one square inch piece of key lime pie", pie, "Pie, key lime", quantity=1,
                 unit="piece") == pytest.approx(18.9)
    assert grams("a slice of key lime pie", pie, "Pie, key lime", quantity=1, unit="slice") == pytest.approx(150.0)


def test_a_share_said_is_the_piece_the_food_measures_by_that_share():
    # "one-sixth of an 8-inch pie" was a sixth of SR's piece "1 piece (1/6 of 8" pie)", 17.5 g.
    custard = [{"description": "1 oz", "gram_weight": 28.35, "amount": 1.0},
               {"description": "1 piece (1/6 of 8\" pie)", "gram_weight": 105.0, "amount": 1.0}]
    name = "Pie, egg custard, commercially prepared"
    assert grams("one-sixth of an 8-inch egg custard pie", custard, name, quantity=1 / 6) == pytest.approx(105.0)
    # Said beside a slice; SR also counts the share itself ("0.125 pie 1 pie (1/8 of 9" pie)", 131 g, not 1048 g).
    apple = [{"description": "0.125 pie 1 pie (1/8 of 9\" pie)", "gram_weight": 131.0, "amount": 0.125},
             {"description": "1 slice", "gram_weight": 137.0, "amount": 1.0},
             {"description": "1 pie", "gram_weight": 1137.0, "amount": 1.0}]
    assert grams("a slice of apple pie, representing one-eighth of a 9-inch pie", apple, "Pie, Dutch Apple",
                 quantity=1, unit="slice") == pytest.approx(131.0)
    assert grams("a slice of apple pie", apple, "Pie, Dutch Apple", quantity=1, unit="slice") == pytest.approx(137.0)


@pytest.mark.parametrize("said, unit, size, expected", [
    ("a large portion of french fries", "portion", "large", 154.0),  # was the usual serving, sized: 99 g
    ("a small order of french fries", "order", "small", 71.0),
])
def test_a_portion_or_an_order_is_the_foods_serving_of_that_size(said, unit, size, expected):
    fries = [{"description": "1 small serving", "gram_weight": 71.0, "amount": 1.0},
             {"description": "1 medium serving", "gram_weight": 117.0, "amount": 1.0},
             {"description": "1 large serving", "gram_weight": 154.0, "amount": 1.0}]
    assert grams(said, fries, "McDONALD'S, french fries", quantity=1, unit=unit, size=size) == pytest.approx(expected)


def test_a_cubic_inch_said_is_the_cubic_inch():
    # "a piece of lean pork chop measuring one cubic inch" was the piece (30 g).
    chop = [{"description": "1 piece", "gram_weight": 30.0, "amount": 1.0},
            {"description": "1 cubic inch", "gram_weight": 17.0, "amount": 1.0}]
    assert grams("a piece of lean pork chop measuring one cubic inch", chop, "Pork chop, lean", quantity=1,
                 unit="piece") == pytest.approx(17.0)


@pytest.mark.parametrize("said, fields, expected", [
    ("a fun size piece of hard candy", {"unit": "piece"}, 15.0),  # was "1 piece", 5 g
    ("a king-size piece of hard candy", {"unit": "piece"}, 120.0),
    ("a king-size package of hard candy", {"unit": "package", "size": "large"}, 120.0),  # was the usual 60 g
    ("a sharing size of hard candy", {"size": "large"}, 240.0),  # not the "large/king size" its size also says
    ("a piece of hard candy", {"unit": "piece"}, 5.0),
])
def test_a_package_size_said_is_the_candys_measure_of_that_size(said, fields, expected):
    candy = [{"description": "1 piece", "gram_weight": 5.0, "amount": 1.0},
             {"description": "1 miniature/bite size/fun size", "gram_weight": 15.0, "amount": 1.0},
             {"description": "1 snack size/pouch/regular size", "gram_weight": 60.0, "amount": 1.0},
             {"description": "1 large/king size", "gram_weight": 120.0, "amount": 1.0},
             {"description": "1 sharing/movie theater size", "gram_weight": 240.0, "amount": 1.0},
             {"description": "Quantity not specified", "gram_weight": 60.0, "amount": 1.0}]
    assert grams(said, candy, "Candy, hard", quantity=1, **fields) == pytest.approx(expected)


@pytest.mark.parametrize("said, name, expected", [
    # A food measured by one of itself is counted so: "a small cracker" was the small bag, 45 g.
    ("a small cracker", "cracker", 3.0 * 0.7),
    # …and a food that is not may be the package its size names.
    ("a large popcorn", "popcorn", 85.0),
])
def test_a_size_said_of_one_is_not_a_package_of_them(said, name, expected):
    portions = {"cracker": [{"description": "1 cracker", "gram_weight": 3.0, "amount": 1.0},
                            {"description": "1 small or medium single serving bag", "gram_weight": 45.0, "amount": 1.0},
                            {"description": "1 large single serving bag", "gram_weight": 85.0, "amount": 1.0},
                            {"description": "Quantity not specified", "gram_weight": 18.0, "amount": 1.0}],
                "popcorn": [{"description": "1 cup, popped", "gram_weight": 14.0, "amount": 1.0},
                            {"description": "1 small single serving bag", "gram_weight": 28.0, "amount": 1.0},
                            {"description": "1 large single serving bag", "gram_weight": 85.0, "amount": 1.0},
                            {"description": "Quantity not specified", "gram_weight": 35.0, "amount": 1.0}]}
    item = SplitItem(said=said, name=name, language="en", quantity=1, size=said.split()[1])
    food_name = {"cracker": "Crackers, NFS", "popcorn": "Popcorn, NFS"}[name]
    assert decide_grams(item, food_names_zh=[], portions=portions[name], food_name=food_name).grams == \
        pytest.approx(expected)


def test_a_portion_of_a_food_measured_by_the_order_is_an_order():
    # "a medium portion of popcorn from the movie theater" was the usual serving, 28 g; FNDDS sells it by the order.
    popcorn = [{"description": "1 cup", "gram_weight": 11.0, "amount": 1.0},
               {"description": "1 small order", "gram_weight": 88.0, "amount": 1.0},
               {"description": "1 medium order", "gram_weight": 143.0, "amount": 1.0},
               {"description": "Quantity not specified", "gram_weight": 28.0, "amount": 1.0}]
    assert grams("a medium portion of movie theater popcorn", popcorn, "Popcorn, movie theater, no butter added",
                 quantity=1, unit="portion", size="medium") == pytest.approx(143.0)


def test_a_dry_weight_said_of_a_food_matched_cooked_is_what_it_yields():
    # "1 ounce of dry Cream of Wheat made with water" was an ounce of the cooked cereal: 3 g of carbs, not 21.
    cereal = [{"description": "1 cup, cooked", "gram_weight": 240.0, "amount": 1.0},
              {"description": "1 oz, dry, yields", "gram_weight": 205.0, "amount": 1.0}]
    name = "Cream of wheat, regular or quick, made with water, no added fat"
    dry = SplitItem(said="1 ounce of dry cream of wheat made with water", name="dry cream of wheat", language="en",
                    quantity=1, unit="oz", grams=28.35, grams_source="stated")
    got = decide_grams(dry, food_names_zh=[], portions=cereal, food_name=name)
    assert got.basis == "stated_dry_yield" and got.grams == pytest.approx(205.0, abs=0.1)
    beans = [{"description": "1 oz dry, yield after cooking", "gram_weight": 70.0, "amount": 1.0}]
    dried = SplitItem(said="1 oz of dried kidney beans", name="dried kidney beans", language="en", quantity=1,
                      unit="oz", grams=28.35, grams_source="stated")
    assert decide_grams(dried, food_names_zh=[], portions=beans, food_name="Kidney beans, from dried").grams == \
        pytest.approx(70.0, abs=0.1)
    # Cooked said, or a dry heat: the weight is of the food as it is.
    for said in ("28 g of cooked cream of wheat", "28 g of cream of wheat cooked with dry heat"):
        item = SplitItem(said=said, name="cream of wheat", language="en", grams=28.0, grams_source="stated")
        assert decide_grams(item, food_names_zh=[], portions=cereal, food_name=name) == Grams(28.0, "stated")

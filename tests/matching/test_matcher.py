"""Matcher cases on a small real database: Chinese synonyms, English head nouns, and never a wild guess."""
from __future__ import annotations

import gc
import weakref
from pathlib import Path

import numpy as np
import pytest
from matched import matched_name

from foodca.matching.index import FoodIndex
from foodca.matching.matcher import SHORTLIST, Matcher, _positions_held
from foodca.matching.text import en_in_usda_words, en_negated_words, en_tokens, load_en_phrases
from foodca.nlp.items import SplitItem


@pytest.fixture(scope="module")
def matcher(small_food_engine):
    return Matcher(FoodIndex.build(small_food_engine))


@pytest.mark.parametrize("said, expected", [
    ("西红柿", "番茄"),  # a synonym printed in brackets
    ("番茄", "番茄"),
    ("土豆", "马铃薯"),
    ("烤土豆", "马铃薯（烤）"),  # synonym replaced by the printed name, qualifier explains the rest
    ("鸡蛋", "鸡蛋（代表值）"),  # the table's representative value for a generic name
    ("煮鸡蛋", "鸡蛋（煮）"),
    ("馒头", "馒头 (代表值）"),
    ("土豆丝", "马铃薯"),  # shape words do not change the food
])
def test_chinese_names(matcher, said, expected):
    assert matched_name(matcher, said) == expected


@pytest.mark.parametrize("said, expected", [
    ("white bread", "Bread, white, commercially prepared (includes soft bread crumbs)"),
    ("egg", "Egg, whole, raw, fresh"),
    ("eggs", "Egg, whole, raw, fresh"),
    ("apple", "Apples, raw, with skin"),
    ("banana", "Bananas, raw"),
    ("cooked white rice", "Rice, white, medium-grain, enriched, cooked"),
])
def test_english_names(matcher, said, expected):
    assert matched_name(matcher, said) == expected


@pytest.mark.parametrize("said, expected", [
    ("boiled rice", "Rice, white, medium-grain, enriched, cooked"),  # USDA writes boiled as cooked
    ("dried pasta", "Pasta, dry, enriched"),
    ("crisp bread", "Crackers, crispbread"),  # two words said, one in USDA's spelling
    ("apple with peel", "Apples, raw, with skin"),  # USDA's peel is skin
    ("lemonade", "Lemonade, fruit juice drink"),  # not its frozen concentrate, not a cocktail
    ("boiled kale with oil, onion and salt", "Kale, cooked, boiled, drained, with salt"),  # the food the dish is
])
def test_words_said_differently_from_usda(matcher, said, expected):
    assert matched_name(matcher, said) == expected


@pytest.mark.parametrize("said, expected", [
    ("jowar roti", "Bread, chappatti or roti"),  # world dishes from foodca/data/en_phrases.csv
    ("whole maize flour ugali", "Grits, regular or quick, made with water, no added fat"),  # not maize flour
    ("brinjal bhaji", "Eggplant, cooked, fat added"),  # brinjal is eggplant; a bhaji is cooked in oil
    ("brinjal", "Eggplant, raw"),
])
def test_names_said_outside_the_us(matcher, said, expected):
    assert matched_name(matcher, said) == expected


@pytest.mark.parametrize("said, expected", [
    ("fresh tomatoes", "Tomatoes, red, ripe, raw, year round average"),  # fresh is raw, not "Tomatoes, fresh, cooked"
    ("boiled tomatoes", "Tomatoes, fresh, cooked"),
    ("coffee", "Coffee, NS as to type"),  # FNDDS's default, not the creamer
    ("eggs", "Egg, whole, raw, fresh"),  # "NS as to fat" says nothing of the egg: not its white
    ("tea", "Tea, hot, leaf, black"),  # the default tea, from en_phrases.csv
    ("green tea", "Tea, hot, leaf, green"),
    ("fruit salad", "Fruit salad, fresh or raw, including citrus fruits, no dressing"),  # "no dressing" is no extra
    # "NS as to part and cooking method" is not a word of the chicken: FNDDS's default, not its skin.
    ("chicken", "Chicken, NS as to part and cooking method, NS as to skin eaten"),
    ("chicken skin", "Chicken skin"),
    ("cheese pizza", "Pizza, cheese, from frozen, thin crust"),  # a word said that the description negates
])
def test_state_defaults_and_negations(matcher, said, expected):
    assert matched_name(matcher, said) == expected


def test_a_dish_word_alone_before_with_is_not_matched_on_its_own(matcher):
    # "salad" is no food of its own; tomato is only one of its parts
    assert matched_name(matcher, "salad with lettuce, tomato and onion") is None


def test_white_bread_is_not_sourdough(matcher):
    assert "sourdough" not in matched_name(matcher, "white bread")


def test_pepper_is_not_banana_pepper(matcher):
    assert matched_name(matcher, "pepper") != "Peppers, banana, raw"


def test_avocado_in_chinese_is_not_beef_tallow(matcher):
    # 牛油果 starts with 牛油 (beef tallow); with no avocado in Chinese here it must stay unmatched.
    assert matched_name(matcher, "牛油果") is None


@pytest.mark.parametrize("nonsense", ["blorptz", "qwxz vrrk", "乱七八糟", "zzz"])
def test_nonsense_is_unmatched_with_candidates_listed(matcher, nonsense):
    language = "en" if nonsense.isascii() else "zh"
    result = matcher.match(SplitItem(said=nonsense, name=nonsense, language=language))
    assert result.status == "unmatched" and result.position is None
    assert len(result.alternatives) <= 5


def test_generic_preferred_unless_a_brand_is_named(matcher):
    assert matched_name(matcher, "white bread") != "WHITE SANDWICH BREAD"
    assert matched_name(matcher, "white sandwich bread", brand="Acme") == "WHITE SANDWICH BREAD"


def test_a_product_is_what_its_name_ends_with(matcher):
    # "ARTIFICIAL FRUIT FLAVORED WAFFLE" was 250 g of waffle, 770 kcal, for a fruit drink: its first word was taken
    # for its head, as in USDA's "Waffle, plain". (Not "fruit-flavored artificial beverage": the phrase table makes
    # that FNDDS's "Fruit flavored drink", which this fixture does not have.)
    assert matched_name(matcher, "artificial fruit flavored beverage") == "TROPICAL FRUIT FLAVORED BEVERAGE"


def test_a_product_named_after_another_food_is_not_the_word_said(matcher):
    # "sugarcane" was SUGARCANE BRIOCHE at 0.84, above the branded threshold: a brioche, as "instant pasta" was
    # INSTANT PASTA ALFREDO. No food here is sugarcane, so it is unmatched.
    assert matched_name(matcher, "sugarcane") is None
    assert matched_name(matcher, "sugarcane brioche", brand="Acme") == "SUGARCANE BRIOCHE"


def test_a_brand_said_finds_its_product_with_the_words_said_not_another_headed_alike(matcher):
    # SR's description is headed "Cereals", which was not said; the brand's other product is headed by the oats said,
    # and "POST HONEY BUNCHES OF OATS with cinnamon bunches" was "POST, OATS".
    assert matched_name(matcher, "honey bunches of oats with cinnamon bunches", brand="Acme") == (
        "Cereals ready-to-eat, ACME HONEY BUNCHES OF OATS with cinnamon bunches")
    assert matched_name(matcher, "oats", brand="Acme") == "ACME, OATS"


@pytest.mark.parametrize("product, head", [
    # Not "puree": "plum puree" was these tomatoes, its name's last word being the word said.
    ("WHOLE PEELED PLUM TOMATOES IN PUREE", "tomato"),
    ("PRETTY IN PINK SPRINKLES", "sprinkle"),  # "pretty" heads no food, so the name's last word stays its head
])
def test_a_product_in_or_with_something_is_what_comes_before(matcher, product, head):
    branded = matcher.index.branded
    local = next(local for local, position in enumerate(branded.foods) if matcher.index.names[position] == product)
    assert branded.heads[local] == head


@pytest.mark.parametrize("said, expected", [
    ("nonfat milk", "Milk, fat free (skim)"),  # a quart of it was evaporated milk, 796 kcal
    ("skim milk", "Milk, fat free (skim)"),
    ("milk", "Milk, whole"),
    # Evaporated is a form nobody drinks unless they say so; said, it is what they drank.
    ("evaporated nonfat milk", "Milk, canned, evaporated, nonfat, with added vitamin A and vitamin D"),
])
def test_evaporated_milk_only_when_said(matcher, said, expected):
    assert matched_name(matcher, said) == expected


def test_a_replaced_matcher_and_its_index_are_freed(matcher):
    # The API builds a new matcher when the food tables are re-imported; no cache may keep the old one (and its
    # index of 395k foods) alive. "crisp bread" goes through the two-words-or-one cache.
    replaced = Matcher(matcher.index)
    assert matched_name(replaced, "crisp bread") == "Crackers, crispbread"
    freed = weakref.ref(replaced)
    del replaced
    gc.collect()
    assert freed() is None


def test_unmatched_lists_top_candidates(matcher):
    result = matcher.match(SplitItem(said="green banana pepper soup", name="purple banana pepper soup", language="en"))
    assert 1 <= len(result.alternatives) <= 5


@pytest.mark.parametrize("said, expected", [
    ("羊奶", "羊乳"),  # everyday 奶 for the table's 乳
    ("油炸花生米", "花生仁（油炸）"),  # 花生米 is 花生仁; the cooking word picks the form
    ("烤羊肉串", "羊肉串（烤）"),  # the qualifier with no stray characters wins the tie
    ("青尖椒", "辣椒（青、尖）"),
    ("清蒸番茄", "番茄"),  # a cooking method the table does not list is still the food
    ("醋", "Vinegar, distilled"),  # our alias names it exactly; CFCT's 醋栗 (a berry) only begins with it
    ("醋栗", "醋栗"),
    ("酱油", "Soy sauce made from soy and wheat (shoyu)"),  # not 豆腐干（酱油干）, where it is only in a qualifier
])
def test_everyday_chinese_words_reach_the_table(matcher, said, expected):
    assert matched_name(matcher, said) == expected


def test_a_dish_naming_two_foods_is_not_either_of_them(matcher):
    assert matched_name(matcher, "西红柿炒鸡蛋") is None


def test_accented_english_is_english(matcher):
    result = matcher.match(SplitItem(said="sautéed potatoes", name="sautéed potatoes", language="en"))
    assert result.alternatives
    assert all(matcher.index.sources[c.position] == "usda" for c in result.alternatives)


def test_candidates_that_tie_keep_their_order_when_merged():
    """0.1 + 0.2 is 0.30000000000000004: scores summed in another order differ in their last bits, and siblings that
    tie must not swap with the order a process happened to sum them in."""
    from foodca.matching.matcher import Candidate

    merged = Matcher._merge([Candidate(7, 0.3)], [Candidate(5, 0.1 + 0.2), Candidate(9, 0.31)])
    assert [candidate.position for candidate in merged] == [9, 7, 5]


@pytest.mark.parametrize("seed", range(20))
def test_sorted_postings_are_joined_and_looked_up_as_numpy_would(seed):
    import numpy as np

    from foodca.matching.matcher import _held_in, _sorted_union

    rng = np.random.default_rng(seed)
    first, second = (np.unique(rng.integers(0, 500, rng.integers(1, 300))).astype(np.intp) for _ in range(2))
    assert np.array_equal(_sorted_union(first, second), np.union1d(first, second))
    # Looked up both ways round: the shorter array is searched in the longer one.
    for pool, postings in ((first, second), (second, first)):
        held = np.zeros(len(pool), dtype=bool)
        held[_held_in(pool, postings)] = True
        assert np.array_equal(held, np.isin(pool, postings))


def test_a_foods_best_chinese_name_is_the_same_in_any_order():
    """Entries come out of a set, in an order that changes from process to process: 猪夹心 was 猪肉（奶脯） in one
    run and 猪肉（代表值） in another."""
    import itertools

    from foodca.matching.matcher import _best_per_food

    scored = [(1, 0.95, True), (1, 0.95, False), (1, 0.5, False), (2, 0.97, True), (2, 0.3, False)]
    answers = {tuple(sorted(_best_per_food(list(order)).items())) for order in itertools.permutations(scored)}
    assert answers == {((1, (0.95, False)), (2, (0.97, True)))}


@pytest.mark.parametrize("description, ruled_out", [
    ("apples without the peel", {"peel"}),  # was {"the"}: the peel stayed a word said, and found fruit peels
    ("coffee without sugar", {"sugar"}),
    ("Fruit salad, no dressing", {"dressing"}),
    # A list of what cooking adds: "or oils" was left a word said, and found "Plantain, cooked with oil".
    ("plantain cooked without fats or oils", {"fat", "oil"}),
    ("beans without salt, oil or sugar", {"salt", "oil", "sugar"}),
    ("coffee without sugar and milk", {"sugar"}),  # the milk may be a food of its own
    # FNDDS's parts left on the plate: "a fried chicken thigh without the coating" was "…, skin / coating eaten".
    ("Chicken thigh, fried, coated, skin / coating not eaten, from restaurant", {"skin", "coating"}),
    ("Chicken leg, drumstick and thigh, stewed, skin not eaten", {"skin"}),
    ("stewed chicken leg, skin not included", {"skin"}),
    # …and taken off: "A fried chicken thigh, with the skin and bone taken off" was the thigh eaten with its skin.
    ("A fried chicken thigh, with the skin and bone taken off", {"skin", "bone"}),
    ("fried chicken thigh, skin removed", {"skin"}),
    ("Fast Foods, Fried Chicken, Thigh, meat only, skin and breading removed", {"skin", "breading"}),
    ("fried chicken thigh and bone taken off", {"bone"}),  # an "and" list only after a comma or an article
    ("fried chicken breast without the skin or breading", {"skin", "breading"}),  # was the breaded fast food
    ("roasted peanuts that don't have any salt added", {"salt"}),  # was unmatched
    ("candy that does not contain chocolate", {"chocolate"}),
    ("broiled peanuts without their husks", {"husk"}),
    ("a slice of bread, minus the crust", {"crust"}),  # was unmatched: the crust found pizzas and pie crusts
    ("Chicken leg, drumstick and thigh, stewed, skin eaten", set()),
    # A maker's meat-free burger has no meat: "raw meat burger" found "2 MEAT FREE BURGERS", its words all said.
    ("2 MEAT FREE BURGERS, 2 MEAT", {"meat"}),
    ("MEAT LOVERS VEGAN BURGERS", {"meat"}),
    ("Pot pie, meatless", {"meat"}),
    ("Meat loaf", set()),
])
def test_what_a_name_rules_out(description, ruled_out):
    assert en_negated_words(description) == ruled_out


def test_dry_heat_is_a_way_of_cooking_not_a_dried_food():
    # "boiled dried fish" was "Fish, monkfish, cooked, dry heat".
    assert en_tokens("Fish, monkfish, cooked, dry heat") == ["fish", "monkfish", "cooked", "dryheat"]


def test_a_poppy_seed_is_written_apart_on_both_sides():
    # SR writes "Oil, poppyseed" and "Spices, poppy seed": the joined word made "poppy seeds" the oil.
    assert en_tokens("Oil, poppyseed") == ["oil", "poppy", "seed"]
    assert en_tokens("poppy seeds") == ["poppy", "seed"]


def test_a_chop_suey_is_no_chop():
    # "70 grams of frying beef chop" was "Beef chow mein or chop suey, no noodles".
    assert en_tokens("Beef chow mein or chop suey, no noodles") == ["beef", "chow", "mein", "chopsuey", "no", "noodle"]
    assert en_tokens("beef chop") == ["beef", "chop"]


@pytest.mark.parametrize("typed, words", [
    ("apple w/peel", ["apple", "peel"]),  # was unmatched: "w" is no food word
    ("ORANGE JUICE W/SUGAR", ["orange", "juice", "sugar"]),
])
def test_with_written_short(typed, words):
    assert en_tokens(typed) == words


def test_without_written_short_rules_out():
    assert en_negated_words("rice w/o salt") == {"salt"}


@pytest.mark.parametrize("description, skin_only", [
    ("Potatoes, raw, skin", True),
    ("Chicken skin", True),
    ("Chicken, skin (drumsticks and thighs), raw", True),
    ("Potatoes, baked, skin only, with salt", True),
    ("Apples, raw, with skin", False),
    ("Potatoes, flesh and skin, raw", False),
    ("Squash, summer, zucchini, includes skin, raw", False),
    ("Sweet potato, cooked, baked in skin, flesh, without salt", False),
    ("Chicken, NS as to part, baked, skin eaten", False),
])
def test_the_skin_alone_is_a_form_of_its_own(description, skin_only):
    assert ("skinonly" in en_tokens(description)) is skin_only


def test_cocoa_not_reconstituted_is_not_cocoa_reconstituted():
    # "cocoa powder mix reconstituted with water" was "Cocoa powder, not reconstituted": the word said was there.
    assert "reconstituted" not in en_tokens("Cocoa powder, not reconstituted")
    assert "reconstituted" in en_tokens("Milk, dry, whole, reconstituted")


@pytest.mark.parametrize("said, usda_words", [
    ("cocoa", "hot chocolate cocoa ready to drink"),  # was "Oil, cocoa butter", 884 kcal per 100 g
    ("a hot chocolate", "hot chocolate cocoa ready to drink"),
    ("cocoa powder", "cocoa powder"),  # said with more, as said
])
def test_cocoa_said_alone_is_the_drink(said, usda_words):
    assert en_in_usda_words(said) == usda_words


def test_a_colour_said_is_no_food_word(matcher):
    # "1106g of light-colored boiled sweet potatoes" was unmatched: "colored" is in no description.
    tokens = matcher._query_tokens(en_in_usda_words("light-colored boiled sweet potatoes"), frozenset())
    assert "colored" not in tokens and "potato" in tokens


def test_positions_held_are_those_of_isin_whichever_array_is_shorter():
    rng = np.random.default_rng(7)
    for _ in range(20):
        pool = np.unique(rng.integers(0, 500, rng.integers(1, 200)))
        postings = np.unique(rng.integers(0, 500, rng.integers(1, 200)))
        assert _positions_held(pool, postings).tolist() == np.flatnonzero(np.isin(pool, postings)).tolist()


@pytest.mark.parametrize("row", [
    "name,roasted beef|beef, roasted,beef roast,why",  # an unquoted comma: "beef" became " roasted"
    "phrase,a||b,c,why",  # an empty spelling would match every name
    "spelling,tea,tea,why",  # no such kind
])
def test_a_malformed_phrase_row_is_an_error_naming_the_file_and_line(tmp_path, row):
    table = tmp_path / "en_phrases.csv"
    table.write_text("kind,said,usda_words,why,unless_said\nphrase,soft drink,carbonated beverage,\n" + row + "\n")
    with pytest.raises(ValueError, match=rf"{table}:3: "):
        load_en_phrases(table)


def test_the_project_phrase_table_loads():
    assert len(load_en_phrases()) > 100


# Forty vegetables SR cooks in salted water: their "with salt" is a descriptor, so each is one food word long,
# as long as "Salt, table", and a bare "salt" shortlisted thirty of them and left the salt out.
SALTED_VEGETABLES = ("asparagus beet borage broccoli cabbage carrot cauliflower celeriac chard collard corn cress "
                     "dandelion eggplant endive fennel kale kohlrabi leek lentil mushroom mustard okra onion parsnip "
                     "pea potato pumpkin radish rutabaga salsify shallot spinach squash taro turnip yam zucchini "
                     "artichoke amaranth").split()


def test_the_food_headed_by_the_word_said_is_shortlisted_among_many_as_short(tmp_path, engine):
    from foodca.importers.service import import_usda

    release = tmp_path / "salted"
    release.mkdir()
    everyday = Path(__file__).resolve().parents[1] / "fixtures" / "usda" / "everyday_names"
    for name in ("measure_unit.csv", "nutrient.csv"):
        (release / name).write_text((everyday / name).read_text())
    names = [f"{vegetable.capitalize()}, cooked, boiled, drained, with salt" for vegetable in SALTED_VEGETABLES]
    names.append("Salt, table")
    foods = ['"fdc_id","data_type","description","food_category_id","publication_date"']
    nutrients = ['"id","fdc_id","nutrient_id","amount","data_points","derivation_id","min","max","median",'
                 '"footnote","min_year_acquired"']
    for number, name in enumerate(names, start=1):
        foods.append(f'"{900000 + number}","sr_legacy_food","{name}","",""')
        nutrients.append(f'"{number}","{900000 + number}","1008","{0 if name.startswith("Salt") else 30}",'
                         '"","","","","","",""')
    (release / "food.csv").write_text("\n".join(foods) + "\n")
    (release / "food_nutrient.csv").write_text("\n".join(nutrients) + "\n")
    (release / "food_portion.csv").write_text('"id","fdc_id","seq_num","amount","measure_unit_id",'
                                              '"portion_description","modifier","gram_weight","data_points",'
                                              '"footnote","min_year_acquired"\n')
    import_usda(engine, [str(release)], download_dir=tmp_path, report_dir=None, progress=False)
    salted = Matcher(FoodIndex.build(engine))
    assert len(SALTED_VEGETABLES) > SHORTLIST
    assert matched_name(salted, "salt") == "Salt, table"
    assert matched_name(salted, "salt for seasoning") == "Salt, table"


@pytest.mark.parametrize("name, tokens", [
    # How thick a steak or a slice was cut is no word of the food: "a thick tenderloin steak" was unmatched on the
    # full tables, "a thick round steak" a maker's "THICK CUT HAM STEAK".
    ("thick tenderloin steak", ["tenderloin", "steak"]),
    ("thin slice of bologna", ["slice", "bologna"]),
    # A crust's thickness, or a mint's, is a word of the food.
    ("thick crust pizza", ["thick", "crust", "pizza"]),
    ("thin mints", ["thin", "mint"]),
])
def test_how_thick_a_cut_of_meat_is_no_word_of_the_food(matcher, name, tokens):
    assert matcher._query_tokens(name, frozenset()) == tokens

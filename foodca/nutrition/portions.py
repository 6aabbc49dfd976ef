"""Grams for an item: stated weight, stated volume, a household measure of the food, unit tables, the model."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from foodca.matching.text import zh_core
from foodca.nlp.items import SHARE_DENOMINATORS, SplitItem, WEIGHT_UNITS_G

ZH_ALIASES_CSV = Path(__file__).resolve().parent.parent / "data" / "zh_aliases.csv"
ML_PER_CUP = 236.6
SIZE_FACTOR = {"small": 0.7, "medium": 1.0, "large": 1.4}
ZH_SIZE_PREFIX = {"small": "小", "medium": "中", "large": "大"}
EN_VOLUME_ML = {"cup": ML_PER_CUP, "tbsp": 14.8, "tsp": 4.9, "glass": 250.0, "can": 355.0, "bottle": 500.0,
                "fl oz": 29.57, "bowl": 1.5 * ML_PER_CUP,
                # Kitchen measures: a pinch 1/16 tsp, a dash 1/8 tsp; a splash or a dollop about a tablespoon;
                # a drizzle, a sprinkle or a dab about a teaspoon; a shot 1.5 fl oz; a drop 0.05 ml.
                "pinch": 0.31, "dash": 0.62, "splash": 14.8, "dollop": 14.8, "drizzle": 4.9, "sprinkle": 4.9,
                "dab": 4.9, "shot": 44.4, "drop": 0.05}
# A maintained table of typical weights of one household unit, when neither the food's own measures nor
# the alias table know better: mainland-China servings for Chinese units (中国居民膳食指南2022, 标准份),
# US servings for English ones. Liquids in ml.
UNIT_DEFAULT_G = {
    "碗": 220.0, "盘": 300.0, "碟": 150.0, "份": 200.0, "笼": 200.0, "屉": 200.0, "杯": 250.0, "瓶": 500.0,
    "罐": 330.0, "听": 330.0, "盒": 250.0, "袋": 200.0, "包": 100.0, "勺": 10.0, "汤勺": 15.0, "茶匙": 5.0,
    "串": 30.0, "把": 25.0, "颗": 5.0, "粒": 1.0, "撮": 1.0, "滴": 0.05, "个": 100.0, "只": 100.0, "根": 100.0,
    "片": 30.0, "块": 50.0, "条": 100.0, "张": 50.0, "枚": 50.0, "节": 50.0, "段": 50.0,
    "slice": 30.0, "piece": 50.0, "plate": 300.0, "serving": 150.0, "order": 150.0, "handful": 30.0,
    "scoop": 30.0, "packet": 30.0, "bar": 50.0, "stick": 10.0,
}
SOUP_WORDS = re.compile(r"粥|汤|羹|豆腐脑|面条|米线|粉|馄饨|水饺")


@dataclass
class Grams:
    grams: float | None
    basis: str  # stated | stated_volume | food_portion | unit_table | unit_default | model | default_serving
    weighed_as: str | None = None  # fdc_id of the alias food whose unit weight or recipe share gave the grams


# A unit weight or a recipe's share of one of these foods is of the food cooked: 一碗挂面 is 250 g of boiled noodles.
_COOKED_FOOD = re.compile(r"\b(?:cooked|boiled)\b", re.IGNORECASE)
# At this many times the cooked food's energy, a food matched that is mostly starch is its dry form (挂面 353 kcal
# against 138 boiled). Not crab or shrimp meat, whose tables differ for other reasons than water.
DRY_FORM_ENERGY_RATIO = 1.8
DRY_STARCH_MIN_CARB_G = 60.0


def as_dry_weight(grams: Grams, weighed_as_name: str, weighed_as_kcal: float | None, food_kcal: float | None,
                  food_carb_g: float | None) -> Grams:
    """Grams of the dry food that a weight of the cooked one stands for.

    The alias table weighs a bowl of 挂面 as boiled noodles, but the CFCT's 挂面 is the dry noodles: 250 g of them
    would be 880 kcal, three bowls' worth. The water the noodles took up is taken off by energy, the cooked food's
    against the dry one's, so the bowl keeps the energy of boiled noodles and the dry food's nutrients."""
    if (grams.grams and weighed_as_kcal and food_kcal and _COOKED_FOOD.search(weighed_as_name)
            and food_kcal >= DRY_FORM_ENERGY_RATIO * weighed_as_kcal and (food_carb_g or 0) >= DRY_STARCH_MIN_CARB_G):
        return Grams(grams.grams * weighed_as_kcal / food_kcal, grams.basis + "_as_dry", grams.weighed_as)
    return grams


def zh_unit_weights() -> dict[str, dict[str, float]]:
    """Chinese name → {unit: grams} from the project's alias table (小碗, 大杯 carry their size) and dish table."""
    return _zh_unit_tables()[0]


@lru_cache(maxsize=1)
def _zh_unit_tables() -> tuple[dict[str, dict[str, float]], dict[str, str]]:
    """The unit weights by name, and by name the fdc_id of the alias food whose row they come from."""
    table: dict[str, dict[str, float]] = {}
    weighed_as: dict[str, str] = {}
    with open(ZH_ALIASES_CSV, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            weights = {}
            for pair in filter(None, (row.get("unit_weights") or "").split("|")):
                unit, _, grams = pair.partition(":")
                try:
                    weights[unit.strip()] = float(grams)
                except ValueError:
                    continue
            if weights:
                for name in filter(None, row["zh_names"].split("|")):
                    if row["fdc_id"]:
                        if zh_core(name) not in table:
                            table[zh_core(name)] = weights
                            weighed_as[zh_core(name)] = row["fdc_id"]
                    else:
                        # A row of unit weights only is about that name: 鲫鱼 is a carp of our alias table, but
                        # a much smaller fish than the 鲤鱼 whose weights its row carries.
                        table[zh_core(name)] = weights
                        weighed_as.pop(zh_core(name), None)
    from foodca.nutrition.dishes import dishes_by_name

    for name, dish in dishes_by_name().items():
        if dish.unit_weights:
            table.setdefault(name, dish.unit_weights)
    return table, weighed_as


@lru_cache(maxsize=1)
def zh_alias_foods() -> dict[str, str]:
    """Chinese name → fdc_id of the USDA food our alias table gives it (the first row that names it)."""
    foods: dict[str, str] = {}
    with open(ZH_ALIASES_CSV, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["fdc_id"]:
                for name in filter(None, row["zh_names"].split("|")):
                    foods.setdefault(zh_core(name), row["fdc_id"])
    return foods


def decide_grams(item: SplitItem, *, food_names_zh: list[str], portions: list[dict], food_name: str = "") -> Grams:
    """The grams eaten and the basis, in the product's order of trust."""
    if item.grams is not None and item.grams_source == "stated":
        yield_per_gram = _cooked_per_dry_gram(item, portions)
        if yield_per_gram:
            # "1 ounce of dry Cream of Wheat made with water" is the cooked cereal that ounce yields (205 g), not an
            # ounce of the cooked cereal: 3 g of carbs against 21.
            return Grams(item.grams * yield_per_gram, "stated_dry_yield")
        return Grams(item.grams, "stated")  # "0g of chili peppers" said is none at all, not a serving
    if item.grams and item.grams_source == "recipe":
        return Grams(item.grams, "dish_recipe", zh_alias_foods().get(zh_core(item.name)))
    if item.grams and item.grams_source == "shared":
        return Grams(item.grams, "stated_shared")  # one weight said for two foods, shared by their usual servings
    quantity = item.quantity if item.quantity else 1.0
    if item.volume_ml:
        return Grams(item.volume_ml * _density(portions), "stated_volume")
    if item.unit or item.size or item.quantity:
        from_food = _from_food_portions(item, portions, food_name)
        if from_food is not None:
            return Grams(quantity * from_food, "food_portion")
        from_table = _from_zh_table(item, food_names_zh)
        if from_table is not None:
            grams, weighed_name = from_table
            return Grams(quantity * grams, "unit_table", _weighed_as(weighed_name))
    if item.grams and item.grams_source == "model":
        return Grams(item.grams, "model")
    if item.unit in ("serving", "portion"):
        # "a serving of guava paste", "a serving of instant lemon pudding": the food's own usual serving, not 150 g
        # of any food (a paste is eaten by the ounce, a pudding mix by the spoonful).
        serving = _default_serving(item, food_names_zh, portions)
        if serving and serving <= ONE_SERVING_MAX_G:  # not SR's whole fried chicken (708 g)
            return Grams(quantity * serving * SIZE_FACTOR.get(item.size or "medium", 1.0), "default_serving")
    if item.unit:
        default = _unit_default(item, portions)
        if default is not None:
            return Grams(quantity * default, "unit_default")
    serving = _default_serving(item, food_names_zh, portions)
    # "10 chips" with no measure of one chip: ten servings would be far wronger than one.
    servings = quantity if quantity <= 2 else 1.0
    return Grams(servings * serving if serving else None, "default_serving")


# "1 oz, dry, yields" (528 g of couscous), "1 oz dry, yield after cooking": FNDDS's cooked grains and beans.
_DRY_YIELD = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*oz\b,?\s*dry,?\s*yield", re.IGNORECASE)
_DRY_SAID = re.compile(r"\b(?:dry|dried|uncooked)\b(?![\s-]+(?:heat|mix|roast|roasted|weight))", re.IGNORECASE)


def _cooked_per_dry_gram(item: SplitItem, portions: list[dict]) -> float | None:
    """Grams of the cooked food one gram of it dry yields, when a dry weight was said of a food matched cooked."""
    if not _DRY_SAID.search(item.said or ""):
        return None
    for portion in portions:
        found = _DRY_YIELD.match(portion.get("description") or "")
        if found and portion["gram_weight"]:
            return portion["gram_weight"] / (float(found.group(1)) * WEIGHT_UNITS_G["oz"])
    return None


_VOLUME_PORTION = re.compile(r"^\s*[\d/.\s]*(cups?|tablespoons?|tbsp|teaspoons?|tsp|fl oz|fluid ounces?)\b")
_ML_PER = {"cup": ML_PER_CUP, "tablespoon": 14.79, "tbsp": 14.79, "teaspoon": 4.93, "tsp": 4.93,
           "fl oz": 29.57, "fluid ounce": 29.57}


def _density(portions: list[dict]) -> float:
    """Grams per ml of the food, from any of its volume measures (cup, tablespoon, teaspoon, fl oz)."""
    for portion in portions:
        found = _VOLUME_PORTION.match((portion.get("description") or "").lower())
        if found and portion["gram_weight"]:
            word = found.group(1)
            ml = _ML_PER.get(word) or _ML_PER.get(word.rstrip("s"))
            if ml:
                return min(max(_per_one(portion) / ml, 0.05), 1.6)
    return 1.0


# The sizes candies and snacks are sold in, as USDA's measures name them ("1 miniature/bite size/fun size").
_PACKAGE_SIZES = frozenset({"fun", "snack", "bite", "sharing", "theater", "king"})
# Words a food's measures use for the unit said: a piece of pie is "1 slice"; tbsp is "tablespoon".
UNIT_SYNONYMS = {"tbsp": "tablespoon", "tsp": "teaspoon", "piece": "piece slice wedge fillet steak",
                 "slice": "slice piece", "strip": "strip slice",
                 "bowl": "bowl", "packet": "packet package", "bar": "bar",
                 # "a small bag of M&Ms" is SR's "1 package (1.69 oz)" (was one candy, 0.7 g)
                 "bag": "bag package packet", "pack": "pack package packet",
                 # "a large portion of French fries from McDonald's" is SR's "1 large serving" (was 99 g).
                 "portion": "portion serving order", "order": "order serving"}
# Kitchen measures, never one whole of the food; the bigger ones too: "whey" was SR's "1 quart" of it, 984 g.
_MEASURE_WORDS = re.compile(r"\b(cups?|tbsp|tablespoons?|tsp|teaspoons?|oz|ounces?|fl|g|ml|lbs?|pounds?|liters?|litres?|"
                            r"quarts?|pints?|gallons?|qt|pt|gal)\b")
_PORTION_STOP = frozenset("of a an the and or with without nfs ns quantity not specified".split())
_LEADING_MEASURE = re.compile(r"^\s*[\d/.\s]*(cups?|tbsp|tablespoons?|tsp|teaspoons?|oz|ounces?|fl oz|g|ml|lbs?|pounds?)\b")
_LABELLED_SERVING = re.compile(r"^\s*[\d.]+\s*(?:oza|onz|grm|mlt)\b")
_ONE_SERVING = re.compile(r"^\s*1\s+(?:serving|portion|nlea serving)\b")
_ONE_CONTAINER = re.compile(r"^\s*1\s+(?:can|bottle|drink|carton|box|pouch|container|glass)\b")
_LENGTH_FIRST = re.compile(r"^\s*\d+(?:\.\d+)?\s*(?:-\s*)?(?:inch|in\b|\"|cm\b)", re.IGNORECASE)
_LEADING_AMOUNT = re.compile(r"^\s*(\d+(?:\.\d+)?)(?:\s*/\s*(\d+)|\s+(\d+)\s*/\s*(\d+))?")


_INCHES_SAID = re.compile(r"(\d+(?:\.\d+)?)\s*(?:-|\s)?(?:inch|inches|in\b|\")", re.IGNORECASE)
_INCH_RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*\"|(\d+(?:\.\d+)?)\s*\"")
_WHOLE = re.compile(r"\b(?:whole|entire|full|complete)\b(?![\s-]*(?:wheat|grain|milk|egg|food|bean|kernel|fat|cream))",
                    re.IGNORECASE)
_MINIATURE = re.compile(r"\b(?:miniature|mini|fun size|snack size|bite size|bite-size)\b", re.IGNORECASE)
_PART = re.compile(r"\b(?:piece|slice|wedge|surface inch|cubic inch)\b")
_INCH_MEASURE_SAID = re.compile(r"\b(surface|square|cubic)[\s-]+inch\b", re.IGNORECASE)
# A cup "in shell, edible yield" is the kernels of a cup of nuts in their shells: "a cup of sunflower seed kernels"
# was "1 cup, with hulls, edible yield" (46 g), not "1 cup" (140 g).
_IN_SHELL = re.compile(r"\b(?:in|with)\s+(?:the\s+)?(?:shells?|hulls?)\b", re.IGNORECASE)
_SHELL_SAID = re.compile(r"\b(?:shells?|hulls?|unshelled|unhulled)\b", re.IGNORECASE)


_SHARE_SAID = re.compile(rf"\b(?:one|an?)[- ]({'|'.join(SHARE_DENOMINATORS)})\s+of\b(?!\s+an?\s+inch)|\b1/(\d+)\s+of\b",
                         re.IGNORECASE)
_SHARE_MEASURE = re.compile(r"\(1/(\d+)\b")  # "1 piece (1/6 of 8" pie)", "1 piece (1/8 cake)"


def _piece_of_the_share_said(said: str | None, portions: list[dict]) -> tuple[dict, int] | None:
    found = _SHARE_SAID.search(said or "")
    if not found:
        return None
    denominator = SHARE_DENOMINATORS[found.group(1).lower()] if found.group(1) else int(found.group(2))
    for portion in portions:
        measure = _SHARE_MEASURE.search(portion.get("description") or "")
        if measure and int(measure.group(1)) == denominator:
            return portion, denominator
    return None


def _said_inches(said: str | None) -> float | None:
    found = _INCHES_SAID.search(said or "")
    return float(found.group(1)) if found else None


def _inches_fit(description: str, inches: float) -> bool:
    for low, high, exact in _INCH_RANGE.findall(description):
        if exact and abs(float(exact) - inches) < 0.5:
            return True
        if low and float(low) - 0.5 <= inches <= float(high) + 0.5:
            return True
    return False


def _portion_words(text: str) -> set[str]:
    words = re.findall(r"[a-z]+|\d+(?=\s*(?:\"|-?inch|in\b))", text.lower())
    return {w.rstrip("s") if len(w) > 3 else w for w in words if w not in _PORTION_STOP}


def _name_words(name: str) -> set[str]:
    """A food's name as portion words, with the singular of "-oes" and "-ies" plurals too: "Tomatoes, raw" names
    the tomato of "a tomato" ("tomatoes" less its s is "tomatoe"), "Cherries" the cherry."""
    words = _portion_words(name)
    for word in re.findall(r"[a-z]+", name.lower()):
        if len(word) > 4 and word.endswith("ies"):
            words.add(word[:-3] + "y")
        elif len(word) > 4 and word.endswith("es"):
            words.add(word[:-2])
    return words


# How a food's measures describe one of it, for a count said with no unit or size ("a tomato", "two bagels").
_TYPICAL = re.compile(r"\b(?:whole|medium|regular|standard|fruit|any size|nfs|ns as to size)\b")
_OF_ANY_ONE = frozenset(_portion_words("whole medium regular standard fruit any size nfs ns as to"))
# "any cut", "NS as to shape": whichever one, not a kind of it.
_ANY_KIND = re.compile(r"\b(?:any|ns as to) [a-z]+")
_PART_OF_ONE = frozenset(_portion_words("slice piece wedge chunk strip stick ring leaf cube inch segment section spear "
                                        "floret floweret sprig half halves cut bit crumb yield round"))
_SMALLER_KIND = frozenset(_portion_words("miniature mini bite baby grape cherry cocktail fun snack petite slider"))
_SIZE_WORDS = frozenset(_portion_words("small thin large thick extra jumbo king giant long foot"))
_CONTAINER = frozenset(_portion_words("order bag package can tub box jar pouch container bottle carton sleeve packet "
                                      "pack meal bucket"))
# One piece lighter than this (a fry, a chip, a nut) is not what a size said is about.
ONE_PIECE_OF_A_SERVING_G = 15.0
_KNOWN_MEASURE_WORDS = _OF_ANY_ONE | _PART_OF_ONE | _SMALLER_KIND | _SIZE_WORDS | _CONTAINER
# One whole pie, cake, large pizza, loaf or roast is many servings: "a pecan pie" eaten is a piece of one.
ONE_SERVING_MAX_G = 400.0
# A size said of a food this heavy whole is of a piece of it: a large pie, a watermelon. A medium pizza (691 g) is
# eaten whole.
ONE_WHOLE_EATEN_MAX_G = 1000.0


def _per_one(portion: dict) -> float:
    """Grams of one unit of a portion: "2 tablespoon" = 35.8 g → 17.9 g; "1/2 cup" = 60 g → 120 g."""
    amount = portion.get("amount") or 1.0
    description = portion.get("description") or ""
    if _LENGTH_FIRST.match(description):
        return portion["gram_weight"]  # "12 inch sub" = 381 g is one sub of that length, not 12 of 31.75 g
    leading = _LEADING_AMOUNT.match(description)
    if leading:
        whole, numerator, mixed_num, mixed_den = leading.groups()
        # A zero below the stroke is no fraction: a maker's "4/0.48 Bites (48.76 g)" divided by zero.
        if numerator and float(numerator):
            amount = float(whole) / float(numerator)
        elif mixed_num and float(mixed_den):
            amount = float(whole) + float(mixed_num) / float(mixed_den)
        else:
            amount = float(whole)
    return portion["gram_weight"] / (amount or 1.0)


def _from_food_portions(item: SplitItem, portions: list[dict], food_name: str = "") -> float | None:
    """A measure of the matched food itself: "1 cup" = 158 g of rice, "1 large" egg = 50 g, "1 pie" = 900 g.

    The portion whose words overlap most with what was said wins (unit, size, "pie", "sleeve", '14"');
    with nothing in common, the food's typical whole one ("1 whole", "1 regular", "1 fruit", "1 bagel")."""
    if not portions or (item.unit and not item.unit.isascii()):
        return None
    inch_said = _INCH_MEASURE_SAID.search(item.said or "")
    if inch_said:
        # FNDDS measures pies, pizzas and lasagnas by the "1 surface inch", quiches and cakes by the "1 cubic inch":
        # "a slice of key lime pie that measures one surface inch" was the slice (150 g), not the square inch (19 g).
        measure = "cubic inch" if inch_said.group(1).lower() == "cubic" else "surface inch"
        by_the_inch = next((p for p in portions if measure in (p.get("description") or "").lower()), None)
        if by_the_inch is not None:
            return _per_one(by_the_inch)
    share_piece = _piece_of_the_share_said(item.said, portions)
    if share_piece is not None:
        piece, denominator = share_piece
        # "one-sixth of an 8-inch pie" is SR's "1 piece (1/6 of 8" pie)": the share said is that piece, whether it
        # was said as the count (a sixth of the whole pie) or beside one ("a slice, one-eighth of the cake").
        # One piece of it, even where SR counts the share ("0.125 pie 1 pie (1/8 of 9" pie)", 131 g).
        one = piece["gram_weight"] / max(piece.get("amount") or 1.0, 1.0)
        quantity = item.quantity or 1.0
        return one * denominator if abs(quantity * denominator - 1) < 0.01 else one
    unit = (item.unit or "").lower()
    # The food's own name says nothing about the amount: "a strawberry pie" is not "1 pie, any size".
    said = _portion_words(f"{item.said} {unit} {item.size or ''}") - _name_words(food_name)
    unit_words = _portion_words(UNIT_SYNONYMS.get(unit, unit))
    said |= unit_words
    if unit_words:
        # The unit said decides first ("a cup of peanuts" is never "1 peanut"); other words break ties. A package
        # size said is as good as the unit: "a fun size piece of hard candy" is "1 miniature/bite size/fun size",
        # not "1 piece" (5 g), and "a king-size package of gummy candy" "1 large/king size".
        named = unit_words | (said & _PACKAGE_SIZES)
        portions = [p for p in portions if named & _portion_words(p.get("description") or "")]
    else:
        portions = _not_kitchen_measures(portions)
    inches = _said_inches(item.said)
    whole = bool(_WHOLE.search(item.said or ""))
    # A diameter or "extra-large" said of the food itself ("a 14-inch pizza") is the whole item, unless a piece
    # or slice was said; "a small cake" is usually a small piece.
    big = inches is not None or re.search(r"\bextra[\s-]?large\b", item.said or "", re.IGNORECASE)
    part_said = bool(_PART.search((item.said or "").lower()))
    sized_whole = bool(big) and not part_said and not unit
    # A food measured by one of itself ("1 cracker") said with no unit is counted so, whatever size is said; a food
    # that is not ("a large popcorn") may be the package that size names ("1 large single serving bag").
    described = [_portion_words(portion.get("description") or "") for portion in portions]
    own_words = _name_words(f"{food_name} {item.name or ''}")
    one_of_it = not unit_words and any(own_words & words for words in described)
    best, best_overlap = None, 0
    for portion, words in zip(portions, described):
        description = portion.get("description") or ""
        overlap = len(words & said)
        if inches is not None and _inches_fit(description, inches):
            overlap += 2  # a 14-inch pizza is the "large pizza (13-15" diameter)"
        leading_measure = _LEADING_MEASURE.match(description.lower())
        if unit_words and leading_measure and not unit_words & _portion_words(leading_measure.group(1)):
            overlap -= 0.5  # "5 slices of ginger" are "5 slices (1" dia)", not "0.25 cup slices" (96 g a slice)
        if one_of_it and _CONTAINER & words - said:
            overlap -= 1  # "a small cracker" is one cracker (3 g), not "1 small or medium single serving bag" (45 g)
        if _IN_SHELL.search(description) and not _SHELL_SAID.search(item.said or ""):
            overlap -= 0.5
        if not unit_words and not part_said and (words & _PART_OF_ONE) - own_words - said:
            overlap -= 0.25  # "a small cantaloupe" is "1 small melon" (440 g), not "1 small wedge/slice" (35 g)
        elif not unit_words and not whole and not sized_whole and _per_one(portion) > ONE_WHOLE_EATEN_MAX_G:
            overlap -= 0.5  # …but "a medium watermelon" is a wedge of one (325 g), not the melon (5.2 kg)
        if _MINIATURE.search(description) and not _MINIATURE.search(item.said or ""):
            overlap -= 0.5  # "a bar of milk chocolate" is "1 bar (1.55 oz)", not "1 bar, miniature" (7 g)
        if whole:
            # "a whole pie" is "1 pie", never "1 slice".
            overlap += -2 if _PART.search(description.lower()) else 1
        elif sized_whole and not _PART.search(description.lower()) and not _MEASURE_WORDS.search(description.lower()):
            overlap += 0.5
        # The package size said outweighs the size it stands for: "sharing size" is "1 sharing/movie theater size",
        # not the "1 large/king size" its "large" also overlaps.
        overlap += 0.5 * len(said & _PACKAGE_SIZES & words)
        if overlap > best_overlap:
            best, best_overlap = portion, overlap
    if best is not None:
        return _per_one(best)
    if unit:
        return None
    food_words = _name_words(f"{food_name} {item.name or ''}") - _OF_ANY_ONE
    small_said = item.size == "small"
    chosen = _typical_portion(portions, food_words, small_said, _name_words(item.name or "") - _OF_ANY_ONE)
    if chosen is None:
        return None
    grams = _per_one(chosen)
    chosen_words = _portion_words(chosen.get("description") or "")
    # A size said that no measure names scales the typical one; "a small candy" said of a food with a miniature
    # or a small kind is that kind as it is.
    sized = "medium" in chosen_words or (small_said and chosen_words & (_SMALLER_KIND | {"small"}))
    unspecified = _unspecified(portions)
    plural_said_as_one = (item.quantity or 1) == 1 and (item.name or "").endswith("s")
    if item.size and not sized and plural_said_as_one and grams < ONE_PIECE_OF_A_SERVING_G and unspecified:
        # "a large fries": one of a plural, sized, is the size of a serving, not of one fry ("a small cracker" is one).
        return unspecified["gram_weight"] * SIZE_FACTOR[item.size]
    return grams * SIZE_FACTOR.get(item.size or "medium", 1.0) if item.size and not sized else grams


def _not_kitchen_measures(portions: list[dict]) -> list[dict]:
    """No unit said: "two eggs" means eggs, never "1 cup (4.86 large eggs)"."""
    return [p for p in portions if not _MEASURE_WORDS.search((p.get("description") or "").lower())]


def _typical_portion(portions: list[dict], food_words: set[str], small_said: bool,
                     named: frozenset[str] | set[str] = frozenset()) -> dict | None:
    """Of the measures that count the food, the one most surely a typical whole one (see _typical_one)."""
    countable = [p for p in portions if "quantity not specified" not in (p.get("description") or "").lower()
                 and "serving" not in (p.get("description") or "").lower()]
    if not countable:
        return None
    scores = [_typical_one(p, food_words, small_said, named) for p in countable]
    return countable[scores.index(max(scores))]


def _unspecified(portions: list[dict]) -> dict | None:
    """FNDDS's "Quantity not specified": the serving a survey assumes when nobody said how much."""
    return next((p for p in portions if "quantity not specified" in (p.get("description") or "").lower()), None)


def _typical_one(portion: dict, food_words: set[str], small_said: bool,
                 named: frozenset[str] | set[str] = frozenset()) -> float:
    """How surely a measure is one whole, typical item of the food, for a count said with no unit.

    Users mean the typical whole one ("1 whole", "1 medium", "1 regular", "1 fruit", "1 bagel"), never a slice,
    a miniature, a grape tomato or a bag of them, unless the food comes only so. FNDDS often lists those first."""
    description = (portion.get("description") or "").lower()
    words = _portion_words(_ANY_KIND.sub(" ", description))
    own = words - _OF_ANY_ONE
    score = 0.0
    if _TYPICAL.search(description):
        score += 2
    if own and own <= food_words:
        score += 2  # "1 banana", "1 breast", "1 pancake": the food itself, no other kind
        if own & named and _per_one(portion) <= ONE_SERVING_MAX_G:
            # Of a food's forms its name lists, the one said: "a hash brown patty" is "1 patty" (53 g) of "Hash
            # browns, round pieces or patty", not "1 round piece" (5.5 g).
            score += 0.5
    # A word that names the food itself is not a part or a kind of it: "1 chip" of chips, "1 cherry" of cherries.
    if (words & _PART_OF_ONE) - food_words:
        score -= 3
    if (words & _SMALLER_KIND) - food_words:
        score += 1 if small_said else -3
    if (words & _SIZE_WORDS) - food_words:
        score -= 1
    if (words & _CONTAINER) - food_words:
        score -= 2
    if _per_one(portion) > ONE_SERVING_MAX_G:
        score -= 5
    if not food_words:
        # Nothing said at all (a usual serving): among equals the plainer measure, "1 slice" of toast before
        # "1 slice crust not eaten".
        score -= 0.1 * len(words - _KNOWN_MEASURE_WORDS)
    return score


def _from_zh_table(item: SplitItem, food_names_zh: list[str]) -> tuple[float, str] | None:
    """The weight of the unit said, and the name whose weights gave it."""
    table = zh_unit_weights()
    unit = item.unit or ""
    for name in [zh_core(item.name), *(zh_core(n) for n in food_names_zh if n)]:
        weights = table.get(name)
        if not weights:
            continue
        if not unit:
            # No unit said: the first unit of the row that is no bigger than a serving ("cabbage" was 1000 g, a
            # head, 一棵 of 白菜; now 一片), else the smallest.
            fits = [grams for grams in weights.values() if grams <= ONE_SERVING_MAX_G]
            return (fits[0] if fits else min(weights.values())), name
        if item.size and ZH_SIZE_PREFIX[item.size] + unit in weights:
            return weights[ZH_SIZE_PREFIX[item.size] + unit], name
        if unit in weights:
            return weights[unit] * SIZE_FACTOR.get(item.size or "medium", 1.0), name
    return None


def _weighed_as(name: str) -> str | None:
    """The alias food whose row gave `name` its unit weights; none for a dish's or a weights-only row's."""
    return _zh_unit_tables()[1].get(name)


def _unit_default(item: SplitItem, portions: list[dict]) -> float | None:
    unit = item.unit or ""
    factor = SIZE_FACTOR.get(item.size or "medium", 1.0)
    if unit in EN_VOLUME_ML:
        return EN_VOLUME_ML[unit] * _density(portions) * factor
    grams = UNIT_DEFAULT_G.get(unit)
    if grams is None:
        return None
    if unit == "碗" and SOUP_WORDS.search(item.name):
        grams = 350.0  # a bowl of porridge, soup or noodles in broth weighs more than a bowl of rice
    return grams * factor


def _default_serving(item: SplitItem, food_names_zh: list[str], portions: list[dict]) -> float | None:
    """Nothing said about the amount: the food's usual serving."""
    from_table = _from_zh_table(SplitItem(said=item.said, name=item.name, language=item.language), food_names_zh)
    if from_table is not None:
        return from_table[0]
    unspecified = _unspecified(portions)
    if unspecified:
        return unspecified["gram_weight"]
    labelled = next((p for p in portions if _ONE_SERVING.match((p.get("description") or "").lower())), None)
    if labelled and labelled["gram_weight"]:
        # SR's own serving: "1 portion, amount to make 1/2 cup" of a pudding mix (25 g), not its "1 package" (99 g).
        return _per_one(labelled)
    if portions:
        typical = _typical_portion(_not_kitchen_measures(portions), set(), small_said=False)
        # A share listed as the measure is the serving as listed: "fried chicken skin" was the skin of a whole
        # chicken (380 g, 1,497 kcal), SR listing "0.5 chicken, skin only" at 190 g.
        grams = typical and (typical["gram_weight"] if 0 < (typical.get("amount") or 1.0) < 1 else _per_one(typical))
        if grams:
            return grams
        first = (portions[0].get("description") or "").lower()
        # Every measure is a kitchen one. A drink measured by the fluid ounce is drunk by the can or the bottle
        # (a soda was its first measure, "1 fl oz", 31 g).
        if "fl oz" in first:
            containers = [p["gram_weight"] for p in portions
                          if _ONE_CONTAINER.match((p.get("description") or "").lower()) and p["gram_weight"]]
            if containers:
                return min(containers)  # the 12-ounce can before the 16-ounce bottle
        if _LABELLED_SERVING.match(first):
            # A product's serving as labelled, "12 OZA (355 g)", is one serving, not twelve of 29.6 g (a medium
            # lemon-lime soda was 30 g).
            return portions[0]["gram_weight"]
        return _per_one(portions[0])
    return None

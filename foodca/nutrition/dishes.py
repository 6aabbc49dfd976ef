"""Dishes as recipes: ingredient shares of the served weight, authored in foodca/data/zh_dishes.csv (Chinese) and
foodca/data/en_dishes.csv (dishes of other countries that no table has, said in English)."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from foodca.matching.text import fold, singular, zh_core
from foodca.nlp.items import SplitItem

ZH_DISHES_CSV = Path(__file__).resolve().parent.parent / "data" / "zh_dishes.csv"
EN_DISHES_CSV = Path(__file__).resolve().parent.parent / "data" / "en_dishes.csv"


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


@dataclass(frozen=True)
class EnDish:
    name: str
    ingredients: tuple[tuple[str, float], ...]  # (English ingredient name in USDA's words, share of the weight)
    serving_g: float


def _en_words(name: str) -> list[str]:
    return re.findall(r"[a-z]+", fold(name))


def _en_dish_key(words: list[str]) -> str:
    return " ".join(singular(word) for word in words)


@lru_cache(maxsize=1)
def en_dishes_by_name() -> dict[str, EnDish]:
    found: dict[str, EnDish] = {}
    with open(EN_DISHES_CSV, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names = [n.strip() for n in row["dish_names"].split("|") if n.strip()]
            ingredients = tuple((name.strip(), float(share)) for name, share in
                                (pair.rsplit(":", 1) for pair in row["ingredients"].split("|") if pair))
            dish = EnDish(names[0], ingredients, float(row["serving_g"]))
            for name in names:
                found.setdefault(_en_dish_key(_en_words(name)), dish)
    return found


# Breads of one or more flours that no table has ("unleavened sorghum and corn bread", Ethiopia's kita; "leavened
# corn bread", a raised loaf): the flours in equal parts, and the water a baked bread keeps. How much water a bread
# keeps goes with its grain more than with its leaven. In GIFT's Ethiopian breads and injeras, weighted by how often
# each was eaten, a bread of corn, millet or teff has 42 % of its flour's energy per 100 g (corn kita 42 %, corn
# loaf 39 %, millet and white teff injera 43 % and 40 %; 811 items), and one of sorghum, barley or wheat 55-57 %.
# A bread of mixed flours is between (corn and sorghum, 50:50: 52 %). The shares were one per leaven, 0.55
# unleavened and 0.5 leavened: the median over dishes, not over what was eaten.
_GRAIN_FLOURS = {"corn": "corn flour whole-grain yellow", "maize": "corn flour whole-grain yellow",
                 "sorghum": "flour sorghum", "millet": "millet flour", "wheat": "flour whole wheat unenriched",
                 "barley": "flour barley", "teff": "teff uncooked", "rice": "rice flour white unenriched"}
# Ethiopia's qita (kita) is an unleavened flatbread: "50g of Qita corn bread" was the US cornbread with egg, milk and
# fat (287 kcal per 100 g).
_GRAIN_BREAD = re.compile(r"(?:(?P<leaven>unleavened|leavened|qita|kita) )?"
                          r"(?:bread (?:made )?(?:from|of|with) (?P<after>[a-z ,]+)|(?P<before>[a-z ,]+?) (?:flour )?bread)")
# With no leaven said, only a bread the tables have no loaf of: of two flours ("corn and sorghum bread" was raw corn)
# or of one they do not bake ("millet bread"); "wheat bread" and "barley bread" are the tables'. "corn bread" in two
# words is a bread of corn flour: Ethiopia's (GIFT: 142-153 kcal per 100 g, 174 intl items) was FNDDS's cornbread
# (287, with egg, milk and fat), which American recipes and FNDDS write as one word, "cornbread".
_BAKED_IN_THE_TABLES = frozenset({"wheat", "rice", "barley"})
_WET_GRAIN_FLOUR_SHARE = 0.42  # corn, millet, teff and rice: any flour not below
_FLOUR_SHARE = {"flour sorghum": 0.55, "flour barley": 0.55, "flour whole wheat unenriched": 0.55}
GRAIN_BREAD_SERVING_G = 100.0


def _grain_bread(key: str) -> EnDish | None:
    found = _GRAIN_BREAD.fullmatch(key)
    if not found:
        return None
    words = [w for w in re.split(r"[\s,]+", found["after"] or found["before"]) if w and w not in ("and", "flour")]
    if not words or any(word not in _GRAIN_FLOURS for word in words):
        return None
    flours = list(dict.fromkeys(_GRAIN_FLOURS[word] for word in words))
    if not found["leaven"] and len(flours) < 2 and set(words) <= _BAKED_IN_THE_TABLES:
        return None
    return _bread_of_flours(key, flours)


def _bread_of_flours(key: str, flours: list[str]) -> EnDish:
    """The named flours in equal parts, at the mean of their flour shares; the rest the water the bread keeps."""
    share = sum(_FLOUR_SHARE.get(flour, _WET_GRAIN_FLOUR_SHARE) for flour in flours) / len(flours)
    return EnDish(key, (*((flour, share / len(flours)) for flour in flours), ("water", 1 - share)),
                  GRAIN_BREAD_SERVING_G)


# Injera of flours other than teff ("injera made from corn, millet and sorghum", "fermented corn injera"): FNDDS's
# injera is teff's, at 87 kcal per 100 g. These are leavened flatbreads of the flours named, read as the breads above.
_INJERA_WORDS = frozenset({"injera", "leavened", "fermented", "made", "from", "with", "of", "and", "that", "s", "which",
                           "is", "been", "a", "blend", "mix", "red", "white", "brown", "half", "equal", "part",
                           "parts", "mixture", "combination"})


def _injera(key: str) -> EnDish | None:
    """An injera is a leavened bread of its flours, teff's when none is named. FNDDS's "Injera, Ethiopian bread" is
    87 kcal per 100 g, a quarter teff flour; GIFT's Ethiopian injeras are 145-184 (white teff 145, red teff 156-165,
    with corn 179), as a batter of 42 % flour baked. "injera" said alone was FNDDS's (100 intl items)."""
    words = key.split()
    if "injera" not in words:
        return None
    grains = [word for word in words if word not in _INJERA_WORDS] or ["teff"]
    if any(word not in _GRAIN_FLOURS for word in grains):
        return None  # "injera with lentil stew": not a bread of flours
    return _bread_of_flours(key, list(dict.fromkeys(_GRAIN_FLOURS[word] for word in grains)))


# A porridge of maize said as such ("ready-to-eat maize porridge", "porridge made from hard maize grain"): Central
# and East Africa's stiff porridge (bukari, fufu, genfo), maize flour cooked down in water to about a third flour.
# GIFT's are 130 kcal per 100 g (DR Congo) and 122 (Ethiopia's plain corn porridge); FNDDS's grits made with water,
# which they were, 71. Ugali, nshima and sadza keep FNDDS's grits (en_phrases.csv): GIFT's Kenyan ugali is 73, and
# so does a porridge said to be soft or thin. Teff with the maize is half the flour ("red teff and corn porridge").
_MAIZE_PORRIDGE_WORDS = frozenset(
    "porridge maize corn teff red ready to eat water based hard grain grains flour meal plain made from with of using "
    "that uses s white yellow whole the a an cooked boiled thick stiff is and prepared hearty texture as base "
    "sprinkled seasoned seasoning topped mixed it some salt spiced spices butter which".split())
_THIN_PORRIDGE = frozenset({"soft", "thin", "light", "liquid", "runny", "watery"})
MAIZE_PORRIDGE_FLOUR_SHARE = 0.35
PORRIDGE_SERVING_G = 250.0


def _maize_porridge(key: str) -> EnDish | None:
    words = set(key.split())
    if "porridge" not in words or not words & {"maize", "corn"} or not words <= _MAIZE_PORRIDGE_WORDS | _THIN_PORRIDGE:
        return None
    if words & _THIN_PORRIDGE:
        return EnDish(key, (("grits made with water", 1.0),), PORRIDGE_SERVING_G)
    flours = [_GRAIN_FLOURS["maize"], *([_GRAIN_FLOURS["teff"]] if "teff" in words else [])]
    return EnDish(key, (*((flour, MAIZE_PORRIDGE_FLOUR_SHARE / len(flours)) for flour in flours),
                        ("water", 1 - MAIZE_PORRIDGE_FLOUR_SHARE)), PORRIDGE_SERVING_G)


# Ethiopia's gomen, kale cooked down with onion in oil: GIFT's fried Ethiopian kale is 176-180 kcal per 100 g and
# its kale boiled with oil 84-86; they were FNDDS's kale cooked with fat (69) and SR's boiled kale (28). Fried, about
# a seventh of the dish is oil; boiled with oil, a twentieth. Said as Ethiopian or gomen, or with oil and onion.
_GOMEN_WORDS = frozenset("ethiopian kale gomen gommen collard collards greens fried sauteed frying cooked boiled "
                         "with in oil onion onions and salt s a some spices spiced".split())
_GOMEN_FRIED = frozenset({"fried", "sauteed", "frying"})
GOMEN_SERVING_G = 100.0


def _gomen(key: str) -> EnDish | None:
    words = set(key.split())
    if not words & {"kale", "gomen", "gommen"} or not words <= _GOMEN_WORDS:
        return None
    if not words & {"ethiopian", "gomen", "gommen"} and not ("oil" in words and words & {"onion", "onions"}):
        return None
    if not words & (_GOMEN_FRIED | {"oil"}):
        return None
    oil = 0.15 if words & _GOMEN_FRIED else 0.05
    return EnDish(key, (("kale cooked boiled drained without salt", 0.9 - oil), ("onions raw", 0.1), ("vegetable oil", oil)),
                  GOMEN_SERVING_G)


# A Karnataka or Maharashtra bhaji (palya) is a vegetable or a dal cooked dry with onion in a little oil, finished
# with coconut; a British onion bhaji is a fritter, and chilli ones are in en_dishes.csv.
_BHAJI = re.compile(r"(?P<food>[a-z ]+?) (?:bhaji|baji|bhajee|palya|poriyal)")
_FRITTERS = frozenset({"onion", "mirchi", "chili", "chilli"})
BHAJI_SERVING_G = 100.0


def _bhaji(key: str) -> EnDish | None:
    found = _BHAJI.fullmatch(key)
    if not found or found["food"] in _FRITTERS:
        return None
    return EnDish(key, ((found["food"], 0.82), ("onions raw", 0.08), ("vegetable oil", 0.07),
                        ("coconut meat dried desiccated not sweetened", 0.03)), BHAJI_SERVING_G)


# The recipe templates, tried in this order: a bread or an injera of named flours, a bhaji, a maize porridge, gomen.
_TEMPLATES = (_grain_bread, _injera, _bhaji, _maize_porridge, _gomen)


def _from_a_template(said: str) -> EnDish | None:
    return next((dish for template in _TEMPLATES if (dish := template(said)) is not None), None)


def recipe_comes_first(name: str) -> bool:
    """A dish whose recipe comes before any single food the tables have: one of en_dishes.csv by its name (each is
    there because no table has it: "poha" is no rice cooked with fat), or one of the templates: a bhaji
    ("Eggplant, cooked, fat added" has half its oil), a bread or an injera of flours ("corn and sorghum bread" was
    "Corn, raw"; FNDDS's injera is a quarter flour), a maize porridge, gomen."""
    words = _en_words(name)
    return _en_dish_key(words) in en_dishes_by_name() or _from_a_template(" ".join(words)) is not None


def find_en_dish(name: str) -> EnDish | None:
    """The recipe of a dish said in English: one of en_dishes.csv, a bread of named flours, or a bhaji."""
    words = _en_words(name)
    # The templates read the words as said, plurals and all: the food of a bhaji is matched as the name it was given.
    said = " ".join(words)
    dishes = en_dishes_by_name()
    return (dishes.get(_en_dish_key(words)) or _from_a_template(said)
            # English heads a compound with its last word: "cornstarch atole" and "plantain atole" are atoles.
            or (dishes.get(_en_dish_key(words[-1:])) if len(words) > 1 else None))


def as_en_ingredients(item: SplitItem, dish: EnDish, grams: float) -> list[SplitItem]:
    return [SplitItem(said=f"{item.said} · {name}", name=name, language="en", grams=grams * share,
                      grams_source="recipe") for name, share in dish.ingredients]

"""The meal path: text → items (splitter) → foods (matcher) → grams (portions) → nutrients (compute)."""
from __future__ import annotations

import functools
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from foodca import metrics
from foodca.config import LlmProvider
from foodca.matching.index import FoodIndex
from foodca.matching.matcher import DRY_FORMS, DRY_WORDS, EN_HEAD_BEFORE_EXTRAS, MATCH_CACHE_SIZE, Matcher, MatchResult
from foodca.matching.text import (
    EN_BREADS, EN_FORM_NOUNS, en_compound_form, en_in_usda_words, en_name_tokens, en_named_forms, en_one_word_name,
    en_tokens, fold, singular, split_cfct_name,
)
from foodca.models import Alias, DataRelease, Portion
from foodca.models.food import CORE_NUTRIENTS
from foodca.nlp.items import Split, SplitItem
from foodca.nlp.offline_parser import BRANDS_EN, DISHES_EN
from foodca.nutrition.compute import add_totals, nutrients_for, zero_nutrients
from foodca.nutrition.dishes import as_en_ingredients, as_ingredients, find_dish, find_en_dish, recipe_comes_first
from foodca.nutrition.portions import Grams, as_dry_weight, decide_grams, zh_alias_foods

# Units of a market weight (一斤葡萄, 二两瓜子), said of the food as bought unless the text says it was cleaned.
PURCHASE_UNITS = {"斤", "两", "kg", "lb"}
WHOLE_MARKERS = ("带壳", "连壳", "带骨", "连骨", "毛重")  # not 带皮: 带皮的鸭肉 is eaten skin and all
EDIBLE_MARKERS = ("去皮", "去壳", "去核", "去蒂", "去骨", "净重", "净肉", "剥", "果肉", "可食", "肉", "瓤", "粒", "仁", "瓣")


def _weighed_whole(item: SplitItem) -> bool:
    said = item.said or ""
    if item.grams_source == "stated" and any(marker in said for marker in WHOLE_MARKERS):
        return True  # 开心果带壳30克: the shells are in the weight, and nobody eats them
    return (item.grams_source == "stated" and item.unit in PURCHASE_UNITS
            and not any(marker in said for marker in EDIBLE_MARKERS))


# A match this good is the food a name means (1.0: every word said is in it, nothing conflicts).
SURE_MATCH = 0.9


def _all_sure(matches) -> bool:
    """Each food of those said together is surely a food of its own."""
    return all(m.status == "matched" and m.score >= SURE_MATCH for m in matches)

# A dish whose own name matches a food this well is taken from the tables; below it, from its recipe.
DIRECT_MATCH_FOR_DISH = 0.9
# An ingredient this share of a recipe or more must be found for the recipe to be used.
MAIN_INGREDIENT = 0.2
# What comes in a bowl or on a plate is served cooked: the state a table's raw and cooked rows are told apart by.
SERVED_COOKED_UNITS = {"碗", "盘", "碟"}
# How close a candidate's score must be to the food matched, with a word of its name before the first comma, for
# its measures to weigh a food that has none.
SIMILAR_SCORE = 0.1
ALIKE_ENERGY_RATIO = 1.5
# Between two foods said as one item ("a bagel with cream cheese"); "cereal in milk" too (was "Milk and cereal bar"),
# and "avocado on toast" (unmatched).
_FOODS_TOGETHER = re.compile(r"\s+(with|in|on|and|&)\s+")  # kept: the words that join them
_SERVED_ON_BREAD = frozenset("sandwich sub hoagie burger hamburger cheeseburger dog hotdog wrap melt panini".split())
_EACH_OF = re.compile(r"\beach of\b", re.IGNORECASE)
# A way of making said before what it was made with ("fried in oil", "topped with cheese"); not a fried food's name
# ("fried tortilla with chow mein" was 147 g of tortilla, the chow mein left out).
_MADE_WITH = re.compile(r"\b(?:made|prepared|cooked|baked|fried|topped|filled|stuffed|coated|seasoned)\s+"
                        r"(?:with|in|on|from|using|of)\b|\b(?:featuring|flavou?r(?:ed)?|diameter|crust|sauce|"
                        r"filling|mix|blend|mixture|variety|assortment|medley)\b|,", re.IGNORECASE)
_BRANDS = frozenset(fold(brand) for brand in BRANDS_EN)
# What is said after "with" or "and" that is no food: a fat content, a colour, a way it was cooked.
_NO_FOOD_OF_ITS_OWN = re.compile(r"\d+(?:\.\d+)?\s*%\s*(?:milk\s*)?fat|(?:(?:yellow|white|red|green|black|brown|purple|"
                                 r"golden|\w+ed)(?:\s+(?:and|or)\s+)?)+")
_BOILED_IN_WATER = re.compile(r"(.+\b(?:boiled|cooked|simmered|poached|stewed|steamed|blanched))\s+in\s+"
                              r"(?:tap |salted |boiling |plain )?water")
_ONE_DISH = frozenset(name for name in DISHES_EN if not re.match(r"(?:coffee|tea) with ", name))
_COFFEE_MADE_WITH_MILK = "café con leche"
_SWEETENED_WITH_SUGAR = "sweetened with sugar"
_BREWED_WORDS = frozenset({"brewed", "hot", "black", "ground", "grounded", "filtered", "drip"})  # FNDDS's coffee is all of these
# A coffee weighed at less than this is the powder that went into the cup (see _too_little_to_drink); a single
# espresso is about 30 g, and is said so.
TOO_LITTLE_TO_DRINK_G = 40.0
_NOT_A_POWDER = frozenset({"espresso", "shot", "ristretto", "latte", "cappuccino", "iced", "liquid", "brewed", "drink",
                           "beverage", "cup", "milk", "cream", "creamer", "ml", "water"})
_SWEETENED_COFFEE_POWDER = "coffee instant pre-sweetened with sugar not reconstituted"
_COFFEE_SUBSTITUTE_POWDER = "coffee substitute dry powder"
_HOT_DRINK = re.compile(r"\b(?:coffee|tea|espresso|americano)\b")
_ADDED_TO_DRINK = {"milk": "splash", "whole milk": "splash", "skim milk": "splash", "cream": "splash",
                   "creamer": "splash", "half and half": "splash", "sugar": "tsp", "honey": "tsp"}
# A fat said with a food ("bread with butter", "beef with oil") is spread on it or cooked with it: a teaspoon, not the
# tablespoon it is served by alone, which made 30 g of bread with butter a third butter. Not peanut butter, a spread.
_FAT_WITH_A_FOOD = re.compile(r"(?:(?:vegetable|olive|palm|red palm|sunflower|canola|corn|soybean|coconut|cooking|"
                              r"groundnut|peanut|mustard|sesame|cottonseed)\s+)?oils?|(?:salted\s+|unsalted\s+)?butter|"
                              r"margarine|ghee|lard")
_A_CHEESE = re.compile(r"\bcheese$")
# What is sold dry and made up with water by whoever eats it: a flour, a powder, a mix.
_SOLD_DRY = DRY_WORDS | DRY_FORMS | frozenset({"flour", "notreconstituted", "mix", "meal"})
_MADE_UP = frozenset({"reconstituted", "prepared", "cooked", "brewed", "boiled"})
_MADE_UP_WITH_WATER = re.compile(r"(?:(?:tap|hot|cold|boiled|boiling|warm|plain|drinking)\s+)?water")
_LOAVES = frozenset("bread breads toast roll rolls bun buns".split())  # not crackers: cheese crackers have it baked in
_ON_A_BREAD = re.compile(rf"(?:.+\s)?(?:(?:{'|'.join(sorted(_LOAVES))})\s+with\s+(?:.+\s)?cheese|"
                         rf"(?:{'|'.join(sorted(EN_BREADS))})\s+with\s+(?:{_FAT_WITH_A_FOOD.pattern}))")
# Words for "the edible part" that name no food of their own.
GENERIC_PARTS = {"鱼肉", "肉", "净肉", "虾肉", "蟹肉", "果肉", "瘦肉", "去骨肉"}


def food_tables_version(engine: Engine) -> int:
    """The newest import that changed the food tables (0: none yet); an index built before it is stale."""
    with engine.connect() as conn:
        return conn.execute(select(func.max(DataRelease.id))).scalar() or 0


@dataclass
class MealAnalyser:
    """Holds the food index and answers meals; build once per process, reuse for every request."""

    engine: Engine
    index: FoodIndex
    providers: Sequence[LlmProvider] = ()
    llm_deadline_s: float | None = None  # the model's whole attempt at one meal; then the offline parser
    match_cache_size: int = MATCH_CACHE_SIZE
    tables_version: int = 0  # food_tables_version() when the index was built
    _portions: dict[int, list[dict]] = field(default_factory=dict)
    _names_zh: dict[int, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, engine: Engine, providers: Sequence[LlmProvider] = (), *,
              llm_deadline_s: float | None = None, match_cache_size: int = MATCH_CACHE_SIZE) -> "MealAnalyser":
        # The version is read first: an import that commits during the build makes this analyser stale, not wrong.
        version = food_tables_version(engine)
        return cls(engine=engine, index=FoodIndex.build(engine), providers=tuple(providers),
                   llm_deadline_s=llm_deadline_s, match_cache_size=match_cache_size, tables_version=version)

    @functools.cached_property
    def matcher(self) -> Matcher:
        """One matcher per analyser, so its cache of rankings serves every request of this process."""
        return Matcher(self.index, cache_size=self.match_cache_size)

    def split(self, text: str, *, use_model: bool = True) -> Split:
        if use_model and self.providers:
            from foodca.nlp.llm_splitter import split_meal

            split = split_meal(text, self.providers, deadline_s=self.llm_deadline_s)
            offline = split.parser == "offline"
            metrics.record_split("offline" if offline else "model", "model_failed" if offline else None)
            return split
        from foodca.nlp.offline_parser import parse_meal

        metrics.record_split("offline")  # a fallback over quota is counted by the caller, who knows why
        return parse_meal(text)

    def food_for_name(self, text: str) -> int | None:
        """The generic food that logging just `text` would use (offline parser and matcher), when the matcher is
        sure of it. Search-as-you-type sends word beginnings ("chic", "牛"): those match brand names or score low,
        and must not be put first."""
        from foodca.nlp.offline_parser import parse_meal

        items = parse_meal(text).items
        if len(items) != 1 or items[0].components:
            return None
        match = self.matcher.match(items[0])
        if match.status != "matched" or match.score < SURE_MATCH:
            return None
        if self.index.data_types[match.position] == "branded_food":
            return None
        return int(self.index.ids[match.position])

    def analyse(self, text: str, *, use_model: bool = True) -> dict:
        started = time.perf_counter()
        split = self.split(text, use_model=use_model)
        result = self.analyse_split(split)
        result["seconds"] = time.perf_counter() - started
        return result

    def analyse_split(self, split: Split) -> dict:
        matcher = self.matcher
        items, totals = [], zero_nutrients()
        for item in split.items:
            for entry in self._entries(item, matcher):
                add_totals(totals, entry)
                items.append(entry)
        metrics.record_items([entry["status"] for entry in items])
        return {"parser": split.parser, "items": items, "totals": totals}

    def _entries(self, item: SplitItem, matcher: Matcher) -> list[dict]:
        # A dish given with its ingredients' amounts is computed from the ingredients: weights, volumes or counts
        # (番茄炒蛋（番茄200克、鸡蛋2个、油10克）: two eggs are weighed as eggs are).
        if item.components and all(c.grams or c.volume_ml or c.quantity for c in item.components):
            return [self._entry(self._named_part(item, component), matcher.match(self._named_part(item, component)),
                                said=f"{item.said} · {component.said}")
                    for component in item.components]
        if item.language == "zh" and item.state is None and item.unit in SERVED_COOKED_UNITS:
            item = replace(item, state="cooked")  # 一碗面条 is cooked noodles, not 250 g of raw ones
        if item.language == "en":
            powder = self._too_little_to_drink(item, matcher)
            if powder is not None:
                return [self._entry(*powder)]
        match = matcher.match(item)
        if item.language == "en":
            # A dish our recipes make is not split at its "with": "Ethiopian kale boiled with oil and onion" is gomen,
            # not kale, a tablespoon of oil and an onion shared out by their servings.
            recipe_first = recipe_comes_first(item.name or "")
            parts = ((recipe_first and self._en_dish_parts(item, matcher))
                     or self._foods_said_together(item, match, matcher))
            if parts:
                return [self._entry(part, part_match) for part, part_match in parts]
            branded_unasked = (match.status == "matched" and not item.brand
                               and self.index.data_types[match.position] == "branded_food")
            if not recipe_first and (match.score < DIRECT_MATCH_FOR_DISH or branded_unasked):
                # "312 g of unleavened corn bread", "pelau": no table has the dish; its recipe, from the tables.
                # Nor is a product named after it the dish ("a bowl of atole" was GUAVA FLAVORED ATOLE). A recipe
                # that comes first was tried above.
                parts = self._en_dish_parts(item, matcher)
                if parts:
                    return [self._entry(part, part_match) for part, part_match in parts]
        # A weight said is the weight of what was weighed, usually the main ingredient: keep the direct match.
        if match.score < DIRECT_MATCH_FOR_DISH and item.language == "zh" and item.grams_source != "stated":
            # No food in the tables is this dish: compute it from its recipe, each ingredient from the tables.
            dish = find_dish(item.name)
            if dish is not None:
                grams = decide_grams(item, food_names_zh=[], portions=[])
                if grams.grams:
                    return [self._entry(part, matcher.match(part)) for part in as_ingredients(item, dish, grams.grams)]
        return [self._entry(item, match)]

    def _foods_said_together(self, item: SplitItem, match: MatchResult,
                             matcher: Matcher) -> list[tuple[SplitItem, MatchResult]]:
        """"a bagel with cream cheese", "a hamburger and fries": the food matched is not both (it is unsure, or one
        of them is missing from its name), and each is surely a food of its own. The amount said is the first
        one's; what came with it is one usual serving. A weight said ("435 g of cereal with milk") is the whole
        plate's: it is shared out in proportion to each food's usual serving."""
        if item.volume_ml or item.components:
            return []
        weighed = item.grams if item.grams_source == "stated" else None
        said_as = en_in_usda_words(item.name or "")  # "fish and chips" → fried fish and fries
        # Not where the phrase table says what the water made: "oats cooked in water" are porridge, water and all.
        boiled_in_water = _BOILED_IN_WATER.fullmatch(said_as) and _BOILED_IN_WATER.fullmatch(item.name or "")
        if boiled_in_water:
            # "kidney beans boiled in water": the water is drained, not eaten (it was 146 g of the 218 g), nor a
            # word of the food ("…, rinsed in tap water"; "potatoes cooked in water" were potato soup). Not "tuna in
            # water" or "peaches packed in water".
            boiled = replace(item, name=boiled_in_water.group(1))
            return [(boiled, matcher.match(boiled))]
        made_with = _MADE_WITH.findall(item.said or "")
        if made_with and not (_ON_A_BREAD.fullmatch(said_as) and all(re.fullmatch(r"topped\s+with", found, re.IGNORECASE)
                                                                    for found in made_with)):
            # "a muffin made with low-fat milk": what the food is made of, already in its tables' values. Not "bread
            # topped with cheese", which is on it.
            return []
        if said_as == fold(item.name or "") and said_as in _ONE_DISH:
            return []  # "mac and cheese", "surf and turf": one dish, whatever the tables call it
        split = _FOODS_TOGETHER.split(said_as)
        names = [name.strip(" ,") for name in split[0::2]]  # "a poke bowl": fish and rice
        joined_by = split[1::2]
        # Long names are no list of foods; counted in the words said, not the phrase table's USDA words ("black beans"
        # is "black beans from dried no added fat", and "282 grams of tortilla with black beans" was all tortilla).
        said_names = [name.strip(" ,") for name in _FOODS_TOGETHER.split(fold(item.name or ""))[0::2]]
        counted = said_names if len(said_names) == len(names) else names
        if len(names) < 2 or not all(names) or any(len(name.split()) > 3 for name in counted):
            return []
        if match.status == "matched" and any(joined in ("with", "in") and _MADE_UP_WITH_WATER.fullmatch(name)
                                             for name, joined in zip(names[1:], joined_by)):
            # "Kool Aid reconstituted with water", "oats with water and sugar": the tables' food is made up with the
            # water already (was a fifth of the drink, the rest water). Not a flour or a powder mixed with water.
            described = set(en_tokens(self.index.names[match.position]))
            if described.isdisjoint(_SOLD_DRY) or not described.isdisjoint(_MADE_UP):
                return []
        if any(_NO_FOOD_OF_ITS_OWN.fullmatch(name) for name in names[1:]):
            return []  # "milk with 3% fat" is one milk (was milk and duck fat); "potatoes, boiled and yellow" one food
        last = names[-1].split()
        if (len(names[0].split()) == 1 and len(last) > 1 and singular(last[-1]) in EN_FORM_NOUNS
                and not {"and", "&"}.isdisjoint(joined_by)):
            # "corn and wheat bread" is one bread of two flours, not corn and a wheat bread; not "pancakes with
            # maple syrup".
            return []
        if "on" in joined_by and not _SERVED_ON_BREAD.isdisjoint(en_tokens(names[joined_by.index("on")])[-1:]):
            return []  # "a turkey sandwich on whole wheat bread" is the sandwich; "avocado on toast" is two foods
        in_a_drink = bool(_HOT_DRINK.search(names[0]))
        if weighed and in_a_drink:
            # How much of 200 g of coffee with milk is milk, nobody can tell: the tables' coffee made with milk,
            # FNDDS's café con leche (a latte with non-dairy milk was the nearest name).
            if fold(names[0]) == "coffee" and any("milk" in name.split() for name in names[1:]):
                made_with_milk = replace(item, name=_COFFEE_MADE_WITH_MILK)
                return [(made_with_milk, matcher.match(made_with_milk))]
            if ("coffee" in fold(names[0]).split() and "substitute" not in names[0] and "sugar" in names[1:]
                    and set(names[1:]) <= {"sugar", "water"}):
                # …and of coffee with sugar, FNDDS's coffee sweetened with it: "77g of brewed coffee with sugar" was
                # "Coffee, brewed" (1 kcal per 100 g), the sugar lost.
                coffee = " ".join(word for word in names[0].split() if word not in _BREWED_WORDS)
                sweetened = replace(item, name=f"{coffee} {_SWEETENED_WITH_SUGAR}")
                found = matcher.match(replace(sweetened, said=sweetened.name))  # not "brewed" said around it again
                if found.status == "matched" and "sweetened" in en_tokens(self.index.names[found.position]):
                    return [(sweetened, found)]
            return self._sweetener_in_a_weighed_drink(item, match, matcher, names)
        branded_unasked = match.status == "matched" and not item.brand and (
            self.index.data_types[match.position] == "branded_food"
            or fold(self.index.names[match.position].split(",")[0]) in _BRANDS)  # SR's "BURGER KING, french fries"
        # A fat with a bread is spread on it, never the fat its recipe was made with: "bread with margarine" was SR's
        # "Bread, banana, prepared from recipe, made with margarine". A cheese with a bread is on it too: "200g of
        # bread with cheese" was FNDDS's cheese bread (408 kcal per 100 g), the cheese baked in; "cheese bread" still is.
        head_of_first = fold(names[0]).split()[-1]
        spread_on_bread = head_of_first in EN_BREADS and all(_FAT_WITH_A_FOOD.fullmatch(name) for name in names[1:])
        cheese_on_bread = head_of_first in _LOAVES and all(_A_CHEESE.search(name) for name in names[1:])
        if match.status == "matched" and match.score >= SURE_MATCH and not branded_unasked:
            # A branded product found for want of a generic food is no proof that the tables have both foods in
            # one: "a burger and fries" was "BURGER KING, french fries".
            description = self.index.names[match.position]
            described = set(en_tokens(description))
            # "Milk and cereal bar" has both words of "cereal with milk", but it is a bar, which nobody said;
            # "Pancake syrup" has both of "pancakes with syrup", but it is the syrup.
            later = set(en_tokens(" ".join(names[1:]))) - set(en_tokens(names[0]))
            other_form = (en_named_forms(description) - set(en_tokens(said_as)) or en_compound_form(description) & later
                          # "pancakes with maple syrup": the syrup is not what was eaten; "pork and beef salami"
                          # is the salami.
                          or not {"with", "on"}.isdisjoint(joined_by) and en_one_word_name(description) & later)
            # …unless the tables have the bread with it on ("Garlic bread, with parmesan cheese").
            cheese_baked_in = cheese_on_bread and not re.search(r"\bwith\b", description, re.IGNORECASE)
            if (all(set(en_tokens(name)) & described for name in names) and not other_form and not spread_on_bread
                    and not cheese_baked_in):
                return []  # "rice and beans" is "Beans and white rice", "tea with milk" is "Tea, hot, with milk"
        first = replace(item, name=names[0])
        if weighed:
            first = replace(first, quantity=None, unit=None, size=None, grams=None, grams_source=None)
        parts = [first]
        # Each part says what was said of it (counted is the words said when they split alike), not the phrase
        # table's words for it.
        for name, said in zip(names[1:], counted[1:]):
            # Milk or sugar in a coffee or tea is a splash or a teaspoon, not a glass or a serving of its own.
            added = (_ADDED_TO_DRINK.get(name) if in_a_drink else "tsp" if _FAT_WITH_A_FOOD.fullmatch(name)
                     # A slice of cheese on it, not the cup of crumbled queso fresco it is served by alone; cream
                     # cheese is spread, its usual serving a tablespoon.
                     else "slice" if cheese_on_bread and not name.endswith("cream cheese") else None)
            parts.append(SplitItem(said=said, name=name, language="en", quantity=1 if added else None, unit=added))
        # The first food is matched by the words said before the others: "carrots with lemon juice and salt" was
        # "Carrot juice, 100%", the lemon's juice said around the carrots.
        before_the_others = (item.said or "").lower().find(counted[1])
        first_said = item.said[:before_the_others] if before_the_others > 0 else item.said
        matches = [matcher.match(replace(parts[0], said=first_said)), *(matcher.match(part) for part in parts[1:])]
        # Each food must be sure, and a branded one only where a brand was named ("Cheerios with milk").
        if not _all_sure(matches):
            return []
        if any(self.index.data_types[m.position] == "branded_food" and not part.brand for part, m in zip(parts, matches)):
            return []
        if weighed and _EACH_OF.search(item.said or ""):
            # "21.9g each of raw carrots and celery": that weight is each food's, not the two together.
            parts = [replace(part, quantity=None, unit=None, size=None, grams=weighed, grams_source="stated")
                     for part in parts]
        elif weighed:
            usual = [self._grams(part, m).grams for part, m in zip(parts, matches)]
            if not all(usual):
                return []
            parts = [replace(part, grams=weighed * grams / sum(usual), grams_source="shared")
                     for part, grams in zip(parts, usual)]
        return list(zip(parts, matches))

    @staticmethod
    def _too_little_to_drink(item: SplitItem, matcher: Matcher) -> tuple[SplitItem, MatchResult] | None:
        """"5.6g of instant coffee with sugar", "16g of coffee substitute": weighed at less than any cup holds, it is
        the powder (and sugar) that went into the cup, not the drink made of it (was 16 kcal per 100 g against the
        powder's 392). Not coffee without sugar, whose grounds nobody eats, nor an espresso."""
        if item.grams_source != "stated" or item.grams is None or item.grams >= TOO_LITTLE_TO_DRINK_G or item.volume_ml:
            return None
        words = set(en_tokens(item.name or ""))
        if "coffee" not in words or not _NOT_A_POWDER.isdisjoint(words | set(en_tokens(item.said or ""))):
            return None
        sweetened = not {"sugar", "sweetened", "sugared"}.isdisjoint(words)
        if "substitute" in words:
            name = _COFFEE_SUBSTITUTE_POWDER
        elif sweetened:
            name = _SWEETENED_COFFEE_POWDER
        else:
            # Unsweetened instant coffee too, by its weight, would be its powder (353 kcal per 100 g): 3 g of it
            # would be 11 kcal where a cup made of it has 5 (FNDDS), and GIFT counts those at nothing.
            return None
        found = matcher.match(replace(item, name=name, said=name))
        return (item, found) if found.status == "matched" else None

    def _sweetener_in_a_weighed_drink(self, item: SplitItem, match: MatchResult, matcher: Matcher,
                                      names: list[str]) -> list[tuple[SplitItem, MatchResult]]:
        """"250g of chamomile tea with honey": the tea was matched alone ("Tea, hot, chamomile", 1 kcal per 100 g)
        and the honey lost. Where no food of the tables has the sweetener too, it is its usual teaspoon of the
        weight said, and the drink the rest."""
        if not all(_ADDED_TO_DRINK.get(name) == "tsp" for name in names[1:]):
            return []
        if match.status == "matched" and set(en_tokens(" ".join(names[1:]))) <= set(
                en_tokens(self.index.names[match.position])):
            return []  # "Tea, iced, brewed, black, pre-sweetened with sugar" has the sugar in it
        added = [SplitItem(said=name, name=name, language="en", quantity=1, unit="tsp") for name in names[1:]]
        added_matches = [matcher.match(part) for part in added]
        if not _all_sure(added_matches):
            return []
        added_grams = [self._grams(part, m).grams for part, m in zip(added, added_matches)]
        if not all(added_grams) or sum(added_grams) >= item.grams:
            return []
        drink = replace(item, name=names[0], quantity=None, unit=None, size=None,
                        grams=item.grams - sum(added_grams), grams_source="shared")
        added = [replace(part, quantity=None, unit=None, grams=grams, grams_source="shared")
                 for part, grams in zip(added, added_grams)]
        return list(zip([drink, *added], [matcher.match(drink), *added_matches]))

    def _en_dish_parts(self, item: SplitItem, matcher: Matcher) -> list[tuple[SplitItem, MatchResult]]:
        """The ingredients of an English dish of our recipe table, each matched; none unless every ingredient that
        makes a fifth of the dish or more is a generic food matched (a bhaji of a vegetable no table has is not its
        oil, nor one of "field beans" FIELD DAY baked beans)."""
        name = item.name or ""
        dish = find_en_dish(name) or find_en_dish(EN_HEAD_BEFORE_EXTRAS.split(name, maxsplit=1)[0])
        if dish is None or item.components:
            return []
        if item.grams is not None and item.grams_source in ("stated", "model"):
            grams = item.grams  # the weight said of a dish is the whole dish's
        elif item.volume_ml:
            grams = item.volume_ml  # a drink or a stew by the cup: about 1 g per ml
        else:
            grams = (item.quantity or 1.0) * dish.serving_g
        parts = as_en_ingredients(item, dish, grams)
        # An ingredient is matched by its own words: the onion of a "green gram bhaji" is no green onion.
        matches = [matcher.match(replace(part, said=part.name)) for part in parts]
        if any(m.status != "matched" or self.index.data_types[m.position] == "branded_food"
               for (_, share), m in zip(dish.ingredients, matches) if share >= MAIN_INGREDIENT):
            return []
        return list(zip(parts, matches))

    @staticmethod
    def _named_part(dish: SplitItem, part: SplitItem) -> SplitItem:
        """红烧鲤鱼（鱼肉120g）: the weighed part is the dish's own food, so it takes the dish's name."""
        if part.name in GENERIC_PARTS and dish.name:
            return replace(part, name=dish.name)
        return part

    def _entry(self, item: SplitItem, match: MatchResult, said: str | None = None) -> dict:
        alternatives = [{**self.index.describe(c.position), "score": round(c.score, 3)} for c in match.alternatives]
        entry = {"said": said or item.said, "name": item.name, "status": match.status, "food": None,
                 "grams": None, "basis": None, "score": round(match.score, 3), "alternatives": alternatives}
        if match.status != "matched":
            # Grams still come from what was said, so picking one of the alternatives keeps the amount.
            grams = decide_grams(item, food_names_zh=[], portions=[])
            entry["grams"], entry["basis"] = grams.grams, grams.basis if grams.grams is not None else None
            entry.update({name: None for name in CORE_NUTRIENTS})
            return entry
        position = match.position
        grams = self._grams(item, match)
        weighed_as = self._alias_positions.get(grams.weighed_as) if grams.weighed_as else None
        if weighed_as is not None and weighed_as != position:
            grams = as_dry_weight(grams, self.index.names[weighed_as], self._nutrient(weighed_as, "energy_kcal"),
                                  self._nutrient(position, "energy_kcal"), self._nutrient(position, "carb_g"))
        food = self.index.describe(position)
        entry["food"] = {key: food[key] for key in ("id", "source", "source_id", "name")}
        entry["grams"], entry["basis"] = grams.grams, grams.basis
        eaten = grams.grams
        edible_pct = self.index.edible_pct[position]
        if grams.grams and _weighed_whole(item) and 0 < edible_pct < 100:
            # 一斤葡萄 is bought weight: the table's values are per 100 g of the edible part.
            eaten = grams.grams * edible_pct / 100
            entry["edible_grams"] = eaten
        entry.update(nutrients_for(self.index.nutrients[position], eaten))
        return entry

    @functools.cached_property
    def _alias_positions(self) -> dict[str, int]:
        """fdc_id → index position of every USDA food our alias table names."""
        wanted = set(zh_alias_foods().values())
        return {source_id: position for position, (source, source_id) in
                enumerate(zip(self.index.sources, self.index.source_ids)) if source == "usda" and source_id in wanted}

    def _nutrient(self, position: int, name: str) -> float | None:
        value = float(self.index.nutrients[position][CORE_NUTRIENTS.index(name)])
        return None if value != value else value  # NaN: not known

    def _grams(self, item: SplitItem, match: MatchResult) -> Grams:
        grams = self._grams_of(item, match.position)
        if grams.grams is None or grams.basis == "unit_default":
            # A food with no measures of its own ("Pork, chop, center cut, raw", a Foundation food) weighs as the
            # nearest candidate that has them ("Pork, chop, NS as to fat eaten"): said alone it had no grams at all.
            name_words = set(en_name_tokens(self.index.names[match.position])[0])
            for candidate in match.ranked:
                # With no grams at all, any candidate of the same name and alike energy will do: the Foundation
                # "Peppers, bell, red, raw" has no measure, and its yellow sibling, the nearest, none either ("a
                # large red bell pepper" had no grams); FNDDS's "Pepper, sweet, red, raw" does.
                near = candidate.score >= match.score - SIMILAR_SCORE or (
                    grams.grams is None and self._alike(match.position, candidate.position))
                if (candidate.position != match.position and near
                        and name_words & set(en_name_tokens(self.index.names[candidate.position])[0])):
                    similar = self._grams_of(item, candidate.position)
                    if similar.grams is not None and (grams.grams is None or (
                            similar.basis != "unit_default" and self._alike(match.position, candidate.position))):
                        return Grams(similar.grams, f"{similar.basis}_of_similar", similar.weighed_as)
        return grams

    def _alike(self, position: int, other: int) -> bool:
        """Two foods a cup of weighs about the same: their energy per 100 g within half again of each other (a cup
        of malted drink powder is not a cup of the drink made from it)."""
        energy, other_energy = self._nutrient(position, "energy_kcal"), self._nutrient(other, "energy_kcal")
        if not energy or not other_energy:
            return energy == other_energy
        return max(energy, other_energy) / min(energy, other_energy) <= ALIKE_ENERGY_RATIO

    def _grams_of(self, item: SplitItem, position: int) -> Grams:
        food_id = int(self.index.ids[position])
        return decide_grams(item, food_names_zh=self._zh_names(food_id, position), portions=self._food_portions(food_id),
                            food_name=self.index.names[position])

    def _food_portions(self, food_id: int) -> list[dict]:
        if food_id not in self._portions:
            with self.engine.connect() as conn:
                rows = conn.execute(select(Portion.seq, Portion.amount, Portion.unit, Portion.description,
                                           Portion.gram_weight).where(Portion.food_id == food_id)
                                    .order_by(Portion.seq)).all()
            self._portions[food_id] = [row._asdict() for row in rows]
        return self._portions[food_id]

    def _zh_names(self, food_id: int, position: int) -> list[str]:
        if food_id not in self._names_zh:
            with self.engine.connect() as conn:
                texts = conn.execute(select(Alias.text).where(Alias.food_id == food_id, Alias.language == "zh")).scalars()
                printed = self.index.names_zh[position]
                # 鸡蛋（代表值）is weighed as 鸡蛋: the unit weights are kept by a food's name, not its qualifiers.
                base = split_cfct_name(printed)[0] if printed else None
                self._names_zh[food_id] = [n for n in [printed, base, *texts] if n]
        return self._names_zh[food_id]

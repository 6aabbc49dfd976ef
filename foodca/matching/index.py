"""The in-memory food index: every active food's names, per language, built once per process."""
from __future__ import annotations

import math
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import select
from sqlalchemy.engine import Engine

from foodca.matching.text import (
    EN_DEFAULT_MARK, EN_DEFAULT_WORDS, EN_DESCRIPTORS, ZH_SHAPES, en_extra_word_cost, en_name_tokens, en_negated_words,
    en_percents, en_tokens, split_cfct_name, zh_core,
)
from foodca.models import Alias, Food
from foodca.models.food import CORE_NUTRIENTS

GENERIC_TYPES = ("sr_legacy_food", "survey_fndds_food", "foundation_food")


@dataclass
class ZhEntry:
    """A Chinese name of a food: its base, its qualifiers (烤, 代表值) and whether it is CFCT's own."""

    food: int  # position in FoodIndex arrays
    base: str
    qualifiers: tuple[str, ...]
    from_cfct: bool
    representative: bool  # CFCT 代表值: the table's value for the generic food
    primary: bool = True  # the printed name, not a synonym (番茄 for 番茄 [西红柿])
    printed_base: str = ""  # the printed name's base, for synonyms (西红柿 → 番茄)
    qualifier_text: str = field(init=False)  # the qualifiers run together, as the scoring reads them
    qualifier_chars: frozenset[str] = field(init=False)

    def __post_init__(self):
        self.qualifier_text = "".join(self.qualifiers)
        self.qualifier_chars = frozenset(self.qualifier_text)


@dataclass
class TokenIndex:
    """English token postings over a set of foods (generic or branded)."""

    foods: np.ndarray  # positions into FoodIndex arrays
    tokens: list[tuple[str, ...]]  # per local food
    token_sets: list[frozenset[str]]
    sorted_joined: list[str]  # tokens sorted and joined by spaces: token_sort_ratio's form, made once
    length_penalty: np.ndarray  # 0.02 per token: shorter descriptions first among equals
    default_bonus: np.ndarray  # for a bare name said: the food's default entry first
    heads: list[str]  # first token of the description, the USDA head noun
    postings: dict[str, np.ndarray] = field(default_factory=dict)
    head_postings: dict[str, np.ndarray] = field(default_factory=dict)  # by head noun, the foods it heads
    idf: dict[str, float] = field(default_factory=dict)
    max_idf: float = 1.0
    as_eaten_defaults: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # "Beef, NFS"
    head_nouns: frozenset[str] = frozenset()  # words that head a description: bread, pepper, banana
    negated: list[frozenset[str]] = field(default_factory=list)  # "no dressing", "without salt": not in the food
    word_cost: dict[str, float] = field(default_factory=dict)  # what a word costs when a description has it extra
    extra_cost: list[float] = field(default_factory=list)  # per food: all its words' cost; the matcher takes off those said
    percents: list[frozenset[str]] = field(default_factory=list)  # en_percents of each description
    dry_grain: list[bool] = field(default_factory=list)  # "Corn grain, yellow", "Sorghum grain": kept dry
    dry_seeds: list[bool] = field(default_factory=list)  # "Beans, navy, mature seeds, raw": a pulse as sold, dry
    leaves: list[bool] = field(default_factory=list)  # "Cowpeas, leafy tips, raw", "Taro leaves": a plant's leaves
    dry_mix: list[bool] = field(default_factory=list)  # "Puddings, coconut cream, dry mix, regular": not made up
    # The words of the brand an SR description begins with ("KELLOGG'S, Corn Flakes Crumbs"); empty for others.
    brand_led: list[frozenset[str]] = field(default_factory=list)

    @classmethod
    def build(cls, positions: np.ndarray, names: list[str], *, head_last: bool = False,
              food_heads: frozenset[str] = frozenset()) -> "TokenIndex":
        # Tokenised once, by name and rest: the name's last word is a product's head (see head_last).
        name_parts = [en_name_tokens(names[p]) for p in positions]
        tokens = [tuple(name + rest) for name, rest in name_parts]
        lists: dict[str, list[int]] = defaultdict(list)
        for local, words in enumerate(tokens):
            for word in set(words):
                lists[word].append(local)
        count = max(len(tokens), 1)
        head_nouns = frozenset(words[0] for words in tokens if words)
        word_cost = {word: en_extra_word_cost(word, head_nouns) for word in lists}
        token_sets = [frozenset(words) for words in tokens]
        negated = [en_negated_words(names[p]) for p in positions]
        # A product name ("ARTIFICIAL FRUIT FLAVORED WAFFLE") is English word order: its last word is what it is.
        heads = ([_product_head(names[p], name, food_heads) or _head(name, words)
                  for p, (name, _), words in zip(positions, name_parts, tokens)] if head_last
                 else [_head(name, words) for (name, _), words in zip(name_parts, tokens)])
        return cls(
            # One food word, and marked NFS or "NS as to": "Beef, NFS", "Potato, boiled, NFS", "Chicken, NS as to
            # part and cooking method"; not "Chicken nuggets, NFS".
            as_eaten_defaults=np.array([local for local, (p, words) in enumerate(zip(positions, token_sets))
                                        if (EN_DEFAULT_MARK in words or "NS as to" in names[p])
                                        and not words & _NOT_AS_EATEN and len(words - EN_DESCRIPTORS) == 1],
                                       dtype=np.int64),
            negated=negated,
            percents=[en_percents(names[p]) for p in positions],
            dry_grain=[bool(_DRY_GRAIN.search(names[p])) for p in positions],
            dry_seeds=[bool(_DRY_SEEDS.search(names[p])) for p in positions],
            leaves=[bool(_LEAVES.search(names[p])) for p in positions],
            dry_mix=[bool(_DRY_MIX.search(names[p])) and not _MADE_UP.search(names[p]) for p in positions],
            # Only among generic foods: every branded product has a maker, and is ranked as a product already.
            brand_led=[] if head_last else [_brand_words(names[p]) for p in positions],
            head_nouns=head_nouns,
            word_cost=word_cost,
            # The class word of "Fish, salmon" goes without saying: it costs nothing as an extra word.
            extra_cost=[sum(word_cost[w] for w in words - gone - _class_head(name))
                        for words, gone, (name, _) in zip(token_sets, negated, name_parts)],
            foods=positions,
            tokens=tokens,
            token_sets=token_sets,
            sorted_joined=[" ".join(sorted(words)) for words in tokens],
            # Only food words count towards length, and FNDDS's "not further specified" defaults go first, so a
            # bare "rice" shortlists "Rice, white, cooked, NFS" among 481 rice foods.
            length_penalty=np.array([0.02 * sum(w not in EN_DESCRIPTORS for w in words) - 0.03 * (EN_DEFAULT_MARK in words)
                                     for words in tokens], dtype=np.float32),
            # A bare name means the default: FNDDS "not further specified", white rice, whole milk.
            # Not "Pineapple, canned, NFS", the default canned pineapple: "a cup of pineapple" is the fruit.
            default_bonus=np.array([0.04 * (EN_DEFAULT_MARK in words and _PROCESSED.isdisjoint(rest))
                                    + 0.01 * bool(EN_DEFAULT_WORDS & words)
                                    for words, (_, rest) in zip(token_sets, name_parts)], dtype=np.float32),
            heads=heads,
            head_postings=_foods_by_head(heads),
            # Native-width indices: numpy converts int32 ones on every fancy-indexed add, which doubles its time.
            postings={word: np.asarray(found, dtype=np.intp) for word, found in lists.items()},
            idf={word: math.log(1 + count / len(found)) for word, found in lists.items()},
            max_idf=max((math.log(1 + count / len(found)) for found in lists.values()), default=1.0),
        )


@dataclass
class FoodIndex:
    """Names, core nutrients and indexes for every active food; no database access after build."""

    ids: np.ndarray
    sources: list[str]
    source_ids: list[str]
    data_types: list[str]
    names: list[str]
    names_zh: list[str | None]
    nutrients: np.ndarray  # (foods, len(CORE_NUTRIENTS)), NaN where unknown; per 100 g edible portion
    edible_pct: np.ndarray
    zh_entries: list[ZhEntry]
    zh_by_char: dict[str, list[int]]
    zh_synonyms_by_char: dict[str, list[int]]  # zh_by_char's synonyms of two characters or more (土豆 of 马铃薯)
    zh_by_qualifier_char: dict[str, list[int]]
    zh_exact: dict[str, list[int]]
    zh_entries_by_food: dict[int, list[int]]
    generic: TokenIndex
    branded: TokenIndex
    position_of: dict[int, int]
    build_seconds: float = 0.0

    @classmethod
    def build(cls, engine: Engine) -> "FoodIndex":
        started = time.perf_counter()
        columns = [Food.id, Food.source, Food.source_id, Food.data_type, Food.name, Food.name_zh, Food.edible_pct,
                   *(getattr(Food, name) for name in CORE_NUTRIENTS)]
        with engine.connect() as conn:
            rows = conn.execute(select(*columns).where(Food.retired_at.is_(None)).order_by(Food.id)).all()
            aliases = conn.execute(select(Alias.food_id, Alias.text, Alias.language)).all()
        ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
        sources = [row[1] for row in rows]
        data_types = [row[3] for row in rows]
        names = [row[4] for row in rows]
        nutrients = np.array([[np.nan if v is None else v for v in row[7:]] for row in rows], dtype=np.float64)
        if not rows:
            nutrients = np.zeros((0, len(CORE_NUTRIENTS)))
        edible = np.array([np.nan if row[6] is None else row[6] for row in rows], dtype=np.float64)
        position_of = {int(food_id): position for position, food_id in enumerate(ids)}

        zh_entries: list[ZhEntry] = []
        seen: set[tuple[int, str, tuple]] = set()

        def add_zh(position: int, base: str, qualifiers: tuple[str, ...], from_cfct: bool, representative: bool,
                   printed_base: str = ""):
            key = (position, base, qualifiers)
            if base and key not in seen:
                seen.add(key)
                primary = not printed_base or printed_base == base
                zh_entries.append(ZhEntry(position, base, qualifiers, from_cfct, representative, primary,
                                          printed_base or base))

        cfct_qualifiers: dict[int, tuple[tuple[str, ...], bool]] = {}
        for position, row in enumerate(rows):
            if row[1] == "cfct":
                base, qualifiers, synonyms = split_cfct_name(row[4])
                representative = row[2].endswith("x") or any("代表值" in q for q in qualifiers)
                kept = tuple(q for q in qualifiers if "代表值" not in q)
                cfct_qualifiers[position] = (kept, representative, base)
                for name in (base, *synonyms):
                    add_zh(position, name, kept, True, representative, base)
        printed_bases = {base for _, _, base in cfct_qualifiers.values()}
        for food_id, text, language in aliases:
            position = position_of.get(food_id)
            if position is None or language != "zh" or _cut_of_another_food(zh_core(text), printed_bases):
                continue
            # CFCT synonyms (番茄 [西红柿]) share the qualifiers of the food's printed name.
            kept, representative, printed = cfct_qualifiers.get(position, ((), False, ""))
            add_zh(position, zh_core(text), kept, position in cfct_qualifiers, representative, printed)
        zh_by_char: dict[str, list[int]] = defaultdict(list)
        zh_exact: dict[str, list[int]] = defaultdict(list)
        zh_entries_by_food: dict[int, list[int]] = defaultdict(list)
        zh_by_qualifier_char: dict[str, list[int]] = defaultdict(list)
        for number, entry in enumerate(zh_entries):
            for char in set(entry.base):
                zh_by_char[char].append(number)
            # Qualifiers are searched too: 学生奶 is found in 调制乳（全脂，学生奶）.
            for char in entry.qualifier_chars - set(entry.base):
                zh_by_qualifier_char[char].append(number)
            zh_exact[entry.base].append(number)
            zh_entries_by_food[entry.food].append(number)

        generic_positions = np.array([p for p, kind in enumerate(data_types) if kind in GENERIC_TYPES], dtype=np.int64)
        branded_positions = np.array([p for p, kind in enumerate(data_types) if kind == "branded_food"], dtype=np.int64)
        generic = TokenIndex.build(generic_positions, names)
        index = cls(
            ids=ids, sources=sources, source_ids=[row[2] for row in rows], data_types=data_types, names=names,
            names_zh=[row[5] for row in rows], nutrients=nutrients, edible_pct=edible,
            zh_entries=zh_entries, zh_by_char=dict(zh_by_char), zh_by_qualifier_char=dict(zh_by_qualifier_char), zh_exact=dict(zh_exact),
            zh_synonyms_by_char={char: synonyms for char, numbers in zh_by_char.items()
                                 if (synonyms := [n for n in numbers if not zh_entries[n].primary
                                                  and len(zh_entries[n].base) >= 2])},
            zh_entries_by_food=dict(zh_entries_by_food),
            generic=generic,
            branded=TokenIndex.build(branded_positions, names, head_last=True, food_heads=generic.head_nouns),
            position_of=position_of,
        )
        index.build_seconds = time.perf_counter() - started
        return index

    def __len__(self) -> int:
        return len(self.ids)

    def describe(self, position: int) -> dict:
        return {"id": int(self.ids[position]), "source": self.sources[position],
                "source_id": self.source_ids[position], "name": self.names[position],
                "name_zh": self.names_zh[position], "data_type": self.data_types[position]}


# A grain kept dry, as sold: not "whole-grain" flour, not fish "cooked, dry heat".
_DRY_GRAIN = re.compile(r"(?<!whole-)(?<!whole )(?<!multi-)\bgrains?\b|\b(?:dry|dried)\b(?! heat)", re.IGNORECASE)
# SR's pulses as sold: "Beans, kidney, red, mature seeds, raw" is the dry bean (337 kcal per 100 g).
_DRY_SEEDS = re.compile(r"\bmature seeds\b(?:, [a-z ]+)*, raw\b", re.IGNORECASE)
# A plant's leaves, as USDA heads them: not "Tea, hot, leaf, black", leeks' "lower leaf-portion", FNDDS's dishes
# "excluding … dark-green leafy", nor "Coriander (cilantro) leaves", which cilantro names.
_LEAVES = re.compile(r"^[^,(]*\bleaves\b|^[^,]*,\s*leafy tips\b", re.IGNORECASE)
# A mix or a powder as sold, not what is made from it: "Beverages, tea, instant, lemon, sweetened" is the powder
# (400 kcal per 100 g), "Puddings, coconut cream, dry mix, regular" the mix.
_DRY_MIX = re.compile(r"\b(?:dry mix|instant|powder|powdered|dry form)\b", re.IGNORECASE)
# FNDDS's foods are as eaten: "Oatmeal, instant, maple flavored, fat added", "Coffee, NS as to brewed or instant".
_MADE_UP = re.compile(r"\b(?:prepared|reconstituted|made with|made from|with water|with milk|diluted|cooked|fat added|"
                      r"no added fat|ns as to|or instant)\b", re.IGNORECASE)
# Kept forms: FNDDS's "Pineapple, canned, NFS" is the default of canned pineapples, not of pineapples.
_PROCESSED = frozenset("canned frozen dried dry".split())
# States in which a food is not eaten as it is: a "not further specified" entry in one of them is not the food cooked.
_NOT_AS_EATEN = frozenset("raw dry dried uncooked frozen unprepared powder mix concentrate".split())

# USDA files fish as "Fish, salmon, NFS": the kind of fish is the head a person says ("salmon"), not "fish".
_CLASS_HEADS = frozenset({"fish"})


# "PLUM TOMATOES IN PUREE", "TUNA IN WATER", "PASTA WITH SAUCE": what a product is comes before what it is in or with.
_PRODUCT_IN_OR_WITH = re.compile(r"\s(?:in|with)\s", re.IGNORECASE)


def _cut_of_another_food(synonym: str, printed_bases: set[str]) -> bool:
    """黄瓜条 is a butcher's name for a cut of beef, and what everyone else calls cucumber sticks: a synonym that reads
    as another food's name and the shape it is cut in names that food."""
    return any(synonym[:-n] in printed_bases and set(synonym[-n:]) <= ZH_SHAPES for n in (1, 2) if len(synonym) > n)


def _product_head(description: str, name_words: list[str], food_heads: frozenset[str]) -> str:
    """A product name's head: its last word before any "in" or "with" ("ARTIFICIAL FRUIT FLAVORED WAFFLE" is a waffle,
    "WHOLE PEELED PLUM TOMATOES IN PUREE" tomatoes) when that word heads a generic food; "PRETTY IN PINK SPRINKLES" is
    sprinkles."""
    name = description.partition(",")[0]
    found = _PRODUCT_IN_OR_WITH.search(name)
    if found:
        before = en_tokens(name[:found.start()])
        if before and before[-1] in food_heads:
            return before[-1]
    return name_words[-1] if name_words else ""


def _class_head(name_words: list[str]) -> frozenset[str]:
    """The class word of "Fish, salmon", alone before the comma; in "Fish curry" fish is what the curry is made of."""
    return _CLASS_HEADS.intersection(name_words) if len(name_words) == 1 else frozenset()


# Compounds USDA heads with their modifier: "Salad dressing, bacon and tomato" is a dressing, and it was "tomato
# salad" (3.3 times its energy); "Salad dressing, green goddess" was "salad greens". SR files mayonnaise there too:
# "Salad dressing, mayonnaise, imitation, soybean" is a mayonnaise.
_MODIFIER_FIRST = {("salad", "dressing"): "dressing"}
_FILED_UNDER_COMPOUND = frozenset({"mayonnaise"})


def _foods_by_head(heads: list[str]) -> dict[str, np.ndarray]:
    """Each head noun's foods, in index order, as postings are kept."""
    headed: dict[str, list[int]] = defaultdict(list)
    for local, head in enumerate(heads):
        headed[head].append(local)
    return {head: np.asarray(found, dtype=np.intp) for head, found in headed.items()}


def _head(name_words: list[str], words: list[str]) -> str:
    if not words:
        return ""
    if tuple(name_words[:2]) in _MODIFIER_FIRST:
        after = words[len(name_words)] if len(words) > len(name_words) else ""
        return after if after in _FILED_UNDER_COMPOUND else _MODIFIER_FIRST[tuple(name_words[:2])]
    # "Fish, salmon" is a salmon; "Fish, NFS" is fish (it was headed "nfs", and "fish" found "Fish chowder").
    return words[1] if _class_head(name_words) and len(words) > 1 and words[1] not in EN_DESCRIPTORS else words[0]


_NO_BRAND: frozenset[str] = frozenset()


# SR's foods of one people, named last in brackets: "Tea, herbal, brewed, Hohoysi (Hopi)" was "brewed tea" (37 intl
# items), "Fish, whitefish, eggs (Alaska Native)" "grilled white fish".
_PEOPLES_FOOD = re.compile(r"\((Alaska Native|Hopi|Navajo|Apache|Shoshone Bannock|Northern Plains Indians)\)\s*$")


def _brand_words(description: str) -> frozenset[str]:
    """"KELLOGG'S, Corn Flakes Crumbs", "KASHI, Lemongrass Coconut Chicken": SR names a product by its maker, in
    capitals, before the first comma. Generic names never begin in capitals ("Cereal (Kellogg's Corn Flakes)").
    A food of one people is theirs as a product is its maker's: "Corn, dried (Navajo)"."""
    people = _PEOPLES_FOOD.search(description)
    if people:
        return frozenset(en_tokens(people.group(1)))
    first, comma, _ = description.partition(",")
    letters = [c for c in first if c.isalpha()]
    if not comma or len(letters) < 3 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return _NO_BRAND
    return frozenset(en_tokens(first))

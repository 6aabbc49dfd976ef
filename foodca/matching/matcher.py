"""Match a split item to a food: Chinese names first for Chinese text, USDA for English, never a wild guess."""
from __future__ import annotations

import functools
from collections import Counter
import re
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from foodca.matching.index import FoodIndex, TokenIndex, ZhEntry
from foodca.matching.text import (
    EN_ALCOHOLIC_DRINKS, EN_COOKED_STATE, EN_DESCRIPTORS, EN_FORM_WORDS, EN_MILD, EN_QUERY_FILLER, EN_QUERY_SYNONYMS,
    EN_RAW_WORDS, EN_UNSAID_FORMS, EN_WORD_SPELLED_AS, ZH_COOKING_PREFIX, ZH_SHAPES, en_in_usda_words,
    en_negated_words, en_percents, en_phrase_unless_words, en_tokens, en_without_negations, fold, is_chinese,
    singular, split_cfct_name, zh_core,
)
from foodca.nlp.items import SplitItem

ZH_THRESHOLD = 0.62
EN_THRESHOLD = 0.58
BRANDED_THRESHOLD = 0.75
SHORTLIST = 30
HEAD_SAID_SHORTLIST = 0.2  # what a head said adds to the score over a head not said (+0.08 against -0.12)
HEADED_SHORTLIST = 10
# What a description headed by a modifier of the name said scores against one headed by the name's head: the
# -0.12 of a head not said at all, and then some, since the word that heads it was said as something else.
MODIFIER_AS_HEAD = 0.2
# A branded product whose head is another food than any word said ("SUGARCANE BRIOCHE" for "sugarcane", "INSTANT
# PASTA ALFREDO" for "instant pasta") is that food: below the branded threshold, never a match by itself.
OTHER_PRODUCT = 0.15
UNSAID_MAKER = 0.1
# A percentage said that a description has ("2% milk", "Milk, reduced fat (2%)"): enough to pass FNDDS's default
# ("Milk, NFS") and the words it costs ("reduced fat"), not to make a food of another kind.
PERCENT_SAID = 0.1
# What USDA heads with the form ("Oil, sheanut", "Syrups, maple") is made from the food: "shea nuts" were 884 kcal of
# oil per 100 g. Said, the form is the head ("maple syrup"); not said, it is another food.
EN_MADE_FROM_HEADS = frozenset("oil juice sauce syrup flour powder gravy dressing spread".split())
# Words that end a name said without being what it is: its state, its part, a descriptor ("goat meat", "raw veal").
EN_NOT_A_HEAD = EN_COOKED_STATE | EN_RAW_WORDS | frozenset(
    "nfs ns plain regular prepared frozen drained solid liquid unprepared heated unheated enriched "
    "unenriched homemade meat flesh fillet filet steak chop slice piece strip cube ring link half fruit pad".split())
# Adjectives that begin descriptions ("Creamy dressing", "Mixed nuts", "Green beans"): never the head of a name said.
EN_ADJECTIVES = EN_MILD | EN_COOKED_STATE | EN_DESCRIPTORS | frozenset(
    "creamy soft hard hot cold mixed smoked crispy crunchy spicy sour firm old new baby mini".split())
# Where the head of a name said ends: before what it is filled with, served on, made from ("muffin filled with
# blueberries", "coconut milk from a can", "black bean sauce as a dip", "chocolate chips that contain butter"). Wider
# than EN_HEAD_BEFORE_EXTRAS below, which decides only when the head alone is ranked as a fallback.
EN_HEAD_BEFORE_WHAT_COMES_WITH = re.compile(
    r"\s+(?:[a-z]+(?:ed|en)\s+)?(?:with|in|and|or|on|from|for|as|alongside|over|that|which|containing)\s+"
    r"|,\s*")
# Two words said that are not the one word of USDA's spelling: "a sweet bread roll" was "Sweetbreads", a thymus.
NEVER_JOINED = frozenset({"sweetbread"})
# Names said whose ranking a Matcher keeps; a ranking is a few hundred bytes.
MATCH_CACHE_SIZE = 50_000
EN_HEAD_BEFORE_EXTRAS = re.compile(r"\s+(?:with|in|and|(?:made|prepared|cooked) (?:from|with|of|in))\s+|,\s*")
# "Boiled rice" is USDA's "Rice, white, cooked": the word said, written the way USDA does, counts most of the way.
SPELLED_AS_CREDIT = 0.8
DESCRIPTOR_WEIGHT = 0.5
# …and never more than a common food word: a rare one ("homemade" is in a few descriptions) weighed more than the
# food ("homemade lemonade" was unmatched at 0.45).
DESCRIPTOR_MAX_WEIGHT = 2.0
STATE_CONFLICT = 0.15
# A pulse said with no state is eaten cooked: its dry form ("mature seeds, raw") only when raw or dry is said.
DRY_PULSE_UNSAID = 0.05
# The leaves of a crop grown for its root are not the root: "boiled cassava leaves" were "Cassava, cooked" (191 kcal
# per 100 g), the nearest wrong food. USDA writes leaves as leaves, leafy tips, greens or tops. Only for root crops:
# a leaf of lettuce or cabbage is the vegetable.
ROOT_CROPS = frozenset("cassava taro yam potato beet turnip radish carrot onion".split())
LEAVES_WRITTEN = frozenset("leaf leafy green tip top".split())
# …and a plant said is not its leaves: "cowpeas" were "Cowpeas, leafy tips, raw" (29 kcal per 100 g), "cowpea
# bhaji" a bhaji of leaves, "amaranth" its leaves.
LEAVES_UNSAID = 0.15
# Words that say a mix or a powder as sold ("instant coffee", "pudding mix", "cocoa powder").
MIX_SAID = frozenset({"dry", "dried", "powder", "powdered", "mix", "instant", "dehydrated", "granule", "crystal"})
# Words that say a food is sweetened or not; a flavoured milk or drink is sweetened.
SWEETNESS_SAID = frozenset({"sweetened", "unsweetened", "sweet", "sweetness", "sweetener", "sugar", "sugary", "honey",
                            "syrup", "flavored", "flavoured"})
# Only a tie-break: of two siblings with and without salt (or sugar), the one nobody salted (or sweetened).
UNSAID_ADDITION = 0.002
CUT_THICKNESS = frozenset({"thick", "thin"})
CUT_OF_MEAT = frozenset({"steak", "chop", "cutlet", "slice", "fillet", "roast", "brisket", "ribeye", "sirloin",
                         "tenderloin", "bacon", "ham", "bologna"})
# A food said dry or as a powder: not the drink made from it ("Milk, dry, reconstituted").
DRY_WORDS = frozenset({"dry", "dried", "powder", "powdered"})
READY_TO_DRINK = frozenset({"ready", "feed"})  # "ready-to-feed", a formula made up
# Said of a powder or a mix: the drink made from it.
MADE_UP = frozenset({"reconstituted", "prepared"})
# What a food is when kept dry: never what "fresh" says.
DRY_FORMS = frozenset({"dry", "dried", "grain", "dehydrated"})
# Of what was ruled out ("without any oil"), a description that rules it out too ("…, no added fat"): more than the
# similarity of the words (0.0005 a point) gives a shorter sibling that says nothing of it.
RULED_OUT_TOO = 0.02
# A word said that the description negates ("no cheese", "without salt"): at 0.3 "meat pot pie" was "Pot pie, no
# meat", its words nearer than "Pot pie, beef".
NEGATED_CONFLICT = 0.5
# A word said and a description with its opposite ("unsalted peanut butter", "Peanut butter, smooth style, with salt"):
# siblings that differ only there tie on everything else, and the sodium or sugar shown would be the other one's.
OPPOSED_WORDS = {
    "unsalted": frozenset({"salt", "salted"}), "salted": frozenset({"unsalted"}),
    "unsweetened": frozenset({"sweetened"}), "sweetened": frozenset({"unsweetened"}),
    # Fried is not cooked in water: "fried ethiopian kale with oil" was "Kale, cooked, boiled, drained" (28 kcal
    # per 100 g against FNDDS's 69 with fat), "boiled" and "fried" tying as words a description may not have.
    "fried": frozenset({"boiled", "steamed", "poached"}), "boiled": frozenset({"fried"}),
    "steamed": frozenset({"fried"}), "poached": frozenset({"fried"}),
    # Red is not green: "fried red tomatoes" were "Fried green tomatoes", battered (216 kcal per 100 g).
    "red": frozenset({"green"}), "green": frozenset({"red"}),
}
OPPOSED_CONFLICT = 0.05
# Ripe is a state, as raw is: "fried ripe tomatoes" are not "Fried green tomatoes", battered unripe ones (216 kcal
# per 100 g), nor "ripe plantains fried" the green tostones.
UNRIPE = frozenset({"green", "underripe", "unripe"})
# "salted peanuts" against "Peanuts, …, without salt".
OPPOSED_BY_NEGATING = {"salted": "salt", "sweetened": "sugar"}
# Oil is a fat, and so are butter and lard: the fat added in cooking ruled out in any of its names is ruled out.
ADDED_FATS = frozenset({"fat", "oil", "butter", "margarine", "lard"})
# A jam said, and the words of a description that is one (a fruit's paste or butter is its jam boiled down).
JAM_SAID = frozenset({"jam", "marmalade", "preserve"})
JAM_WORDS = JAM_SAID | {"jelly", "paste", "butter", "spread", "conserve"}
# What a description of a drink says it is, for a juice said.
DRINK_WORDS = frozenset({"juice", "nectar", "drink", "beverage", "juiced", "cocktail", "smoothie", "lemonade",
                         "water", "punch", "concentrate", "ade", "cider", "soda", "tea", "shake", "syrup"})
# A drink said as one is a drink, whatever it is made of: "a 200g drink that includes white sugar and fruit compote"
# was 200 g of sugar (802 kcal), "500 grams of lemon drink" a raw lemon. Milks, coffees and alcoholic drinks are drinks
# too.
DRINK_SAID = frozenset({"drink", "beverage"})
DRINKS = DRINK_WORDS | EN_ALCOHOLIC_DRINKS | {"milk", "malted", "coffee", "liquor", "alcoholic", "formula", "kefir",
                                             "latte", "cocoa", "yogurt"}
# Words that say a food's meat is not meat: en_negated_words rules meat out of a vegan or meatless description.
MEAT_FREE_SAID = frozenset({"vegan", "vegetarian", "meatless", "substitute", "plant", "imitation", "analog"})
# Said of a food, "cooked" leaves it as FNDDS's default entry has it; steamed, fried or grilled name a method.
PLAINLY_COOKED = frozenset({"cooked"})
SPARSE_ABOVE = 50_000
SPARSE_POOL = 4_000
# Characters that shape or size a food, or name the part eaten, without changing what it is (土豆丝, 橙子, 虾肉).
ZH_NEUTRAL = ZH_SHAPES | set("子儿肉仁粒液")
ZH_NEUTRAL_CHARS = "".join(sorted(ZH_NEUTRAL))
ZH_FORM_HEADS = tuple("干汁粉酱油酒醋糖膏")  # 牛肉干, 苹果汁, 玉米油: a food made of the one before
ZH_PROCESSED_FORMS = ("脱水", "罐头", "熏")
ZH_FRESH = ("鲜", "全脂")  # the default form of a food: saying nothing means this
ZH_CUT_ANIMALS = "猪牛羊"  # CFCT prints their cuts after the meat: 猪肉（里脊）, 牛肉（后腱）, 羊肉（上脑）
ZH_EATEN_DRIED = frozenset({"核桃"})  # …except for a food whose fresh form few ever see: 核桃（鲜） is still in its husk
STATE_HINTS = {"raw": "生干", "cooked": "熟煮蒸"}
# Everyday words → the word the food tables print (羊奶 → 羊乳; 尖椒 is a 辣椒 whose qualifier says 尖).
ZH_SYNONYMS = {"奶": "乳", "花生米": "花生仁", "尖椒": "辣椒尖", "巴旦木": "大杏仁", "蛋清": "蛋白", "扇贝肉": "扇贝", "宽粉": "粉条",
               "排骨": "猪小排"}
# A word that, said alone, means one food of the table: 一张饼 is a flatbread, not 橘饼 (candied orange cake).
ZH_SAID_ALONE = {"饼": "烙饼", "大饼": "烙饼"}
ZH_COOKING_CHARS = set("清蒸红烧炒白灼水煮凉拌爆干煸油焖蒜蓉酱葱炖小手撕香煎炸切卤烤熏")
# Below this a CFCT food is a near match: it gives way to an exact name of our alias table whose head it lacks.
SURE_CFCT = 0.9
TYPE_BONUS = {"survey_fndds_food": 0.015, "sr_legacy_food": 0.01, "foundation_food": 0.0, "branded_food": 0.0}


class Candidate(NamedTuple):  # immutable: shared by every match served from the ranking cache
    position: int
    score: float


@dataclass
class MatchResult:
    status: str  # matched | unmatched
    position: int | None
    score: float
    # The whole ranking (up to 20), best first: a food with no measures borrows one from the nearest that has.
    ranked: tuple[Candidate, ...] = ()

    @property
    def alternatives(self) -> list[Candidate]:
        """The top five, shown to the user."""
        return list(self.ranked[:5])


class Matcher:
    """Scores candidates from the index; below the threshold the item is unmatched with its top five.

    The index never changes for a Matcher's life, so the ranking of a name said is kept (a bounded LRU):
    people log the same foods day after day, and a meal of foods seen before skips the scoring.
    """

    def __init__(self, index: FoodIndex, *, cache_size: int = MATCH_CACHE_SIZE):
        self.index = index
        self._ranking = functools.lru_cache(maxsize=cache_size)(self._rank) if cache_size else self._rank
        # Per matcher, like the ranking: a class-level cache would keep every replaced index alive after a refresh.
        self._written_apart = functools.lru_cache(maxsize=4096)(self._begins_more_than_joined)
        # Words that head a generic food and name one (not "mixed", not "steak": HAKE STEAKS are hake).
        self._food_heads = index.generic.head_nouns - EN_ADJECTIVES - EN_NOT_A_HEAD

    def match(self, item: SplitItem) -> MatchResult:
        chinese = item.language == "zh" or is_chinese(item.name or "")
        # English scoring reads the words said around the name; Chinese scoring does not.
        ranked, threshold = self._ranking(chinese, item.name or "", item.name_en, item.brand, item.state,
                                          "" if chinese else item.said)
        if ranked and ranked[0].score >= threshold:
            return MatchResult("matched", ranked[0].position, ranked[0].score, ranked)
        return MatchResult("unmatched", None, ranked[0].score if ranked else 0.0, ranked)

    def _rank(self, chinese: bool, name: str, name_en: str | None, brand: str | None, state: str | None,
              said: str) -> tuple[tuple[Candidate, ...], float]:
        """Candidates best first, and the score the first must reach."""
        threshold = EN_THRESHOLD
        if chinese:
            ranked = self._rank_zh(name, brand, state)
            threshold = ZH_THRESHOLD
            if (not ranked or ranked[0].score < threshold) and name_en:
                ranked = self._merge(ranked, self._rank_en(name_en, brand))
                threshold = min(threshold, EN_THRESHOLD)
        else:
            ranked = self._rank_en(name, brand, said)
            head = EN_HEAD_BEFORE_EXTRAS.split(name, maxsplit=1)[0]
            if ((not ranked or ranked[0].score < threshold) and head and head != name
                    and not set(en_tokens(head)) <= EN_FORM_WORDS):  # "salad with …" names no food of its own
                # "boiled kale with oil, onion and salt": no food is the whole dish; the food it is made of is
                # the nearest honest answer, the rest said stays in "said".
                ranked = self._merge(self._rank_en(head, brand, said, branded=False), ranked)
        return tuple(ranked), threshold

    @staticmethod
    def _merge(first: list[Candidate], second: list[Candidate]) -> list[Candidate]:
        best: dict[int, Candidate] = {}
        for candidate in first + second:
            if candidate.position not in best or best[candidate.position].score < candidate.score:
                best[candidate.position] = candidate
        # Rounded, as in _rank_tokens: siblings that tie to the last digits that mean anything keep their order
        # (the stable sort's), instead of swapping from run to run with the order sets were summed in.
        return sorted(best.values(), key=lambda c: -round(c.score, 9))

    # --- Chinese

    def _rank_zh(self, name: str, brand: str | None, state: str | None) -> list[Candidate]:
        query = zh_core(name)
        if not query:
            return []
        # Whose weight was said (生重, 煮好的) steers between raw and cooked forms of one food.
        extra = zh_core(brand or "") + STATE_HINTS.get(state or "", "")
        expansions = self._alias_expansions(query)
        # A synonym from our alias table is nearly as good as the name said; a printed name standing in
        # for a synonym a little less, so 红薯 finds 甘薯（红心）[红薯] before its sibling 甘薯（白心）.
        queries = [(query, 1.0), *((e, 0.9) for e in expansions),
                   *((v, 0.93) for v in self._printed_name_variants(query))]
        if query in ZH_SAID_ALONE:
            queries.append((ZH_SAID_ALONE[query], 0.96))
        for word, usual in ZH_SYNONYMS.items():
            if word in query:
                queries.append((query.replace(word, usual, 1), 0.96))
        if len(query) >= 3 and query[0] in ZH_CUT_ANIMALS and query[1] != "肉":
            queries.append((query[0] + "肉" + query[1:], 0.97))  # 猪里脊 is printed 猪肉（里脊）, 羊后腿 羊肉（后腿）
        plain = ZH_COOKING_PREFIX.sub("", query)
        if plain != query and len(plain) >= 2:
            queries.append((plain, 0.95))  # 水煮鸡胸肉 is 鸡胸肉, however the table spells it
        best: dict[int, float] = {}
        agreeing: dict[int, int] = {}  # how many of the spellings find the food at 0.9 or better
        # Foods whose best score came through another name of our alias food that is only a synonym in the CFCT:
        # 烤红薯 is our baked sweet potato, also called 地瓜, which the CFCT prints as a synonym of 豆薯 (jicama).
        second_hand: set[int] = set()
        for number, (variant, weight) in enumerate(queries):
            if number == 1 and any(score >= 1.0 and self.index.sources[food] == "cfct" for food, score in best.items()):
                break  # the name said is a CFCT food's printed name: other spellings cannot do better
            scored = []
            for entry_number in self._zh_candidates(variant):
                entry = self.index.zh_entries[entry_number]
                score = weight * _zh_score(variant, extra, entry)
                if entry.base != variant and entry.base in variant and (
                        self._names_another_food(variant, entry.base, entry.qualifier_text)
                        or self._cuts_a_word(variant, entry.base)):
                    # 西红柿炒鸡蛋 is a dish, not 鸡蛋: the rest names another food. 黑米粥 is 黑米 + 粥, not a 米粥.
                    score -= 0.4
                if entry.from_cfct:
                    score += 0.02  # Chinese text looks in the Chinese table first
                scored.append((entry.food, score, 1 <= number <= len(expansions) and not entry.primary))
            for food, (score, via_synonym) in _best_per_food(scored).items():
                if score >= 0.9:
                    agreeing[food] = agreeing.get(food, 0) + 1
                if score > best.get(food, -1.0):
                    best[food] = score
                    if via_synonym:
                        second_hand.add(food)
                    else:
                        second_hand.discard(food)
        for food, count in agreeing.items():
            # Two names agreeing on one food (西红柿 and, through our alias table, 番茄) settle ties.
            best[food] += 0.01 * (count - 1)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
        # Chinese text looks in the Chinese table first: a confident CFCT food beats an alias of a USDA one.
        cfct = [kv for kv in ranked if self.index.sources[kv[0]] == "cfct"]
        others = [kv for kv in ranked if self.index.sources[kv[0]] != "cfct"]
        if cfct and cfct[0][1] >= ZH_THRESHOLD:
            if self._alias_names_it_instead(query, cfct[0], others) or (cfct[0][0] in second_hand and others
                                                                         and others[0][1] >= 1.0):
                ranked = [others[0], *(kv for kv in ranked if kv is not others[0])]  # even above a higher score
            else:
                ranked = cfct + others
        return [Candidate(position, min(score, 1.0)) for position, score in ranked[:20]]

    def _alias_names_it_instead(self, query: str, top_cfct: tuple[int, float], others: list[tuple[int, float]]) -> bool:
        """醋 is vinegar through our alias table, not 醋栗 (a berry): an exact alias beats a CFCT food whose printed
        name only begins with the query and goes on. A Chinese name's head is at its end, so 醋栗 is a kind of 栗
        and not of 醋; CFCT foods found through a synonym or a spelling (红薯 → 甘薯（红心）[红薯], 鸡胸肉 → 鸡胸脯肉)
        keep their place."""
        if not others or others[0][1] < 1.0:
            return False
        base, qualifiers, _ = split_cfct_name(self.index.names_zh[top_cfct[0]] or self.index.names[top_cfct[0]])
        names = [base, *(self.index.zh_entries[n].base for n in self.index.zh_entries_by_food.get(top_cfct[0], ()))]
        if any(_names_a_product(q) and q not in query for q in qualifiers):
            # 粥 is congee, not 米粥（干）（方广鳕鱼胡萝卜营养雪花粥）, a baby cereal; 米粉 the noodles, not
            # 米粉（亨氏…营养米粉…）, even where the product's printed name is the very word said.
            return True
        if top_cfct[1] >= 1.0:
            return False
        if len(query) == 1:
            return True  # 鱼 alone is the everyday fish of our alias table, not the first CFCT food ending in 鱼 (章鱼)
        if top_cfct[1] < SURE_CFCT:
            # Chinese puts the head last: a near CFCT row none of whose names ends as the query does is another food
            # (绿茶 is tea, not 茶油; 燕麦粥 is porridge, not 燕麦; 矿泉水 is water, not 芥菜头), while 鸡腿肉 → 鸡腿 and
            # 红枣 → 枣（干） keep theirs.
            heads = {query[-1], *query.rstrip(ZH_NEUTRAL_CHARS)[-1:]}  # 鸡胸肉: 肉, or 胸 with the part word off
            if not any(name[-1] in heads or name.rstrip(ZH_NEUTRAL_CHARS)[-1:] in heads
                       for name in [*names, *qualifiers] if name):
                return True
        if any(name != query and name.startswith(query) for name in names):
            return True  # 面包 is bread, not 绿鳍马面鲀 [面包鱼], a fish
        inside_only = not any(name and name in query for name in names)
        if inside_only and any(self._cuts_a_word(name, query) for name in names):
            return True  # 薯片 is potato chips, not 甘薯片 (dried sweet potato), which is 甘薯 and 片
        if not inside_only and all(self._cuts_a_word(query, name) for name in names if name and name in query):
            return True  # 小米饭 is millet, 小米 + 饭, not 米饭 (rice) with 小 before it
        # 酱油 is soy sauce, not 豆腐干（酱油干）: said only inside a longer qualifier, the query describes another
        # food. A qualifier that is the query itself names this food's form: 培根 is 腊肉（培根）.
        return query not in base and any(query in qualifier and query != qualifier for qualifier in qualifiers)

    def _cuts_a_word(self, name: str, query: str) -> bool:
        """Does `query` inside `name` begin in the middle of a food word? 甘薯片 reads 甘薯 + 片, so 薯片 in it is
        no potato chips; in 北京烤鸭 nothing before 烤鸭 runs into it, and it is a 烤鸭."""
        at = name.find(query)
        return at > 0 and any(name[start:at + end] in self.index.zh_exact
                              for start in range(at) for end in range(1, len(query)))

    def _alias_expansions(self, query: str) -> list[str]:
        """Other Chinese names of the USDA food that `query` names exactly (水煮蛋 → 煮鸡蛋, 白煮蛋)."""
        expansions: list[str] = []
        for entry_number in self.index.zh_exact.get(query, []):
            entry = self.index.zh_entries[entry_number]
            if entry.from_cfct:
                continue
            for other in self.index.zh_entries_by_food.get(entry.food, []):
                base = self.index.zh_entries[other].base
                if base != query and base not in expansions:
                    expansions.append(base)
        return expansions[:6]

    def _names_another_food(self, query: str, base: str, qualifiers: str) -> bool:
        """Does the query, besides `base`, name another food its qualifiers do not explain?"""
        rest = query.replace(base, "\0", 1)
        for part in rest.split("\0"):
            for start in range(len(part) - 1):
                for end in range(len(part), start + 1, -1):
                    word = part[start:end]
                    if word in self.index.zh_exact and word not in qualifiers:
                        return True
        return False

    def _printed_name_variants(self, query: str) -> list[str]:
        """烤土豆 → 烤马铃薯: a CFCT synonym inside the query replaced by the printed name it stands for."""
        variants = []
        for char in dict.fromkeys(query):  # in the query's order: a set's would change from run to run
            for entry_number in self.index.zh_synonyms_by_char.get(char, ()):
                entry = self.index.zh_entries[entry_number]
                if entry.base in query:
                    variant = query.replace(entry.base, entry.printed_base, 1)
                    if variant not in variants and variant != query:
                        variants.append(variant)
        return variants[:4]

    def _zh_candidates(self, query: str) -> set[int]:
        """Entries sharing enough characters of their name, or nearly all of the query in their qualifiers."""
        chars = set(query)
        # Counted in C: a common character (肉, 豆) is in thousands of names.
        by_base = Counter(chain.from_iterable(self.index.zh_by_char.get(char, ()) for char in chars))
        need = 1 if len(query) <= 2 else 2
        found = {number for number, shared in by_base.items() if shared >= need}
        if len(chars) >= 2:
            by_qualifier = Counter(chain.from_iterable(self.index.zh_by_qualifier_char.get(char, ()) for char in chars))
            need_q = max(2, int(0.6 * len(chars) + 0.5))
            found |= {n for n, shared in by_qualifier.items() if shared + by_base.get(n, 0) >= need_q}
        return found

    # --- English

    def _rank_en(self, name: str, brand: str | None, said: str = "", *, branded: bool = True) -> list[Candidate]:
        # "coffee without sugar", "a salad without dressing": what was ruled out is not a word said of the food.
        # Read from the words said, and from our phrase's USDA words ("peeled apple" is "apples raw without skin").
        # Only the words that stop a phrase: the phrase table's answer stays cached per name for all the rest.
        said_around = _words_and_singulars(said) & en_phrase_unless_words() if said else frozenset()
        in_usda = en_in_usda_words(name, said_around)
        ruled_out = en_negated_words(name) | en_negated_words(said) | en_negated_words(in_usda)
        if ruled_out:
            # "roasted peanuts without added salt" is not "Peanuts, roasted, salted", nor no sugar "sweetened".
            ruled_out |= {opposite for opposite, word in OPPOSED_BY_NEGATING.items() if word in ruled_out}
            if not ruled_out.isdisjoint(ADDED_FATS):
                ruled_out |= ADDED_FATS  # "plantain cooked without any oil" is not FNDDS's "…, fat added"
        percents = en_percents(name)
        name_said = name
        name = (en_without_negations(en_in_usda_words(en_without_negations(name), said_around)) if ruled_out
                else in_usda)
        tokens = self._query_tokens(name, ruled_out)
        if not tokens and brand:
            # A product named only in words that elsewhere are no food: McDonald's "Big Breakfast" was unmatched,
            # with no candidates at all.
            tokens = self._query_tokens(name, ruled_out, keep_filler=True)
        if not tokens:
            return []
        head = self._query_head(name, ruled_out, tokens)
        said_tokens = frozenset(en_tokens(said))  # once for the two or three rankings below
        if brand:
            brand_tokens = en_tokens(brand)
            named = self._rank_tokens(self.index.branded, tokens + brand_tokens, said_tokens, ruled_out, head,
                                      percents)
            # SR files restaurant foods under their chain ("McDONALD'S, French Fries"): "french fries from
            # McDonald's" was the generic fries, the brand looked for among branded products only.
            # Most of the food's words too: "Gerber Second Foods apple-banana juice" is no "Babyfood, GERBER,
            # Banana with orange medley".
            food_words = set(en_tokens(name_said)) - EN_DESCRIPTORS
            chains = [c for c in self._rank_tokens(self.index.generic, tokens + brand_tokens, said_tokens, ruled_out,
                                                   head, percents)[:5]
                      if c.score >= EN_THRESHOLD and _has_brand_and_most_of(
                          set(en_tokens(self.index.names[c.position])), set(brand_tokens), food_words)]
            if chains:
                # A product of the brand with fewer of the food's words is another of its products: "POST HONEY
                # BUNCHES OF OATS with cinnamon bunches" was "POST, OATS", headed by the oats said, over SR's
                # "Cereals ready-to-eat, POST HONEY BUNCHES OF OATS with cinnamon bunches".
                def words_said_in(candidate: Candidate) -> int:
                    return len(food_words & set(en_tokens(self.index.names[candidate.position])))

                chain_words = max(map(words_said_in, chains))
                return self._merge(chains, [c for c in named
                                            if c.score >= BRANDED_THRESHOLD and words_said_in(c) >= chain_words])
            if named and named[0].score >= BRANDED_THRESHOLD:
                return named
        ranked = self._rank_tokens(self.index.generic, tokens, said_tokens, ruled_out, head, percents)
        if branded and (not ranked or ranked[0].score < EN_THRESHOLD):
            found = [c for c in self._rank_tokens(self.index.branded, tokens, said_tokens, ruled_out, head, percents)
                     if c.score >= BRANDED_THRESHOLD]
            ranked = self._merge(ranked, found)
        return ranked

    def _query_tokens(self, name: str, ruled_out: frozenset[str], *, keep_filler: bool = False) -> list[str]:
        """The food words of a name already in USDA's words, as the token indexes spell them."""
        tokens = [t for t in en_tokens(name) if (keep_filler or t not in EN_QUERY_FILLER) and t not in ruled_out]
        if not CUT_THICKNESS.isdisjoint(tokens) and not CUT_OF_MEAT.isdisjoint(tokens):
            # How thick a steak or a slice was cut is no word of the food: "a thick tenderloin steak" was unmatched,
            # "a thick sirloin steak" a maker's "Thick Cut" steaks. A thick crust or a thin mint still is.
            tokens = [t for t in tokens if t not in CUT_THICKNESS]
        tokens = [word for t in tokens for word in EN_QUERY_SYNONYMS.get(t, t).split()]
        return self._join_compounds(tokens)

    def _query_head(self, name: str, ruled_out: frozenset[str], tokens: list[str]) -> str:
        """The food a name says it is: English puts it last, before what it comes with ("mixed beans", "hog plum",
        "macaroni and cheese"), and after the words that only say its state or part ("goat meat", "raw
        veal"). Empty for a one-word name, which has no modifier to mistake for its head."""
        before_extras = EN_HEAD_BEFORE_WHAT_COMES_WITH.split(name, maxsplit=1)[0]
        words = tokens if before_extras == name else self._query_tokens(before_extras, ruled_out)
        words = [word for word in words if word not in EN_NOT_A_HEAD]
        if (len(set(tokens)) < 2 or not words or words[-1] not in self.index.generic.head_nouns
                or words[-1] in EN_ADJECTIVES):
            return ""  # a word no description begins with ("dish", "floweret") is no food to hold descriptions to
        if words[-1] in EN_FORM_WORDS:
            # "cabbage stew", "mustard sauce", "sorghum bread": a dish no table has is nearest its food ("boiled kale
            # with oil" above), and "wiener sausage" is a wiener. Also, for now, "orange cake" (an orange): tried with
            # cakes, juices and breads held to their head, intl's median error went 22.0 → 22.2 %.
            return ""
        return words[-1]

    def _join_compounds(self, tokens: list[str]) -> list[str]:
        """"crisp bread" → "crispbread", "cotton seed oil" → "cottonseed oil": one word in USDA's spelling. Not
        two words that begin more descriptions than the joined word is in: "hot dog" is "Hot dog, NFS" and a
        dozen more, and few descriptions say "hotdog"."""
        postings = self.index.generic.postings
        joined, i = [], 0
        while i < len(tokens):
            if (i + 1 < len(tokens) and tokens[i] + tokens[i + 1] in postings
                    and tokens[i] + tokens[i + 1] not in NEVER_JOINED
                    and not self._written_apart(tokens[i], tokens[i + 1])):
                joined.append(tokens[i] + tokens[i + 1])
                i += 2
            else:
                joined.append(tokens[i])
                i += 1
        return joined

    def _begins_more_than_joined(self, first: str, second: str) -> bool:
        postings = self.index.generic.postings
        if first not in postings or second not in postings:
            return False
        tokens = self.index.generic.tokens
        both = np.intersect1d(postings[first], postings[second], assume_unique=True).tolist()
        begins = sum(tokens[local][:2] == (first, second) for local in both)
        return begins > len(postings[first + second])

    def _rank_tokens(self, token_index: TokenIndex, tokens: list[str], said_tokens: frozenset[str] = frozenset(),
                     ruled_out: frozenset[str] = frozenset(), query_head: str = "",
                     percents: frozenset[str] = frozenset()) -> list[Candidate]:
        if not len(token_index.foods):
            return []
        query = list(dict.fromkeys(tokens))
        context = said_tokens - set(query) - EN_QUERY_FILLER
        # "a can of kidney beans" is the canned beans, not the raw ones: canned goes without saying.
        implied = frozenset({"canned"}) if "can" in context else frozenset()
        context |= implied
        # A word no food has still costs coverage, so a nonsense word is never matched.
        unknown_weight = 0.35 * token_index.max_idf
        weights = {token: token_index.idf.get(token, unknown_weight) for token in query}
        # "homemade", "fresh", "plain": said, but not what decides which food it is.
        weights.update({token: min(weights[token] * DESCRIPTOR_WEIGHT, DESCRIPTOR_MAX_WEIGHT)
                        for token in query if token in EN_DESCRIPTORS})
        total = sum(weights.values())
        known = [token for token in query if token in token_index.postings]
        if not known:
            return []
        # Only how it was cooked is known, not what: "baked kibe" was "Fish, NS as to type, baked or broiled", its
        # "baked" the one word any description has.
        only_how_known = len(known) < len(query) and all(
            token in EN_COOKED_STATE or token in EN_RAW_WORDS or token in EN_DESCRIPTORS for token in known)
        if len(token_index.foods) > SPARSE_ABOVE:
            # Hundreds of thousands of branded foods: score only those with one of the two rarest words,
            # looking the others up in their sorted postings instead of touching every food.
            rarest = sorted(known, key=lambda token: len(token_index.postings[token]))
            pool = token_index.postings[rarest[0]]
            if len(rarest) > 1 and len(pool) + len(token_index.postings[rarest[1]]) <= SPARSE_POOL:
                pool = _sorted_union(pool, token_index.postings[rarest[1]])
            scores = np.zeros(len(pool), dtype=np.float32)
            for token in known:
                credit = np.zeros(len(pool), dtype=np.float32)
                for word, share in _credited_words(token, token_index):
                    held = _held_in(pool, token_index.postings[word])
                    credit[held] = np.maximum(credit[held], share * weights[token])
                scores += credit
        else:
            pool = None
            scores = np.zeros(len(token_index.foods), dtype=np.float32)
            for token in known:
                credited = _credited_words(token, token_index)
                if len(credited) == 1:
                    scores[token_index.postings[token]] += weights[token]
                    continue
                credit = np.zeros(len(scores), dtype=np.float32)
                for word, share in credited:
                    hits = token_index.postings[word]
                    credit[hits] = np.maximum(credit[hits], share * weights[token])
                scores += credit
        cooked_said = [token for token in known if token in PLAINLY_COOKED]
        if pool is None and cooked_said and len(query) == 2 and len(token_index.as_eaten_defaults):
            # FNDDS's "not further specified" entries are the food as eaten: "cooked beef" is "Beef, NFS", which
            # does not say cooked, and not "Beef, bacon, cooked", which does.
            defaults = token_index.as_eaten_defaults
            scores[defaults] += (scores[defaults] > 0) * sum(weights[token] for token in cooked_said)
        hit = np.flatnonzero(scores != 0)  # nonzero() on the floats themselves is four times slower
        # Shorter descriptions first among equals: "Egg, whole, raw, fresh" before "Egg custards, dry mix".
        penalty = token_index.length_penalty[hit] if pool is None else token_index.length_penalty[pool[hit]]
        ordered = scores[hit] - penalty
        bare_name = len(query) <= 2
        if bare_name:
            # The same default bonus as the final score below, so the shortlist does not drop "Bread, white"
            # among hundreds of equally short breads.
            ordered += token_index.default_bonus[hit] if pool is None else token_index.default_bonus[pool[hit]]
        # A name of one word has no head to tell from its modifiers: the word is the head.
        head_said = query_head or (query[0] if len(query) == 1 else "")
        # Not among products, whose head is their last word ("Cheerios Toasted Whole Grain Oat Cereal").
        headed_by_it = token_index.head_postings.get(head_said) if pool is None and len(hit) > SHORTLIST else None
        if headed_by_it is not None:
            # The head bonus of the score below, ahead: "salt" shortlisted thirty of the hundreds of equally short
            # "…, cooked, with salt" and left "Salt, table" out, its "table" a word as long as their "taro".
            ordered[_positions_held(hit, headed_by_it)] += HEAD_SAID_SHORTLIST
        shortlist = hit[np.argpartition(-ordered, SHORTLIST)[:SHORTLIST]] if len(hit) > SHORTLIST else hit
        head_postings = token_index.postings.get(query_head) if pool is None and len(hit) > SHORTLIST else None
        if head_postings is not None and not len(_positions_held(np.sort(shortlist), head_postings)):
            # The best of the foods that have the head said are always in: "raw high-fat beef" shortlisted only
            # foods with the rarer "high" ("Seeds, sesame flour, high-fat"), every long beef row lost to its length.
            headed = _positions_held(hit, head_postings)
            if len(headed):
                shortlist = np.concatenate((shortlist, hit[headed[np.argsort(-ordered[headed], kind="stable")
                                                                  [:HEADED_SHORTLIST]]]))
        # The weight of the words said that a description has is its coverage, already summed above.
        coverages = (scores[shortlist] / total).tolist()
        if pool is not None:
            shortlist = pool[shortlist]
        # token_sort_ratio, with the descriptions' words sorted once when the index was built.
        similarity = process.cdist([" ".join(sorted(query))], [token_index.sorted_joined[local] for local in shortlist],
                                   scorer=fuzz.ratio, dtype=np.float32)[0].tolist() if len(shortlist) else []
        query_set = set(query)
        # An oil or a butter said is a fat said: "cornmeal mush cooked with oil" is no "Cornmeal mush, no added fat",
        # which tied with "…, fat added".
        negatable_said = query_set | {"fat"} if not ADDED_FATS.isdisjoint(query_set) else query_set
        # …and the meat of a meatless food said as one ("vegan meat crumbles", "chili with meat substitute") is no meat.
        if not MEAT_FREE_SAID.isdisjoint(query_set):
            negatable_said = negatable_said - {"meat"}
        # A kind named by what it has not ("no-bake cookie") says "no" before it too: no conflict with ", no bake".
        if "no" in query_set:
            negatable_said = negatable_said - {word for before, word in zip(tokens, tokens[1:]) if before == "no"}
        said_cooked = bool(EN_COOKED_STATE & query_set)
        # "fresh grilled maize" is fresh corn grilled, not raw: with a way of cooking said, fresh is no state.
        said_raw = bool(EN_RAW_WORDS & query_set - ({"fresh"} if said_cooked else set()))
        said_dry = not DRY_WORDS.isdisjoint(query_set)
        said_fresh = "fresh" in query_set
        said_ripe = "ripe" in query_set
        juice_said = "juice" in query_set
        drink_said = not DRINK_SAID.isdisjoint(query_set)
        jam_said = not JAM_SAID.isdisjoint(query_set)
        opposed = [(word, OPPOSED_WORDS[word]) for word in query_set if word in OPPOSED_WORDS]
        # A wine or a beer said is said to be alcoholic: SR files them all as "Alcoholic beverage, wine, …".
        forms_said = query_set | {"alcoholic"} if not EN_ALCOHOLIC_DRINKS.isdisjoint(query_set) else query_set
        if (said_dry or not query_set.isdisjoint(("mix", "concentrate"))) and query_set.isdisjoint(MADE_UP):
            # "cocoa powder" is "Cocoa powder, not reconstituted"; "cocoa powder mix reconstituted with water" and
            # "malted drink mix prepared with whole milk" are not.
            forms_said = forms_said | {"notreconstituted"}
            if said_dry:
                forms_said = forms_said | {"powder"}  # "dry infant formula" is the formula's powder
            if "concentrate" in query_set:
                forms_said = forms_said | {"undiluted"}  # "apple juice concentrate" is the concentrate as sold
        if "canned" in query_set or implied:
            forms_said = forms_said | {"condensed"}  # "canned tomato rice soup" may be the can's condensed soup
        # Locals: this loop runs for every shortlisted food of every English name.
        token_sets, heads, negated, food_percents = (token_index.token_sets, token_index.heads, token_index.negated,
                                                     token_index.percents)
        extra_costs, word_cost, default_bonus = token_index.extra_cost, token_index.word_cost, token_index.default_bonus
        dry_grain, dry_seeds, brand_led = token_index.dry_grain, token_index.dry_seeds, token_index.brand_led
        leaves, dry_mix = token_index.leaves, token_index.dry_mix
        mix_unsaid = MIX_SAID.isdisjoint(query_set)
        state_unsaid = not (said_raw or said_dry or said_cooked)
        dry_form_said = not DRY_FORMS.isdisjoint(query_set)
        dry_said_of_grain = not DRY_FORMS.isdisjoint(query_set - {"grain"})  # "boiled maize grain" says no dry form
        root_leaves_said = "leaf" in query_set and not ROOT_CROPS.isdisjoint(query_set)
        leaves_unsaid = LEAVES_WRITTEN.isdisjoint(query_set)
        data_types, names, cost_of = self.index.data_types, self.index.names, word_cost.__getitem__
        # Words said around the name are said too: "One large egg, fried in butter" was "Egg, whole, raw", its
        # "fried" costed as a word nobody said (the name is "egg").
        said_around = query_set | implied | context
        if said_dry:
            # What is sold dry is sold as a powder: "dry infant formula" is "Infant formula, …, powder".
            said_around = said_around | {"powder"}
        sweetness_unsaid = SWEETNESS_SAID.isdisjoint(said_around)
        # A description headed by a word the name only modifies its head with ("Mixed nuts" for "mixed beans", "Hog
        # maws" for "hog plum", "Yellow rice" for "yellow cheese") is that other food, unless it also has the head.
        modifiers = query_set - {query_head} if query_head else frozenset()
        head_spelled = EN_WORD_SPELLED_AS.get(query_head, query_head)
        products = token_index is self.index.branded
        food_heads = self._food_heads
        ranked: list[tuple[float, int, float, int]] = []
        for local, position, coverage, fuzzy in zip(shortlist.tolist(), token_index.foods[shortlist].tolist(),
                                                    coverages, similarity):
            food_set = token_sets[local]
            head = heads[local]
            if head in modifiers and query_head not in food_set and head_spelled not in food_set:
                score = coverage - MODIFIER_AS_HEAD
            else:
                score = coverage + (0.08 if head in query_set else -0.12)
                if head in EN_MADE_FROM_HEADS and head not in forms_said:
                    score -= MODIFIER_AS_HEAD
                if products and head not in query_set and head in food_heads:
                    score -= OTHER_PRODUCT
            # A juice said is a drink: "a cup of tart cherry juice" was "Cherries, tart, dried, sweetened" (333 kcal
            # per 100 g), no table having the juice but its makers.
            if juice_said and food_set.isdisjoint(DRINK_WORDS) or drink_said and food_set.isdisjoint(DRINKS):
                score -= MODIFIER_AS_HEAD
            # …and a jam a jam: "45g of guava jam" was "Guava, raw" (68 kcal per 100 g against 250), its fruit the
            # rarer word.
            elif jam_said and food_set.isdisjoint(JAM_WORDS):
                score -= MODIFIER_AS_HEAD
            # The description's words that were not said cost by what they are (en_extra_word_cost).
            said_words = (said_around & food_set) - negated[local]
            # "cheese pizza" is not "Pizza, no cheese": a word said that the description rules out is a conflict.
            if negated[local] and not negatable_said.isdisjoint(negated[local]):
                score -= NEGATED_CONFLICT
            has = food_set - negated[local] if negated[local] else food_set  # the words it has, not rules out
            extra_cost = extra_costs[local] - sum(map(cost_of, said_words))
            score -= extra_cost if extra_cost < 0.35 else 0.35
            # Words said around the name ("cooked and seasoned with salt") tip the balance between siblings.
            if context:
                score += min(0.02 * len(context & food_set), 0.06)
            if not EN_UNSAID_FORMS.isdisjoint(food_set) and EN_UNSAID_FORMS & food_set - forms_said:
                score -= 0.25
                if "ingredient" in food_set:
                    # A recipe's part is never what is eaten, and its dish's words are all in it: "omelet with
                    # dark-green vegetables" was "Dark green vegetables as ingredient in omelet" (0.86 against 0.82).
                    score -= 0.25
            # Raw said and cooked described, or the other way round: a sibling in the other state.
            if said_raw and "raw" not in food_set and not EN_COOKED_STATE.isdisjoint(food_set):
                score -= STATE_CONFLICT
            elif said_cooked and "raw" in food_set:
                score -= STATE_CONFLICT
            if said_ripe and not UNRIPE.isdisjoint(food_set):
                score -= STATE_CONFLICT
            # Fresh is not dried: "fresh yellow grilled maize" was "Corn grain, yellow", the dry kernels (365 kcal).
            if said_fresh and not dry_form_said and not DRY_FORMS.isdisjoint(food_set):
                score -= STATE_CONFLICT
            elif said_cooked and dry_grain[local] and not dry_said_of_grain:
                score -= STATE_CONFLICT  # …nor is grilled maize: "Corn grain, yellow" was 3x the truth's energy
            elif state_unsaid and dry_seeds[local]:
                score -= DRY_PULSE_UNSAID  # "103 g of red beans" were the dry beans, 347 kcal for 128
            # Milk powder is the powder, not "Milk, dry, reconstituted, whole", the milk made from it ("Cocoa powder,
            # not reconstituted" is the powder: its tokens say notreconstituted).
            # …nor "Infant formula, …, powder, made with water", for "20 g of baby formula powder".
            # …nor "Infant formula, …, ready-to-feed", for "25 grams of dry infant formula".
            if said_dry and ("reconstituted" in food_set or "water" in food_set and "water" not in said_around
                             or READY_TO_DRINK <= food_set):
                score -= STATE_CONFLICT
            if root_leaves_said and LEAVES_WRITTEN.isdisjoint(food_set):
                score -= MODIFIER_AS_HEAD
            elif leaves_unsaid and leaves[local]:
                score -= LEAVES_UNSAID
            if mix_unsaid and dry_mix[local]:
                score -= STATE_CONFLICT  # "sweetened lemon tea" was the instant tea powder, 802 kcal for a 200 g drink
            # Salt nobody said: SR cooks each food twice, in water with salt and without, otherwise alike; the salted
            # entry adds a fixed salting to the other, and its sodium would be shown (a cooked bean 236 mg per 100 g
            # against 1 mg). Not peanut butter's salt, which is the product's own.
            if "salt" in has and "salt" not in said_around and not EN_COOKED_STATE.isdisjoint(food_set):
                score -= UNSAID_ADDITION
            # Sugar nobody said, likewise between twins: "270 grams of coconut water" was "Coconut water, sweetened"
            # (100 kcal against 51), the shorter name of a tie.
            if "sweetened" in has and sweetness_unsaid:
                score -= UNSAID_ADDITION
            # "cornmeal mush without any added fat": a description with the fat, not ruled out, is the other food.
            if ruled_out and not ruled_out.isdisjoint(has):
                score -= STATE_CONFLICT
            elif ruled_out and not ruled_out.isdisjoint(negated[local]):
                # …and of the twins left, the one that rules it out too: "Cornmeal mush, NS as to fat" has the fat's
                # energy (71 kcal per 100 g against 58), and was first, its shorter name nearer the words said.
                score += RULED_OUT_TOO
            # "with salt" against "unsalted"; a description with both ("both salted and unsalted") does not conflict.
            for word, opposites in opposed:
                if word not in food_set and (not opposites.isdisjoint(has)
                                             or OPPOSED_BY_NEGATING.get(word) in negated[local]):
                    score -= OPPOSED_CONFLICT
            # A maker's product nobody named is not the food said: "310 g of corn flakes" was "KELLOGG'S, Corn Flakes
            # Crumbs", lemongrass in an infusion "KASHI, Lemongrass Coconut Chicken, Frozen Entree".
            if brand_led and brand_led[local] and not brand_led[local] <= said_around:
                score -= UNSAID_MAKER
            if percents and not percents.isdisjoint(food_percents[local]):
                score += PERCENT_SAID
            if bare_name:
                score += float(default_bonus[local])
            score += 0.0005 * fuzzy
            score += TYPE_BONUS.get(data_types[position], 0.0)
            if (coverage < 0.4 or only_how_known) and score > 0.49:
                score = 0.49
            # Rounded for the order: the costs above are summed over sets, whose order changes from process to
            # process, and two siblings that tie must not swap between two servers (or two runs) answering the
            # same words. Ties of length too go by the food's place in the index, not the shortlist's order:
            # argpartition's order of equals changes with every word any description has, and "raw flank steak"
            # swapped its choice and select grades when "ripe" became a descriptor.
            ranked.append((-round(score, 9), len(names[position]), position, score))
        ranked.sort()
        return [Candidate(position, max(0.0, min(score, 1.0))) for _, _, position, score in ranked[:20]]


@functools.lru_cache(maxsize=50_000)
def _words_and_singulars(said: str) -> frozenset[str]:
    """The words said around a name, as said and singular ("with added fats" says fat)."""
    words = re.findall(r"[a-z]+", fold(said))
    return frozenset(words) | frozenset(singular(word) for word in words)


# Of the food words said with a brand, the share a chain's food must have.
CHAIN_FOOD_WORDS = 0.6


def _has_brand_and_most_of(described: set[str], brand: set[str], food_words: set[str]) -> bool:
    return brand <= described and len(food_words & described) >= CHAIN_FOOD_WORDS * len(food_words)


def _sorted_union(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The sorted union of two sorted arrays of distinct indices; np.union1d hashes and sorts, ten times slower."""
    both = np.concatenate((first, second))
    both.sort()
    return both[np.concatenate(([True], both[1:] != both[:-1]))] if len(both) else both


def _held_in(pool: np.ndarray, postings: np.ndarray) -> np.ndarray:
    """Where in `pool` (sorted, distinct) the foods of `postings` (sorted, distinct) are: a mask or an index array.
    The shorter array is searched in the longer one."""
    if len(postings) < len(pool):
        at = np.minimum(np.searchsorted(pool, postings), len(pool) - 1)
        return at[pool[at] == postings]
    at = np.minimum(np.searchsorted(postings, pool), len(postings) - 1)
    return postings[at] == pool


def _positions_held(pool: np.ndarray, postings: np.ndarray) -> np.ndarray:
    """_held_in as positions in `pool`, whichever form it took."""
    held = _held_in(pool, postings)
    return np.flatnonzero(held) if held.dtype == bool else held


def _credited_words(token: str, token_index: TokenIndex) -> list[tuple[str, float]]:
    """The words in a description that count for a query word: itself, and "cooked" for "boiled"."""
    credited = [(token, 1.0)]
    if EN_WORD_SPELLED_AS.get(token) in token_index.postings:
        credited.append((EN_WORD_SPELLED_AS[token], SPELLED_AS_CREDIT))
    return credited


# Qualifiers that make a CFCT row one product: a brand (牌), a baby food's age or stage, or a long product name
# (米粉（亨氏黑米红枣营养米粉五谷系列米粉6至36个月适用）is a baby cereal, not the 米粉 of 米线).
ZH_PRODUCT_MARKERS = ("牌", "个月", "阶段", "辅食", "宝宝", "婴", "幼儿")
ZH_PRODUCT_NAME_CHARS = 8


def _names_a_product(qualifier: str) -> bool:
    return len(qualifier) >= ZH_PRODUCT_NAME_CHARS or any(marker in qualifier for marker in ZH_PRODUCT_MARKERS)


def _best_per_food(scored: list[tuple[int, float, bool]]) -> dict[int, tuple[float, bool]]:
    """Each food's best score in one spelling, and whether it came through a synonym of another name: the same
    whatever order the entries come in (a set's order changes from process to process, and so did the answer for
    猪夹心). Between equal scores, the food's own name."""
    best: dict[int, tuple[float, bool]] = {}
    for food, score, via_synonym in scored:
        held = best.get(food)
        if held is None or score > held[0] or (score == held[0] and held[1] and not via_synonym):
            best[food] = (score, via_synonym)
    return best


def _zh_score(query: str, extra: str, entry: ZhEntry) -> float:
    """How well a Chinese query names this entry: the base, then its qualifiers explaining the rest."""
    base = entry.base
    qualifier_text = entry.qualifier_text
    before = after = ""  # what the query says before and after the base, when it holds it
    if query == base:
        core, rest = (1.0 if entry.primary else 0.95), ""
    elif base in query:
        core, rest = 0.55 + 0.45 * len(base) / len(query), query.replace(base, "", 1)
        before, _, after = query.partition(base)
    elif query in base:
        share = len(query) / len(base)
        # 羊奶 inside 婴儿配方羊奶粉 says little: a short query deep inside a long name is not that food.
        core, rest = (0.5 + 0.4 * share if share >= 0.5 else 0.3 + 0.4 * share), ""
        if base.endswith(ZH_FORM_HEADS) and not query.endswith(ZH_FORM_HEADS):
            core -= 0.2  # 鱼片 is not 鱼片干, dried fish: what the name ends in is what the food is
    elif qualifier_text and query in qualifier_text:
        core, rest = 0.7, ""
    elif len(query) >= 3 and qualifier_text and entry.qualifier_chars.issuperset(query):
        core, rest = 0.65, ""  # 麦香早餐奶 in 调制乳（全脂，伊利早餐奶麦香味）
    else:
        # Only a resemblance: qualifiers may not lift it (炸鸡 is not 鸡枞（油炸）).
        return 0.8 * fuzz.ratio(query, base) / 100 - 0.1 * len(entry.qualifiers)
    # Shape words (丝, 片), the part eaten (肉, 仁, 粒) and repeats of the name (虾肉 of 对虾) add nothing;
    # a cooking method the table does not list (清蒸鲈鱼) is still that food. A cooking method is said before the
    # food: after it, the same character is the head of another food (花生酱 is a paste, not peanuts).
    cooking = set(before) & ZH_COOKING_CHARS if rest else set()
    rest = "".join(char for char in rest if char not in ZH_NEUTRAL and char not in base)
    rest = "".join(char for char in rest if char in qualifier_text or char not in cooking)
    score = core
    if "鲜" in entry.qualifiers:
        score += 0.01  # fresh is the form a person means when they say nothing else
    if query == base + "仁" or query in ZH_EATEN_DRIED:
        extra += "干"  # 核桃(仁), the shelled kernel, is the dried nut, not the fresh one in its green husk
    if extra and any(char in qualifier_text for char in extra):
        score += 0.05  # the brand or the raw/cooked state said matches this entry
    if rest:
        explained = sum(char in qualifier_text for char in rest) / len(rest)
        score += (1 - core) * 0.8 * explained
        if explained:
            # Among qualifiers that explain the query, the one with fewer other characters (烤 before 电烤).
            score -= 0.005 * sum(c not in query + extra for q in entry.qualifiers if q not in ZH_FRESH for c in q)
        if explained < 0.5 and any(c not in ZH_NEUTRAL and c not in qualifier_text for c in after):
            # Chinese puts the head noun last: 牛油果 is a fruit, not 牛油; 苹果汁 is juice, not 苹果; 牛肉馅饼 a pie.
            score -= 0.35
        else:
            score -= 0.1 * (1 - explained)
    unexplained = [q for q in entry.qualifiers if q and not any(c in query + extra for c in q) and q not in ZH_FRESH]
    score -= 0.02 * len(unexplained)
    if any(form in q and form not in query for q in entry.qualifiers for form in ZH_PROCESSED_FORMS):
        # 白菜 is the fresh cabbage, not 白菜（脱水）: a dehydrated, canned or smoked form is said when meant, even
        # where the rest of the qualifier repeats the name (猪里脊 is not 猪里脊（熏烤小里脊）).
        score -= 0.25
    if any(_names_a_product(q) for q in unexplained):
        score -= 0.08  # a branded product (烤鸭（老唐牌）) or a baby food is not the generic food that was said
    if entry.representative:
        score += 0.03
    return score

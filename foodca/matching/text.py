"""Text normalisation shared by the index and the matcher, for Chinese and English food names."""
from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

_CJK = re.compile(r"[\u3400-\u9fff]")
# A way of cooking said before one food: 清蒸鲈鱼 is 鲈鱼 (the parser and the matcher both read it).
# Characters that say how a food is cut (土豆丝, 黄瓜条, 海带结, kelp tied in knots), not what it is.
ZH_SHAPES = frozenset("丝片条块丁末段结")
ZH_COOKING_PREFIX = re.compile(r"^(?:清蒸|红烧|清炒|白灼|水煮|凉拌|爆炒|干煸|油焖|蒜蓉|酱爆|葱爆|清炖|小炒|香煎|白切)")
_NON_WORD = re.compile(r"[^0-9a-z\u3400-\u9fff]+")
# CFCT names: base（qualifiers）[synonyms]; brackets come full- or half-width.
_QUALIFIER = re.compile(r"[（(]([^）)]*)[）)]")
_SYNONYMS = re.compile(r"[\[【]([^\]】]*)[\]】]")
_SYNONYM_SPLIT = re.compile(r"[、，,；;/\s]+")

EN_STOPWORDS = frozenset(
    "a an the of and or with without in on for to from my i am is are was were be having had have eating ate "
    "enjoying consuming some made type kind style also as at by that this which".split()
)
# Words that describe a USDA food without naming it; an extra one costs little.
EN_DESCRIPTORS = frozenset(
    "raw cooked fresh nfs ns plain regular prepared commercial commercially includes all whole boiled steamed "
    "frozen drained solids liquids unprepared ready serve heated "
    "unheated enriched unenriched added salt without with fat no yes made home homemade restaurant usda food "
    "distribution program type style variety varieties mature seeds year round average skin fillet filet "
    # Descriptions are tokenised singular: "drained solids" reaches the matcher as drained, solid.
    "include solid "
    # Words of quality or of kind that a name says more often than a description: "simple butter cookie" and "firm
    # cheese" were unmatched.
    "simple traditional typical classic basic ordinary standard normal local assorted various homestyle artisan "
    "artisanal organic premium generic firm liquid freshly "
    # How a food was cut: "a cup of chopped roasted chicken" was unmatched, the word weighing as much as the food.
    # Not thick or thin, which tell pizzas apart.
    "diced chopped cubed "
    # How ripe a fruit is: "a ripe peach that weighs 137g" was unmatched, "boiled ripe plantains" the raw ones.
    "ripe "
    # What a food is filled with is the food word, not "filled": "meat-filled crepe" was "Crepe, fruit filled".
    "filled "
    # A baby food's stage tells siblings apart, but SR's "Babyfood, …" rows have none.
    "stage stage1 stage2 stage3".split()
)

# Words in what people say that describe the portion or the occasion, never the food.
EN_QUERY_FILLER = frozenset(
    "entire sizable sizeable piece portion serving order bite sized size popular delicious tasty yummy favorite "
    "favourite nice lovely treat choice square inch surface measuring single couple few several bunch batch "
    "generous hearty big huge little small medium large mini regular amount after meal dinner lunch breakfast "
    "snack family microwavable microwave heated warmed purchased bought sourced school place complete "
    "circular featuring adorned loaded served measure measures measured measuring utilizing utilized using used "
    "containing contain contains made type known intend intending prepare preparing ready specify specified "
    "consist consists consisting include includes including variety various assorted both balanced combination "
    "ideal making being does approximately approximate roughly around about weighing weigh weighs there also "
    "unpeeled peeled packed loosely heaping level common caffeinated colored coloured "
    # Words of the sentence that the meal splitter leaves on a name ("cupcake that features coconut").
    "just tonight has have had follow another add together now tiny washed refreshing taste called along "
    "into paired temperature ll designed thing forget while will make finished finish didn lined out enjoyed "
    "enjoy enjoying still its either weighed unknown feature features represents represent prefer ones "
    "ordered consume consuming consumed indulging savoring sipping possess it "
    # Tokens are singular when this is read: "fresh ones" is "fresh one"; "made with fresh ingredients".
    "one ingredient "
    # How warm it was served, or how well it was cooked: "warm roasted boneless ham" was unmatched.
    "warm perfectly juicy "
    # "the edible portion of a ripe banana" was unmatched.
    "edible "
    # …how it was bought or said: "plain corn flakes from a prepackaged container", "raw carrots included" and
    # "bottom round steak has been cooked" were unmatched. Not "lightly": "lightly salted" cashews are a food.
    "prepackaged prepacked packaged container included been "
    # Blended smooth: "liquefied cooked beans" (Guatemala's frijoles colados) were green snap beans, the unknown word
    # taking "cooked beans" off FNDDS's cooked beans.
    "liquefied liquified "
    # A food said to be of no kind in particular is the food's default: "unspecified fish" and "undetermined juice"
    # were unmatched ("unspecified" is in one SR name, a whelk).
    "unspecified undetermined unidentified nonspecific "
    # …or as first made: "original Cheerios" and "original Coca-Cola" were unmatched.
    "original".split()
)

# Adjectives that also head a few descriptions ("White sauce"); as an extra word they cost little.
EN_MILD = frozenset("white brown green red yellow black sweet dark light lean low reduced".split())

# Drinks that are alcoholic: a form nobody drinks unless they say so, and a word that says alcoholic.
EN_ALCOHOLIC_DRINKS = frozenset("vodka rum gin whiskey whisky brandy liqueur beer wine cocktail".split())

# Words that turn one food into another (apple → apple juice, tomato → tomato soup): as an extra word
# in a description they cost the most.
EN_FORM_WORDS = frozenset(
    "juice soup sauce pie cake bread salad sandwich candy cereal drink beverage powder oil flour chip cracker "
    "cookie pudding jam jelly syrup nectar puree babyfood baby toddler formula spread dip gravy dressing "
    "concentrate frozen mix casserole stew sub burrito taco pizza nugget stick bar dry dried dehydrated powdered "
    "stuffing bacon sausage jerky patty tender pickled candied bowl roll "
    # Organs and parts nobody said: "cooked beef" is not beef lungs, a duck not its liver.
    "varietymeat liver lung kidney heart tongue tripe brain spleen pancrea thymu gizzard giblet feet "
    "meatless imitation substitute analog vegetarian creamer whitener bubble kombucha alcoholic".split()
) | EN_ALCOHOLIC_DRINKS

# The form nouns among them, which say what a food made of other foods is ("Milk and cereal bar"). A sandwich
# is not among them: "Sausage biscuit sandwich" is the biscuit with sausage said.
EN_FORM_NOUNS = frozenset(
    "juice soup sauce pie cake bread salad cereal drink beverage powder oil flour chip cracker cookie "
    "pudding jam jelly syrup nectar puree spread dip gravy dressing concentrate casserole stew burrito taco "
    "pizza nugget stick bar stuffing creamer kombucha".split()
)

# Breads, and the slice said of one: what is spread with something ("bread spread with margarine") or has a fat spread
# on it ("toast with butter"), never a fat its recipe was made with.
EN_BREADS = frozenset("bread breads toast roll rolls bagel bagels bun buns biscuit biscuits cracker crackers muffin "
                      "muffins baguette slice slices".split())

# What people outside the US call a food → the word USDA descriptions use.
EN_QUERY_SYNONYMS = {
    "maize": "corn", "pig": "pork", "aubergine": "eggplant", "groundnut": "peanut",
    "bovine": "beef", "ovine": "lamb", "porcine": "pork", "passionfruit": "passion fruit",
    # "frying pork" is pork fried, not "Shortening frying (heavy duty), beef tallow".
    "frying": "fried",
    # USDA files zucchini as summer squash; FNDDS's entries named Zucchini are pickled, a muffin, a bread, a cake.
    "courgette": "zucchini squash", "zucchini": "zucchini squash",
    "minced": "ground", "grounded": "ground", "prawn": "shrimp", "coriander": "cilantro", "rocket": "arugula",
    "beetroot": "beet", "mangetout": "pea", "yoghurt": "yogurt", "porridge": "oatmeal",
    "sweetcorn": "corn", "veggie": "veggie vegetable", "mayo": "mayonnaise", "mutton": "lamb", "hen": "chicken",
    "manioc": "cassava", "yuca": "cassava", "garbanzo": "chickpea", "capsicum": "pepper",
    "spring onion": "scallion", "milkshake": "milk shake", "mince": "ground", "softdrink": "soft drink",
    "unprocessed": "raw", "uncooked": "raw", "wholemeal": "whole wheat", "iodised": "iodized",
    "deboned": "boneless",  # "a cooked, deboned fried chicken leg" was unmatched
    "curd": "yogurt", "brinjal": "eggplant", "jowar": "sorghum", "dhal": "dal", "ragi": "millet",
    "bajra": "millet", "atta": "whole wheat flour", "maida": "white flour", "paneer": "cheese paneer",
    "ghee": "butter ghee", "chapati": "chapatti", "donut": "doughnut", "omelette": "omelet", "whisky": "whiskey",
    # "179 grams of cheesy pasta" was a maker's TUNA CHEESY PASTA: no generic description says cheesy.
    "cheesy": "cheese",
    # "unsalted mashed carrots from a can" are canned ones.
    "can": "canned",
}


EN_PHRASES_CSV = Path(__file__).resolve().parent.parent / "data" / "en_phrases.csv"


@dataclass(frozen=True)
class EnPhrase:
    """A name said outside the US (or a world dish) → the words USDA descriptions use, from en_phrases.csv."""

    pattern: re.Pattern
    usda_words: str
    whole_food: bool  # a dish: the phrase names the food, whatever else was said around it ("whole maize ugali")
    alone: bool = False  # only when it is all that was said: "tea" is hot black tea, "green tea" is not
    # Not when one of these words is said with it: a "chocolate powdered drink" is no fruit drink.
    unless_said: frozenset[str] = frozenset()


_PHRASE_KINDS = frozenset({"phrase", "dish", "name"})


@functools.cache
def load_en_phrases(path: Path = EN_PHRASES_CSV) -> tuple[EnPhrase, ...]:
    """The phrase table; a malformed row is a ValueError naming the file and line, not a phrase that rewrites every
    name ("beef, roasted" unquoted once shifted a row's columns, and "beef" became " roasted|roasted beef meat")."""
    phrases = []
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            said_parts = (row.get("said") or "").split("|")
            usda_words = row.get("usda_words") or ""
            # Empty usda_words are allowed: the phrase is then left out ("made from cow milk").
            # A space opening a field is the mark of an unquoted comma ("beef, roasted") splitting a field in two.
            if (row.get("kind") not in _PHRASE_KINDS or not all(part.strip() for part in said_parts)
                    or "|" in usda_words or usda_words != usda_words.strip() or None in row):
                raise ValueError(f"{path}:{reader.line_num}: expected kind (phrase, dish or name), said (spellings "
                                 f"joined by |), usda_words, why and an optional unless_said; a field with a comma "
                                 f"must be quoted")
            # Longer spellings first, so "jowar roti" is tried before "roti"; a plural s is allowed.
            said = sorted((fold(s) for s in said_parts), key=len, reverse=True)
            pattern = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in said) + r")(?:e?s)?\b")
            phrases.append(EnPhrase(pattern, usda_words, row["kind"] in ("dish", "name"), row["kind"] == "name",
                                    frozenset((row.get("unless_said") or "").split())))
    return tuple(phrases)


@functools.cache
def en_phrase_unless_words() -> frozenset[str]:
    """Every word that stops a phrase of the table when said: the only words said around a name that matter to it."""
    return frozenset().union(*(phrase.unless_said for phrase in load_en_phrases()))


@functools.lru_cache(maxsize=50_000)
def en_in_usda_words(name: str, said_around: frozenset[str] = frozenset()) -> str:
    """apply_en_phrases with the project's phrase table, kept per name and the words said around it that stop a
    phrase: the matcher and the meal splitter both ask."""
    return _milk_fat_in_words(apply_en_phrases(name, load_en_phrases(), said_around))


# A milk or yogurt by its fat, as European labels say it: "3.6% fat yogurt" is whole milk yogurt (it was a nonfat
# vanilla one, the percentage matching nothing), "1.5% milk" reduced fat. USDA's words for each band.
_MILK_FAT_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%\s*(?:milk\s*)?(?:fat\b)?")
_MILK_OR_YOGURT = re.compile(r"\b(?:milk|yogurt|yoghurt)\b")
_USDA_MILK_PERCENTS = frozenset({1.0, 2.0, 3.25, 3.7})


def _milk_fat_in_words(name: str) -> str:
    """A name apply_en_phrases has folded, with a milk's or yogurt's fat band added after its percentage."""
    if "%" not in name or not _MILK_OR_YOGURT.search(name):
        return name

    def in_words(match: re.Match) -> str:
        percent = float(match.group(1))
        if percent in _USDA_MILK_PERCENTS:
            return match.group(0)  # USDA writes these ("Milk, reduced fat (2%)"): en_percents finds the row
        words = "whole" if percent >= 3 else "reduced fat" if percent >= 1.5 else "low fat" if percent >= 0.5 else "nonfat"
        return f"{match.group(0).rstrip()} {words} "

    return " ".join(_MILK_FAT_PERCENT.sub(in_words, name).split())


def apply_en_phrases(name: str, phrases: tuple[EnPhrase, ...], said_around: frozenset[str] = frozenset()) -> str:
    """The folded name in USDA's words; a world dish said replaces the whole name. A phrase's unless_said words
    count when said around the name too: "a can of red kidney beans" and "a boiled potato, with added fats" say
    what the name does not."""
    name = fold(name)
    for phrase in phrases:
        if phrase.alone and not phrase.pattern.fullmatch(name):
            # Said alone but for words that are no food: "cooked spaghetti served without any added salt" was
            # "Spaghetti squash, cooked" once the salt was ruled out and "served" kept "cooked spaghetti" from its row.
            # …or words that join them: "a dinner that features 300g of raw pig meat" was salt pork.
            bare = " ".join(word for word in name.split() if word not in EN_QUERY_FILLER and word not in EN_STOPWORDS)
            if bare == name or not phrase.pattern.fullmatch(bare):
                continue
            name = bare
        if phrase.pattern.search(name):
            if phrase.unless_said and not phrase.unless_said.isdisjoint(
                    said_around.union(re.findall(r"[a-z]+", name))):
                continue
            if phrase.whole_food:
                return phrase.usda_words
            name = phrase.pattern.sub(functools.partial(_in_usda_words_unless_made_into, usda_words=phrase.usda_words),
                                      name)
    return name


# Sausages, made of a meat said by its fat.
_MADE_OF_IT = frozenset("bologna frankfurter frankfurters salami pepperoni wiener wieners kielbasa bratwurst chorizo "
                        "pastrami sausage sausages".split())


def _in_usda_words_unless_made_into(found: re.Match, usda_words: str) -> str:
    """A phrase said of a sausage made of it keeps its words: "low-fat beef bologna" and "bologna made from low-fat
    beef and pork" are a bologna, not the lean beef "low-fat beef" says when it is the food."""
    around = found.string[:found.start()] + " " + found.string[found.end():]
    return found.group(0) if not _MADE_OF_IT.isdisjoint(re.findall(r"[a-z]+", around)) else usda_words


# A word said → how USDA descriptions often write it: "boiled rice" is "Rice, white, cooked", "dried pasta" is
# "Pasta, dry".
EN_WORD_SPELLED_AS = {
    **{word: "cooked" for word in "boiled steamed stewed simmered poached".split()},
    "dried": "dry", "dry": "dried", "fresh": "raw", "toast": "toasted", "beverage": "drink", "drink": "beverage",
    "flavor": "flavored", "flavour": "flavored", "reconstituted": "prepared",
    "juice": "nectar",  # a fruit's juice no table has is nearest its nectar ("guava juice" was the raw guava)
    "peel": "skin",  # "apple with peel" is SR's "Apples, raw, with skin" (it was a branded banana peel snack)
    "leaf": "leafy",  # SR writes cowpea and bitter gourd leaves as "leafy tips" ("cowpea leaves" was unsure)
    "roast": "roasted",  # "roast chicken" was "Gravy, FRANCO-AMERICAN, chicken, slow roast"
    # USDA's generic pasta is "Pasta, …"; a shape said is pasta ("whole-wheat spaghetti" was a dry branded product).
    **{word: "pasta" for word in "spaghetti penne fusilli linguine fettuccine rigatoni farfalle tagliatelle".split()},
}

# Forms nobody eats or drinks unless they say so: lemonade is not its frozen concentrate, nor vodka and lemonade.
EN_UNSAID_FORMS = frozenset(
    "concentrate powder unprepared undiluted alcoholic separablefat seamfat externalfat skinonly notreconstituted "
    "nondairy pickled evaporated "
    # A meat's sausages: "raw low-fat beef" is not "Bologna, beef, low fat".
    "bologna frankfurter salami pepperoni wiener kielbasa bratwurst chorizo pastrami "
    # Nobody eats a soup condensed: "a bowl of chicken noodle soup" was "Soup, chicken noodle, canned, condensed",
    # twice the soup's energy. "condensed milk" says it.
    "condensed "
    # A drink's zero-calorie version: "fruit-flavored artificial beverage" was "Beverages, Propel Zero, …" (5 kcal).
    "zero "
    # A cake without flour, a kind of its own: "a slice of chocolate cake" was "Cake, chocolate, flourless" (410 kcal
    # per 100 g against 303-355 for FNDDS's chocolate cakes), the shortest name of a tie.
    "flourless "
    # The fat of a pig and its fattiest cut: "raw pork" was "Pork, fresh, belly, raw", 518 kcal per 100 g. Nor is
    # meat the whole carcass, its fat and all: "raw lean and fat beef" was "Beef, carcass, …, choice, raw" (291).
    "backfat belly carcass "
    # FNDDS's parts of a recipe: "a sandwich made with Nutella spread on wheat bread" was "Wheat bread as ingredient
    # in sandwiches", "an omelet filled with dark-green vegetables" "Dark green vegetables as ingredient in omelet".
    "ingredient".split()
) | EN_ALCOHOLIC_DRINKS


# FNDDS marks its default entry for a food "NFS" (not further specified); white rice and whole milk are the
# defaults of their foods.
EN_DEFAULT_MARK = "nfs"
EN_DEFAULT_WORDS = frozenset({"white", "whole", "regular", "plain"})

# A food's state said, and the state a description is in: fresh tomatoes are not "Tomatoes, fresh, cooked".
EN_RAW_WORDS = frozenset("raw fresh uncooked unprocessed".split())
EN_COOKED_STATE = frozenset(
    "cooked boiled steamed stewed simmered poached fried baked roasted grilled broiled braised sauteed toasted "
    "brewed scrambled".split()
)

# "without the peel" rules out the peel, not "the"; "without fats or oils" both, and "without oil, salt or sugar"
# all three, "without the skin or breading" both. Only what is added in cooking is read as listed: "coffee without
# sugar and milk" may be a coffee and a milk.
_ADDED_IN_COOKING = (r"(?:fats?|oils?|salt|sugars?|butter|margarine|lard|sweeteners?|spices?|seasonings?|breading|coating"
                     r"|batter)")
_NEGATED = re.compile(r"\b(?:no|without|minus|excluding|free of|(?:do|does|did)(?:n't|n’t| not) (?:have|contain))\s+"
                      r"(?:any\s+|the\s+|its\s+|their\s+)?(?:added\s+)?([a-z]+)"
                      rf"((?:(?:\s*,\s*|\s+(?:or|and|nor)\s+|\s*,\s*(?:or|and|nor)\s+)(?:any\s+)?(?:added\s+)?"
                      rf"{_ADDED_IN_COOKING}\b)*)")
# FNDDS's parts left on the plate: "Chicken thigh, fried, coated, skin / coating not eaten"; said, "skin not
# included".
# …and "skin removed", "skin and bone taken off": SR's "…, skin and breading removed".
# A list joined by "and" only after a comma or an article: "fried chicken thigh and bone taken off" is no thigh left.
_NOT_EATEN = re.compile(r"(?:(?:^|,\s*|\b(?:the|its|their|with)\s+)((?:[a-z]+\s+and\s+)+[a-z]+)"
                        r"|\b((?:[a-z]+\s*/\s*)*[a-z]+))\s+(?:not (?:eaten|included)|removed|taken off|taken out)\b")
_LISTED = re.compile(r"[a-z]+")
# A maker's "MEAT FREE BURGERS" or "MEAT LOVERS VEGAN BURGERS" has no meat: "raw meat burger" found them, its
# words all said.
_MEAT_FREE = re.compile(r"\bmeat[\s-]*free\b|\bmeatless\b|\bvegan\b|\bvegetarian\b")
_NOT_LISTED = frozenset({"or", "and", "nor", "any", "added"})
_NO_NEGATED: frozenset[str] = frozenset()


def en_without_negations(name: str) -> str:
    """What was said without what it rules out: "cornmeal mush without any added fat" → "cornmeal mush"."""
    return _NOT_EATEN.sub(" ", _NEGATED.sub(" ", fold(name))).strip()


def en_negated_words(description: str) -> frozenset[str]:
    """Words a description says the food does not have: "Fruit salad, …, no dressing" → {dressing}."""
    folded = fold(description)
    found = _NEGATED.findall(folded)
    left_on_the_plate = " not " in folded or "removed" in folded or " taken o" in folded
    meat_free = _MEAT_FREE.search(folded) is not None
    if not found and not left_on_the_plate and not meat_free:  # most of the 393,000 descriptions at index build
        return _NO_NEGATED
    words = [word for first, listed in found for word in (first, *_LISTED.findall(listed)) if word not in _NOT_LISTED]
    if meat_free:
        words.append("meat")
    if left_on_the_plate:
        words += [word for listed in _NOT_EATEN.findall(folded) for parts in listed for word in _LISTED.findall(parts)
                  if word not in _NOT_LISTED]
    return frozenset(map(singular, words)) if words else _NO_NEGATED


def en_extra_word_cost(word: str, head_nouns: frozenset[str]) -> float:
    """An extra food noun (banana in "Peppers, banana") changes the food; an extra adjective less so."""
    if word in EN_DESCRIPTORS:
        return 0.0
    if word in EN_FORM_WORDS:
        return 0.15
    return 0.08 if word in head_nouns and word not in EN_MILD else 0.03


def en_name_tokens(description: str) -> tuple[list[str], list[str]]:
    """en_tokens of a description's name (before its first comma) and of the rest; together, en_tokens of the whole:
    no rule of en_tokens reaches across a comma."""
    name, _, rest = description.partition(",")
    return en_tokens(name), en_tokens(rest) if rest else []


def en_named_forms(description: str) -> frozenset[str]:
    """Form nouns after the first word of a description's name (before its first comma): "Milk and cereal bar" is a
    bar. A form noun that opens the name is a class ("Cereals ready-to-eat, POST, …") said by its members' names."""
    words, _ = en_name_tokens(description)
    return frozenset(words[1:]) & EN_FORM_NOUNS


def en_compound_form(description: str) -> frozenset[str]:
    """"Pancake syrup" is a syrup: the form noun that ends a name of one compound (no "with", "and"), or nothing."""
    name = description.partition(",")[0]
    words, _ = en_name_tokens(description)
    if len(words) < 2 or _JOINED_FOODS.search(name):
        return frozenset()
    return frozenset({words[-1]}) & EN_FORM_NOUNS


def en_one_word_name(description: str) -> frozenset[str]:
    """The food an SR name of one word is: "Syrups, table blends, pancake, with 2% maple" is a syrup, "Sauce, pasta,
    spaghetti/marinara" a sauce. Nothing for a name of more words ("Sausage biscuit sandwich", "Oat milk")."""
    words, _ = en_name_tokens(description)
    return frozenset(words) if len(words) == 1 else frozenset()


_JOINED_FOODS = re.compile(r"\b(?:with|and|or|in|on)\b|&", re.IGNORECASE)


def is_chinese(text: str) -> bool:
    return bool(_CJK.search(text))


_WITH_WRITTEN_SHORT = re.compile(r"\bw/(o\b)?\s*")


def fold(text: str) -> str:
    """NFKC (full-width → half-width), lower case, trimmed; Latin accents dropped (sautéed → sauteed); "w/" and
    "w/o" as typed in a log are with and without ("apple w/peel" was unmatched: "w" is no food word)."""
    text = unicodedata.normalize("NFKC", text).strip().lower()
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        text = unicodedata.normalize("NFKC", text)
    if "w/" in text:
        text = _WITH_WRITTEN_SHORT.sub(lambda found: "without " if found.group(1) else "with ", text)
    return text


# Plurals the rules below would get wrong: "cookies" was "cooky", which no "Cookie, NFS" has, so "2 cookies" were
# fortune cookies; "two pies" were marshmallow cookies ("includes marshmallow pies").
_IRREGULAR_PLURALS = {"cookies": "cookie", "pies": "pie", "brownies": "brownie", "smoothies": "smoothie",
                      "veggies": "veggie", "hoagies": "hoagie", "smokies": "smokie", "calories": "calorie",
                      "chilies": "chili", "chillies": "chilli", "quiches": "quiche", "brioches": "brioche",
                      "leaves": "leaf", "loaves": "loaf", "halves": "half"}


def singular(token: str) -> str:
    if len(token) <= 3 or token.endswith("ss"):
        return token
    if token in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[token]
    if token.endswith("ies"):
        return token[:-3] + "y"
    if token.endswith(("oes", "ches", "shes", "xes", "sses")):
        return token[:-2]
    if token.endswith("s") and not token.endswith(("us", "is")):
        return token[:-1]
    return token


# FNDDS writes its defaults as "Chicken, NS as to part and cooking method, NS as to skin eaten": what is not
# specified is not a word of the food, so the clause is left out: a bare "chicken" is then nearest to that entry.
_NOT_SPECIFIED = re.compile(r"\bns as to [^,()]*")


# Two USDA words that together name another food, kept as one word: SR's "separable fat" rows (and veal's "seam fat
# only", "external fat only") are the fat trimmed off a cut, "variety meats" are organs and "non-dairy milk" is no
# milk, so that "fat", "meat" or "milk" said ("raw medium-fat beef", "beef meat cooked", "coffee with milk") does not
# find them; "Cocoa powder, not reconstituted" is no cocoa reconstituted with water, which "reconstituted" found;
# "cooked, dry heat" is a way of cooking, not a dried fish ("boiled dried fish" was "Fish, monkfish, cooked, dry
# heat"); a juice "from concentrate" is the juice, not the concentrate said; a chop suey is no chop ("70 g of frying
# beef chop" was "Beef chow mein or chop suey, no noodles"); fruit canned in a "juice pack" is no juice ("tart cherry
# juice" was canned sweet cherries). EN_UNSAID_FORMS keeps the trimmed fat
# for whoever says "separable fat"; organs are found by their own names (kidney, liver).
_USDA_COMPOUND = re.compile(r"\b(separable|seam|external) (fat)\b|\b(variety) (meats?)\b|\b(non)[\s-]?(dairy)\b"
                            r"|\b(not) (reconstituted)\b|\b(dry) (heat)\b|\b(from) (concentrate)\b|\b(chop) (suey)\b"
                            r"|\b(juice) (pack)\b")
# Fruit canned in its juice, said as people say it: "canned peaches in juice" is "Peach, canned, juice pack".
_IN_JUICE = re.compile(r"\b(?:packed )?in (?:its |their )?(?:own |natural |fruit )?juices?\b")
_LOW_FAT = re.compile(r"\blow[\s-]?fat\b")
_WHOLE_WHEAT = re.compile(r"\bwhole[\s-]+wheat\b")
_STAGE = re.compile(r"\bstage (\d)\b")
# "2% milk", "Milk, reduced fat (2%)": see en_percents. Not 100 %, a claim rather than a kind ("100% whole wheat").
_PERCENT = re.compile(r"\b(\d{1,2})(?:\.(\d+))?\s*%")
_NO_PERCENTS: frozenset[str] = frozenset()


# The skin alone, a part nobody eats unless they say so: "Potatoes, raw, skin" was "raw potato" (100 intl items),
# "Chicken skin" a "griddled chicken", "Turkey, skin from whole, (light and dark), raw" "raw turkey" (407 kcal per
# 100 g). Not "with skin", "flesh and skin", "includes skin", "baked in skin".
_SKIN_ONLY = re.compile(
    r"(?<!with )(?<!and )(?<!without )(?<!includes )(?<!in )(?<!no )\bskins?(?: only)?(?=\s*(?:,|\(|$|from\b))")


def en_tokens(text: str) -> list[str]:
    """Food words of an English name: folded, singular, without stop words."""
    text = _USDA_COMPOUND.sub(lambda found: "".join(filter(None, found.groups())).rstrip("s"),
                              _NOT_SPECIFIED.sub(" ", fold(text).replace("'s", "")))
    text = _SKIN_ONLY.sub("skinonly", text)
    if "juice" in text:
        text = _IN_JUICE.sub("juicepack", text)
    if "stage" in text:
        # Numbers are no words, but a baby food's stage tells "Baby Toddler apples, Stage 1" from Stage 2.
        text = _STAGE.sub(r"stage\1 stage", text)
    if "poppyseed" in text:
        # SR writes "Oil, poppyseed" and "Spices, poppy seed": joined, "poppy seeds" were the oil.
        text = text.replace("poppyseed", "poppy seed")
    if "meatloaf" in text:
        text = text.replace("meatloaf", "meat loaf")  # FNDDS's "Meat loaf, …": "a slice of meatloaf" was a sandwich
    if "low" in text:
        # SR writes "lowfat", FNDDS "low fat": "low fat milk" was "Milk, chocolate, lowfat", the one with the joined
        # word. Fat stays a word of its own: "2% fat yogurt" is "Yogurt, low fat milk, plain".
        text = _LOW_FAT.sub("lowfat fat", text)
    if "whole" in text:
        # Whole wheat is a kind of wheat, not a wheat said whole: "wheat bread" was "Bread, whole wheat", whose
        # "whole" costs nothing as a descriptor. The joined word keeps "wheat" for "whole wheat" said.
        text = _WHOLE_WHEAT.sub("wholewheat wheat", text)
    words = _NON_WORD.sub(" ", text).split()
    return [singular(word) for word in words if word not in EN_STOPWORDS and not word.isdigit()]


def en_percents(text: str) -> frozenset[str]:
    """The percentages a name says ("2% milk" → {"2"}, "3.25% milkfat" → {"3.25"}). Not words: said numbers are
    dropped from en_tokens, and a percentage no description has ("3% milk") must not cost a name its match. They
    only tell siblings apart: "2% milk" is "Milk, reduced fat (2%)", "90% lean ground beef" the 90 % lean row."""
    if "%" not in text:
        return _NO_PERCENTS
    return frozenset(whole + (f".{part}" if part else "") for whole, part in _PERCENT.findall(text))


def zh_core(text: str) -> str:
    """Only the CJK and alphanumeric characters: '鸡蛋（煮）' → '鸡蛋煮'."""
    return _NON_WORD.sub("", fold(text))


def split_cfct_name(name: str) -> tuple[str, list[str], list[str]]:
    """'马铃薯（烤）[土豆、洋芋]' → ('马铃薯', ['烤'], ['土豆', '洋芋'])."""
    folded = fold(name)
    synonyms = [s for group in _SYNONYMS.findall(folded) for s in _SYNONYM_SPLIT.split(group) if s]
    qualifiers = [q for group in _QUALIFIER.findall(folded) for q in re.split(r"[，,、]", group) if q.strip()]
    base = _SYNONYMS.sub("", _QUALIFIER.sub("", folded))
    return zh_core(base), [zh_core(q) for q in qualifiers], [zh_core(s) for s in synonyms]

"""What a splitter hands to the matcher: the items a person said, with amounts but never nutrients."""
from __future__ import annotations

from dataclasses import dataclass, field

WEIGHT_UNITS_G = {"g": 1.0, "kg": 1000.0, "斤": 500.0, "两": 50.0, "oz": 28.3495, "lb": 453.592}
VOLUME_UNITS_ML = {"ml": 1.0, "l": 1000.0, "fl oz": 29.5735}
# A share said in words, by its denominator: "one-sixth of an 8-inch pie", "an eighth of a cake".
SHARE_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                      "eighth": 8, "ninth": 9, "tenth": 10, "twelfth": 12, "sixteenth": 16}


@dataclass
class SplitItem:
    """One food as said: "一小盘西红柿炒鸡蛋" → name 西红柿炒鸡蛋, quantity 1, size small, unit 盘."""

    said: str  # the words as said, for display
    name: str  # the food, normalised, in the text's language ("西红柿炒鸡蛋", "white rice")
    language: str  # "zh" | "en"
    quantity: float | None = None  # 2, 0.5; None when not said
    unit: str | None = None  # household unit as said, normalised: 个 碗 盘 杯 … / cup tbsp tsp slice piece …
    size: str | None = None  # "small" | "medium" | "large" (小/中/大)
    grams: float | None = None  # weight in grams when stated, or the model's estimate
    grams_source: str | None = None  # "stated" | "model" | "recipe" | "shared" (one weight said for two foods)
    volume_ml: float | None = None  # volume in ml when stated (毫升, L, fl oz)
    name_en: str | None = None  # English name for USDA lookups (model splitter)
    brand: str | None = None  # a brand named in the text (特仑苏, Cheerios)
    state: str | None = None  # "raw" | "cooked" when the text says whose weight it is (生重, dry weight)
    components: list[SplitItem] = field(default_factory=list)  # a composite dish split into ingredients


@dataclass
class Split:
    """A splitter's answer: the items in the order said, and which splitter produced them."""

    items: list[SplitItem]
    parser: str  # "offline" | "llm:<model>"

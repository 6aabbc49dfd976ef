"""The shape every extractor hands to the loader: plain pandas DataFrames with these columns."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

import pandas as pd

from foodca.models.food import CORE_NUTRIENTS

# `nutrients` is compact JSON text keyed by FDC nutrient id, e.g. '{"1087":12.0,"1089":0.5}'.
FOOD_COLUMNS = [
    "source_id", "data_type", "name", "name_zh", "category", "brand", "gtin", "edible_pct",
    *CORE_NUTRIENTS, "energy_basis", "nutrients", "flags",
]
PORTION_COLUMNS = ["source_id", "seq", "amount", "unit", "description", "gram_weight"]
ALIAS_COLUMNS = ["source_id", "text", "language"]
# action: rejected (row not imported) | fixed (imported after an unambiguous fix) | warning (imported, value set to NULL)
REPORT_COLUMNS = ["file", "line", "source_id", "name", "action", "reason"]
NUTRIENT_COLUMNS = ["id", "name", "unit_name", "nutrient_nbr"]


def nutrients_json(values: dict[int | str, float]) -> str:
    """Serialise the non-core nutrients the way the USDA extractor does, so hashes compare."""
    ordered = sorted(((int(k), float(v)) for k, v in values.items() if v is not None), key=lambda kv: kv[0])
    return "{" + ",".join(f'"{k}":{json.dumps(v)}' for k, v in ordered) + "}"


@dataclass
class Extract:
    """What one extractor produced from one or more release files."""

    source: str  # usda | cfct
    release_name: str
    files: list[dict] = field(default_factory=list)  # [{"name", "sha256", "bytes"}]
    data_types: set[str] = field(default_factory=set)  # data types this release covers (for retirement)
    foods: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=FOOD_COLUMNS))
    portions: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PORTION_COLUMNS))
    aliases: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ALIAS_COLUMNS))
    report: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=REPORT_COLUMNS))
    nutrient_names: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=NUTRIENT_COLUMNS))
    notes: list[str] = field(default_factory=list)  # lines for the summary ("27 rows use nutrient 2066 ...")

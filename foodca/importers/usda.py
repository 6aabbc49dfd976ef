"""USDA FoodData Central CSV releases → the loader's frames. One code path for all four data types."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from tqdm import tqdm

from foodca.importers.errors import ImportFileError
from foodca.importers.frames import (
    ALIAS_COLUMNS, FOOD_COLUMNS, NUTRIENT_COLUMNS, PORTION_COLUMNS, REPORT_COLUMNS, Extract,
)
from foodca.importers.release_files import ReleaseFiles

IMPORTED_TYPES = ("foundation_food", "sr_legacy_food", "survey_fndds_food", "branded_food")
ZH_ALIASES_CSV = Path(__file__).resolve().parent.parent / "data" / "zh_aliases.csv"

# Core columns and the FDC nutrient ids they are read from, in order of preference.
CORE_SOURCES = {
    "protein_g": (1003,),
    "fat_g": (1004, 1085),
    "carb_g": (1005, 1050),
    "fiber_g": (1079,),
    "sugars_g": (2000, 1063),
    "sodium_mg": (1093,),
}
ENERGY_KCAL_SOURCES = (1008, 2048, 2047)  # Energy; Atwater specific; Atwater general
ENERGY_KJ = 1062
# These ids live in columns; every other nutrient stays in Food.nutrients.
COLUMN_IDS = (1008, 1003, 1004, 1005, 1079, 2000, 1093)
MACRO_COLUMNS = ("protein_g", "fat_g", "carb_g", "fiber_g", "sugars_g")
# Mass units a branded serving can be converted from; ml is taken at 1 g/ml (noted per food).
SERVING_GRAMS_PER_UNIT = {"g": 1.0, "grm": 1.0, "ml": 1.0, "mlt": 1.0}


def extract_usda(paths: list[Path], aliases_csv: Path | None = ZH_ALIASES_CSV, progress: bool = False) -> Extract:
    """Read every release in `paths` into one Extract; raises ImportFileError naming the file and line."""
    releases = [ReleaseFiles(Path(path)) for path in paths]
    zh_names = load_zh_aliases(aliases_csv) if aliases_csv else {}
    parts = []
    with tqdm(releases, desc="reading releases", unit=" release", disable=not progress, leave=False) as bar:
        for release in bar:
            bar.set_postfix_str(release.label)
            parts.append(_extract_release(release, zh_names))
    extract = Extract(
        source="usda",
        release_name=" + ".join(release.label for release in releases),
        files=[release.describe() for release in releases],
    )
    extract.data_types = set().union(*(part.data_types for part in parts))
    extract.foods = pd.concat([part.foods for part in parts], ignore_index=True)
    duplicated = extract.foods["source_id"].duplicated()
    if duplicated.any():
        first = extract.foods.loc[duplicated, "source_id"].iloc[0]
        raise ImportFileError(extract.release_name, f"fdc_id {first} appears in more than one release file")
    extract.portions = pd.concat([part.portions for part in parts], ignore_index=True)
    extract.aliases = pd.concat([part.aliases for part in parts], ignore_index=True)
    extract.report = pd.concat([part.report for part in parts], ignore_index=True)
    extract.nutrient_names = (
        pd.concat([part.nutrient_names for part in parts], ignore_index=True).drop_duplicates("id", keep="last")
    )
    extract.notes = [note for part in parts for note in part.notes]
    return extract


def load_zh_aliases(path: Path) -> dict[str, list[str]]:
    """fdc_id → Chinese names (preferred first) from the project's own alias table. A food may have several rows,
    one per set of unit weights (饺子 and 烧麦 are both FNDDS's steamed dumpling): their names add up. They were
    a dict of rows, and the last row of a food took all its names: 饺子 found "Wonton wrappers"."""
    if not path.exists():
        return {}
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    names: dict[str, list[str]] = {}
    for row in table.itertuples():
        if row.fdc_id.strip():
            found = names.setdefault(row.fdc_id.strip(), [])
            found += [name.strip() for name in row.zh_names.split("|") if name.strip() and name.strip() not in found]
    return {fdc_id: found for fdc_id, found in names.items() if found}


def _extract_release(release: ReleaseFiles, zh_names: dict[str, list[str]]) -> Extract:
    part = Extract(source="usda", release_name=release.label)
    food = release.read_csv("food.csv", {"fdc_id": "int", "data_type": "str", "description": "str", "food_category_id": "str"})
    food["line"] = food.index + 2
    food = food[food["data_type"].isin(IMPORTED_TYPES)].drop_duplicates("fdc_id")
    if food.empty:
        raise ImportFileError(release.where("food.csv"), f"has no rows of data type {', '.join(IMPORTED_TYPES)}")
    part.data_types = set(food["data_type"].unique())
    food = food.set_index("fdc_id")

    nutrients = _nutrients_by_food(release, food.index, part)
    foods = pd.DataFrame(index=food.index)
    foods["source_id"] = food.index.astype(str)
    foods["data_type"] = food["data_type"]
    foods["name"] = food["description"].str.strip()
    foods["category"] = _categories(release, food)
    foods["brand"] = None
    foods["gtin"] = None
    foods["edible_pct"] = np.nan
    _core_columns(nutrients, foods)
    foods["nutrients"] = _nutrients_json(nutrients).reindex(food.index).fillna("{}")

    portions = _portions(release, food.index)
    if "branded_food" in part.data_types:
        branded_portions = _branded(release, foods)
        portions = pd.concat([portions, branded_portions], ignore_index=True)

    names = foods["source_id"].map(zh_names)
    foods["name_zh"] = names.map(lambda found: found[0] if isinstance(found, list) else None)
    part.aliases = pd.DataFrame(
        [(source_id, text, "zh") for source_id, found in names.dropna().items() for text in found],
        columns=ALIAS_COLUMNS,
    )
    if not part.aliases.empty:
        part.aliases["source_id"] = part.aliases["source_id"].astype(str)

    rejected = _rejections(foods)
    part.report = pd.DataFrame({
        "file": release.where("food.csv"),
        "line": food.loc[rejected.index, "line"].values,
        "source_id": foods.loc[rejected.index, "source_id"].values,
        "name": foods.loc[rejected.index, "name"].values,
        "action": "rejected",
        "reason": rejected.values,
    }, columns=REPORT_COLUMNS)
    foods = foods.drop(index=rejected.index)
    part.foods = foods[FOOD_COLUMNS].reset_index(drop=True)
    portions = portions[portions["fdc_id"].isin(foods.index)]
    part.portions = portions.assign(source_id=portions["fdc_id"].astype(str))[PORTION_COLUMNS].reset_index(drop=True)
    part.aliases = part.aliases[part.aliases["source_id"].isin(part.foods["source_id"])].reset_index(drop=True)
    counts = food["data_type"].value_counts()
    part.notes.insert(0, f"{release.label}: " + ", ".join(f"{n:,} {kind}" for kind, n in counts.items())
                      + (f"; {len(rejected):,} rejected" if len(rejected) else ""))
    return part


def _nutrients_by_food(release: ReleaseFiles, food_ids: pd.Index, part: Extract) -> pd.DataFrame:
    names = release.read_csv("nutrient.csv", {"id": "int", "name": "str", "unit_name": "str", "nutrient_nbr": "str"})
    names["nutrient_nbr"] = names["nutrient_nbr"].replace("", None)
    part.nutrient_names = names[NUTRIENT_COLUMNS]
    rows = release.read_csv("food_nutrient.csv", {"fdc_id": "int", "nutrient_id": "int", "amount": "float"})
    rows = rows[rows["fdc_id"].isin(food_ids) & rows["amount"].notna()]
    known_ids = rows["nutrient_id"].isin(names["id"])
    if len(rows) and known_ids.mean() < 0.5:
        # Some FDC survey bundles store nutrient numbers (208) where ids (1008) belong.
        by_number = {int(float(nbr)): nid for nid, nbr in zip(names["id"], names["nutrient_nbr"])
                     if nbr and float(nbr).is_integer()}
        translated = rows["nutrient_id"].map(by_number)
        if translated.notna().mean() > known_ids.mean():
            rows = rows.assign(nutrient_id=translated).dropna(subset=["nutrient_id"])
            rows["nutrient_id"] = rows["nutrient_id"].astype("int64")
            part.notes.append(f"{release.where('food_nutrient.csv')}: nutrient numbers (e.g. 208) found instead of ids; translated to ids")
            known_ids = rows["nutrient_id"].isin(names["id"])
    unknown = rows.loc[~known_ids, "nutrient_id"]
    if len(unknown):
        listed = ", ".join(str(n) for n in sorted(unknown.unique())[:5])
        part.notes.append(f"{release.where('food_nutrient.csv')}: {len(unknown):,} rows use nutrient ids not in nutrient.csv ({listed}); kept")
    if pd.Series(rows["fdc_id"].to_numpy() * 100_000 + rows["nutrient_id"].to_numpy()).duplicated().any():
        rows = rows.drop_duplicates(["fdc_id", "nutrient_id"])
    return rows


def _core_columns(rows: pd.DataFrame, foods: pd.DataFrame) -> None:
    def values(nutrient_id: int) -> pd.Series:
        picked = rows.loc[rows["nutrient_id"] == nutrient_id, ["fdc_id", "amount"]]
        return picked.set_index("fdc_id")["amount"].reindex(foods.index)

    for column, ids in CORE_SOURCES.items():
        series = values(ids[0])
        for fallback in ids[1:]:
            series = series.fillna(values(fallback))
        foods[column] = series
    energy = pd.Series(np.nan, index=foods.index)
    basis = pd.Series(None, index=foods.index, dtype=object)
    for nutrient_id in ENERGY_KCAL_SOURCES:
        found = values(nutrient_id)
        use = energy.isna() & found.notna()
        energy[use], basis[use] = found[use], f"usda:{nutrient_id}"
    from_kj = values(ENERGY_KJ) / 4.184
    use = energy.isna() & from_kj.notna()
    energy[use], basis[use] = from_kj[use], f"usda:{ENERGY_KJ}"
    macros = foods[["protein_g", "fat_g", "carb_g"]]
    atwater = 4 * macros["protein_g"].fillna(0) + 9 * macros["fat_g"].fillna(0) + 4 * macros["carb_g"].fillna(0)
    # A missing macro counts as 0 only when the measured ones already make up the food (oils, butter).
    complete = macros.notna().all(axis=1) | (macros.sum(axis=1) >= 80)
    use = energy.isna() & complete
    energy[use], basis[use] = atwater[use], "atwater_4_4_9"
    foods["energy_kcal"] = energy
    foods["energy_basis"] = basis
    # Carbohydrate "by difference" dips slightly below zero for some meats; it means none.
    slightly_negative = foods["carb_g"].between(-2, 0, inclusive="left")
    foods.loc[slightly_negative, "carb_g"] = 0.0
    foods["flags"] = np.where(slightly_negative, "negative_carb_set_to_0", None)


def _nutrients_json(rows: pd.DataFrame) -> pd.Series:
    """fdc_id → '{"1087":12,...}' for the non-column nutrients; built in Arrow, as Python loops take seconds here."""
    rest = rows[~rows["nutrient_id"].isin(COLUMN_IDS)].sort_values(["fdc_id", "nutrient_id"])
    pairs = pc.binary_join_element_wise(
        pa.scalar('"'), pc.cast(pa.array(rest["nutrient_id"].to_numpy()), pa.string()), pa.scalar('":'),
        pc.cast(pa.array(rest["amount"].to_numpy()), pa.string()), "",
    )
    table = pa.table({"fdc_id": pa.array(rest["fdc_id"].to_numpy()), "pair": pairs})
    # Without threads the group keeps the input order, so keys stay sorted and the text is stable.
    grouped = table.group_by("fdc_id", use_threads=False).aggregate([("pair", "list")])
    text = pc.binary_join_element_wise("{", pc.binary_join(grouped["pair_list"], ","), "}", "")
    return pd.Series(text.to_numpy(zero_copy_only=False), index=grouped["fdc_id"].to_numpy())


def _categories(release: ReleaseFiles, food: pd.DataFrame) -> pd.Series:
    category = pd.Series(None, index=food.index, dtype=object)
    fdc_categories = release.read_csv("food_category.csv", {"id": "str", "description": "str"}, required=False)
    if fdc_categories is not None:
        category = food["food_category_id"].map(dict(zip(fdc_categories["id"], fdc_categories["description"])))
    wweia = release.read_csv(
        "wweia_food_category.csv", {"wweia_food_category": "str", "wweia_food_category_description": "str"},
        required=False,
    )
    if wweia is not None:
        survey = food["data_type"] == "survey_fndds_food"
        by_code = dict(zip(wweia["wweia_food_category"], wweia["wweia_food_category_description"]))
        category[survey] = food.loc[survey, "food_category_id"].map(by_code)
    return category.where(category.notna(), None)


def _portions(release: ReleaseFiles, food_ids: pd.Index) -> pd.DataFrame:
    table = release.read_csv(
        "food_portion.csv",
        {"fdc_id": "int", "seq_num": "float", "amount": "float", "measure_unit_id": "str",
         "portion_description": "str", "modifier": "str", "gram_weight": "float"},
        required=False,
    )
    if table is not None:
        table = table[table["fdc_id"].isin(food_ids) & (table["gram_weight"] > 0)].copy()
    if table is None or table.empty:
        # A release may have no measures at all (a header-only file): string columns built below need rows.
        return pd.DataFrame(columns=["fdc_id", *PORTION_COLUMNS[1:]])
    units = release.read_csv("measure_unit.csv", {"id": "str", "name": "str"}, required=False)
    unit_names = dict(zip(units["id"], units["name"])) if units is not None else {}
    unit = table["measure_unit_id"].map(unit_names)
    unit = unit.where(unit.notna() & (unit != "undetermined"), None)
    modifier = table["modifier"].where(~table["modifier"].str.fullmatch(r"\d*"), "")  # FNDDS modifiers are codes
    amount = table["amount"].map(lambda value: "" if pd.isna(value) else f"{value:g}")
    built = (amount + " " + unit.fillna("") + " " + modifier).str.split().str.join(" ")
    # FNDDS keeps "Quantity not specified" as the default portion; it stays, the portion step uses it.
    given = table["portion_description"]
    description = given.where(given != "", built)
    seq = table["seq_num"].fillna(table.groupby("fdc_id").cumcount() + 1)
    return pd.DataFrame({
        "fdc_id": table["fdc_id"],
        "seq": seq.astype("int64"),
        "amount": table["amount"],
        "unit": unit,
        "description": description.where(description != "", None),
        "gram_weight": table["gram_weight"],
    })


def _branded(release: ReleaseFiles, foods: pd.DataFrame) -> pd.DataFrame:
    """Fill brand and GTIN; return each branded food's serving as a portion."""
    branded = release.read_csv(
        "branded_food.csv",
        {"fdc_id": "int", "brand_owner": "str", "brand_name": "str", "gtin_upc": "str", "serving_size": "float",
         "serving_size_unit": "str", "household_serving_fulltext": "str", "branded_food_category": "str"},
    ).drop_duplicates("fdc_id").set_index("fdc_id")
    branded = branded[branded.index.isin(foods.index)]
    brand = branded["brand_name"].where(branded["brand_name"] != "", branded["brand_owner"])
    foods["brand"] = brand.where(brand != "", None).reindex(foods.index)
    gtin = branded["gtin_upc"].str.strip()
    foods["gtin"] = gtin.where(gtin != "", None).reindex(foods.index)
    category = branded["branded_food_category"].where(branded["branded_food_category"] != "", None)
    is_branded = foods["data_type"] == "branded_food"
    foods.loc[is_branded, "category"] = foods.loc[is_branded, "category"].fillna(category.reindex(foods.index))
    per_unit = branded["serving_size_unit"].str.lower().map(SERVING_GRAMS_PER_UNIT)
    grams = branded["serving_size"] * per_unit
    served = branded[grams > 0]
    text = served["household_serving_fulltext"].str.strip()
    size = served["serving_size"].map(lambda value: f"{value:g}") + " " + served["serving_size_unit"].str.lower()
    description = text.where(text != "", "1 serving") + " (" + size + ")"
    return pd.DataFrame({
        "fdc_id": served.index,
        "seq": 1,
        "amount": 1.0,
        "unit": "serving",
        "description": description.values,
        "gram_weight": grams[grams > 0].values,
    })


def _rejections(foods: pd.DataFrame) -> pd.Series:
    """fdc_id → reason, for foods whose values are impossible or that have no energy at all."""
    reasons: dict[int, list[str]] = {}

    def add(mask: pd.Series, describe) -> None:
        picked = foods.loc[mask.fillna(False)]
        for fdc_id, food in zip(picked.index, picked.to_dict("records")):
            reasons.setdefault(fdc_id, []).append(describe(food))

    add(foods["name"].fillna("") == "", lambda food: "no description")
    add(foods["energy_kcal"].isna(),
        lambda food: "no energy (1008, 2048, 2047, 1062) and too few of protein, fat, carbohydrate to compute it")
    for column in MACRO_COLUMNS:
        add((foods[column] < 0) | (foods[column] > 100),
            lambda food, column=column: f"{column}={food[column]:g} is outside 0-100 g per 100 g")
    energy = foods["energy_kcal"]
    add((energy < 0) | (energy > 950), lambda food: f"energy_kcal={food['energy_kcal']:g} is outside 0-950 per 100 g")
    add(foods["sodium_mg"] > 40000,
        lambda food: f"sodium_mg={food['sodium_mg']:g} is above pure salt (39,300 mg per 100 g)")
    macros = foods[["protein_g", "fat_g", "carb_g"]].fillna(0).sum(axis=1)
    add(macros > 105, lambda food: "protein + fat + carbohydrate = "
        f"{(food['protein_g'] or 0) + (food['fat_g'] or 0) + (food['carb_g'] or 0):.1f} g is above 100 g per 100 g")
    return pd.Series({fdc_id: "; ".join(found) for fdc_id, found in reasons.items()}, dtype=object)

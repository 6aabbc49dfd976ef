"""Our Chinese alias table (foodca/data/zh_aliases.csv) against the real USDA releases: a row whose fdc_id is not a
generic food of those releases, or is another food than the description the row was written for, gives its Chinese
names to nothing, or to the wrong food, with no error at import."""
from __future__ import annotations

import zipfile

import pandas as pd
import pytest

from foodca.importers.usda import ZH_ALIASES_CSV, load_zh_aliases

GENERIC_RELEASES = ("sr_legacy_food", "survey_food", "foundation_food")


@pytest.fixture
def generic_descriptions(shared_data) -> dict[str, str]:
    descriptions: dict[str, str] = {}
    for archive in sorted((shared_data / "usda").glob("FoodData_Central_*.zip")):
        if not any(f"_{release}_csv" in archive.name for release in GENERIC_RELEASES):
            continue
        with zipfile.ZipFile(archive) as release:
            name = next(n for n in release.namelist() if n.endswith("/food.csv"))
            with release.open(name) as handle:
                food = pd.read_csv(handle, dtype=str, usecols=["fdc_id", "description"], keep_default_na=False)
        descriptions.update(zip(food["fdc_id"], food["description"].str.strip()))
    return descriptions


def test_every_alias_row_names_the_usda_food_it_was_written_for(generic_descriptions):
    table = pd.read_csv(ZH_ALIASES_CSV, dtype=str, keep_default_na=False)
    table = table[table["fdc_id"].str.strip() != ""]  # rows of unit weights only name no USDA food
    wrong = [(row.fdc_id, row.usda_description, generic_descriptions.get(row.fdc_id))
             for row in table.itertuples() if generic_descriptions.get(row.fdc_id) != row.usda_description.strip()]
    assert not wrong, f"{len(wrong)} rows of {ZH_ALIASES_CSV.name} name another food or none: {wrong[:10]}"


def test_no_chinese_name_is_given_to_two_foods():
    table = pd.read_csv(ZH_ALIASES_CSV, dtype=str, keep_default_na=False)
    table = table[table["fdc_id"].str.strip() != ""]
    names = [name.strip() for cell in table["zh_names"] for name in cell.split("|") if name.strip()]
    repeated = sorted({name for name in names if names.count(name) > 1})
    assert not repeated, f"Chinese names on more than one row of {ZH_ALIASES_CSV.name}: {repeated}"


def test_a_food_of_two_rows_keeps_the_names_of_both(tmp_path):
    # 饺子 and 烧麦 are both FNDDS's steamed dumpling, on two rows for their unit weights: the second row took the
    # food's names, and 饺子 found "Wonton wrappers" (291 kcal per 100 g, dry).
    table = tmp_path / "aliases.csv"
    table.write_text("fdc_id,usda_description,zh_names,unit_weights\n"
                     "2344192,\"Wonton, dumpling or pot sticker, steamed\",饺子|水饺,个:22\n"
                     "2344192,\"Wonton, dumpling or pot sticker, steamed\",烧麦|水饺,个:30\n", encoding="utf-8")
    assert load_zh_aliases(table) == {"2344192": ["饺子", "水饺", "烧麦"]}


def test_the_real_table_gives_every_name_it_lists():
    given = {name for names in load_zh_aliases(ZH_ALIASES_CSV).values() for name in names}
    table = pd.read_csv(ZH_ALIASES_CSV, dtype=str, keep_default_na=False)
    listed = {name.strip() for row in table.itertuples() if row.fdc_id.strip()
              for name in row.zh_names.split("|") if name.strip()}
    assert listed - given == set()

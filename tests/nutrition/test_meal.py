"""The meal path on a small real database: grams by the right basis, nutrients from the table, totals."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from foodca.cli import cli
from foodca.importers.service import import_cfct, import_usda
from foodca.nlp.items import Split, SplitItem
from foodca.nutrition.meal import MealAnalyser

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def load_fixtures(engine, folder: Path) -> None:
    import_usda(engine, [str(FIXTURES / "usda" / "matching")], download_dir=folder, report_dir=None, progress=False)
    import_cfct(engine, FIXTURES / "cfct" / "cfct_matching.csv", report_dir=None, progress=False)


@pytest.fixture(scope="module")
def analyser(small_food_engine):
    return MealAnalyser.build(small_food_engine)


def item(analyser, **fields) -> dict:
    text = fields.pop("name")
    split = Split([SplitItem(said=text, name=text, language="en" if text.isascii() else "zh", **fields)], "offline")
    return analyser.analyse_split(split)["items"][0]


def test_stated_weight_wins_and_nutrients_come_from_the_table(analyser):
    egg = item(analyser, name="egg", grams=120, grams_source="stated", quantity=2)
    assert (egg["grams"], egg["basis"]) == (120, "stated")
    assert egg["energy_kcal"] == pytest.approx(143 * 1.2)
    assert egg["protein_g"] == pytest.approx(12.6 * 1.2)
    assert egg["food"]["source"] == "usda" and egg["food"]["name"] == "Egg, whole, raw, fresh"


def test_household_measure_of_the_food(analyser):
    assert item(analyser, name="egg", quantity=2)["grams"] == pytest.approx(88)  # 2 × "1 medium" 44 g
    large = item(analyser, name="egg", quantity=1, size="large")
    assert (large["grams"], large["basis"]) == (50, "food_portion")
    rice = item(analyser, name="cooked white rice", quantity=0.5, unit="cup")
    assert (rice["grams"], rice["basis"]) == (93, "food_portion")


def test_chinese_units_from_the_unit_tables(analyser):
    mantou = item(analyser, name="馒头", quantity=1, unit="个")
    assert mantou["status"] == "matched" and mantou["food"]["source"] == "cfct"
    assert mantou["basis"] in ("unit_table", "unit_default") and 60 <= mantou["grams"] <= 130
    assert mantou["energy_kcal"] == pytest.approx(224 * mantou["grams"] / 100)


def test_model_estimate_is_the_last_resort(analyser):
    estimated = item(analyser, name="banana", grams=118, grams_source="model")
    assert (estimated["grams"], estimated["basis"]) == (118, "model")


def test_unmatched_items_add_nothing_and_stay_listed(analyser):
    split = Split([SplitItem(said="2 eggs", name="egg", language="en", quantity=2),
                   SplitItem(said="a blorptz", name="blorptz", language="en", quantity=1)], "offline")
    result = analyser.analyse_split(split)
    egg, nonsense = result["items"]
    assert nonsense["status"] == "unmatched" and nonsense["food"] is None and nonsense["energy_kcal"] is None
    assert result["totals"]["energy_kcal"] == pytest.approx(egg["energy_kcal"])


def test_dish_with_ingredient_weights_is_computed_from_them(analyser):
    dish = SplitItem(said="番茄炒蛋（西红柿200克，鸡蛋100克）", name="番茄炒蛋", language="zh", components=[
        SplitItem(said="西红柿200克", name="西红柿", language="zh", grams=200, grams_source="stated"),
        SplitItem(said="鸡蛋100克", name="鸡蛋", language="zh", grams=100, grams_source="stated")])
    result = analyser.analyse_split(Split([dish], "offline"))
    assert [i["food"]["name"] for i in result["items"]] == ["番茄", "鸡蛋（代表值）"]
    assert result["totals"]["energy_kcal"] == pytest.approx(16 * 2 + 141 * 1)


def test_offline_text_end_to_end(analyser):
    result = analyser.analyse("two eggs and a cup of rice", use_model=False)
    assert result["parser"] == "offline"
    names = [i["food"]["name"] for i in result["items"] if i["food"]]
    assert names == ["Egg, whole, raw, fresh", "Rice, white, medium-grain, enriched, cooked"]
    assert result["totals"]["carb_g"] == pytest.approx(0.7 * 0.88 + 28.6 * 1.86, rel=1e-6)


def test_cli_jsonl_keeps_order_and_reports_bad_lines(tmp_path, database_url, engine):
    env = {"FOODCA_DATABASE_URL": database_url, "FOODCA_INSTANCE_DIR": str(tmp_path)}
    load_fixtures(engine, tmp_path)
    lines = "\n".join([json.dumps({"id": "a", "text": "two eggs"}), "{not json", json.dumps({"id": "c", "text": ""}),
                       json.dumps({"id": "d", "text": "一个馒头"})]) + "\n"
    result = CliRunner().invoke(cli, ["parse", "--jsonl"], input=lines, env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [o["id"] for o in out] == ["a", None, "c", "d"]
    assert "error" in out[1] and "line 2" in out[1]["error"] and "error" in out[2]
    first = out[0]
    assert first["parser"] == "offline" and first["items"][0]["status"] == "matched"
    assert set(first["totals"]) == {"energy_kcal", "protein_g", "fat_g", "carb_g", "fiber_g", "sugars_g", "sodium_mg"}
    assert {"said", "name", "status", "food", "grams", "basis", "energy_kcal", "alternatives"} <= set(first["items"][0])


def test_a_dish_not_in_the_tables_is_computed_from_its_recipe(analyser):
    result = analyser.analyse("一小盘西红柿炒鸡蛋", use_model=False)
    by_food = {i["food"]["name"]: i for i in result["items"] if i["food"]}
    assert {"番茄", "鸡蛋（代表值）"} <= set(by_food)
    assert all(i["basis"] == "dish_recipe" for i in result["items"])
    dish_grams = sum(i["grams"] for i in result["items"])
    assert 120 <= dish_grams <= 280  # a small plate
    tomato = by_food["番茄"]
    assert tomato["energy_kcal"] == pytest.approx(16 * tomato["grams"] / 100)


def test_a_dish_given_with_counts_of_its_ingredients_is_computed_from_them(analyser):
    # Was the recipe's usual plate: the two eggs said were not weights, so the amounts said were all ignored.
    result = analyser.analyse("番茄炒蛋（番茄200克、鸡蛋2个）", use_model=False)
    assert [(i["food"]["name"], i["grams"], i["basis"]) for i in result["items"]] == [
        ("番茄", 200, "stated"), ("鸡蛋（代表值）", 100, "unit_table")]


def test_a_table_food_said_by_a_short_name_is_weighed_by_its_own_name(analyser):
    # 蛋 is 鸡蛋（代表值）; the unit weights are kept under 鸡蛋, not under the printed name with its qualifier.
    egg = analyser.analyse("蛋", use_model=False)["items"][0]
    assert egg["food"]["name"] == "鸡蛋（代表值）" and egg["grams"] == 50 and egg["energy_kcal"] is not None


def test_market_weight_of_a_whole_food_counts_only_the_edible_part(analyser):
    # 番茄 in the fixture has 食部 96 %: a 斤 of tomatoes as bought is 480 g eaten; 去蒂 says it was cleaned.
    bought = item(analyser, name="番茄", grams=500, grams_source="stated", quantity=1, unit="斤")
    assert bought["grams"] == 500 and bought["edible_grams"] == pytest.approx(480)
    assert bought["energy_kcal"] == pytest.approx(16 * 4.80)
    cleaned = analyser.analyse_split(Split([SplitItem(said="番茄去蒂一斤", name="番茄", language="zh", quantity=1,
                                                      unit="斤", grams=500, grams_source="stated")], "offline"))
    assert cleaned["items"][0]["energy_kcal"] == pytest.approx(16 * 5)
    weighed = item(analyser, name="番茄", grams=500, grams_source="stated")
    assert weighed["energy_kcal"] == pytest.approx(16 * 5)  # grams on a scale: what was eaten

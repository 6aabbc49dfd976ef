"""`foodca quickstart`: with no release files and no download it runs on the demo table and says so."""
from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import select

from foodca.cli import cli
from foodca.models import Alias, Food


def test_quickstart_falls_back_to_the_demo_table(cli_env, tmp_path, engine):
    env = {**cli_env, "FOODCA_USDA_DOWNLOAD": "0", "FOODCA_USDA_IMPORT_DIR": str(tmp_path / "empty"),
           "FOODCA_USDA_PATH": ""}
    result = CliRunner().invoke(cli, ["quickstart"], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Running on the DEMO table" in result.output
    stats = json.loads(CliRunner().invoke(cli, ["db", "stats", "--json"], env=env).output)
    assert 300 <= stats["foods"]["usda"]["sr_legacy_food"] <= 500 and stats["foods"]["usda"]["survey_fndds_food"] > 20
    with engine.connect() as conn:
        rice = conn.execute(select(Food).join(Alias, Alias.food_id == Food.id).where(Alias.text == "米饭")).one()
    assert rice.name_zh == "米饭" and rice.energy_kcal > 100
    again = CliRunner().invoke(cli, ["quickstart"], env=env, catch_exceptions=False)
    assert "foods added" not in again.output and "usda demo_usda" not in again.output  # nothing imported twice
    assert "Egg, whole, raw, fresh" in again.output  # the sample meals are parsed every time


def test_quickstart_prefers_release_files_at_the_configured_path(quickstart_on_small_release):
    assert "Running on USDA FoodData Central: 5 USDA foods" in quickstart_on_small_release.output

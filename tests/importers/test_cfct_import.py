"""`foodca import cfct` into a real database: report file, idempotency, file errors, the shared table."""
from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from foodca.cli import cli
from foodca.models import Alias, Food

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "cfct" / "cfct_small.csv"


def invoke(cli_env, *args):
    return CliRunner().invoke(cli, list(args), env=cli_env, catch_exceptions=False)


def test_import_writes_foods_aliases_and_a_report(cli_env, database_url, engine):
    result = invoke(cli_env, "import", "cfct", "--no-progress", str(FIXTURE))
    assert result.exit_code == 0, result.output
    stats = json.loads(invoke(cli_env, "db", "stats", "--json").output)
    with engine.connect() as conn:
        foods = conn.execute(select(Food).where(Food.source == "cfct")).all()
        aliases = conn.execute(select(Alias)).all()
    assert stats["foods"]["cfct"] == len(foods) > 0
    assert stats["aliases"] == len(aliases) > 0
    assert all(food.data_type == "cfct" and food.name_zh for food in foods)
    report_line = next(line for line in result.output.splitlines() if line.startswith("Report"))
    report = list(csv.DictReader(Path(report_line.split(": ", 1)[1]).read_text(encoding="utf-8").splitlines()))
    actions = {row["action"] for row in report}
    assert {"rejected", "fixed", "warning"} <= actions
    rejected = [row for row in report if row["action"] == "rejected"]
    data_rows = len(FIXTURE.read_text(encoding="utf-8").strip().splitlines()) - 1
    assert rejected and len(foods) == data_rows - len(rejected)


def test_reimport_changes_nothing(cli_env):
    invoke(cli_env, "import", "cfct", "--no-progress", str(FIXTURE))
    again = invoke(cli_env, "import", "cfct", "--no-progress", str(FIXTURE))
    assert "added 0 · updated 0 · retired 0" in again.output
    assert "Nothing changed" in again.output
    stats = json.loads(invoke(cli_env, "db", "stats", "--json").output)
    assert len(stats["releases"]) == 1


def test_missing_column_is_an_error_naming_the_line(cli_env, tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_text(FIXTURE.read_text(encoding="utf-8").replace("能量(kcal)", "能量", 1), encoding="utf-8")
    result = invoke(cli_env, "import", "cfct", str(broken))
    assert result.exit_code != 0
    assert "broken.csv:1:" in result.output and "能量(kcal)" in result.output
    stats = json.loads(invoke(cli_env, "db", "stats", "--json").output)
    assert stats["foods"]["cfct"] == 0 and stats["releases"] == []


def test_shared_table_imports_with_its_known_flaws_reported(cli_env, shared_data):
    result = invoke(cli_env, "import", "cfct", "--no-progress", str(shared_data / "cfct" / "cfct6_standard.csv"))
    assert result.exit_code == 0, result.output
    stats = json.loads(invoke(cli_env, "db", "stats", "--json").output)
    assert stats["foods"]["cfct"] >= 1800
    report_path = next(line for line in result.output.splitlines() if line.startswith("Report")).split(": ", 1)[1]
    reasons = Path(report_path).read_text(encoding="utf-8")
    for flaw in ("kcal_kj_swapped", "footnote_mark", "remark_in_mn_column", "malformed_code", "garbage_value"):
        assert flaw in reasons, flaw

"""`foodca import usda` end to end on hand-written FDC releases, into a real SQLite database."""
from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select, text

from foodca.cli import cli
from foodca.importers.errors import ImportFileError
from foodca.importers.service import db_stats, import_usda
from foodca.models import DataRelease, Food, Portion

ALL_FOUR = ("sr_small", "foundation_small", "survey_small", "branded_small")


def run_import(engine, paths, tmp_path):
    return import_usda(engine, [str(p) for p in paths], download_dir=tmp_path / "downloads",
                       report_dir=tmp_path / "reports", progress=False)


def foods_by_id(engine) -> dict[str, Food]:
    with engine.connect() as conn:
        return {row.source_id: row for row in conn.execute(select(Food.__table__))}


def snapshot(engine) -> list[tuple]:
    with engine.connect() as conn:
        foods = conn.execute(text("SELECT * FROM food ORDER BY id")).all()
        portions = conn.execute(text("SELECT * FROM portion ORDER BY id")).all()
        releases = conn.execute(text("SELECT id FROM data_release")).all()
    return [foods, portions, releases]


@pytest.fixture
def four(usda_fixture):
    return [usda_fixture(name) for name in ALL_FOUR]


def test_imports_every_data_type_through_one_path(engine, four, tmp_path):
    summary = run_import(engine, four, tmp_path)
    assert (summary.added, summary.updated, summary.retired, summary.rejected) == (17, 0, 0, 2)
    stats = db_stats(engine)
    assert stats["foods"]["usda"] == {
        "sr_legacy_food": 5, "foundation_food": 6, "survey_fndds_food": 3, "branded_food": 3,
    }
    foods = foods_by_id(engine)
    egg = foods["171287"]
    assert (egg.energy_kcal, egg.protein_g, egg.fat_g, egg.carb_g, egg.sugars_g, egg.sodium_mg) == (
        143.0, 12.56, 9.51, 0.72, 0.37, 142.0)
    assert egg.energy_basis == "usda:1008"
    assert egg.category == "Dairy and Egg Products"
    assert egg.nutrients == {"1062": 598.0, "1087": 56.0}
    assert "3000001" not in foods and "3000002" not in foods  # sample foods are not foods people eat


def test_energy_fallbacks_are_recorded_per_food(engine, four, tmp_path):
    run_import(engine, four, tmp_path)
    foods = foods_by_id(engine)
    assert foods["2000001"].energy_basis == "usda:1008"
    assert (foods["2000002"].energy_kcal, foods["2000002"].energy_basis) == (40.0, "usda:2048")
    assert foods["2000002"].carb_g == 7.41  # carbohydrate by summation when by difference is absent
    assert (foods["2000007"].energy_kcal, foods["2000007"].energy_basis) == (38.0, "usda:2047")
    kale = foods["2000004"]
    assert kale.energy_basis == "atwater_4_4_9"
    assert kale.energy_kcal == pytest.approx(4 * 2.92 + 9 * 1.49 + 4 * 4.42)
    oil = foods["2000003"]
    assert (oil.energy_kcal, oil.energy_basis) == (900.0, "atwater_4_4_9")
    chicken = foods["2000006"]
    assert (chicken.carb_g, chicken.flags) == (0.0, "negative_carb_set_to_0")
    assert "2000005" not in foods  # salt: no energy and nothing to compute it from


def test_rejected_foods_are_reported_not_dropped_silently(engine, four, tmp_path):
    summary = run_import(engine, four, tmp_path)
    report = summary.report_path.read_text()
    assert "2000005" in report and "no energy" in report
    assert "10000003" in report and "protein_g=150 is outside 0-100" in report
    assert any("2066" in note for note in summary.notes)  # unknown nutrient id is noted, values kept
    assert foods_by_id(engine)["2000001"].nutrients["2066"] == 0.5


def test_survey_nutrient_numbers_are_translated_to_ids(engine, four, tmp_path):
    summary = run_import(engine, four, tmp_path)
    rice = foods_by_id(engine)["2340760"]
    assert (rice.energy_kcal, rice.carb_g, rice.fiber_g) == (129.0, 27.99, 0.4)
    assert rice.category == "Rice"
    assert any("nutrient numbers" in note for note in summary.notes)


def test_portions_and_branded_servings(engine, four, tmp_path):
    run_import(engine, four, tmp_path)
    foods = foods_by_id(engine)
    with engine.connect() as conn:
        def portions(source_id):
            return [(p.seq, p.description, p.unit, p.gram_weight) for p in conn.execute(
                select(Portion).where(Portion.food_id == foods[source_id].id).order_by(Portion.seq))]

        assert portions("171287") == [(1, "1 large", None, 50.0), (2, "1 extra large", None, 56.0)]
        assert portions("171706") == [(1, '1 medium whole (2-3/5" dia)', None, 123.0)]  # 0 g portion dropped
        assert portions("2340760") == [(1, "1 cup", None, 158.0), (2, "Quantity not specified", None, 158.0)]
        assert portions("2000001") == [(1, "2 tablespoon", "tablespoon", 35.8)]
        assert portions("10000001") == [(1, "1 cup (37 g)", "serving", 37.0)]
        assert portions("10000002") == [(1, "1 can (355 ml)", "serving", 355.0)]
    cereal = foods["10000001"]
    assert (cereal.brand, cereal.gtin, cereal.category) == ("CHEERIOS", "016000275287", "Cereal")
    assert foods["10000004"].brand == "Nissin Foods"


def test_same_release_again_changes_nothing_and_says_so(engine, four, tmp_path):
    run_import(engine, four, tmp_path)
    before = snapshot(engine)
    again = run_import(engine, four, tmp_path)
    assert not again.changed
    assert (again.added, again.updated, again.retired, again.unchanged) == (0, 0, 0, 17)
    assert any("Nothing changed" in line for line in again.lines())
    assert snapshot(engine) == before


def test_changed_values_update_in_place_and_missing_foods_retire(engine, usda_fixture, tmp_path):
    release = usda_fixture("sr_small")
    run_import(engine, [release], tmp_path)
    first_ids = {k: v.id for k, v in foods_by_id(engine).items()}
    food_csv = release / "food.csv"
    food_csv.write_text("".join(line for line in food_csv.read_text().splitlines(keepends=True)
                                if not line.startswith('"9001116"')))
    nutrients_csv = release / "food_nutrient.csv"
    nutrients_csv.write_text(nutrients_csv.read_text().replace('"171287","1008","143.0"', '"171287","1008","144.0"'))

    summary = run_import(engine, [release], tmp_path)
    assert (summary.added, summary.updated, summary.retired, summary.unchanged) == (0, 1, 1, 3)
    foods = foods_by_id(engine)
    assert foods["171287"].energy_kcal == 144.0
    assert foods["171287"].id == first_ids["171287"]  # updated in place: references keep working
    assert foods["9001116"].retired_at is not None  # retired, not deleted
    assert db_stats(engine)["foods"]["usda"]["sr_legacy_food"] == 4
    with engine.connect() as conn:
        assert len(conn.execute(select(Portion).where(Portion.food_id == first_ids["171287"])).all()) == 2

    shutil.copy(Path(__file__).resolve().parents[1] / "fixtures" / "usda" / "sr_small" / "food.csv", food_csv)
    back = run_import(engine, [release], tmp_path)
    assert (back.updated, back.retired) == (1, 0)
    assert foods_by_id(engine)["9001116"].retired_at is None


def test_import_of_one_data_type_does_not_retire_others(engine, four, usda_fixture, tmp_path):
    run_import(engine, four, tmp_path)
    summary = run_import(engine, [four[0]], tmp_path)
    assert summary.retired == 0
    assert sum(db_stats(engine)["foods"]["usda"].values()) == 17


def test_failure_while_writing_leaves_previous_data_intact(engine, usda_fixture, tmp_path):
    release = usda_fixture("sr_small")
    run_import(engine, [release], tmp_path)
    before = snapshot(engine)
    # A real database error half-way through the write: a trigger refuses one portion row.
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql(
                "CREATE FUNCTION refuse_portion() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'refused by test trigger'; END $$ LANGUAGE plpgsql")
            conn.exec_driver_sql(
                "CREATE TRIGGER refuse_portion BEFORE INSERT ON portion FOR EACH ROW "
                "WHEN (NEW.gram_weight = 777) EXECUTE FUNCTION refuse_portion()")
        else:
            conn.exec_driver_sql(
                "CREATE TRIGGER refuse_portion BEFORE INSERT ON portion WHEN NEW.gram_weight = 777 "
                "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END"
            )
    (release / "food_nutrient.csv").write_text(
        (release / "food_nutrient.csv").read_text().replace('"169756","1008","130.0"', '"169756","1008","131.0"'))
    (release / "food_portion.csv").write_text(
        (release / "food_portion.csv").read_text().replace('"cup","186.0"', '"cup","777.0"'))
    with pytest.raises(Exception, match="refused by test trigger"):
        run_import(engine, [release], tmp_path)
    assert snapshot(engine) == before


def test_zip_and_folder_give_the_same_foods(engine, usda_fixture, tmp_path):
    folder = usda_fixture("sr_small")
    archive = tmp_path / "FoodData_Central_sr_small.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for csv_file in sorted(folder.iterdir()):
            zipped.write(csv_file, f"FoodData_Central_sr_small/{csv_file.name}")
    run_import(engine, [archive], tmp_path)
    with engine.connect() as conn:
        release = conn.execute(select(DataRelease)).one()
    assert release.files[0]["name"] == archive.name and len(release.files[0]["sha256"]) == 64
    summary = run_import(engine, [folder], tmp_path)
    assert not summary.changed


# --- bad files: a clear error naming the file and line, a non-zero exit, nothing written

def invoke(cli_env, *args):
    return CliRunner().invoke(cli, list(args), env=cli_env, catch_exceptions=False)


def assert_nothing_written(cli_env):
    result = invoke(cli_env, "db", "stats", "--json")
    stats = json.loads(result.output)
    assert stats["foods"]["usda"] == {} and stats["releases"] == []


def test_cli_import_prints_summary_and_stats(cli_env, four):
    result = invoke(cli_env, "import", "usda", "--no-progress", *map(str, four))
    assert result.exit_code == 0, result.output
    assert "added 17" in result.output and "rejected 2" in result.output
    stats = json.loads(invoke(cli_env, "db", "stats", "--json").output)
    assert stats["foods"]["usda"]["sr_legacy_food"] == 5
    assert stats["portions"] > 0 and len(stats["releases"]) == 1
    assert stats["releases"][0]["counts"]["added"] == 17


def test_missing_column_names_file_and_line(cli_env, usda_fixture):
    release = usda_fixture("sr_small")
    food_csv = release / "food.csv"
    food_csv.write_text(food_csv.read_text().replace('"description",', '"desc",', 1))
    result = invoke(cli_env, "import", "usda", str(release))
    assert result.exit_code != 0
    assert "food.csv:1: missing column(s) description" in result.output
    assert_nothing_written(cli_env)


def test_wrong_encoding_names_the_line(cli_env, usda_fixture):
    release = usda_fixture("sr_small")
    food_csv = release / "food.csv"
    lines = food_csv.read_bytes().split(b"\n")
    lines[3] = lines[3].replace(b"Apples", "Äpfel".encode("latin-1"))
    food_csv.write_bytes(b"\n".join(lines))
    result = invoke(cli_env, "import", "usda", str(release))
    assert result.exit_code != 0
    assert "food.csv:4: is not UTF-8" in result.output
    assert_nothing_written(cli_env)


def test_truncated_csv_names_the_line(cli_env, usda_fixture):
    release = usda_fixture("sr_small")
    nutrients_csv = release / "food_nutrient.csv"
    nutrients_csv.write_bytes(nutrients_csv.read_bytes()[:-25])
    result = invoke(cli_env, "import", "usda", str(release))
    assert result.exit_code != 0
    assert "food_nutrient.csv:33: has 4 fields, the header has 11" in result.output
    assert_nothing_written(cli_env)


def test_non_numeric_value_names_the_line(cli_env, usda_fixture):
    release = usda_fixture("sr_small")
    nutrients_csv = release / "food_nutrient.csv"
    nutrients_csv.write_text(nutrients_csv.read_text().replace('"12.56"', '"12,56"'))
    result = invoke(cli_env, "import", "usda", str(release))
    assert result.exit_code != 0
    assert "food_nutrient.csv:3: column amount: '12,56' is not a number" in result.output
    assert_nothing_written(cli_env)


def test_truncated_zip_is_a_clear_error(cli_env, usda_fixture, tmp_path):
    folder = usda_fixture("sr_small")
    archive = tmp_path / "FoodData_Central_sr_small.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for csv_file in sorted(folder.iterdir()):
            zipped.write(csv_file, f"FoodData_Central_sr_small/{csv_file.name}")
    archive.write_bytes(archive.read_bytes()[:-300])
    result = invoke(cli_env, "import", "usda", str(archive))
    assert result.exit_code != 0
    assert "FoodData_Central_sr_small.zip: not a readable zip file" in result.output
    assert_nothing_written(cli_env)


def test_missing_table_is_named(engine, usda_fixture, tmp_path):
    release = usda_fixture("sr_small")
    (release / "food_nutrient.csv").unlink()
    with pytest.raises(ImportFileError, match="food_nutrient.csv is missing"):
        run_import(engine, [release], tmp_path)


# --- the real releases in ../shared (skipped when absent)

def test_shared_generic_releases(engine, shared_data, tmp_path):
    usda = shared_data / "usda"
    paths = [usda / "FoodData_Central_sr_legacy_food_csv_reconstructed.zip",
             usda / "FoodData_Central_survey_food_csv_reconstructed.zip",
             usda / "FoodData_Central_foundation_food_csv_2025-04-24.zip"]
    summary = run_import(engine, paths, tmp_path)
    counts = db_stats(engine)["foods"]["usda"]
    assert counts["sr_legacy_food"] == 8789 and counts["survey_fndds_food"] == 5624
    assert 340 <= counts["foundation_food"] <= 411
    assert summary.rejected < 60
    with engine.connect() as conn:
        def kcal(name, data_type):
            return conn.execute(select(Food.energy_kcal).where(Food.name == name, Food.data_type == data_type)).scalar()

        assert kcal("Egg, whole, raw, fresh", "sr_legacy_food") == 143.0
        assert kcal("Rice, white, cooked, no added fat", "survey_fndds_food") == 129.0
        rice = conn.execute(select(Food.id).where(Food.name == "Rice, white, cooked, no added fat")).scalar()
        assert 158.0 in [p.gram_weight for p in conn.execute(select(Portion).where(Portion.food_id == rice))]


def test_url_is_downloaded_into_the_import_folder_and_checksummed(engine, usda_fixture, tmp_path):
    import functools
    import hashlib
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    folder = usda_fixture("sr_small")
    served = tmp_path / "served"
    served.mkdir()
    archive = served / "FoodData_Central_sr_small.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for csv_file in sorted(folder.iterdir()):
            zipped.write(csv_file, f"FoodData_Central_sr_small/{csv_file.name}")

    class QuietHandler(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(served)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{archive.name}"
        summary = run_import(engine, [url], tmp_path)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    downloaded = tmp_path / "downloads" / archive.name
    assert downloaded.read_bytes() == archive.read_bytes()
    assert summary.added == 5
    with engine.connect() as conn:
        release = conn.execute(select(DataRelease)).one()
    assert release.files[0]["sha256"] == hashlib.sha256(archive.read_bytes()).hexdigest()


def test_unreachable_url_is_a_clear_error(engine, tmp_path):
    with pytest.raises(ImportFileError, match="download failed"):
        run_import(engine, ["http://127.0.0.1:9/FoodData_Central_missing.zip"], tmp_path)
    assert db_stats(engine)["releases"] == []


def test_long_texts_import_on_every_database(engine, usda_fixture, tmp_path):
    # Real branded releases carry GS1 category definitions of 700 characters; PostgreSQL refused the whole import.
    release = usda_fixture("branded_small")
    category = "Includes any products that can be described/observed as a quantity of " + "pre-mixed dough " * 40
    serving = "1 cup, " + "crushed and loosely packed " * 12
    brand_csv = release / "branded_food.csv"
    brand_csv.write_text(brand_csv.read_text().replace(
        '"General Mills, Inc.","CHEERIOS","","016000275287","","","37.0","g","1 cup","Cereal"',
        f'"General Mills, Inc.","CHEERIOS","","016000275287","","","37.0","g","{serving}","{category}"'))
    summary = run_import(engine, [release], tmp_path)
    assert summary.added == 3
    food = foods_by_id(engine)["10000001"]
    assert food.category == category  # kept whole: the column is text
    with engine.connect() as conn:
        descriptions = conn.execute(select(Portion.description).where(Portion.food_id == food.id)).scalars().all()
    assert [len(d) for d in descriptions] == [255] and serving[:200] in descriptions[0]
    assert re.search(r"10000001,.*,fixed,portion.description of \d+ characters cut to 255", summary.report_path.read_text())


def test_release_with_no_measures_imports_its_foods(engine, usda_fixture, tmp_path):
    # A food_portion.csv with only its header (a release of foods without household measures) once failed the
    # whole import while building portion descriptions from no rows.
    release = usda_fixture("sr_small")
    portions_csv = release / "food_portion.csv"
    portions_csv.write_text(portions_csv.read_text().splitlines(keepends=True)[0])

    summary = run_import(engine, [release], tmp_path)
    assert summary.added == 5
    with engine.connect() as conn:
        assert conn.execute(select(Portion)).all() == []

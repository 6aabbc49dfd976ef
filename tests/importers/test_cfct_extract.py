"""extract_cfct on a hand-written fixture (invented values), on broken files, and on the shared CFCT table."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from foodca.importers.cfct import extract_cfct, parse_cell, split_name
from foodca.importers.errors import ImportFileError
from foodca.importers.frames import ALIAS_COLUMNS, FOOD_COLUMNS, REPORT_COLUMNS

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "cfct" / "cfct_small.csv"
SHARED_CFCT = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "cfct" / "cfct6_standard.csv"


@pytest.fixture(scope="module")
def small():
    return extract_cfct(FIXTURE)


def food(extract, source_id: str) -> dict:
    rows = extract.foods[extract.foods["source_id"] == source_id]
    assert len(rows) == 1, f"{source_id} imported {len(rows)} times"
    return rows.iloc[0].to_dict()


def report_rows(extract, line: int) -> list[dict]:
    return extract.report[extract.report["line"] == line].to_dict("records")


def only_report(extract, line: int) -> dict:
    rows = report_rows(extract, line)
    assert len(rows) == 1, rows
    return rows[0]


def nutrients(row: dict) -> dict[str, float]:
    return json.loads(row["nutrients"])


# ------------------------------------------------------------------------------------------ shape


def test_frames_and_metadata(small):
    assert list(small.foods.columns) == FOOD_COLUMNS
    assert list(small.aliases.columns) == ALIAS_COLUMNS
    assert list(small.report.columns) == REPORT_COLUMNS
    assert small.portions.empty and small.nutrient_names.empty
    assert small.source == "cfct"
    assert small.release_name == "cfct_small"
    assert small.data_types == {"cfct"}
    [f] = small.files
    assert f["name"] == "cfct_small.csv"
    assert f["bytes"] == FIXTURE.stat().st_size
    assert len(f["sha256"]) == 64
    assert set(small.foods["data_type"]) == {"cfct"}
    assert small.foods["brand"].isna().all() and small.foods["gtin"].isna().all()
    assert all(v is None for v in small.foods["sugars_g"])
    assert set(small.report["file"]) == {"cfct_small.csv"}


def test_imported_and_rejected_codes(small):
    assert sorted(small.foods["source_id"]) == sorted([
        "990101", "990201", "990301", "990401", "990501", "990601", "990701", "990801", "09901x",
        "991101", "991201x", "991301", "991401", "991601", "991801",
    ])
    rejected = small.report[small.report["action"] == "rejected"]
    assert sorted(rejected["line"]) == [11, 12, 17, 19]


def test_notes_summarise_counts(small):
    assert small.notes[0] == "cfct_small.csv: 19 rows read, 15 imported, 4 rejected, 2 aliases"
    assert "kcal_kj_swapped 1" in small.notes[1] and "kcal_from_kj 2" in small.notes[1]
    assert "atwater_mismatch 1" in small.notes[2] and "malformed_code 1" in small.notes[2]


# ------------------------------------------------------------------------------------------ rows


def test_clean_row(small):
    row = food(small, "990101")
    assert row["name"] == row["name_zh"] == "示例米饭（蒸）"
    assert row["category"] == "谷类及其制品-稻米"
    assert (row["edible_pct"], row["energy_kcal"], row["protein_g"], row["fat_g"], row["carb_g"]) == (
        100.0, 120.0, 2.5, 0.4, 26.0)
    assert (row["fiber_g"], row["sodium_mg"]) == (0.3, 3.0)
    assert row["energy_basis"] == "cfct:kcal"
    assert row["flags"] is None
    n = nutrients(row)
    assert n["1062"] == 502.0 and n["1051"] == 70.0 and n["1087"] == 5.0 and n["1101"] == 0.5
    assert n["1158"] == 0.1 and n["1103"] == 0.5
    # core nutrients are columns, not JSON entries
    assert not {"1008", "1003", "1004", "1005", "1079", "1093"} & n.keys()
    assert report_rows(small, 2) == []


def test_trace_is_zero_and_dashes_are_missing(small):
    row = food(small, "990201")
    assert row["fat_g"] == 0.0  # Tr
    assert row["sodium_mg"] is None  # ——
    assert row["edible_pct"] == 85.0
    n = nutrients(row)
    assert "1253" not in n  # — cholesterol
    assert "1105" not in n  # — retinol
    assert "1103" not in n  # - selenium
    assert "1101" not in n  # … manganese
    assert n["1107"] == 900.0
    assert row["flags"] is None
    assert report_rows(small, 3) == []


def test_footnote_mark_removed(small):
    row = food(small, "990301")
    assert row["energy_kcal"] == 899.0
    assert nutrients(row)["1062"] == 3761.0
    assert row["flags"] == "footnote_mark"
    rep = only_report(small, 4)
    assert rep["action"] == "fixed" and "899*" in rep["reason"] and "3761*" in rep["reason"]
    assert nutrients(row)["1103"] == 0.0  # Tr selenium


def test_kcal_kj_swapped(small):
    row = food(small, "990401")
    assert row["energy_kcal"] == 40.0
    assert nutrients(row)["1062"] == 167.0
    assert row["energy_basis"] == "cfct:kcal"
    assert row["flags"] == "kcal_kj_swapped"
    assert only_report(small, 5)["action"] == "fixed"


def test_kj_inconsistent_kcal_fits_atwater(small):
    row = food(small, "990501")
    assert row["energy_kcal"] == 400.0
    assert row["energy_basis"] == "cfct:kcal"
    assert row["flags"] == "kj_inconsistent"
    assert "1062" not in nutrients(row)  # the wrong kJ is not kept
    rep = only_report(small, 6)
    assert rep["action"] == "warning" and "1200" in rep["reason"]


def test_garbage_kcal_energy_from_kj(small):
    row = food(small, "990601")
    assert row["energy_kcal"] == pytest.approx(300.0, abs=0.05)
    assert row["energy_basis"] == "cfct:kJ"
    assert row["flags"] == "kcal_from_kj"
    rep = only_report(small, 7)
    assert rep["action"] == "fixed" and "'un'" in rep["reason"]


def test_kcal_from_kj_when_only_kj_fits_atwater(small):
    row = food(small, "991601")
    assert row["energy_kcal"] == pytest.approx(99.9, abs=0.05)
    assert row["energy_basis"] == "cfct:kJ"
    assert row["flags"] == "kcal_from_kj"
    assert only_report(small, 18)["action"] == "fixed"


def test_garbage_in_minor_column(small):
    row = food(small, "990701")
    n = nutrients(row)
    assert "1106" not in n  # '0 K' vitamin A
    assert n["1105"] == 0.0
    assert row["flags"] == "garbage_value"
    rep = only_report(small, 8)
    assert rep["action"] == "warning"
    assert "总维生素A(μgRAE)" in rep["reason"] and "'0 K'" in rep["reason"]


def test_remark_in_manganese_column(small):
    row = food(small, "990801")
    assert "1101" not in nutrients(row)
    assert row["flags"] == "remark_in_mn_column"
    rep = only_report(small, 9)
    assert rep["action"] == "fixed" and "天津" in rep["reason"]


def test_malformed_code_is_imported_with_warning(small):
    row = food(small, "09901x")
    assert row["energy_kcal"] == 330.0
    assert row["flags"] == "malformed_code"
    rep = only_report(small, 10)
    assert rep["action"] == "warning" and rep["source_id"] == "09901x"


def test_duplicate_code_second_rejected(small):
    assert food(small, "990101")["name"] == "示例米饭（蒸）"  # the first one stays
    rep = only_report(small, 11)
    assert rep["action"] == "rejected" and rep["source_id"] == "990101"
    assert "duplicate" in rep["reason"] and "line 2" in rep["reason"]


def test_macro_over_100_rejected(small):
    assert "991001" not in set(small.foods["source_id"])
    rep = only_report(small, 12)
    assert rep["action"] == "rejected" and "碳水化合物(g) 120" in rep["reason"]


def test_bracket_synonyms_become_aliases(small):
    row = food(small, "991101")
    assert row["name"] == row["name_zh"] == "香蕉（示例）"
    assert small.aliases.to_dict("records") == [
        {"source_id": "991101", "text": "甘蕉", "language": "zh"},
        {"source_id": "991101", "text": "芭蕉", "language": "zh"},
    ]


def test_representative_value_code(small):
    row = food(small, "991201x")
    assert row["name"] == "苹果（代表值）"
    assert row["flags"] is None
    assert report_rows(small, 14) == []


def test_alcoholic_drink_skips_atwater(small):
    row = food(small, "991301")
    assert row["energy_kcal"] == 40.0
    assert row["flags"] is None
    assert report_rows(small, 15) == []


def test_atwater_mismatch_is_a_warning(small):
    row = food(small, "991401")
    assert row["energy_kcal"] == 200.0
    assert row["flags"] == "atwater_mismatch"
    rep = only_report(small, 16)
    assert rep["action"] == "warning" and "200" in rep["reason"] and "338" in rep["reason"]


def test_missing_energy_rejected(small):
    rep = only_report(small, 17)
    assert rep["action"] == "rejected" and "no energy" in rep["reason"]


def test_kcal_kj_disagree_and_neither_fits_rejected(small):
    rep = only_report(small, 19)
    assert rep["action"] == "rejected"
    assert "300" in rep["reason"] and "600" in rep["reason"] and "33" in rep["reason"]


def test_numeric_remark_means_shifted_columns(small):
    row = food(small, "991801")
    assert row["energy_kcal"] == 500.0 and row["protein_g"] == 12.0
    assert row["sodium_mg"] is None
    assert nutrients(row) == {"1051": 3.0, "1062": 2092.0}
    assert row["flags"] == "columns_shifted"
    assert only_report(small, 20)["action"] == "warning"


@pytest.mark.parametrize(("raw", "value", "kind"), [
    ("12.5", 12.5, "number"), ("tr", 0.0, "trace"), ("TR", 0.0, "trace"), ("—", None, "missing"),
    ("——", None, "missing"), ("-", None, "missing"), ("…", None, "missing"), ("", None, "missing"),
    ("895*", 895.0, "footnote"), ("un", None, "garbage"), ("二", None, "garbage"), ("UK", None, "garbage"),
    ("-0.8", None, "garbage"),
])
def test_parse_cell(raw, value, kind):
    cell = parse_cell(raw)
    assert (cell.value, cell.kind) == (value, kind)


def test_split_name():
    assert split_name("番茄 [西红柿]") == ("番茄", ["西红柿"])
    assert split_name("示例菜[甲名，乙名,丙名]") == ("示例菜", ["甲名", "乙名", "丙名"])
    assert split_name("炼乳（甜，罐头）") == ("炼乳（甜，罐头）", [])


# ------------------------------------------------------------------------------------------ xlsx / encodings


def _fixture_frame() -> pd.DataFrame:
    return pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)


def test_xlsx_first_sheet(tmp_path):
    df = _fixture_frame().iloc[[0, 2, 7]].copy()  # clean, footnote, remark in 锰
    # As a spreadsheet would store it: numbers as numbers, markers as text.
    df["能量(kJ)"] = pd.to_numeric(df["能量(kJ)"].str.rstrip("*"))
    path = tmp_path / "cfct_sheet.xlsx"
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        df.to_excel(writer, sheet_name="table", index=False)
        pd.DataFrame({"x": ["not this sheet"]}).to_excel(writer, sheet_name="other", index=False)
    extract = extract_cfct(path)
    assert extract.release_name == "cfct_sheet"
    assert list(extract.foods["source_id"]) == ["990101", "990301", "990801"]
    assert food(extract, "990101")["energy_kcal"] == 120.0
    assert nutrients(food(extract, "990101"))["1062"] == 502.0
    assert food(extract, "990301")["energy_kcal"] == 899.0
    assert food(extract, "990801")["flags"] == "remark_in_mn_column"
    assert [(r["line"], r["source_id"]) for r in extract.report.to_dict("records")] == [
        (3, "990301"), (4, "990801")]


def test_utf8_bom_and_blank_lines(tmp_path):
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join([lines[0], lines[1], "", lines[3]]).encode("utf-8") + b"\n")
    extract = extract_cfct(path)
    assert list(extract.foods["source_id"]) == ["990101", "990301"]
    assert list(extract.report["line"]) == [4]  # the blank line still counts


# ------------------------------------------------------------------------------------------ file errors


def test_missing_file(tmp_path):
    with pytest.raises(ImportFileError) as exc:
        extract_cfct(tmp_path / "nope.csv")
    assert exc.value.file == "nope.csv"


def test_missing_required_column(tmp_path):
    df = _fixture_frame().drop(columns=["能量(kcal)"])
    path = tmp_path / "no_kcal.csv"
    df.to_csv(path, index=False)
    with pytest.raises(ImportFileError) as exc:
        extract_cfct(path)
    assert exc.value.line == 1
    assert "能量(kcal)" in exc.value.message
    assert "蛋白质" not in exc.value.message


def test_missing_all_macro_columns(tmp_path):
    df = _fixture_frame().drop(columns=["蛋白质(g)", "脂肪(g)", "碳水化合物(g)"])
    path = tmp_path / "no_macros.csv"
    df.to_csv(path, index=False)
    with pytest.raises(ImportFileError) as exc:
        extract_cfct(path)
    assert exc.value.line == 1 and "蛋白质(g)" in exc.value.message


def test_optional_columns_may_be_absent(tmp_path):
    df = _fixture_frame()[["食物编码", "食物名称", "能量(kcal)", "蛋白质(g)"]].iloc[[0]]
    path = tmp_path / "minimal.csv"
    df.to_csv(path, index=False)
    extract = extract_cfct(path)
    row = food(extract, "990101")
    assert row["category"] is None and row["fat_g"] is None and row["nutrients"] == "{}"


def test_non_utf8_names_the_line(tmp_path):
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "gbk.csv"
    data = "\n".join(lines[:3]).encode("utf-8") + b"\n" + lines[3].encode("gbk") + b"\n"
    path.write_bytes(data)
    with pytest.raises(ImportFileError) as exc:
        extract_cfct(path)
    assert exc.value.line == 4
    assert "UTF-8" in exc.value.message


def test_empty_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(ImportFileError) as exc:
        extract_cfct(path)
    assert exc.value.line == 1


def test_header_only(tmp_path):
    path = tmp_path / "header.csv"
    path.write_text(FIXTURE.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as exc:
        extract_cfct(path)
    assert "no data rows" in exc.value.message


# ------------------------------------------------------------------------------------------ the real table


def test_shared_cfct_table():
    if not SHARED_CFCT.exists():
        pytest.skip("../shared/data/cfct/cfct6_standard.csv not present (copyrighted table, not in the repo)")
    extract = extract_cfct(SHARED_CFCT)
    foods, report = extract.foods, extract.report
    flags = foods["flags"].fillna("")

    def flagged(flag: str) -> pd.DataFrame:
        return foods[flags.str.split(",").map(lambda fl: flag in fl)]

    assert len(foods) >= 1800
    assert foods["source_id"].is_unique
    assert {"馒头 (代表值）", "馒头 (标准粉)", "馒头（富强粉）"} <= set(foods["name"])
    swapped = flagged("kcal_kj_swapped")
    assert len(swapped) >= 60
    assert set(swapped["category"]) == {"蔬菜类及其制品-野生蔬菜类"}
    assert (swapped["energy_kcal"] < 1000).all()
    footnotes = flagged("footnote_mark")
    assert len(footnotes) == 18
    assert set(footnotes["category"]) == {"植物油"}
    fixed_footnotes = report[(report["action"] == "fixed") & report["reason"].str.startswith("footnote_mark")]
    assert len(fixed_footnotes) == 18
    garbage = report[report["reason"].str.contains("'0 K'|'二'|'un'")]
    assert len(garbage) >= 3
    malformed = report[report["reason"].str.startswith("malformed_code")]
    assert set(malformed["source_id"]) == {"08110x", "08111x"}
    assert 15 <= len(flagged("remark_in_mn_column")) <= 20
    assert (foods["energy_kcal"] <= 950).all()
    assert foods["energy_kcal"].notna().all()
    assert set(report["action"]) <= {"rejected", "fixed", "warning"}

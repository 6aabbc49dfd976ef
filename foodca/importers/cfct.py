"""Extractor for the China Food Composition Table (中国食物成分表) general-nutrient table, CSV or XLSX."""
from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from foodca.importers.errors import ImportFileError
from foodca.importers.frames import (
    ALIAS_COLUMNS, FOOD_COLUMNS, NUTRIENT_COLUMNS, REPORT_COLUMNS, Extract, nutrients_json,
)

DATA_TYPE = "cfct"
KJ_PER_KCAL = 4.184

COL_CATEGORY = "分类"
COL_CODE = "食物编码"
COL_NAME = "食物名称"
COL_EDIBLE = "食部(%)"
COL_KCAL = "能量(kcal)"
COL_KJ = "能量(kJ)"
COL_PROTEIN = "蛋白质(g)"
COL_FAT = "脂肪(g)"
COL_CARB = "碳水化合物(g)"
COL_FIBER = "不溶性膳食纤维(g)"
COL_SODIUM = "钠(mg)"
COL_MN = "锰(mg)"
COL_REMARK = "备注"
MACRO_COLUMNS = (COL_PROTEIN, COL_FAT, COL_CARB)

# Minor columns -> FDC nutrient id (names and units checked against FDC nutrient.csv).
# 总维生素E is mg α-TE, which is FDC 1158 "Vitamin E" (MG_ATE); 胡萝卜素 is reported as β-carotene.
MINOR_NUTRIENTS = {
    "水分(g)": 1051,
    "胆固醇(mg)": 1253,
    "灰分(g)": 1007,
    "总维生素A(μgRAE)": 1106,
    "胡萝卜素(μg)": 1107,
    "视黄醇(μg)": 1105,
    "硫胺素(mg)": 1165,
    "核黄素(mg)": 1166,
    "烟酸(mg)": 1167,
    "维生素C(mg)": 1162,
    "总维生素E(mg)": 1158,
    "钙(mg)": 1087,
    "磷(mg)": 1091,
    "钾(mg)": 1092,
    "镁(mg)": 1090,
    "铁(mg)": 1089,
    "锌(mg)": 1095,
    "硒(μg)": 1103,
    "铜(mg)": 1098,
    "锰(mg)": 1101,
}
KJ_NUTRIENT_ID = 1062

NUMERIC_COLUMNS = (
    COL_EDIBLE, COL_KCAL, COL_KJ, *MACRO_COLUMNS, COL_FIBER, COL_SODIUM, *MINOR_NUTRIENTS,
)
# Columns printed after the fibre figure; when 备注 holds a number these are the ones that slid sideways.
SHIFT_SUSPECT_COLUMNS = (
    "胆固醇(mg)", "灰分(g)", "总维生素A(μgRAE)", "胡萝卜素(μg)", "视黄醇(μg)", "硫胺素(mg)", "核黄素(mg)",
    "烟酸(mg)", "维生素C(mg)", "总维生素E(mg)", "钙(mg)", "磷(mg)", "钾(mg)", COL_SODIUM, "镁(mg)", "铁(mg)",
    "锌(mg)", "硒(μg)", "铜(mg)", "锰(mg)",
)

CODE_RE = re.compile(r"\d{6}x?", re.IGNORECASE)
NUMBER_RE = re.compile(r"\d+(?:\.\d*)?|\.\d+")
FOOTNOTE_RE = re.compile(r"(\d+(?:\.\d*)?|\.\d+)\s*[*＊※]+")
MISSING_RE = re.compile(r"[-—–―‐‑…]*")  # "", "—", "——", "-", "…"
CJK_RE = re.compile(r"[\u3400-\u9fff]")
# Remarks are place names, or short Latin codes such as "UK", "USA", "BJV" (olive oil 192019 has "UK" in 锰).
REMARK_LIKE_RE = re.compile(r".*[\u3400-\u9fff].*|[A-Z]{2,3}", re.DOTALL)
SYNONYM_RE = re.compile(r"\s*[\[［【]([^\]］】]*)[\]］】]\s*")
SYNONYM_SEP_RE = re.compile(r"[、，,;；]")

ENERGY_TOLERANCE = 0.03  # kJ vs 4.184 × kcal
# kcal > kJ cannot be right, so the swap only needs confirming: 3 % missed 3 of the 68 swapped wild-vegetable
# rows (75 kcal / 19 kJ is 5.6 % off, one figure misread); 10 % still excludes every other kind of error seen.
SWAP_TOLERANCE = 0.10
ATWATER_REL = 0.15
ATWATER_ABS_KCAL = 15.0
MAX_KCAL = 950.0

# Which report action each flag implies.
FIXED_FLAGS = ("footnote_mark", "kcal_kj_swapped", "kcal_from_kj", "remark_in_mn_column")
WARNING_FLAGS = ("malformed_code", "kj_inconsistent", "atwater_mismatch", "garbage_value", "columns_shifted")


@dataclass
class Cell:
    """One parsed table cell."""

    raw: str
    value: float | None
    kind: str  # number | trace | missing | footnote | garbage


def parse_cell(raw: str) -> Cell:
    """Parse a printed value: numbers, "Tr" (trace = 0), dashes (missing), "899*" (footnote), else garbage."""
    text = raw.strip().replace("\u3000", "")
    if MISSING_RE.fullmatch(text):
        return Cell(raw, None, "missing")
    if text.lower() == "tr":
        return Cell(raw, 0.0, "trace")
    if NUMBER_RE.fullmatch(text):
        return Cell(raw, float(text), "number")
    m = FOOTNOTE_RE.fullmatch(text)
    if m:
        return Cell(raw, float(m.group(1)), "footnote")
    return Cell(raw, None, "garbage")


def split_name(printed: str) -> tuple[str, list[str]]:
    """Split "番茄 [西红柿、洋柿子]" into ("番茄", ["西红柿", "洋柿子"]); （…） qualifiers stay in the name."""
    synonyms: list[str] = []
    for group in SYNONYM_RE.findall(printed):
        synonyms.extend(s.strip() for s in SYNONYM_SEP_RE.split(group) if s.strip())
    name = SYNONYM_RE.sub("", printed).strip()
    return name, list(dict.fromkeys(s for s in synonyms if s != name))


def atwater_kcal(macros: dict[str, float | None]) -> float:
    """4/9/4 energy from protein, fat, carbohydrate (missing counts as 0)."""
    return 4 * (macros[COL_PROTEIN] or 0.0) + 9 * (macros[COL_FAT] or 0.0) + 4 * (macros[COL_CARB] or 0.0)


def fits_atwater(kcal: float, atwater: float) -> bool:
    """Within 15 % or 15 kcal of the 4/9/4 estimate."""
    return abs(kcal - atwater) <= max(ATWATER_REL * atwater, ATWATER_ABS_KCAL)


def _fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:g}"


# --------------------------------------------------------------------------------------------- reading


def _read_table(path: Path, raw: bytes) -> tuple[pd.DataFrame, list[int]]:
    """Load the sheet as strings; returns the frame and each row's line number in the file."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            df = pd.read_excel(io.BytesIO(raw), sheet_name=0, dtype=str, keep_default_na=False, engine="openpyxl")
        except Exception as exc:  # openpyxl raises a zoo of types for broken workbooks
            raise ImportFileError(path.name, f"cannot read workbook: {exc}") from exc
        df = df.fillna("")
        lines = [i + 2 for i in range(len(df))]  # sheet row numbers; the header is row 1
    else:
        body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = body[: exc.start].count(b"\n") + 1
            raise ImportFileError(path.name, f"not UTF-8 (byte 0x{body[exc.start]:02x})", line) from exc
        if not text.strip():
            raise ImportFileError(path.name, "file is empty (no header)", 1)
        # csv (not pandas) so that quoted multi-line cells and blank lines keep true line numbers.
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader)
        rows, lines = [], []
        end = reader.line_num
        for row in reader:
            start, end = end + 1, reader.line_num  # a quoted cell may span several lines
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                raise ImportFileError(path.name, f"{len(row)} fields, the header has {len(header)}", start)
            rows.append(row + [""] * (len(header) - len(row)))
            lines.append(start)
        df = pd.DataFrame(rows, columns=header, dtype=str)
    df.columns = [str(c).strip().lstrip("\ufeff") for c in df.columns]
    if not df.empty:
        keep = (df.apply(lambda col: col.str.strip()) != "").any(axis=1).to_list()
        df = df[keep].reset_index(drop=True)
        lines = [ln for ln, k in zip(lines, keep) if k]
    return df, lines


def _check_columns(name: str, columns: list[str]) -> None:
    missing = [c for c in (COL_CODE, COL_NAME, COL_KCAL) if c not in columns]
    if not any(c in columns for c in MACRO_COLUMNS):
        missing.append("at least one of " + " / ".join(MACRO_COLUMNS))
    if missing:
        raise ImportFileError(name, "missing required column(s): " + ", ".join(missing), 1)


# --------------------------------------------------------------------------------------------- rows


@dataclass
class RowResult:
    """What became of one table row."""

    food: dict | None = None
    aliases: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    issues: list[tuple[str, str, str]] = field(default_factory=list)  # (action, flag, reason)

    def note(self, flag: str, reason: str) -> None:
        self.issues.append(("fixed" if flag in FIXED_FLAGS else "warning", flag, reason))


def _process_row(row: dict[str, str], seen_codes: dict[str, int], line: int) -> tuple[str, str, RowResult]:
    res = RowResult()
    code = row.get(COL_CODE, "").strip()
    printed_name = row.get(COL_NAME, "").strip()
    name, synonyms = split_name(printed_name)
    if not code:
        res.rejected.append(f"{COL_CODE} is empty")
    if not name:
        res.rejected.append(f"{COL_NAME} is empty")
    if res.rejected:
        return code, printed_name, res
    if code in seen_codes:
        res.rejected.append(f"duplicate {COL_CODE} {code} (first on line {seen_codes[code]})")
        return code, printed_name, res
    seen_codes[code] = line
    if not CODE_RE.fullmatch(code):
        res.note("malformed_code", f"{COL_CODE} '{code}' is not 6 digits with an optional 'x'; imported as is")

    cells = {col: parse_cell(row[col]) for col in NUMERIC_COLUMNS if col in row}
    remark = row.get(COL_REMARK, "").strip()
    remark_empty = MISSING_RE.fullmatch(remark) is not None

    mn = cells.get(COL_MN)
    if mn is not None and mn.kind == "garbage" and remark_empty and REMARK_LIKE_RE.fullmatch(mn.raw.strip()):
        cells[COL_MN] = Cell(mn.raw, None, "missing")
        res.note("remark_in_mn_column", f"{COL_MN} holds the remark '{mn.raw.strip()}' (备注 empty); 锰 set to NULL")

    # A number in 备注 means the row's cells slid one column right (or the source used another layout).
    if not remark_empty and NUMBER_RE.fullmatch(remark):
        shifted = [c for c in SHIFT_SUSPECT_COLUMNS if c in cells and cells[c].value is not None]
        for c in SHIFT_SUSPECT_COLUMNS:
            if c in cells:
                cells[c] = Cell(cells[c].raw, None, "missing")
        res.note(
            "columns_shifted",
            f"{COL_REMARK} holds the number '{remark}': columns look shifted; "
            f"{len(shifted)} values from 胆固醇 to 锰 (sodium included) set to NULL",
        )

    footnotes = [f"{c} '{cell.raw.strip()}'" for c, cell in cells.items() if cell.kind == "footnote"]
    if footnotes:
        res.note("footnote_mark", "footnote mark removed: " + ", ".join(footnotes))

    def value(col: str) -> float | None:
        cell = cells.get(col)
        return None if cell is None else cell.value

    # ---- energy
    kcal, kj = value(COL_KCAL), value(COL_KJ)
    kcal_raw = cells[COL_KCAL].raw.strip()
    kcal_garbage = cells[COL_KCAL].kind == "garbage"
    macros = {c: value(c) for c in MACRO_COLUMNS}
    has_macros = any(v is not None for v in macros.values())
    atwater = atwater_kcal(macros)
    basis = "cfct:kcal"
    keep_kj = True
    energy_checked = False  # True once the energy was already judged against Atwater

    if kcal is None:
        if kj is None:
            res.rejected.append(f"no energy: {COL_KCAL} '{kcal_raw}', {COL_KJ} '{row.get(COL_KJ, '').strip()}'")
        else:
            kcal, basis = round(kj / KJ_PER_KCAL, 1), "cfct:kJ"
            res.note("kcal_from_kj", f"{COL_KCAL} '{kcal_raw}' unusable; kcal = {_fmt(kj)} kJ / 4.184 = {_fmt(kcal)}")
    elif kj is not None and kcal > kj and abs(kcal - KJ_PER_KCAL * kj) <= SWAP_TOLERANCE * KJ_PER_KCAL * kj:
        kcal, kj = kj, kcal
        res.note("kcal_kj_swapped", f"kcal and kJ swapped in the table: now {_fmt(kcal)} kcal, {_fmt(kj)} kJ")
    elif kj is not None and abs(kj - KJ_PER_KCAL * kcal) > ENERGY_TOLERANCE * KJ_PER_KCAL * kcal:
        from_kj = round(kj / KJ_PER_KCAL, 1)
        numbers = f"{_fmt(kcal)} kcal, {_fmt(kj)} kJ (= {_fmt(from_kj)} kcal), 4/9/4 Atwater {atwater:.1f} kcal"
        energy_checked = True
        if has_macros and fits_atwater(kcal, atwater):
            keep_kj = False
            res.note("kj_inconsistent", f"kJ disagrees with kcal; kcal kept (fits Atwater), kJ dropped: {numbers}")
        elif has_macros and fits_atwater(from_kj, atwater):
            kcal, basis = from_kj, "cfct:kJ"
            res.note("kcal_from_kj", f"kcal disagrees with kJ; kcal taken from kJ (fits Atwater): {numbers}")
        elif not has_macros:
            res.rejected.append(f"kcal and kJ disagree and there is no protein/fat/carbohydrate to decide: {numbers}")
        else:
            res.rejected.append(f"kcal and kJ disagree and neither fits Atwater: {numbers}")

    # ---- plausibility
    for col in (*MACRO_COLUMNS, COL_FIBER):
        v = value(col)
        if v is not None and not 0 <= v <= 100:
            res.rejected.append(f"{col} {_fmt(v)} outside 0..100 g")
    macro_sum = sum(v for v in macros.values() if v is not None)
    if macro_sum > 105:
        res.rejected.append(f"protein + fat + carbohydrate = {macro_sum:.1f} g > 105 g")
    if kcal is not None and kcal > MAX_KCAL:
        res.rejected.append(f"energy {_fmt(kcal)} kcal > {MAX_KCAL:g}")
    edible = value(COL_EDIBLE)
    if edible is not None and not 0 <= edible <= 100:
        res.rejected.append(f"{COL_EDIBLE} {_fmt(edible)} outside 0..100")
    if res.rejected:
        return code, printed_name, res

    category = row.get(COL_CATEGORY, "").strip() or None
    # Drinks with alcohol carry energy from ethanol (7 kcal/g) that 4/9/4 cannot see.
    alcoholic = "酒" in (category or "") or "酒" in name
    if not energy_checked and has_macros and not alcoholic and not fits_atwater(kcal, atwater):
        res.note("atwater_mismatch", f"{_fmt(kcal)} kcal vs 4/9/4 Atwater {atwater:.1f} kcal (beyond 15 % and 15 kcal)")

    # Garbage cells left over (energy garbage was either fixed above or rejected the row).
    garbage = [f"{c} '{cell.raw.strip()}'" for c, cell in cells.items()
               if cell.kind == "garbage" and not (c == COL_KCAL and kcal_garbage)]
    if garbage:
        res.note("garbage_value", "unreadable value set to NULL: " + ", ".join(garbage))

    minors = {nid: value(col) for col, nid in MINOR_NUTRIENTS.items()}
    if keep_kj:
        minors[KJ_NUTRIENT_ID] = kj
    flags = list(dict.fromkeys(flag for _, flag, _ in res.issues))
    res.food = {
        "source_id": code,
        "data_type": DATA_TYPE,
        "name": name,
        "name_zh": name,
        "category": category,
        "brand": None,
        "gtin": None,
        "edible_pct": edible,
        "energy_kcal": kcal,
        "protein_g": macros[COL_PROTEIN],
        "fat_g": macros[COL_FAT],
        "carb_g": macros[COL_CARB],
        "fiber_g": value(COL_FIBER),
        "sugars_g": None,  # the table has no sugar column
        "sodium_mg": value(COL_SODIUM),
        "energy_basis": basis,
        "nutrients": nutrients_json(minors),
        "flags": ",".join(flags) or None,
    }
    res.aliases = synonyms
    return code, printed_name, res


def _frame(records: list[dict], columns: list[str]) -> pd.DataFrame:
    """DataFrame in the given column order, with None (not NaN) for missing values."""
    df = pd.DataFrame.from_records(records, columns=columns).astype(object)
    return df.where(df.notna(), None)


# --------------------------------------------------------------------------------------------- public


def extract_cfct(path: Path) -> Extract:
    """Read a CFCT general-nutrient table (CSV or XLSX) into frames, with a per-row problem report."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise ImportFileError(path.name, "file not found") from exc
    except OSError as exc:
        raise ImportFileError(path.name, f"cannot read file: {exc.strerror or exc}") from exc
    if not raw.strip():
        raise ImportFileError(path.name, "file is empty (no header)", 1)

    df, lines = _read_table(path, raw)
    _check_columns(path.name, list(df.columns))
    if df.empty:
        raise ImportFileError(path.name, "the table has no data rows", 2)

    foods, aliases, report = [], [], []
    seen_codes: dict[str, int] = {}
    flag_counts: Counter[str] = Counter()
    n_rejected = 0
    for line, row in zip(lines, df.to_dict("records")):
        code, printed_name, res = _process_row(row, seen_codes, line)
        base = {"file": path.name, "line": line, "source_id": code or None, "name": printed_name or None}
        if res.rejected:
            n_rejected += 1
            report.append({**base, "action": "rejected", "reason": "; ".join(res.rejected)})
            continue
        for action, flag, reason in res.issues:
            report.append({**base, "action": action, "reason": f"{flag}: {reason}"})
        flag_counts.update({flag for _, flag, _ in res.issues})
        foods.append(res.food)
        aliases.extend({"source_id": code, "text": text, "language": "zh"} for text in res.aliases)

    def by_flag(flags: tuple[str, ...]) -> str:
        parts = [f"{flag} {flag_counts[flag]}" for flag in flags if flag_counts[flag]]
        return ", ".join(parts) or "none"

    notes = [
        f"{path.name}: {len(df)} rows read, {len(foods)} imported, {n_rejected} rejected, {len(aliases)} aliases",
        f"fixed on import (rows): {by_flag(FIXED_FLAGS)}",
        f"imported with warnings (rows): {by_flag(WARNING_FLAGS)}",
    ]
    return Extract(
        source="cfct",
        release_name=path.stem,
        files=[{"name": path.name, "sha256": hashlib.sha256(raw).hexdigest(), "bytes": len(raw)}],
        data_types={DATA_TYPE},
        foods=_frame(foods, FOOD_COLUMNS),
        aliases=_frame(aliases, ALIAS_COLUMNS),
        report=_frame(report, REPORT_COLUMNS),
        nutrient_names=pd.DataFrame(columns=NUTRIENT_COLUMNS),
        notes=notes,
    )

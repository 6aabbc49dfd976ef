#!/usr/bin/env python3
"""Build the small offline demo table of USDA foods in the official FDC CSV layout.

Reads foodca/data/zh_aliases.csv, checks every row against the USDA zips, and
writes the SR Legacy part of it (public-domain values only) to an output folder
with the same file names, headers and quoting as the official FoodData Central
download, so the normal importer can load it.

Usage (from the repository root):

    /work/venv/bin/python tools/make_demo_usda.py \
        --sr /work/shared/data/usda/FoodData_Central_sr_legacy_food_csv_reconstructed.zip \
        [--survey /work/shared/data/usda/FoodData_Central_survey_food_csv_reconstructed.zip] \
        --out foodca/data/demo_usda

Checks on zh_aliases.csv (any failure: message naming the CSV line, exit 1,
nothing written):
  * header is exactly fdc_id,usda_description,zh_names,unit_weights
  * fdc_id exists in the SR Legacy zip or in the survey (FNDDS) zip
  * usda_description equals that zip's food.csv description byte for byte
  * every zh name is non-empty and appears in only one row (and once in it)
  * fdc_id appears in only one row
  * unit_weights is empty or `unit:grams` pairs joined by `|`

Output: food.csv, sr_legacy_food.csv, food_nutrient.csv (only the nutrient ids
in KEEP_NUTRIENTS), food_portion.csv filtered to the SR foods of the alias
table; nutrient.csv, measure_unit.csv, food_category.csv and (if present)
food_nutrient_derivation.csv copied whole. Every file is UTF-8 without BOM,
LF line endings, every field double-quoted, values copied as strings.
"""

import argparse
import csv
import io
import os
import re
import sys
import zipfile

import pandas as pd

ALIAS_HEADER = ["fdc_id", "usda_description", "zh_names", "unit_weights"]

KEEP_NUTRIENTS = [
    "1003", "1004", "1005", "1008", "1051", "1079", "1087", "1089", "1090",
    "1091", "1092", "1093", "1095", "1098", "1103", "1104", "1106", "1109",
    "1114", "1162", "1165", "1166", "1167", "1175", "1177", "1178", "1185",
    "1253", "1257", "1258", "1292", "1293", "2000", "1063", "1062", "1018",
]

FILTERED_BY_FOOD = ["food.csv", "sr_legacy_food.csv", "food_nutrient.csv", "food_portion.csv"]
COPIED_WHOLE = ["nutrient.csv", "measure_unit.csv", "food_category.csv"]
OPTIONAL_WHOLE = ["food_nutrient_derivation.csv"]

UNIT_RE = re.compile(r"^[^\s:|,]+:\d+(\.\d+)?$")

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_ALIASES = os.path.join(REPO_ROOT, "foodca", "data", "zh_aliases.csv")
SURVEY_ZIP_NAME = "FoodData_Central_survey_food_csv_reconstructed.zip"


# ---------------------------------------------------------------- zip access

def member_path(zf, name):
    """Path inside the zip of the CSV called `name` (zips hold one folder)."""
    hits = [m for m in zf.namelist() if m.rsplit("/", 1)[-1] == name]
    if len(hits) > 1:
        raise SystemExit(f"error: {zf.filename}: more than one member named {name}: {hits}")
    return hits[0] if hits else None


def read_table(zf, name):
    """(raw header line bytes, DataFrame of strings) for member `name`."""
    path = member_path(zf, name)
    if path is None:
        raise SystemExit(f"error: {zf.filename} has no {name}")
    raw = zf.read(path)
    header = raw.split(b"\n", 1)[0] + b"\n"
    df = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False, encoding="utf-8")
    return header, df


def read_descriptions(zip_path):
    with zipfile.ZipFile(zip_path) as zf:
        _, food = read_table(zf, "food.csv")
    return dict(zip(food["fdc_id"], food["description"]))


# ---------------------------------------------------------------- writing

def serialise(df):
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerows(df.itertuples(index=False, name=None))
    return buf.getvalue().encode("utf-8")


def write_table(out_dir, name, header, df):
    """Write with the source's header bytes and QUOTE_ALL rows."""
    # the header must be what QUOTE_ALL would produce, i.e. the official form
    expect = serialise(pd.DataFrame([list(df.columns)]))
    if header.rstrip(b"\r\n") != expect.rstrip(b"\n"):
        raise SystemExit(f"error: {name}: source header {header!r} is not in the QUOTE_ALL form")
    with open(os.path.join(out_dir, name), "wb") as f:
        f.write(header)
        f.write(serialise(df))


# ---------------------------------------------------------------- checks

def load_aliases(path):
    """List of (csv line number, row dict); exits on a bad header."""
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    if text.startswith("\ufeff"):
        raise SystemExit(f"error: {path}: starts with a BOM")
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header != ALIAS_HEADER:
        raise SystemExit(f"error: {path}:1: header is {header}, expected {ALIAS_HEADER}")
    rows = []
    for rec in reader:
        line = reader.line_num
        if not rec or rec == [""]:
            continue
        rows.append((line, rec))
    return rows


def check_aliases(path, rows, sr_desc, sv_desc):
    errors, warnings = [], []
    seen_names, seen_ids = {}, {}
    for line, rec in rows:
        where = f"{path}:{line}"
        if len(rec) != 4:
            errors.append(f"{where}: expected 4 fields, got {len(rec)}")
            continue
        fdc_id, desc, names, units = rec
        if not re.fullmatch(r"\d+", fdc_id):
            errors.append(f"{where}: fdc_id {fdc_id!r} is not an integer")
            continue
        if fdc_id in sr_desc:
            source, official = "SR Legacy", sr_desc[fdc_id]
            if int(fdc_id) >= 9_000_000:
                warnings.append(f"{where}: fdc_id {fdc_id} is a synthetic (non-official) SR id")
        elif sv_desc is not None and fdc_id in sv_desc:
            source, official = "survey", sv_desc[fdc_id]
        else:
            zips = "SR Legacy or survey zip" if sv_desc is not None else "SR Legacy zip (no survey zip given)"
            errors.append(f"{where}: fdc_id {fdc_id} not found in the {zips}")
            continue
        if desc != official:
            errors.append(f"{where}: usda_description mismatch for fdc_id {fdc_id} ({source}):"
                          f" csv {desc!r} != zip {official!r}")
        if fdc_id in seen_ids:
            errors.append(f"{where}: fdc_id {fdc_id} already used on line {seen_ids[fdc_id]}")
        else:
            seen_ids[fdc_id] = line
        name_list = names.split("|")
        if not names or any(n.strip() == "" or n != n.strip() for n in name_list):
            errors.append(f"{where}: empty or padded zh name in {names!r}")
        for n in name_list:
            if n in seen_names:
                first = seen_names[n]
                other = "the same line" if first == line else f"line {first}"
                errors.append(f"{where}: duplicate zh name {n!r} (also on {other})")
            else:
                seen_names[n] = line
        if units:
            for u in units.split("|"):
                if not UNIT_RE.match(u):
                    errors.append(f"{where}: bad unit_weights entry {u!r}")
    return errors, warnings


# ---------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sr", required=True, help="SR Legacy FDC CSV zip")
    ap.add_argument("--survey", help="FNDDS survey FDC CSV zip, used to verify survey rows "
                    f"(default: {SURVEY_ZIP_NAME} next to the --sr zip)")
    ap.add_argument("--aliases", default=DEFAULT_ALIASES, help="zh_aliases.csv (default: %(default)s)")
    ap.add_argument("--out", required=True, help="output folder")
    args = ap.parse_args(argv)

    survey = args.survey
    if survey is None:
        guess = os.path.join(os.path.dirname(os.path.abspath(args.sr)), SURVEY_ZIP_NAME)
        survey = guess if os.path.exists(guess) else None

    for path in [args.sr, args.aliases] + ([survey] if survey else []):
        if not os.path.isfile(path):
            print(f"error: {path}: no such file", file=sys.stderr)
            return 2

    rows = load_aliases(args.aliases)
    sr_desc = read_descriptions(args.sr)
    sv_desc = read_descriptions(survey) if survey else None

    errors, warnings = check_aliases(args.aliases, rows, sr_desc, sv_desc)
    for w in warnings:
        print("warning:", w, file=sys.stderr)
    if errors:
        for e in errors:
            print("error:", e, file=sys.stderr)
        print(f"{len(errors)} error(s) in {args.aliases}; nothing written", file=sys.stderr)
        return 1

    n_sv = sum(1 for _, rec in rows if rec[0] not in sr_desc)
    print(f"verified {len(rows)} alias rows ({len(rows) - n_sv} SR Legacy, {n_sv} survey)"
          + ("" if survey else "; no survey zip"))

    import shutil

    if os.path.isdir(args.out):
        shutil.rmtree(args.out)
    sr_keep = {rec[0] for _, rec in rows if rec[0] in sr_desc}
    total = write_release(args.sr, os.path.join(args.out, "demo_usda_sr_legacy"), sr_keep,
                          ["food.csv", "sr_legacy_food.csv", "food_nutrient.csv", "food_portion.csv"],
                          COPIED_WHOLE + OPTIONAL_WHOLE)
    if survey:
        sv_keep = {rec[0] for _, rec in rows if rec[0] not in sr_desc}
        total += write_release(survey, os.path.join(args.out, "demo_usda_survey"), sv_keep,
                               ["food.csv", "survey_fndds_food.csv", "food_nutrient.csv", "food_portion.csv"],
                               ["nutrient.csv", "measure_unit.csv", "wweia_food_category.csv"])
    print(f"wrote the demo releases to {args.out} ({total / 1e6:.2f} MB)")
    return 0


def write_release(zip_path, out_dir, keep_set, filtered, copied):
    """One release folder: `filtered` tables cut to `keep_set` foods, `copied` tables whole."""
    os.makedirs(out_dir, exist_ok=True)
    written = {}
    with zipfile.ZipFile(zip_path) as zf:
        for name in filtered:
            header, df = read_table(zf, name)
            df = df[df["fdc_id"].isin(keep_set)]
            if name == "food_nutrient.csv":
                df = df[df["nutrient_id"].isin(KEEP_NUTRIENTS)]
            write_table(out_dir, name, header, df)
            written[name] = len(df)
        for name in copied:
            if member_path(zf, name) is None:
                if name in OPTIONAL_WHOLE:
                    continue
                raise SystemExit(f"error: {zip_path} has no {name}")
            header, df = read_table(zf, name)
            write_table(out_dir, name, header, df)
            written[name] = len(df)
    if written["food.csv"] != len(keep_set):
        raise SystemExit(f"error: wrote {written['food.csv']} foods to {out_dir}, expected {len(keep_set)}")
    for name, n in written.items():
        print(f"  {os.path.basename(out_dir)}/{name}: {n} rows")
    return sum(os.path.getsize(os.path.join(out_dir, n)) for n in written)


if __name__ == "__main__":
    sys.exit(main())

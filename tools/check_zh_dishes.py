#!/usr/bin/env python3
"""Validate foodca/data/zh_dishes.csv (dish -> ingredient fractions + unit weights).

Usage: python tools/check_zh_dishes.py [path/to/zh_dishes.csv]

Checks: UTF-8 without BOM, LF line endings, exact header, 4 fields per row,
non-empty names unique across all rows, ingredient `name:fraction` pairs with
fractions in (0, 1] summing to 1 +/- 0.01, no repeated ingredient or unit in a
row, unit weights `unit:grams` with grams > 0, non-empty note.
Prints `PATH:LINE: problem` for each problem and exits 1 if any were found.
Stdlib only.
"""
import csv
import io
import math
import sys
from pathlib import Path

HEADER = ["dish_names", "ingredients", "unit_weights", "note"]
TOLERANCE = 0.01
DEFAULT = Path(__file__).resolve().parent.parent / "foodca" / "data" / "zh_dishes.csv"


def parse_number(text):
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_pairs(field, what, problems, line):
    """Split `a:1|b:2` into [(a, 1.0), (b, 2.0)], reporting malformed parts."""
    pairs, seen = [], set()
    if not field.strip():
        problems.append((line, f"{what} is empty"))
        return pairs
    for part in field.split("|"):
        name, sep, number = part.rpartition(":")
        name = name.strip()
        value = parse_number(number.strip()) if sep else None
        if not sep or not name or value is None:
            problems.append((line, f"{what}: cannot parse {part!r} as name:number"))
            continue
        if name in seen:
            problems.append((line, f"{what}: {name!r} listed twice"))
        seen.add(name)
        pairs.append((name, value))
    return pairs


def check(path):
    problems = []
    raw = Path(path).read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append((1, "file starts with a UTF-8 BOM"))
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [(raw[: exc.start].count(b"\n") + 1, f"not valid UTF-8: {exc.reason}")], 0
    if "\r" in text:
        problems.append((text[: text.index("\r")].count("\n") + 1, "CR found: line endings must be LF"))

    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header != HEADER:
        problems.append((1, f"header must be {','.join(HEADER)!r}, got {header!r}"))

    first_line_of = {}
    rows = 0
    for fields in reader:
        line = reader.line_num
        if not any(f.strip() for f in fields):
            problems.append((line, "blank line"))
            continue
        rows += 1
        if len(fields) != len(HEADER):
            problems.append((line, f"expected {len(HEADER)} fields, got {len(fields)}"))
            continue
        names, ingredients, units, note = fields

        for name in names.split("|"):
            name = name.strip()
            if not name:
                problems.append((line, "empty dish name"))
            elif name in first_line_of:
                problems.append((line, f"dish name {name!r} already used on line {first_line_of[name]}"))
            else:
                first_line_of[name] = line

        pairs = parse_pairs(ingredients, "ingredients", problems, line)
        for name, fraction in pairs:
            if not 0 < fraction <= 1:
                problems.append((line, f"ingredients: fraction of {name!r} is {fraction}, must be in (0, 1]"))
        if pairs:
            total = sum(f for _, f in pairs)
            if abs(total - 1) > TOLERANCE:
                problems.append((line, f"ingredients: fractions sum to {total:.4f}, must be 1 +/- {TOLERANCE}"))

        for unit, grams in parse_pairs(units, "unit_weights", problems, line):
            if grams <= 0:
                problems.append((line, f"unit_weights: {unit!r} has {grams} g, must be > 0"))

        if not note.strip():
            problems.append((line, "note is empty"))
    if rows == 0:
        problems.append((1, "no data rows"))
    return problems, rows


def main(argv):
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    if not path.is_file():
        print(f"{path}: no such file", file=sys.stderr)
        return 2
    problems, rows = check(path)
    for line, message in sorted(problems):
        print(f"{path}:{line}: {message}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {rows} rows", file=sys.stderr)
        return 1
    print(f"{path}: OK, {rows} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

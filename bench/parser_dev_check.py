"""Offline parser against the dev sets: item counts, stated grams and names, portion phrases.

Usage: python bench/parser_dev_check.py [--show N]
Reads ../shared/data/eval (skips with a message when absent). Figures:
- cfct_zh_dev: queries whose item count equals the truth's (an item with components counts as its
  components), and truth items matched by a parsed item or component with grams within ±1 g and a
  name that contains, or is contained in, the truth's `said`. The data set turns 毫升 into grams at
  1 g/ml, so volume_ml counts as grams there; the grams-only figure is printed beside it;
- zh_portions_dev: phrases whose name, unit (size prefix split off: 小碗 → 碗 + small) and quantity match;
- nutribench_intl_dev (English, a guide only): item counts equal, and truth grams found within ±1 g.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from foodca.nlp.offline_parser import parse_meal  # noqa: E402

EVAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval"
SIZES = {"小": "small", "中": "medium", "大": "large"}


def leaves(items):
    for item in items:
        if item.components:
            yield from item.components
        else:
            yield item


def all_items(items):
    for item in items:
        yield item
        yield from item.components


def check_cfct(path: Path, show: int) -> None:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    count_ok = found = strict = total = 0
    misses = []
    for row in rows:
        items = parse_meal(row["query"]).items
        truth = row["items"]
        count_ok += len(list(leaves(items))) == len(truth)
        for t in truth:
            total += 1
            named = [p for p in all_items(items) if p.name and (p.name in t["said"] or t["said"] in p.name)]
            strict += any(p.grams is not None and abs(p.grams - t["grams"]) <= 1 for p in named)
            # The data set turns 毫升 into grams at 1 g/ml; the parser reports volumes as volume_ml, never as grams.
            hit = any(abs(w - t["grams"]) <= 1 for p in named for w in (p.grams, p.volume_ml) if w is not None)
            found += hit
            if not hit:
                misses.append((row["query"], t["said"], t["grams"], [(p.name, p.grams) for p in all_items(items)]))
    print(f"cfct_zh_dev: {len(rows)} queries; item count equal {100 * count_ok / len(rows):.1f}%; "
          f"truth items found (grams, or ml at 1 g/ml, ±1 + name) {100 * found / total:.1f}% of {total} "
          f"(grams only: {100 * strict / total:.1f}%)")
    for miss in misses[:show]:
        print("   miss:", *miss)


def check_portions(path: Path, show: int) -> None:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    ok = 0
    for row in rows:
        unit, size = row["unit"], None
        if len(unit) > 1 and unit[0] in SIZES:
            unit, size = unit[1:], SIZES[unit[0]]
        items = parse_meal(row["phrase"]).items
        good = (len(items) == 1 and items[0].name == row["food"] and items[0].unit in (unit, {"斤": "斤", "两": "两"}.get(unit))
                and items[0].quantity == row["count"] and (size is None or items[0].size == size))
        ok += good
        if not good and show:
            show -= 1
            print("   miss:", row["phrase"], row["food"], row["unit"], row["count"], [(i.name, i.unit, i.quantity, i.size) for i in items])
    print(f"zh_portions_dev: {len(rows)} phrases; name + unit + quantity equal {100 * ok / len(rows):.1f}%")


def check_intl(path: Path, show: int) -> None:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    count_ok = found = total = 0
    for row in rows:
        items = parse_meal(row["query"]).items
        count_ok += len(items) == len(row["items"])
        grams = [p.grams for p in all_items(items) if p.grams is not None]
        for t in row["items"]:
            total += 1
            found += any(abs(g - t["grams"]) <= 1 for g in grams)
        if len(items) != len(row["items"]) and show:
            show -= 1
            print("   miss:", row["query"], len(row["items"]), [(p.name, p.grams) for p in items])
    print(f"nutribench_intl_dev (en): {len(rows)} queries; item count equal {100 * count_ok / len(rows):.1f}%; "
          f"truth grams found {100 * found / total:.1f}%")


def check_speed() -> None:
    text = "早饭：燕麦片40g，学生奶250ml，两个水煮蛋，一根香蕉（去皮约100克），一小把坚果"
    runs = 2000
    start = time.perf_counter()
    for _ in range(runs):
        parse_meal(text)
    print(f"speed: a 5-item meal parses in {1e3 * (time.perf_counter() - start) / runs:.3f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print up to N misses per data set")
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} is absent (the shared data folder is not next to this checkout)")
        return
    check_cfct(EVAL / "cfct_zh_dev.jsonl", args.show)
    check_portions(EVAL / "zh_portions_dev.jsonl", args.show)
    if (EVAL / "nutribench_intl_dev.jsonl").exists():
        check_intl(EVAL / "nutribench_intl_dev.jsonl", args.show)
    check_speed()


if __name__ == "__main__":
    main()

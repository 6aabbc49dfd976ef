"""Accuracy of the meal path on the dev sets in ../shared/data/eval, with the offline parser (no model).

Usage: FOODCA_DATABASE_URL=... python bench/accuracy.py [--eval DIR] [--limit N] [--only us,zh,intl,portions]
Needs USDA (and, for zh, the CFCT) imported into that database. Prints figures; it is not a test.
"""
from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from pathlib import Path

from foodca.config import Settings
from foodca.db import make_engine
from foodca.nutrition.meal import MealAnalyser

DEFAULT_EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "eval"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def run(analyser: MealAnalyser, texts: list[str]) -> tuple[list[dict], list[float]]:
    results, seconds = [], []
    for text in texts:
        started = time.perf_counter()
        results.append(analyser.analyse(text, use_model=False))
        seconds.append(time.perf_counter() - started)
    return results, seconds


def item_stats(results: list[dict]) -> str:
    items = [item for result in results for item in result["items"]]
    unmatched = sum(item["status"] == "unmatched" for item in items)
    return f"items {len(items):,}, unmatched {unmatched / max(len(items), 1):.1%}"


def latency(seconds: list[float]) -> str:
    return f"latency p50 {percentile(seconds, 0.5) * 1000:.1f} ms, p95 {percentile(seconds, 0.95) * 1000:.1f} ms"


def energy_report(name: str, analyser: MealAnalyser, rows: list[dict]) -> None:
    results, seconds = run(analyser, [row["query"] for row in rows])
    errors = []
    for row, result in zip(rows, results):
        truth = row["energy_kcal"]
        errors.append(abs(result["totals"]["energy_kcal"] - truth) / truth if truth else 0.0)
    within5 = sum(e <= 0.05 for e in errors) / len(errors)
    within10 = sum(e <= 0.10 for e in errors) / len(errors)
    print(f"{name}: {len(rows):,} meals · within ±5% energy {within5:.1%} · within ±10% {within10:.1%} · "
          f"median error {statistics.median(errors):.1%} · {item_stats(results)} · {latency(seconds)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--limit", type=int, default=0, help="first N rows of each set (0: all)")
    parser.add_argument("--only", default="us,zh,intl,portions")
    args = parser.parse_args()
    if not args.eval.is_dir():
        sys.exit(f"no dev sets at {args.eval} (they live in ../shared/data/eval)")
    wanted = set(args.only.split(","))
    settings = Settings.from_env()
    started = time.perf_counter()
    analyser = MealAnalyser.build(make_engine(settings.database_url))
    print(f"index: {len(analyser.index):,} foods, built in {time.perf_counter() - started:.1f} s")

    def limited(rows):
        return rows[: args.limit] if args.limit else rows

    if "us" in wanted:
        with open(args.eval / "nutribench_us_dev.csv", encoding="utf-8") as handle:
            rows = limited(list(csv.DictReader(handle)))
        results, seconds = run(analyser, [row["query"] for row in rows])
        errors = [abs(result["totals"]["carb_g"] - float(row["carb_g"])) for row, result in zip(rows, results)]
        print(f"us: {len(rows):,} queries · within ±7.5 g carbs {sum(e <= 7.5 for e in errors) / len(errors):.1%} · "
              f"MAE {statistics.mean(errors):.2f} g · {item_stats(results)} · {latency(seconds)}")
    if "zh" in wanted:
        rows = limited([json.loads(line) for line in open(args.eval / "cfct_zh_dev.jsonl", encoding="utf-8")])
        energy_report("zh", analyser, rows)
    if "intl" in wanted:
        rows = limited([json.loads(line) for line in open(args.eval / "nutribench_intl_dev.jsonl", encoding="utf-8")])
        energy_report("intl", analyser, rows)
    if "portions" in wanted:
        rows = limited([json.loads(line) for line in open(args.eval / "zh_portions_dev.jsonl", encoding="utf-8")])
        results, _ = run(analyser, [row["phrase"] for row in rows])
        inside = 0
        for row, result in zip(rows, results):
            # A dish computed from its recipe comes back as its ingredients: their grams add up to the dish.
            weighed = [item["grams"] for item in result["items"] if item["grams"] is not None]
            grams = sum(weighed) if weighed else None
            inside += grams is not None and row["grams_min"] <= grams <= row["grams_max"]
        print(f"portions: {len(rows)} phrases · grams inside the accepted range {inside / len(rows):.1%}")


if __name__ == "__main__":
    main()

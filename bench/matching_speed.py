"""Matching speed at full size, beside rapidfuzz's extractOne over every name, in the same process.

Usage: FOODCA_DATABASE_URL=... python bench/matching_speed.py [--items N] [--baseline N]
Prints index build time and memory, per-item match latency (p50/p95/p99) for items parsed from the dev
sets, the same for `process.extractOne(query, all_names, scorer=WRatio)`, and a 5-item offline meal's
end-to-end latency. Figures only; not a test.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import statistics
import time
from pathlib import Path

from rapidfuzz import fuzz, process

from foodca.config import Settings
from foodca.db import make_engine
from foodca.matching.matcher import Matcher
from foodca.nlp.offline_parser import parse_meal
from foodca.nutrition.meal import MealAnalyser

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "eval"
MEALS = [
    "一个馒头，一小盘西红柿炒鸡蛋，一杯鲜榨橙汁，半根玉米，一小盘酱牛肉",
    "two eggs, a cup of rice, an apple, a glass of milk and a slice of bread",
    "早饭 燕麦片40g 牛奶250ml 香蕉一根 煮鸡蛋两个 核桃三个",
]


def percentiles(seconds: list[float]) -> str:
    ordered = sorted(seconds)

    def at(share: float) -> float:
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000

    return f"p50 {at(0.5):.3f} ms · p95 {at(0.95):.3f} ms · p99 {at(0.99):.3f} ms (n={len(ordered)})"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=3000)
    parser.add_argument("--baseline", type=int, default=40, help="items timed with extractOne (slow)")
    parser.add_argument("--repeat", type=int, default=3, help="timings per item; the median is kept")
    args = parser.parse_args()
    engine = make_engine(Settings.from_env().database_url)
    before = rss_mb()
    started = time.perf_counter()
    # No ranking cache: every timing below scores the name afresh (the API's cache is measured by api_load.py).
    analyser = MealAnalyser.build(engine, match_cache_size=0)
    print(f"index: {len(analyser.index):,} foods · built in {time.perf_counter() - started:.1f} s · "
          f"peak RSS {before:.0f} → {rss_mb():.0f} MB")

    texts = [row["query"] for row in csv.DictReader(open(EVAL / "nutribench_us_dev.csv", encoding="utf-8"))]
    texts += [json.loads(line)["query"] for line in open(EVAL / "cfct_zh_dev.jsonl", encoding="utf-8")]
    items = [item for text in texts for item in parse_meal(text).items]
    random.Random(7).shuffle(items)
    items = items[: args.items]
    matcher = Matcher(analyser.index, cache_size=0)
    for item in items[:50]:
        matcher.match(item)  # warm caches
    # Each item is timed --repeat times and its median kept: this machine is shared, and a single pass's p99
    # is mostly other processes' noise.
    runs = [[] for _ in items]
    for _ in range(args.repeat):
        for times, item in zip(runs, items):
            started = time.perf_counter()
            matcher.match(item)
            times.append(time.perf_counter() - started)
    ours = [statistics.median(times) for times in runs]
    single_pass = [times[0] for times in runs]
    names = analyser.index.names
    theirs = []
    for item in items[: args.baseline]:
        started = time.perf_counter()
        process.extractOne(item.name, names, scorer=fuzz.WRatio)
        theirs.append(time.perf_counter() - started)
    print(f"match, foodca matcher       : {percentiles(ours)} · median of {args.repeat} runs per item")
    print(f"match, foodca, first run only: {percentiles(single_pass)}")
    print("(no ranking cache in this script: each timing scores the name afresh)")
    print(f"match, extractOne(WRatio)   : {percentiles(theirs)} over {len(names):,} names")

    for meal in MEALS:
        analyser.analyse(meal, use_model=False)
    parse_only, whole = [], []
    for _ in range(100):
        for meal in MEALS:
            started = time.perf_counter()
            parse_meal(meal)
            parse_only.append(time.perf_counter() - started)
            started = time.perf_counter()
            analyser.analyse(meal, use_model=False)
            whole.append(time.perf_counter() - started)
    print(f"5-item meal, offline parse only           : {percentiles(parse_only)}")
    print(f"5-item meal, parse+match+portion+compute  : {percentiles(whole)}")


if __name__ == "__main__":
    main()

"""Does every China Food Composition Table name come back to its own food? A check of the Chinese path that needs
no hand-written set: each distinct printed name (the part before its qualifiers) and each synonym in brackets is
said with a weight ("马铃薯100克", "土豆100克"), parsed offline and matched.

Usage: FOODCA_DATABASE_URL=... python bench/cfct_names.py [--show N]
Needs the CFCT imported. A name passes when it gives one matched item whose food carries that name (any of the
foods printed with it: 烤鸭 may be either brand's). Prints figures; it is not a test.
"""
from __future__ import annotations

import argparse
import time
from collections import defaultdict

from foodca.config import Settings
from foodca.db import make_engine
from foodca.nutrition.meal import MealAnalyser


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=20, help="failures to print")
    args = parser.parse_args()
    analyser = MealAnalyser.build(make_engine(Settings.from_env().database_url))
    index = analyser.index
    foods_named: dict[str, set[int]] = defaultdict(set)
    kinds: dict[str, str] = {}
    for entry in index.zh_entries:
        if not entry.from_cfct or not entry.base:
            continue
        foods_named[entry.base].add(int(index.ids[entry.food]))
        if entry.primary:
            kinds[entry.base] = "printed"
        else:
            kinds.setdefault(entry.base, "synonym")
    if not foods_named:
        raise SystemExit("no CFCT foods in this database: import the table first (foodca import cfct)")
    failures: dict[str, list[str]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    started = time.perf_counter()
    for name, food_ids in foods_named.items():
        kind = kinds[name]
        counts[kind] += 1
        items = analyser.analyse(f"{name}100克", use_model=False)["items"]
        if len(items) == 1 and items[0]["status"] == "matched" and items[0]["food"]["id"] in food_ids:
            continue
        got = " + ".join(f"{item['name']}→{(item['food'] or {}).get('name', 'unmatched')}" for item in items)
        failures[kind].append(f"{name}: {got or 'no item'}")
    seconds = time.perf_counter() - started
    for kind in ("printed", "synonym"):
        total, failed = counts[kind], len(failures[kind])
        print(f"{kind} names: {total:,} · back to their own food {(total - failed) / max(total, 1):.1%} · "
              f"other or none {failed}")
    print(f"{sum(counts.values()):,} names in {seconds:.1f} s")
    for kind in ("printed", "synonym"):
        for line in failures[kind][: args.show]:
            print(f"  {kind}: {line}")


if __name__ == "__main__":
    main()

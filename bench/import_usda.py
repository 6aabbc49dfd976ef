"""Import benchmark: the USDA zips into a fresh SQLite file, then again unchanged, beside a bare pandas load.

Usage: python bench/import_usda.py [--runs N] ZIP...
Each figure is the median over N runs of a whole process (wall seconds, peak RSS from wait4).
The baseline is a bare pandas → SQLite load of food.csv and food_nutrient.csv alone (no portions, no
validation, not atomic), run in the same command so the machine's noise hits both alike.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASELINE = r'''
import sys, zipfile, sqlite3, pandas as pd
db = sqlite3.connect(sys.argv[1])
for path in sys.argv[2:]:
    with zipfile.ZipFile(path) as z:
        names = {n.rsplit("/", 1)[-1]: n for n in z.namelist()}
        with z.open(names["food.csv"]) as f:
            pd.read_csv(f, usecols=["fdc_id", "data_type", "description"]).to_sql("food", db, if_exists="append", index=False)
        with z.open(names["food_nutrient.csv"]) as f:
            pd.read_csv(f, usecols=["fdc_id", "nutrient_id", "amount"]).to_sql("food_nutrient", db, if_exists="append", index=False)
db.commit()
'''


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        sys.exit(f"{' '.join(command[:3])} … failed: {process.stderr.read().decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("zips", nargs="+")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    foodca = str(Path(sys.executable).with_name("foodca"))
    results: dict[str, list[tuple[float, float]]] = {"baseline": [], "import": [], "reimport": []}
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            env = {**os.environ, "FOODCA_DATABASE_URL": f"sqlite:///{folder}/bench.sqlite",
                   "FOODCA_INSTANCE_DIR": folder}
            results["baseline"].append(timed([sys.executable, "-c", BASELINE, f"{folder}/bare.sqlite", *args.zips], env)[:2])
            results["import"].append(timed([foodca, "import", "usda", "--no-progress", *args.zips], env)[:2])
            results["reimport"].append(timed([foodca, "import", "usda", "--no-progress", *args.zips], env)[:2])
        print(f"run {run + 1}: " + "  ".join(f"{k} {v[-1][0]:.1f} s / {v[-1][1]:.0f} MB" for k, v in results.items()))
    print(f"\nmedian of {args.runs} runs, {os.cpu_count()} cores:")
    for name, label in (("baseline", "bare pandas → SQLite (foods + nutrient rows only)"),
                        ("import", "foodca import usda, fresh database"),
                        ("reimport", "foodca import usda, same release again")):
        walls, rss = zip(*results[name])
        print(f"  {label:<52} wall {statistics.median(walls):6.1f} s   peak RSS {statistics.median(rss):6.0f} MB")


if __name__ == "__main__":
    main()

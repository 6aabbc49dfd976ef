"""Bytes a logged meal takes in the database, to size the meal log for many users.

Usage: FOODCA_DATABASE_URL=postgresql+psycopg://... python bench/storage_per_meal.py [--meals 2000]
Logs --meals 5-item meals for 50 new users through the API (Flask test client, offline parser) on the configured
PostgreSQL database (one with the food tables imported), then prints table and index bytes per meal and per item
from pg_total_relation_size, measured as the difference before and after. The users and meals stay: use a
scratch copy of the database. Figures only; not a test.
"""
from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from sqlalchemy import text

from foodca import create_app

EVAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval" / "zh_portions_dev.jsonl"
TABLES = ("meal", "meal_item", "app_user", "api_token")
FALLBACK_PHRASES = ["一个馒头", "两个鸡蛋", "一碗米饭", "一杯牛奶", "一个苹果", "一根香蕉", "一杯豆浆"]


def sizes(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {table: conn.execute(text(f"SELECT pg_total_relation_size('{table}')")).scalar() or 0
                for table in TABLES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meals", type=int, default=2000)
    args = parser.parse_args()
    app = create_app()
    engine = app.extensions["foodca_engine"]
    if engine.dialect.name != "postgresql":
        raise SystemExit("needs FOODCA_DATABASE_URL of a PostgreSQL database (sizes come from pg_total_relation_size)")
    phrases = ([json.loads(line)["phrase"] for line in EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]
               if EVAL.is_file() else FALLBACK_PHRASES)
    chooser = random.Random(11)
    client = app.test_client()
    tokens = [client.post("/api/v1/auth/anonymous", json={"device_id": f"storage-{i}"}).json["token"]
              for i in range(50)]
    before, items, started = sizes(engine), 0, time.perf_counter()
    for n in range(args.meals):
        answer = client.post("/api/v1/meals", json={"text": "，".join(chooser.sample(phrases, 5)),
                                                    "eaten_at": f"2026-11-{1 + n % 25:02d}T12:00:00+08:00"},
                             headers={"Authorization": f"Bearer {tokens[n % len(tokens)]}"})
        assert answer.status_code == 201, answer.json
        items += len(answer.json["items"])
    seconds = time.perf_counter() - started
    after = sizes(engine)
    grown = {table: after[table] - before[table] for table in TABLES}
    per_meal = (grown["meal"] + grown["meal_item"]) / args.meals
    print(f"{args.meals} meals, {items} items ({items / args.meals:.1f} per meal) logged in {seconds:.1f} s "
          f"({args.meals / seconds:.0f} meals/s, one thread, in-process)")
    print(f"meal: +{grown['meal']:,} bytes; meal_item: +{grown['meal_item']:,} bytes (tables, indexes and TOAST)")
    print(f"per meal {per_meal:,.0f} bytes; per item {grown['meal_item'] / items:,.0f} bytes")


if __name__ == "__main__":
    main()

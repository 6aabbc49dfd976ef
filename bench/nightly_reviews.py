"""The nightly review run for many users against a model stub: wall time, reviews/s, tokens.

    .venv/bin/python bench/nightly_reviews.py                 # 10,000 users, stub answers after 300 ms
    .venv/bin/python bench/nightly_reviews.py --users 1000 --delay 0.3 --concurrency 32 --tpm 0

Makes a fresh SQLite database in a temporary folder, writes users (Asia/Shanghai, zh-CN and en) with three
meals on the day and one on each of the six days before, starts the model stub (tests/nlp/chat_server.py, a
real local chat-completions server, in a process of its own, billing about 3 characters a token), then runs the scheduler's tick at 21:01 local
time: the same code `foodca scheduler` runs. The stub's text repeats numbers from the facts, so each answer
also passes the number check.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select
from sqlmodel import Session

from foodca.config import LlmProvider, Settings
from foodca.db import make_engine, upgrade
from foodca.jobs.scheduler import nightly_reviews
from foodca.models import DailyReview, Meal, MealItem, User

ROOT = Path(__file__).resolve().parent.parent
DAY = date(2026, 11, 24)
ZONE = "Asia/Shanghai"
STUB = """
import sys, time
sys.path.insert(0, {path!r})
from chat_server import ChatServer, honest_review
server = ChatServer().start()
server.script("stub", lambda body: honest_review(body, delay_s={delay}, count_tokens=True))
print(server.base_url, flush=True)
sys.stdin.read()
server.stop()
"""


def fill(engine, users: int) -> None:
    zone, now = ZoneInfo(ZONE), datetime.now(UTC)
    with Session(engine) as session:
        session.execute(insert(User), [{"timezone": ZONE, "locale": "zh-CN" if n % 2 else "en", "plan": "free",
                                        "created_at": now, "target_energy_kcal": 1800.0} for n in range(users)])
        user_ids = list(session.execute(select(User.id)).scalars())
        meals = []
        for user_id in user_ids:
            for hour, meal_type in ((8, "breakfast"), (12, "lunch"), (19, "dinner")):
                eaten = datetime(DAY.year, DAY.month, DAY.day, hour, tzinfo=zone)
                meals.append({"user_id": user_id, "eaten_at": eaten, "local_date": DAY, "meal_type": meal_type,
                              "favourite": False, "created_at": now, "updated_at": now})
            for back in range(1, 7):
                eaten = datetime(DAY.year, DAY.month, DAY.day, 12, tzinfo=zone) - timedelta(days=back)
                meals.append({"user_id": user_id, "eaten_at": eaten, "local_date": eaten.date(), "meal_type": "lunch",
                              "favourite": False, "created_at": now, "updated_at": now})
        session.execute(insert(Meal), meals)
        meal_ids = list(session.execute(select(Meal.id)).scalars())
        items = [{"meal_id": meal_id, "position": position, "status": "matched", "basis": "stated",
                  "said": "米饭" if position else "鸡蛋", "grams": 150.0, "energy_kcal": 200.0 + meal_id % 300,
                  "protein_g": 12.5, "fat_g": 8.0, "carb_g": 30.0, "fiber_g": 2.0, "sodium_mg": 350.0}
                 for meal_id in meal_ids for position in range(2)]
        session.execute(insert(MealItem), items)
        session.commit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--delay", type=float, default=0.3, help="seconds the stub takes to answer")
    parser.add_argument("--concurrency", type=int, default=Settings.review_concurrency)
    parser.add_argument("--tpm", type=int, default=Settings.review_tokens_per_minute, help="tokens per minute")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="nightly-reviews-"))
    url = f"sqlite:///{folder / 'bench.sqlite'}"
    upgrade(url)
    engine = make_engine(url)
    started = time.monotonic()
    fill(engine, args.users)
    print(f"database: {args.users:,} users with meals in {time.monotonic() - started:.1f} s ({folder})")

    stub = subprocess.Popen([sys.executable, "-c", STUB.format(path=str(ROOT / "tests" / "nlp"), delay=args.delay)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        base_url = stub.stdout.readline().strip()
        settings = replace(Settings.from_env({"FOODCA_DATABASE_URL": url}), review_concurrency=args.concurrency,
                           review_tokens_per_minute=args.tpm,
                           llm_providers=(LlmProvider(base_url=base_url, api_key="sk-bench", model="stub",
                                                      timeout_s=10.0),))
        at = datetime(DAY.year, DAY.month, DAY.day, 21, 1, tzinfo=ZoneInfo(ZONE))
        started = time.monotonic()
        report = nightly_reviews(engine=engine, settings=settings, now=at)
        wall = time.monotonic() - started
    finally:
        stub.communicate("")
    with Session(engine) as session:
        stored = session.execute(select(DailyReview.writer, func.count(), func.sum(DailyReview.total_tokens))
                                 .where(DailyReview.status == "done").group_by(DailyReview.writer)).all()
    done = report.outcomes["done"]
    print(f"stub: answers after {args.delay * 1000:.0f} ms · concurrency {args.concurrency} · "
          f"budget {args.tpm:,} tokens/min")
    print(f"nightly run: {wall:.1f} s wall ({wall / 60:.2f} min; target ≤ 5 min) · {done / wall:.1f} reviews/s")
    print(f"tokens: {report.total_tokens:,} ({report.total_tokens / max(done, 1):.0f} per review, "
          f"{report.total_tokens / wall * 60:,.0f} per minute)")
    print(f"outcomes: {dict(report.outcomes)} · stored: {[(w, n, t) for w, n, t in stored]}")
    engine.dispose()


if __name__ == "__main__":
    main()

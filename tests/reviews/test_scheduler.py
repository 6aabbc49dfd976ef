"""Two real `foodca scheduler` processes on one database: each due user gets exactly one review."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from chat_server import honest_review
from review_data import add_meal, add_user
from sqlalchemy import select
from sqlmodel import Session

from foodca.models import DailyReview

FOODCA = str(Path(sys.executable).parent / "foodca")


def zone_at_local_hour(hour: int, now: datetime) -> str:
    """A fixed-offset zone (no DST) where the local hour is `hour` now."""
    offset = (hour - now.hour) % 24
    if offset > 14:
        offset -= 24
    return f"Etc/GMT{-offset:+d}"  # the Etc names have the sign reversed: Etc/GMT-8 is UTC+8


def test_two_schedulers_write_one_review_per_due_user(engine, database_url, chat_server):
    chat_server.script("good", lambda body: honest_review(body, delay_s=0.1))
    now = datetime.now(UTC)
    due_zone, early_zone = zone_at_local_hour(22, now), zone_at_local_hour(18, now)
    with Session(engine, expire_on_commit=False) as session:
        due = [add_user(session, timezone=due_zone) for _ in range(6)]
        early = add_user(session, timezone=early_zone)  # 18:00 there: not yet
        idle = add_user(session, timezone=due_zone)  # no meals today
        for user in [*due, early]:
            add_meal(session, user, now.isoformat())
        session.commit()
    env = {**os.environ, "FOODCA_DATABASE_URL": database_url, "FOODCA_LLM_BASE_URL": chat_server.base_url,
           "FOODCA_LLM_MODEL": "good", "FOODCA_LLM_API_KEY": "sk-test", "FOODCA_REVIEW_HOUR": "21",
           "FOODCA_REVIEW_GRACE_HOURS": "6", "FOODCA_REVIEW_CONCURRENCY": "2"}
    schedulers = [subprocess.Popen([FOODCA, "scheduler"], env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True) for _ in range(2)]
    try:
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline:
            with Session(engine) as session:
                done = session.execute(select(DailyReview.user_id).where(DailyReview.status == "done")).all()
            if len(done) >= len(due) or any(p.poll() is not None for p in schedulers):
                break
            time.sleep(0.2)
        time.sleep(1.0)  # room for a wrong second review, were there one
    finally:
        for process in schedulers:
            process.send_signal(signal.SIGTERM)
        logs = [process.communicate(timeout=20)[1] for process in schedulers]
    assert [p.returncode for p in schedulers] == [0, 0], logs
    with Session(engine) as session:
        stored = session.execute(select(DailyReview).order_by(DailyReview.user_id)).scalars().all()
    assert [(r.user_id, r.status, r.trigger, r.writer) for r in stored] == [
        (user.id, "done", "nightly", "model:good") for user in due]
    assert early.id not in [r.user_id for r in stored] and idle.id not in [r.user_id for r in stored]
    assert len(chat_server.requests_for("good")) == len(due)

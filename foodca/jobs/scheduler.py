"""`foodca scheduler`: an APScheduler BlockingScheduler that writes the nightly reviews as users reach their hour."""
from __future__ import annotations

import logging
from datetime import datetime

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.engine import Engine
from sqlmodel import Session

from foodca.accounts import now as utc_now
from foodca.config import Settings
from foodca.reviews import ReviewWriter, RunReport, due_reviews, run_reviews

log = logging.getLogger(__name__)


def nightly_reviews(*, engine: Engine, settings: Settings, writer: ReviewWriter | None = None,
                    now: datetime | None = None) -> RunReport:
    """One tick: every user whose review hour passed within the grace window gets the day's review."""
    with Session(engine) as session:
        due = due_reviews(session=session, settings=settings, now=now or utc_now())
    report = run_reviews(engine=engine, settings=settings, pairs=due, trigger="nightly", writer=writer)
    if due:
        log.info("nightly reviews: %s", " | ".join(report.lines()))
    return report


def build_scheduler(*, engine: Engine, settings: Settings) -> BlockingScheduler:
    """Ticks every `review_tick_minutes`, the first at once so a restart catches up what it missed."""
    scheduler = BlockingScheduler(timezone="UTC")
    # One writer for the process: its model clients keep their connections, and its tokens-per-minute budget
    # counts across ticks rather than starting afresh at each.
    writer = ReviewWriter.from_settings(settings)
    scheduler.add_job(
        nightly_reviews, IntervalTrigger(minutes=settings.review_tick_minutes, timezone="UTC"),
        kwargs={"engine": engine, "settings": settings, "writer": writer}, id="nightly_reviews",
        next_run_time=utc_now(),
        # A tick that is late (the previous one ran long) runs once, not once per missed interval.
        coalesce=True, max_instances=1, misfire_grace_time=settings.review_tick_minutes * 60)
    return scheduler

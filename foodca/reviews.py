"""Daily reviews: who is due, claiming a (user, day) before writing it, and runs over many users at once."""
from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime, time as clock_time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import and_, delete, exists, or_, select, update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from foodca import metrics
from foodca.accounts import local_today
from foodca.accounts import now as utc_now
from foodca.config import Settings
from foodca.errors import Conflict, InvalidInput, NotFound
from foodca.models import DailyReview, Meal, User
from foodca.nlp.llm_client import LlmClient, LlmUnavailable
from foodca.nlp.review_writer import WrittenReview, write_with_model, write_with_template
from foodca.nlp.token_budget import TokenBudget
from foodca.nutrition.review_facts import review_facts
from foodca.quotas import take_model_parse

log = logging.getLogger(__name__)

# A review that failed (an error before any text was written) is tried again this many times in all.
MAX_ATTEMPTS = 3


# SQLite has one writer at a time and its busy handler waits by sleeping up to 100 ms a try; threads of one
# process queue here instead, which keeps a run's short claim and finish transactions flowing.
_sqlite_writes = threading.Lock()


@contextmanager
def _writing(engine: Engine):
    """A session for one short write transaction, committed at the end."""
    with _sqlite_writes if engine.dialect.name == "sqlite" else nullcontext(), Session(engine) as session:
        yield session
        session.commit()


def claimer_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


def _insert_ignoring_conflict(session: Session, values: dict) -> bool:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = insert(DailyReview).values(**values).on_conflict_do_nothing(
        index_elements=["user_id", "local_date"]).returning(DailyReview.id)
    # RETURNING rather than rowcount, which the ORM's insert path does not report on every driver.
    return session.execute(statement).first() is not None


def claim_review(*, session: Session, user_id: int, day: date, trigger: str, claimer: str, now: datetime,
                 stale_after: timedelta) -> bool:
    """Take the (user, day) for this writer: a new row, or one whose writer crashed or failed; False if taken.

    One statement each, so two processes can never both win: the unique constraint decides the insert,
    the conditions of the update decide a takeover.
    """
    values = {"user_id": user_id, "local_date": day, "status": "claimed", "trigger": trigger, "claimed_by": claimer,
              "claimed_at": now, "attempts": 1, "prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}
    if _insert_ignoring_conflict(session, values):
        return True
    takeover = (update(DailyReview)
                .where(DailyReview.user_id == user_id, DailyReview.local_date == day,
                       or_(and_(DailyReview.status == "claimed", DailyReview.claimed_at < now - stale_after),
                           and_(DailyReview.status == "failed", DailyReview.attempts < MAX_ATTEMPTS)))
                .values(status="claimed", trigger=trigger, claimed_by=claimer, claimed_at=now,
                        attempts=DailyReview.attempts + 1))
    return session.execute(takeover).rowcount == 1


def _finish(session: Session, user_id: int, day: date, claimer: str, **values) -> bool:
    """Write the outcome only while the claim is still ours (a takeover after a long stall makes this a no-op)."""
    statement = (update(DailyReview)
                 .where(DailyReview.user_id == user_id, DailyReview.local_date == day,
                        DailyReview.claimed_by == claimer, DailyReview.status == "claimed")
                 .values(finished_at=utc_now(), **values))
    return session.execute(statement).rowcount == 1


@dataclass
class ReviewWriter:
    """What writes the words: model clients in provider order (none: the template) and the token budget."""

    clients: Sequence[LlmClient] = ()
    budget: TokenBudget | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> ReviewWriter:
        clients = []
        for provider in settings.llm_providers:
            try:
                clients.append(LlmClient(provider, purpose="review"))
            except LlmUnavailable as err:
                log.warning("reviews: %s", err)
        return cls(clients=clients, budget=TokenBudget(settings.review_tokens_per_minute))

    def write(self, facts: dict, *, use_model: bool = True) -> WrittenReview:
        if not use_model or not self.clients:
            return write_with_template(facts)
        budget = self.budget
        return write_with_model(facts, self.clients, before_call=budget.reserve if budget else None,
                                after_call=budget.settle if budget else None)

    def close(self) -> None:
        for client in self.clients:
            client.close()


@dataclass(frozen=True)
class ReviewOutcome:
    status: str  # done | taken (another writer has it) | no_meals | failed
    writer: str | None = None
    total_tokens: int = 0


def write_review(*, engine: Engine, settings: Settings, writer: ReviewWriter, user_id: int, day: date,
                 trigger: str, use_model: bool = True) -> ReviewOutcome:
    """Claim the (user, day), compute the facts, have them written, store the review."""
    claimer = claimer_id()
    with _writing(engine) as session:
        claimed = claim_review(session=session, user_id=user_id, day=day, trigger=trigger, claimer=claimer,
                               now=utc_now(), stale_after=timedelta(minutes=settings.review_stale_claim_minutes))
    if not claimed:
        return ReviewOutcome("taken")
    try:
        with Session(engine) as session:
            user = session.get(User, user_id)
            facts = review_facts(session=session, user=user, day=day) if user else None
        if facts is None:
            with _writing(engine) as session:
                session.execute(delete(DailyReview).where(DailyReview.user_id == user_id,
                                                          DailyReview.local_date == day,
                                                          DailyReview.claimed_by == claimer))
            return ReviewOutcome("no_meals")
        written = writer.write(facts, use_model=use_model)
    except Exception as err:  # noqa: BLE001  (one user's failure must not stop the run; it is kept on the row)
        log.exception("review of user %s on %s failed", user_id, day)
        with _writing(engine) as session:
            _finish(session, user_id, day, claimer, status="failed", note=f"{type(err).__name__}: {err}"[:500])
        return ReviewOutcome("failed")
    with _writing(engine) as session:
        stored = _finish(session, user_id, day, claimer, status="done", locale=facts["locale"], facts=facts,
                         text=written.text, writer=written.writer, note=written.note, **written.usage)
    if not stored:
        return ReviewOutcome("taken", total_tokens=written.usage["total_tokens"])
    metrics.reviews_written.labels(written.writer.partition(":")[0]).inc()
    return ReviewOutcome("done", written.writer, written.usage["total_tokens"])


def _unreviewed_users(day: date):
    return (select(Meal.user_id).where(Meal.local_date == day)
            .where(~exists().where(DailyReview.user_id == Meal.user_id, DailyReview.local_date == day,
                                   DailyReview.status == "done"))
            .distinct().order_by(Meal.user_id))


def users_with_meals(*, session: Session, day: date, user_id: int | None = None) -> list[int]:
    """Users with a meal on local `day` and no finished review of it."""
    statement = _unreviewed_users(day)
    if user_id is not None:
        statement = statement.where(Meal.user_id == user_id)
    return list(session.execute(statement).scalars())


def review_moment(day: date, timezone: str, hour: int) -> datetime:
    """When the review of local `day` is due: `hour`:00 on that day in the zone (zoneinfo settles DST gaps)."""
    return datetime.combine(day, clock_time(hour), tzinfo=ZoneInfo(timezone))


def due_reviews(*, session: Session, settings: Settings, now: datetime) -> list[tuple[int, date]]:
    """(user, local day) pairs whose review hour has passed less than the grace window ago, with meals and no review.

    The day before is looked at too, so a window that runs past local midnight is caught up.
    """
    grace = timedelta(hours=settings.review_grace_hours)
    due = []
    for timezone in session.execute(select(User.timezone).distinct()).scalars():
        try:
            today = now.astimezone(ZoneInfo(timezone)).date()
        except (ZoneInfoNotFoundError, ValueError):
            # The API only stores IANA names; one bad row must not stop everyone else's reviews.
            log.warning("reviews: users with the unknown time zone %r are skipped", timezone)
            continue
        for day in (today - timedelta(days=1), today):
            moment = review_moment(day, timezone, settings.review_hour)
            if not moment <= now < moment + grace:
                continue
            users = _unreviewed_users(day).join(User, User.id == Meal.user_id).where(User.timezone == timezone)
            due.extend((user_id, day) for user_id in session.execute(users).scalars())
    return due


@dataclass
class RunReport:
    outcomes: Counter = field(default_factory=Counter)
    writers: Counter = field(default_factory=Counter)
    total_tokens: int = 0
    seconds: float = 0.0

    def lines(self) -> list[str]:
        done = self.outcomes["done"]
        rate = done / self.seconds if self.seconds else 0.0
        outcomes = ", ".join(f"{name} {count}" for name, count in sorted(self.outcomes.items())) or "nothing to do"
        writers = ", ".join(f"{name} {count}" for name, count in sorted(self.writers.items())) or "-"
        return [f"reviews: {outcomes}", f"writers: {writers}",
                f"tokens: {self.total_tokens:,} · {self.seconds:.1f} s · {rate:.1f} reviews/s"]


def run_reviews(*, engine: Engine, settings: Settings, pairs: Iterable[tuple[int, date]], trigger: str,
                writer: ReviewWriter | None = None) -> RunReport:
    """Write the reviews of `pairs` with at most `review_concurrency` at once."""
    own_writer = writer is None
    writer = writer or ReviewWriter.from_settings(settings)
    report = RunReport()
    started = time.monotonic()

    def one(pair: tuple[int, date]) -> ReviewOutcome:
        return write_review(engine=engine, settings=settings, writer=writer, user_id=pair[0], day=pair[1],
                            trigger=trigger)

    try:
        with ThreadPoolExecutor(max_workers=max(1, settings.review_concurrency),
                                thread_name_prefix="review") as pool:
            for outcome in pool.map(one, list(pairs)):
                report.outcomes[outcome.status] += 1
                if outcome.writer:
                    report.writers["model" if outcome.writer.startswith("model:") else outcome.writer] += 1
                report.total_tokens += outcome.total_tokens
    finally:
        if own_writer:
            writer.close()
    report.seconds = time.monotonic() - started
    return report


class ReviewExists(Conflict):
    """The day has a review, or one is being written: there is one review per user and day."""


def get_review(*, session: Session, user: User, day: date) -> DailyReview:
    review = session.execute(select(DailyReview).where(
        DailyReview.user_id == user.id, DailyReview.local_date == day, DailyReview.status == "done")).scalar_one_or_none()
    if review is None:
        raise NotFound(f"no review of {day.isoformat()}")
    return review


def list_reviews(*, session: Session, user: User, start: date | None = None,
                 end: date | None = None) -> list[DailyReview]:
    """Finished reviews of local days `start`..`end` (all without them), oldest first."""
    statement = select(DailyReview).where(DailyReview.user_id == user.id, DailyReview.status == "done")
    if start is not None:
        statement = statement.where(DailyReview.local_date >= start)
    if end is not None:
        statement = statement.where(DailyReview.local_date <= end)
    return list(session.execute(statement.order_by(DailyReview.local_date)).scalars())


def generate_review(*, session: Session, engine: Engine, settings: Settings, user: User, day: date) -> DailyReview:
    """Write a day's review now, once: with the model while the user's daily model quota lasts, else the template."""
    if day > local_today(user):
        raise InvalidInput("date", "this day has not come yet")
    if session.execute(select(DailyReview.id).where(DailyReview.user_id == user.id,
                                                    DailyReview.local_date == day)).first():
        raise ReviewExists(f"{day.isoformat()} has a review already")
    if not users_with_meals(session=session, day=day, user_id=user.id):
        raise InvalidInput("date", "no meals were logged on this day")
    use_model = take_model_parse(session=session, settings=settings, user=user)
    session.commit()  # the quota is spent whatever the model answers
    writer = ReviewWriter.from_settings(settings) if use_model else ReviewWriter()
    try:
        outcome = write_review(engine=engine, settings=settings, writer=writer, user_id=user.id, day=day,
                               trigger="manual", use_model=use_model)
    finally:
        writer.close()
    if outcome.status == "taken":
        raise ReviewExists(f"{day.isoformat()} has a review already")
    if outcome.status != "done":
        raise RuntimeError(f"the review of {day.isoformat()} could not be written ({outcome.status})")
    return get_review(session=session, user=user, day=day)

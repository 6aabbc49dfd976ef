"""One review per (user, local day): claims, runs, who is due when, and two processes on one database."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from chat_server import honest_review
from review_data import add_meal, add_user, provider, settings_for
from sqlalchemy import select, update
from sqlmodel import Session

from foodca.models import DailyReview
from foodca.reviews import claim_review, due_reviews, run_reviews, users_with_meals

DAY = date(2026, 3, 1)
FOODCA = str(Path(sys.executable).parent / "foodca")
STALE = timedelta(minutes=15)


def reviews(engine) -> list[DailyReview]:
    with Session(engine, expire_on_commit=False) as session:
        return list(session.execute(select(DailyReview).order_by(DailyReview.user_id)).scalars())


def claim(engine, user_id, claimer, now):
    with Session(engine, expire_on_commit=False) as session:
        won = claim_review(session=session, user_id=user_id, day=DAY, trigger="nightly", claimer=claimer, now=now,
                           stale_after=STALE)
        session.commit()
    return won


def new_user_id(engine) -> int:
    with Session(engine) as session:
        user_id = add_user(session).id
        session.commit()
    return user_id


def set_status(engine, status: str) -> None:
    with Session(engine) as session:
        session.execute(update(DailyReview).values(status=status))
        session.commit()


def test_a_day_is_claimed_once_until_the_claim_goes_stale(engine):
    user_id = new_user_id(engine)
    start = datetime(2026, 3, 1, 13, 0, tzinfo=UTC)
    assert claim(engine, user_id, "a", start)
    assert not claim(engine, user_id, "b", start + timedelta(minutes=14))
    assert claim(engine, user_id, "b", start + timedelta(minutes=16))  # a crashed: b takes over
    [row] = reviews(engine)
    assert (row.claimed_by, row.attempts, row.status) == ("b", 2, "claimed")
    set_status(engine, "done")
    assert not claim(engine, user_id, "c", start + timedelta(days=1))  # done is done


def test_failed_reviews_are_tried_again_a_few_times(engine):
    user_id = new_user_id(engine)
    now = datetime(2026, 3, 1, 13, 0, tzinfo=UTC)
    assert claim(engine, user_id, "a", now)
    for attempt in (2, 3):
        set_status(engine, "failed")
        assert claim(engine, user_id, f"retry-{attempt}", now)
    set_status(engine, "failed")
    assert not claim(engine, user_id, "retry-4", now)


def test_a_run_writes_one_review_per_user_with_meals_and_none_twice(engine, database_url, chat_server):
    chat_server.script("good", honest_review)
    with Session(engine, expire_on_commit=False) as session:
        eater, other = add_user(session), add_user(session, locale="en", timezone="Europe/London")
        add_user(session)  # no meals at all
        late = add_user(session)
        add_meal(session, eater, "2026-03-01T12:00")
        add_meal(session, other, "2026-03-01T12:00", {"energy_kcal": 640.0})
        add_meal(session, late, "2026-03-02T00:30")  # the next local day
        session.commit()
        due = users_with_meals(session=session, day=DAY)
    assert due == [eater.id, other.id]
    settings = settings_for(database_url, (provider(chat_server, "good"),), review_concurrency=4)
    report = run_reviews(engine=engine, settings=settings, pairs=[(u, DAY) for u in due], trigger="operator")
    assert report.outcomes == {"done": 2} and report.writers == {"model": 2} and report.total_tokens == 300
    again = run_reviews(engine=engine, settings=settings, pairs=[(u, DAY) for u in due], trigger="operator")
    assert again.outcomes == {"taken": 2}
    stored = reviews(engine)
    assert [(r.user_id, r.status, r.writer, r.total_tokens) for r in stored] == [
        (eater.id, "done", "model:good", 150), (other.id, "done", "model:good", 150)]
    assert stored[1].facts["totals"]["energy_kcal"] == 640 and "640 kcal" in stored[1].text
    assert len(chat_server.requests_for("good")) == 2


def test_without_a_model_the_template_writes(engine, database_url):
    with Session(engine, expire_on_commit=False) as session:
        user = add_user(session)
        add_meal(session, user, "2026-03-01T12:00")
        session.commit()
    report = run_reviews(engine=engine, settings=settings_for(database_url), pairs=[(user.id, DAY)],
                         trigger="operator")
    assert report.writers == {"template": 1}
    [row] = reviews(engine)
    assert row.writer == "template" and row.text.startswith("今天你记录了1餐") and row.total_tokens == 0


def test_due_users_on_both_sides_of_midnight_and_across_dst(engine, database_url):
    settings = settings_for(database_url, review_hour=21, review_grace_hours=6)
    with Session(engine, expire_on_commit=False) as session:
        shanghai = add_user(session, timezone="Asia/Shanghai")  # UTC+8
        new_york = add_user(session, timezone="America/New_York")  # DST starts 8 March 2026
        auckland = add_user(session, timezone="Pacific/Auckland")  # DST ends 5 April 2026
        add_meal(session, shanghai, "2026-03-01T12:00")
        add_meal(session, new_york, "2026-03-08T12:00")
        add_meal(session, auckland, "2026-04-05T12:00")
        add_user(session, timezone="Mars/Olympus_Mons")  # not an IANA zone: skipped, not a crash
        session.commit()

        def due(moment: str) -> list:
            return due_reviews(session=session, settings=settings, now=datetime.fromisoformat(moment))

        assert due("2026-03-01T12:59:59+00:00") == []  # 20:59 in Shanghai
        assert due("2026-03-01T13:00:00+00:00") == [(shanghai.id, DAY)]
        assert due("2026-03-01T18:30:00+00:00") == [(shanghai.id, DAY)]  # 02:30 next day: caught up
        assert due("2026-03-01T19:00:00+00:00") == []  # grace is over
        # New York on the day clocks go forward: 21:00 EDT is 01:00 UTC, not 02:00.
        assert due("2026-03-09T00:59:00+00:00") == []
        assert due("2026-03-09T01:00:00+00:00") == [(new_york.id, date(2026, 3, 8))]
        # Auckland on the day clocks go back: 21:00 NZST (+12) is 09:00 UTC, not 08:00.
        assert due("2026-04-05T08:30:00+00:00") == []
        assert due("2026-04-05T09:00:00+00:00") == [(auckland.id, date(2026, 4, 5))]


def test_two_processes_at_once_write_exactly_one_review_per_user_day(engine, database_url, chat_server):
    chat_server.script("slow-good", lambda body: honest_review(body, delay_s=0.2))
    with Session(engine, expire_on_commit=False) as session:
        users = [add_user(session, locale="en" if n % 2 else "zh-CN") for n in range(12)]
        for user in users:
            add_meal(session, user, "2026-03-01T12:00")
        session.commit()
    env = {**os.environ, "FOODCA_DATABASE_URL": database_url, "FOODCA_LLM_BASE_URL": chat_server.base_url,
           "FOODCA_LLM_MODEL": "slow-good", "FOODCA_LLM_API_KEY": "sk-test", "FOODCA_REVIEW_CONCURRENCY": "4"}
    command = [FOODCA, "reviews", "run", "--date", "2026-03-01"]
    processes = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
    outputs = [process.communicate(timeout=60) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], outputs
    stored = reviews(engine)
    assert sorted(r.user_id for r in stored) == [u.id for u in users]
    assert {r.status for r in stored} == {"done"} and {r.writer for r in stored} == {"model:slow-good"}
    assert len(chat_server.requests_for("slow-good")) == 12  # nobody's day went to the model twice


def test_a_run_takes_over_a_crashed_writers_claim_but_not_a_live_one(engine, database_url):
    with Session(engine, expire_on_commit=False) as session:
        crashed, busy = add_user(session), add_user(session)
        for user in (crashed, busy):
            add_meal(session, user, "2026-03-01T12:00")
        session.commit()
    now = datetime.now(UTC)
    assert claim(engine, crashed.id, "gone:1:1", now - timedelta(minutes=20))
    assert claim(engine, busy.id, "alive:2:2", now - timedelta(minutes=1))
    report = run_reviews(engine=engine, settings=settings_for(database_url),
                         pairs=[(crashed.id, DAY), (busy.id, DAY)], trigger="nightly")
    assert report.outcomes == {"done": 1, "taken": 1}
    rows = {row.user_id: row for row in reviews(engine)}
    assert (rows[crashed.id].status, rows[crashed.id].attempts) == ("done", 2)
    assert (rows[busy.id].status, rows[busy.id].claimed_by) == ("claimed", "alive:2:2")


def test_the_operator_command_for_one_user(engine, database_url):
    with Session(engine, expire_on_commit=False) as session:
        users = [add_user(session) for _ in range(2)]
        for user in users:
            add_meal(session, user, "2026-03-01T12:00")
        session.commit()
    env = {**os.environ, "FOODCA_DATABASE_URL": database_url}
    for name in [n for n in env if n.startswith("FOODCA_LLM")]:
        del env[name]
    done = subprocess.run([FOODCA, "reviews", "run", "--date", "2026-03-01", "--user", str(users[1].id)], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:2] == ["reviews: done 1", "writers: template 1"]
    assert [(r.user_id, r.trigger) for r in reviews(engine)] == [(users[1].id, "operator")]

"""/api/v1/reviews: read the nightly reviews, and summon today's once (counted against the model quota)."""
from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from foodca.config import LlmProvider, Settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "nlp"))
from chat_server import ChatServer, error, honest_review, json_content  # noqa: E402

ZONE = "Asia/Shanghai"


@pytest.fixture
def chat_server():
    server = ChatServer().start()
    server.script("good", honest_review)
    yield server
    server.stop()


@pytest.fixture
def app_settings(chat_server) -> Settings:
    # One model use a day on the free plan, so the second summoned review has to be the template's.
    return replace(Settings.from_env({"FOODCA_MODEL_PARSES_PER_DAY_FREE": "1"}),
                   llm_providers=(LlmProvider(base_url=chat_server.base_url, api_key="sk-test", model="good"),))


@pytest.fixture
def shanghai(client, auth):
    assert client.patch("/api/v1/me", json={"timezone": ZONE, "locale": "en"}, headers=auth).status_code == 200
    return auth


def log(client, auth, food_id, moment: datetime) -> None:
    body = {"items": [{"food_id": food_id, "grams": 100}], "eaten_at": moment.isoformat()}
    assert client.post("/api/v1/meals", json=body, headers=auth).status_code == 201


def local_now() -> datetime:
    return datetime.now(UTC).astimezone(ZoneInfo(ZONE))


def test_summon_today_once_then_read_it(client, shanghai, food_ids, chat_server):
    now = local_now()
    today, yesterday = now.date().isoformat(), (now - timedelta(days=1)).date().isoformat()
    log(client, shanghai, food_ids["990907x"], now - timedelta(minutes=1))  # 224 kcal
    log(client, shanghai, food_ids["990907x"], now - timedelta(days=1))

    created = client.post(f"/api/v1/reviews/{today}/generate", headers=shanghai)
    assert created.status_code == 201, created.json
    review = created.json
    assert review["date"] == today and review["writer"] == "model:good" and review["trigger"] == "manual"
    assert review["tokens"] == {"prompt_tokens": 120, "completion_tokens": 30, "total_tokens": 150}
    assert review["facts"]["totals"]["energy_kcal"] == 224 and "224 kcal" in review["text"]

    again = client.post(f"/api/v1/reviews/{today}/generate", headers=shanghai)
    assert again.status_code == 409 and again.json["error"]["code"] == "conflict"
    assert len(chat_server.requests_for("good")) == 1

    # The day's one model use is spent: yesterday's review is the template's.
    older = client.post(f"/api/v1/reviews/{yesterday}/generate", headers=shanghai).json
    assert older["writer"] == "template" and older["tokens"]["total_tokens"] == 0
    assert len(chat_server.requests_for("good")) == 1

    assert client.get(f"/api/v1/reviews/{today}", headers=shanghai).json == review
    listed = client.get(f"/api/v1/reviews?from={yesterday}&to={today}", headers=shanghai).json["reviews"]
    assert [entry["date"] for entry in listed] == [yesterday, today]
    assert client.get("/api/v1/me/export", headers=shanghai).json["reviews"] == listed


def test_a_failing_model_leaves_a_template_review(client, shanghai, food_ids, chat_server):
    chat_server.script("good", error(500, "down"))
    now = local_now()
    log(client, shanghai, food_ids["990907x"], now - timedelta(minutes=1))
    review = client.post(f"/api/v1/reviews/{now.date().isoformat()}/generate", headers=shanghai).json
    assert review["writer"] == "template" and review["text"].startswith("You logged 1 meal(s)")


def test_invented_numbers_are_never_shown(client, shanghai, food_ids, chat_server):
    chat_server.script("good", json_content({"text": "You ate 5,000 kcal today!"}))
    now = local_now()
    log(client, shanghai, food_ids["990907x"], now - timedelta(minutes=1))
    review = client.post(f"/api/v1/reviews/{now.date().isoformat()}/generate", headers=shanghai).json
    assert review["writer"] == "template" and "5,000" not in review["text"]


def test_days_without_meals_future_days_bad_dates_and_other_users(client, shanghai, sign_up, food_ids):
    now = local_now()
    today, tomorrow = now.date().isoformat(), (now + timedelta(days=1)).date().isoformat()
    empty = client.post(f"/api/v1/reviews/{today}/generate", headers=shanghai)
    assert empty.status_code == 422 and empty.json["error"]["fields"] == {"date": ["no meals were logged on this day"]}
    assert client.post(f"/api/v1/reviews/{tomorrow}/generate", headers=shanghai).status_code == 422
    assert client.get(f"/api/v1/reviews/{today}", headers=shanghai).status_code == 404
    assert client.get("/api/v1/reviews/2026-02-30", headers=shanghai).status_code == 404
    assert client.get("/api/v1/reviews/yesterday", headers=shanghai).json["error"]["code"] == "not_found"
    log(client, shanghai, food_ids["990907x"], now - timedelta(minutes=1))
    assert client.post(f"/api/v1/reviews/{today}/generate", headers=shanghai).status_code == 201
    other = sign_up("device-2")
    assert client.get(f"/api/v1/reviews/{today}", headers=other).status_code == 404
    assert client.get(f"/api/v1/reviews?from={today}&to={today}", headers=other).json == {"reviews": []}
    assert client.get("/api/v1/reviews", headers=shanghai).status_code == 422

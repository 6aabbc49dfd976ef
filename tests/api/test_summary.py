"""Day and range summaries on the user's local days."""
from __future__ import annotations

import pytest


@pytest.fixture
def shanghai_user(client, auth):
    client.patch("/api/v1/me", json={"timezone": "Asia/Shanghai", "sex": "male", "birth_year": 1985,
                                     "height_cm": 175, "weight_kg": 70, "activity_level": "moderate",
                                     "goal": "keep"}, headers=auth)
    return auth


def log(client, auth, food_id, grams, eaten_at, meal_type=None):
    body = {"items": [{"food_id": food_id, "grams": grams}], "eaten_at": eaten_at}
    if meal_type:
        body["meal_type"] = meal_type
    response = client.post("/api/v1/meals", json=body, headers=auth)
    assert response.status_code == 201
    return response.json


def test_day_summary_totals_per_meal_type_and_remaining(client, shanghai_user, food_ids):
    auth = shanghai_user
    log(client, auth, food_ids["990907x"], 100, "2026-03-01T08:00:00+08:00")  # 224 kcal breakfast
    log(client, auth, food_ids["990901"], 200, "2026-03-01T12:30:00+08:00")  # 30 kcal lunch
    log(client, auth, food_ids["990901"], 100, "2026-03-01T23:59:00+08:00")  # 16 kcal snack, same local day
    log(client, auth, food_ids["990901"], 100, "2026-03-02T00:01:00+08:00")  # next day
    day = client.get("/api/v1/summary/day?date=2026-03-01", headers=auth).json
    assert day["meal_count"] == 3 and day["timezone"] == "Asia/Shanghai"
    assert day["totals"]["energy_kcal"] == pytest.approx(272.0)
    assert day["by_meal_type"]["breakfast"]["energy_kcal"] == pytest.approx(224.0)
    assert day["by_meal_type"]["lunch"]["energy_kcal"] == pytest.approx(32.0)
    assert day["by_meal_type"]["snack"]["energy_kcal"] == pytest.approx(16.0)
    assert day["by_meal_type"]["dinner"]["energy_kcal"] == 0
    assert day["targets"]["source"] == "computed"
    assert day["remaining"]["energy_kcal"] == pytest.approx(day["targets"]["energy_kcal"] - 272.0)


def test_range_summary_has_every_day(client, shanghai_user, food_ids):
    auth = shanghai_user
    log(client, auth, food_ids["990901"], 100, "2026-03-01T08:00:00+08:00")
    log(client, auth, food_ids["990901"], 300, "2026-03-03T08:00:00+08:00")
    summary = client.get("/api/v1/summary/range?from=2026-02-28&to=2026-03-03", headers=auth).json
    assert [d["date"] for d in summary["days"]] == ["2026-02-28", "2026-03-01", "2026-03-02", "2026-03-03"]
    assert [d["totals"]["energy_kcal"] for d in summary["days"]] == pytest.approx([0, 16.0, 0, 48.0])
    assert [d["meal_count"] for d in summary["days"]] == [0, 1, 0, 1]
    assert summary["from"] == "2026-02-28" and summary["targets"]["energy_kcal"] > 0


def test_summary_bad_inputs(client, auth):
    for query in ("from=2026-03-01&to=2027-03-02", "from=2026-03-02&to=2026-03-01", "from=2026-03-01",
                  "from=2026-02-30&to=2026-03-01", "from=yesterday&to=today", "from=0001-01-01&to=0001-01-02"):
        response = client.get(f"/api/v1/summary/range?{query}", headers=auth)
        assert response.status_code == 422, query
        assert response.json["error"]["code"] == "validation_error"
    assert client.get("/api/v1/summary/range?from=2026-01-01&to=2026-12-31", headers=auth).status_code == 200
    assert client.get("/api/v1/summary/day?date=2026-02-29", headers=auth).status_code == 422
    today = client.get("/api/v1/summary/day", headers=auth)
    assert today.status_code == 200 and today.json["meal_count"] == 0

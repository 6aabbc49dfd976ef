"""The profile, targets, weights, export and account deletion."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from foodca.models import ApiToken, Meal, MealItem, ModelParseCount, User, WeightEntry
from foodca.nutrition.targets import bmr_mifflin_st_jeor

PROFILE = {"timezone": "Asia/Shanghai", "locale": "zh-CN", "sex": "female", "birth_year": 1990, "height_cm": 165,
           "weight_kg": 60, "activity_level": "light", "goal": "lose", "goal_rate_kg_per_week": 0.5}


def test_new_user_has_no_targets_until_the_profile_allows_them(client, auth):
    me = client.get("/api/v1/me", headers=auth).json
    assert me["timezone"] == "UTC" and me["plan"] == "free" and me["email"] is None
    assert me["targets"] == {"energy_kcal": None, "protein_g": None, "fat_g": None, "carb_g": None, "source": None}


def test_profile_gives_mifflin_st_jeor_targets(client, auth):
    response = client.patch("/api/v1/me", json=PROFILE, headers=auth)
    assert response.status_code == 200
    age = datetime.now(ZoneInfo("Asia/Shanghai")).year - 1990  # the user's local year
    # 10·60 + 6.25·165 − 5·age − 161, × 1.375 light activity, − 0.5 kg/week × 7700 kcal / 7 days
    expected = (10 * 60 + 6.25 * 165 - 5 * age - 161) * 1.375 - 550
    assert bmr_mifflin_st_jeor(sex="female", weight_kg=60, height_cm=165, age=age) == 10 * 60 + 6.25 * 165 - 5 * age - 161
    targets = response.json["targets"]
    assert targets["source"] == "computed" and targets["energy_kcal"] == round(expected)
    assert targets["protein_g"] == round(expected * 0.2 / 4) and targets["fat_g"] == round(expected * 0.3 / 9)
    own = client.patch("/api/v1/me", json={"targets": {"energy_kcal": 1800}}, headers=auth).json["targets"]
    assert own["source"] == "user" and own["energy_kcal"] == 1800 and own["protein_g"] == targets["protein_g"]
    back = client.patch("/api/v1/me", json={"targets": {"energy_kcal": None}}, headers=auth).json["targets"]
    assert back == targets


def test_bad_profile_values_change_nothing(client, auth):
    client.patch("/api/v1/me", json=PROFILE, headers=auth)
    before = client.get("/api/v1/me", headers=auth).json
    for body in ({"timezone": "Mars/Olympus"}, {"timezone": "../../etc/passwd"}, {"locale": "fr"},
                 {"birth_year": 1800}, {"height_cm": -3}, {"weight_kg": "heavy"}, {"goal": "bulk"},
                 {"targets": {"energy_kcal": 20}}, {"plan": "member"}, {"id": 5}, {"height_cm": 170, "extra": 1}):
        response = client.patch("/api/v1/me", json=body, headers=auth)
        assert response.status_code == 422, body
        assert response.json["error"]["fields"], body
    assert client.get("/api/v1/me", headers=auth).json == before


def test_weights_history_sets_the_profile_weight(client, auth):
    client.patch("/api/v1/me", json={"timezone": "Asia/Shanghai"}, headers=auth)  # days are the user's local days
    first = client.post("/api/v1/weights", json={"weight_kg": 70.5, "measured_at": "2026-01-01T07:00:00+08:00"},
                        headers=auth)
    assert first.status_code == 201
    client.post("/api/v1/weights", json={"weight_kg": 69.0, "measured_at": "2026-02-01T07:00:00+08:00"}, headers=auth)
    client.post("/api/v1/weights", json={"weight_kg": 71.0, "measured_at": "2025-12-01T07:00:00+08:00"}, headers=auth)
    assert client.get("/api/v1/me", headers=auth).json["weight_kg"] == 69.0
    history = client.get("/api/v1/weights", headers=auth).json
    assert [w["weight_kg"] for w in history] == [71.0, 70.5, 69.0]
    january = client.get("/api/v1/weights?from=2026-01-01&to=2026-01-31", headers=auth).json
    assert [w["weight_kg"] for w in january] == [70.5]
    assert client.delete(f"/api/v1/weights/{history[-1]['id']}", headers=auth).status_code == 204
    assert client.get("/api/v1/me", headers=auth).json["weight_kg"] == 70.5
    for body in ({"weight_kg": 0}, {"weight_kg": 5000}, {}, {"weight_kg": 70, "measured_at": "yesterday"}):
        assert client.post("/api/v1/weights", json=body, headers=auth).status_code == 422
    assert client.delete("/api/v1/weights/999", headers=auth).status_code == 404


def test_export_has_everything(client, auth):
    client.patch("/api/v1/me", json=PROFILE, headers=auth)
    client.post("/api/v1/weights", json={"weight_kg": 61}, headers=auth)
    meal = client.post("/api/v1/meals", json={"text": "一个馒头"}, headers=auth).json
    export = client.get("/api/v1/me/export", headers=auth).json
    assert export["user"]["timezone"] == "Asia/Shanghai"
    assert [w["weight_kg"] for w in export["weights"]] == [61]
    assert export["meals"] == [meal]


def test_delete_account_removes_every_row(client, sign_up, engine_of):
    auth, other = sign_up("one"), sign_up("two")
    for headers in (auth, other):
        client.post("/api/v1/meals", json={"text": "一个馒头，两个鸡蛋"}, headers=headers)
        client.post("/api/v1/weights", json={"weight_kg": 61}, headers=headers)
    with engine_of.connect() as conn:
        conn.execute(ModelParseCount.__table__.insert().values(user_id=1, day=date(2026, 1, 1), count=3))
        conn.commit()
    assert client.delete("/api/v1/me", headers=auth).status_code == 204
    assert client.get("/api/v1/me", headers=auth).status_code == 401
    with engine_of.connect() as conn:
        def count(model):
            return conn.execute(select(func.count()).select_from(model)).scalar_one()
        assert [count(m) for m in (User, ApiToken, Meal, MealItem, WeightEntry, ModelParseCount)] == [1, 1, 1, 2, 1, 0]
    assert client.get("/api/v1/meals?from=2000-01-01", headers=other).json["total"] == 1

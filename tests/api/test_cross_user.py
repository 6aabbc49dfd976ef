"""Another user's objects are not found, whatever the verb, and stay exactly as they were."""
from __future__ import annotations

import pytest


@pytest.fixture
def two_users(client, sign_up, food_ids):
    owner, intruder = sign_up("owner"), sign_up("intruder")
    meal = client.post("/api/v1/meals", json={"text": "一个馒头，两个鸡蛋", "eaten_at": "2026-03-01T08:00:00Z"},
                       headers=owner).json
    client.patch(f"/api/v1/meals/{meal['id']}", json={"favourite": True}, headers=owner)
    weight = client.post("/api/v1/weights", json={"weight_kg": 60}, headers=owner).json
    own_meal = client.post("/api/v1/meals", json={"text": "一个土豆", "eaten_at": "2026-03-01T08:00:00Z"},
                           headers=intruder).json
    return owner, intruder, client.get(f"/api/v1/meals/{meal['id']}", headers=owner).json, weight, own_meal


def owner_state(client, owner):
    return (client.get("/api/v1/me/export", headers=owner).json,
            client.get("/api/v1/summary/day?date=2026-03-01", headers=owner).json)


def test_every_verb_on_another_users_objects_is_404(client, two_users, food_ids):
    owner, intruder, meal, weight, own_meal = two_users
    before = owner_state(client, owner)
    item = meal["items"][0]["id"]
    food = {"food_id": food_ids["990901"], "grams": 100}
    attempts = [
        ("GET", f"/api/v1/meals/{meal['id']}", None),
        ("PATCH", f"/api/v1/meals/{meal['id']}", {"meal_type": "snack"}),
        ("DELETE", f"/api/v1/meals/{meal['id']}", None),
        ("POST", f"/api/v1/meals/{meal['id']}/items", food),
        ("POST", f"/api/v1/meals/{meal['id']}/items", {"text": "一个土豆"}),
        ("PATCH", f"/api/v1/meals/{meal['id']}/items/{item}", {"grams": 10}),
        ("DELETE", f"/api/v1/meals/{meal['id']}/items/{item}", None),
        ("POST", f"/api/v1/meals/{meal['id']}/copy", {}),
        ("DELETE", f"/api/v1/weights/{weight['id']}", None),
        # the intruder's own meal with the owner's item id
        ("PATCH", f"/api/v1/meals/{own_meal['id']}/items/{item}", {"grams": 10}),
        ("DELETE", f"/api/v1/meals/{own_meal['id']}/items/{item}", None),
    ]
    for method, path, body in attempts:
        response = client.open(path, method=method, json=body, headers=intruder)
        assert response.status_code == 404, (method, path, response.status_code)
        assert response.json["error"]["code"] == "not_found"
        assert "馒头" not in response.get_data(as_text=True)
    assert owner_state(client, owner) == before


def test_lists_and_summaries_show_only_ones_own_data(client, two_users):
    owner, intruder, meal, _weight, own_meal = two_users
    listed = client.get("/api/v1/meals?date=2026-03-01", headers=intruder).json
    assert [m["id"] for m in listed["meals"]] == [own_meal["id"]]
    assert client.get("/api/v1/meals/favourites", headers=intruder).json == []
    assert {f["source_id"] for f in client.get("/api/v1/meals/recent-foods", headers=intruder).json} == {"990902"}
    assert client.get("/api/v1/weights", headers=intruder).json == []
    day = client.get("/api/v1/summary/day?date=2026-03-01", headers=intruder).json
    assert day["totals"]["energy_kcal"] == pytest.approx(own_meal["totals"]["energy_kcal"])
    series = client.get("/api/v1/summary/range?from=2026-03-01&to=2026-03-01", headers=intruder).json
    assert series["days"][0]["totals"]["energy_kcal"] == pytest.approx(own_meal["totals"]["energy_kcal"])
    export = client.get("/api/v1/me/export", headers=intruder).json
    assert [m["id"] for m in export["meals"]] == [own_meal["id"]] and export["weights"] == []
    assert client.delete("/api/v1/me", headers=intruder).status_code == 204
    assert client.get(f"/api/v1/meals/{meal['id']}", headers=owner).json == meal

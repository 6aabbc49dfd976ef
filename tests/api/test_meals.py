"""Meals: parse, log, list, get, edit, items, copy, favourites, recent foods; snapshots survive re-imports."""
from __future__ import annotations

from sqlalchemy import update

from foodca.models import Food

CHINESE_MEAL = "一个馒头，两个鸡蛋，一杯羊奶"


def log(client, auth, **body):
    response = client.post("/api/v1/meals", json={"text": CHINESE_MEAL, **body}, headers=auth)
    assert response.status_code == 201, response.json
    return response.json


def test_parse_previews_items_and_stores_nothing(client, auth):
    response = client.post("/api/v1/meals/parse", json={"text": CHINESE_MEAL}, headers=auth)
    assert response.status_code == 200
    body = response.json
    assert body["parser"] == "offline"
    assert [item["food"]["source_id"] for item in body["items"]] == ["990907x", "990905x", "990908"]
    assert all(item["alternatives"] for item in body["items"])
    assert body["totals"]["energy_kcal"] == sum(item["energy_kcal"] for item in body["items"])
    assert client.get("/api/v1/meals", headers=auth).json["total"] == 0


def test_log_from_text_snapshots_each_item(client, auth):
    assert client.patch("/api/v1/me", json={"timezone": "Asia/Shanghai"}, headers=auth).status_code == 200
    meal = log(client, auth, eaten_at="2026-03-01T00:30:00Z")  # 08:30 in Shanghai
    assert meal["meal_type"] == "breakfast"
    assert meal["local_date"] == "2026-03-01"
    assert [item["source_id"] for item in meal["items"]] == ["990907x", "990905x", "990908"]
    mantou = meal["items"][0]
    assert mantou["grams"] == 100 and mantou["energy_kcal"] == 224.0 and mantou["food_name"].startswith("馒头")
    assert client.get(f"/api/v1/meals/{meal['id']}", headers=auth).json == meal


def test_log_from_chosen_foods(client, auth, food_ids):
    response = client.post("/api/v1/meals", headers=auth, json={
        "items": [{"food_id": food_ids["990901"], "grams": 200}], "meal_type": "snack",
        "eaten_at": "2026-03-01T15:00:00Z"})
    assert response.status_code == 201
    item = response.json["items"][0]
    assert item["grams"] == 200 and item["energy_kcal"] == 32.0 and item["basis"] == "user"


def test_snapshot_survives_a_reimport(client, auth, engine_of):
    meal = log(client, auth)
    with engine_of.begin() as conn:
        conn.execute(update(Food).values(energy_kcal=999.0, protein_g=99.0, name="renamed by a new release"))
    assert client.get(f"/api/v1/meals/{meal['id']}", headers=auth).json == meal


def test_editing_grams_recomputes_from_the_current_food(client, auth, engine_of, food_ids):
    meal = log(client, auth)
    item = meal["items"][0]
    with engine_of.begin() as conn:
        conn.execute(update(Food).where(Food.id == item["food_id"]).values(energy_kcal=250.0))
    response = client.patch(f"/api/v1/meals/{meal['id']}/items/{item['id']}", json={"grams": 50}, headers=auth)
    assert response.status_code == 200
    edited = response.json["items"][0]
    assert edited["grams"] == 50 and edited["energy_kcal"] == 125.0 and edited["basis"] == "user"
    assert response.json["items"][1] == meal["items"][1]
    assert response.json["totals"]["energy_kcal"] == 125.0 + sum(i["energy_kcal"] for i in meal["items"][1:])


def test_picking_another_food_keeps_the_grams(client, auth, food_ids):
    meal = log(client, auth)
    egg = meal["items"][1]
    response = client.patch(f"/api/v1/meals/{meal['id']}/items/{egg['id']}", json={"food_id": food_ids["990906"]},
                            headers=auth)
    assert response.status_code == 200
    changed = response.json["items"][1]
    assert changed["source_id"] == "990906" and changed["grams"] == egg["grams"]


def test_add_and_delete_items(client, auth, food_ids):
    meal = log(client, auth)
    added = client.post(f"/api/v1/meals/{meal['id']}/items", json={"food_id": food_ids["990901"], "grams": 100},
                        headers=auth)
    assert added.status_code == 201 and len(added.json["items"]) == 4
    by_text = client.post(f"/api/v1/meals/{meal['id']}/items", json={"text": "一个土豆"}, headers=auth)
    assert by_text.status_code == 201 and by_text.json["items"][-1]["source_id"] == "990902"
    for item in by_text.json["items"][:-1]:
        response = client.delete(f"/api/v1/meals/{meal['id']}/items/{item['id']}", headers=auth)
        assert response.status_code == 200
    last = response.json["items"]
    assert len(last) == 1
    refused = client.delete(f"/api/v1/meals/{meal['id']}/items/{last[0]['id']}", headers=auth)
    assert refused.status_code == 422 and refused.json["error"]["code"] == "validation_error"


def test_list_by_local_day_and_range(client, auth):
    client.patch("/api/v1/me", json={"timezone": "Asia/Shanghai"}, headers=auth)
    late = log(client, auth, eaten_at="2026-03-01T23:30:00+08:00")  # 15:30 UTC: still 1 March in Shanghai
    log(client, auth, eaten_at="2026-03-02T00:30:00+08:00")
    day = client.get("/api/v1/meals?date=2026-03-01", headers=auth).json
    assert [m["id"] for m in day["meals"]] == [late["id"]] and day["total"] == 1
    assert late["eaten_at"] == "2026-03-01T23:30:00+08:00"
    both = client.get("/api/v1/meals?from=2026-03-01&to=2026-03-02&limit=1", headers=auth).json
    assert both["total"] == 2 and len(both["meals"]) == 1
    page2 = client.get("/api/v1/meals?from=2026-03-01&to=2026-03-02&limit=1&offset=1", headers=auth).json
    assert page2["meals"][0]["id"] == late["id"]


def test_patch_meal_and_delete(client, auth):
    meal = log(client, auth, eaten_at="2026-03-01T12:00:00Z")
    response = client.patch(f"/api/v1/meals/{meal['id']}", json={"meal_type": "dinner", "favourite": True,
                                                                  "eaten_at": "2026-03-02T19:00:00Z"}, headers=auth)
    assert response.status_code == 200
    assert response.json["meal_type"] == "dinner" and response.json["local_date"] == "2026-03-02"
    assert [m["id"] for m in client.get("/api/v1/meals/favourites", headers=auth).json] == [meal["id"]]
    assert client.delete(f"/api/v1/meals/{meal['id']}", headers=auth).status_code == 204
    assert client.get(f"/api/v1/meals/{meal['id']}", headers=auth).status_code == 404


def test_copy_and_recent_foods(client, auth):
    meal = log(client, auth, eaten_at="2026-03-01T08:00:00Z")
    copy = client.post(f"/api/v1/meals/{meal['id']}/copy", json={"eaten_at": "2026-03-02T08:00:00Z"}, headers=auth)
    assert copy.status_code == 201
    assert copy.json["id"] != meal["id"] and copy.json["local_date"] == "2026-03-02"
    strip = lambda items: [{k: v for k, v in i.items() if k != "id"} for i in items]  # noqa: E731
    assert strip(copy.json["items"]) == strip(meal["items"])
    client.post("/api/v1/meals", json={"text": "一个土豆"}, headers=auth)
    frequent = client.get("/api/v1/meals/frequent", headers=auth).json
    assert [(f["times"], f["meal"]["id"]) for f in frequent][0] == (2, copy.json["id"])
    assert [f["times"] for f in frequent] == [2, 1]
    recent = client.get("/api/v1/meals/recent-foods", headers=auth).json
    assert [r["times"] for r in recent] == [2, 2, 2, 1]
    assert {r["source_id"] for r in recent[:3]} == {"990907x", "990905x", "990908"}


def test_bad_meal_inputs_are_4xx_and_change_nothing(client, auth, food_ids):
    meal = log(client, auth)
    bad_bodies = [
        {"text": ""}, {"text": "x" * 1001}, {}, {"text": CHINESE_MEAL, "items": []}, {"text": CHINESE_MEAL, "what": 1},
        {"text": 12}, {"items": [{"food_id": food_ids["990901"], "grams": -5}]},
        {"items": [{"food_id": food_ids["990901"], "grams": 5001}]}, {"items": [{"food_id": "1", "grams": 10}]},
        {"items": [{"food_id": 99999, "grams": 10}]}, {"items": [{"food_id": food_ids["990901"], "grams": 1}] * 51},
        {"text": CHINESE_MEAL, "eaten_at": "2026-02-30T08:00:00Z"}, {"text": CHINESE_MEAL, "eaten_at": "2026-03-01T08:00"},
        {"text": CHINESE_MEAL, "eaten_at": "2999-01-01T00:00:00Z"}, {"text": CHINESE_MEAL, "meal_type": "brunch"},
        {"text": "   "}, {"text": "和"},
    ]
    for body in bad_bodies:
        response = client.post("/api/v1/meals", json=body, headers=auth)
        assert response.status_code == 422, (body, response.json)
        assert response.json["error"]["code"] == "validation_error"
    grams = client.patch(f"/api/v1/meals/{meal['id']}/items/{meal['items'][0]['id']}", json={"grams": 0}, headers=auth)
    assert grams.status_code == 422 and "grams" in grams.json["error"]["fields"]
    malformed = client.post("/api/v1/meals", data="{not json", content_type="application/json", headers=auth)
    assert malformed.status_code == 400 and malformed.json["error"]["code"] == "malformed_json"
    assert client.get("/api/v1/meals?date=2026-13-01", headers=auth).status_code == 422
    misspelt = client.get("/api/v1/meals?dat=2026-03-01", headers=auth)  # unknown query fields are refused too
    assert misspelt.status_code == 422 and misspelt.json["error"]["fields"] == {"dat": ["Unknown field."]}
    assert client.get("/api/v1/meals?from=2026-03-02&to=2026-03-01", headers=auth).status_code == 422
    assert client.get("/api/v1/meals/99999999999999", headers=auth).status_code == 404
    listed = client.get("/api/v1/meals?from=2000-01-01", headers=auth).json
    assert listed["total"] == 1 and listed["meals"][0] == meal


def test_a_meal_holds_at_most_50_items(client, auth, food_ids):
    choice = {"food_id": food_ids["990901"], "grams": 10}
    meal = client.post("/api/v1/meals", json={"items": [choice] * 50}, headers=auth).json
    assert len(meal["items"]) == 50
    refused = client.post(f"/api/v1/meals/{meal['id']}/items", json=choice, headers=auth)
    assert refused.status_code == 422 and "items" in refused.json["error"]["fields"]
    assert len(client.get(f"/api/v1/meals/{meal['id']}", headers=auth).json["items"]) == 50
    long_text = client.post("/api/v1/meals/parse", json={"text": "馒头" * 501}, headers=auth)
    assert long_text.status_code == 422 and "text" in long_text.json["error"]["fields"]

"""Another user's objects are not found, whatever the verb, and stay exactly as they were; every route is covered.

"Not yours" and "does not exist" answer alike (404, same shape), so ids of other users cannot be probed.
"""
from __future__ import annotations

import pytest
from api_routes import routes

from public_endpoints import PUBLIC

# Routes that hold no user's data, and why.
SHARED = {
    ("foods.FoodByIdViews", "GET"): "the food tables are the same for everyone",
    ("foods.FoodByBarcodeViews", "GET"): "the food tables are the same for everyone",
    ("foods.FoodSearchViews", "GET"): "the food tables are the same for everyone",
    ("auth.RegisterViews", "POST"): "acts on the caller's own account only (tests/api/test_auth_and_errors.py)",
    ("auth.LogoutViews", "POST"): "revokes the token it is called with (tests/security/test_tokens.py)",
    ("me.MeViews", "PATCH"): "the caller's own profile: no id to choose",
    ("me.MeViews", "DELETE"): "the caller's own account: no id to choose (the last step of the list test)",
    ("meals.MealParseViews", "POST"): "stores nothing, reads only the food tables",
    ("meals.MealViews", "POST"): "creates the caller's own meal",
    ("weights.WeightViews", "POST"): "creates the caller's own weight entry",
}
OWNER_DAY, REVIEW_DAY = "2026-03-01", "2026-02-27"


@pytest.fixture
def two_users(client, sign_up, food_ids):
    owner, intruder = sign_up("owner"), sign_up("intruder")
    meal = client.post("/api/v1/meals", json={"text": "一个馒头，两个鸡蛋", "eaten_at": f"{OWNER_DAY}T08:00:00Z"},
                       headers=owner).json
    client.patch(f"/api/v1/meals/{meal['id']}", json={"favourite": True}, headers=owner)
    client.post("/api/v1/meals", json={"text": "一个馒头", "eaten_at": f"{REVIEW_DAY}T08:00:00Z"}, headers=owner)
    assert client.post(f"/api/v1/reviews/{REVIEW_DAY}/generate", headers=owner).status_code == 201
    weight = client.post("/api/v1/weights", json={"weight_kg": 60}, headers=owner).json
    own_meal = client.post("/api/v1/meals", json={"text": "一个土豆", "eaten_at": f"{OWNER_DAY}T08:00:00Z"},
                           headers=intruder).json
    return owner, intruder, client.get(f"/api/v1/meals/{meal['id']}", headers=owner).json, weight, own_meal


def owner_state(client, owner):
    return (client.get("/api/v1/me/export", headers=owner).json,
            client.get(f"/api/v1/summary/day?date={OWNER_DAY}", headers=owner).json)


def by_id_attempts(meal, weight, own_meal, food_ids):
    """(method, path, body, status) of an intruder acting on the owner's objects."""
    item = meal["items"][0]["id"]
    food = {"food_id": food_ids["990901"], "grams": 100}
    return [
        ("GET", f"/api/v1/meals/{meal['id']}", None, 404),
        ("PATCH", f"/api/v1/meals/{meal['id']}", {"meal_type": "snack"}, 404),
        ("DELETE", f"/api/v1/meals/{meal['id']}", None, 404),
        ("POST", f"/api/v1/meals/{meal['id']}/items", food, 404),
        ("POST", f"/api/v1/meals/{meal['id']}/items", {"text": "一个土豆"}, 404),
        ("PATCH", f"/api/v1/meals/{meal['id']}/items/{item}", {"grams": 10}, 404),
        ("DELETE", f"/api/v1/meals/{meal['id']}/items/{item}", None, 404),
        ("POST", f"/api/v1/meals/{meal['id']}/copy", {}, 404),
        ("DELETE", f"/api/v1/weights/{weight['id']}", None, 404),
        # the intruder's own meal with the owner's item id
        ("PATCH", f"/api/v1/meals/{own_meal['id']}/items/{item}", {"grams": 10}, 404),
        ("DELETE", f"/api/v1/meals/{own_meal['id']}/items/{item}", None, 404),
        # reviews are named by day: the intruder sees only its own days
        ("GET", f"/api/v1/reviews/{REVIEW_DAY}", None, 404),
        ("POST", f"/api/v1/reviews/{REVIEW_DAY}/generate", None, 422),  # the intruder ate nothing that day
    ]


# Reads of the caller's own data: (path, what the intruder must see), the owner's data never.
def reads(meal, own_meal, owner_id):
    energy = pytest.approx(own_meal["totals"]["energy_kcal"])
    return [
        (f"/api/v1/meals?date={OWNER_DAY}", lambda body: [m["id"] for m in body["meals"]] == [own_meal["id"]]),
        ("/api/v1/meals/favourites", lambda body: body == []),
        ("/api/v1/meals/frequent", lambda body: [f["meal"]["id"] for f in body] == [own_meal["id"]]),
        ("/api/v1/meals/recent-foods", lambda body: {f["source_id"] for f in body} == {"990902"}),
        ("/api/v1/weights", lambda body: body == []),
        (f"/api/v1/reviews?from={REVIEW_DAY}&to={OWNER_DAY}", lambda body: body == {"reviews": []}),
        (f"/api/v1/summary/day?date={OWNER_DAY}", lambda body: body["totals"]["energy_kcal"] == energy),
        (f"/api/v1/summary/range?from={OWNER_DAY}&to={OWNER_DAY}",
         lambda body: body["days"][0]["totals"]["energy_kcal"] == energy),
        ("/api/v1/me", lambda body: body["id"] != owner_id),
        ("/api/v1/me/export", lambda body: [m["id"] for m in body["meals"]] == [own_meal["id"]]
         and body["weights"] == [] and body["reviews"] == []),
    ]


def test_every_verb_on_another_users_objects_is_refused(client, two_users, food_ids):
    owner, intruder, meal, weight, own_meal = two_users
    before = owner_state(client, owner)
    for method, path, body, status in by_id_attempts(meal, weight, own_meal, food_ids):
        response = client.open(path, method=method, json=body, headers=intruder)
        assert response.status_code == status, (method, path, response.status_code)
        assert "馒头" not in response.get_data(as_text=True)
        if status == 404:
            # The same answer as for an id that does not exist, but for the number itself.
            missing = client.open(path.replace(str(meal["id"]), "2147483000").replace(str(weight["id"]), "2147483000")
                                  .replace(REVIEW_DAY, "2001-01-01"), method=method, json=body, headers=intruder)
            assert (missing.status_code, missing.json["error"]["code"]) == (404, response.json["error"]["code"])
    assert owner_state(client, owner) == before


def test_lists_and_summaries_show_only_ones_own_data(client, two_users):
    owner, intruder, meal, _weight, own_meal = two_users
    owner_id = client.get("/api/v1/me", headers=owner).json["id"]
    for path, shows_only_own in reads(meal, own_meal, owner_id):
        response = client.get(path, headers=intruder)
        assert response.status_code == 200 and shows_only_own(response.json), path
        assert "馒头" not in response.get_data(as_text=True), path
    assert client.delete("/api/v1/me", headers=intruder).status_code == 204
    assert client.get(f"/api/v1/meals/{meal['id']}", headers=owner).json == meal


def test_every_route_has_a_cross_user_case(app, two_users, food_ids):
    """A route added later without a case here (or a reason in SHARED) fails."""
    _owner, _intruder, meal, weight, own_meal = two_users
    adapter = app.url_map.bind("localhost")
    covered = set()
    for method, path, *_rest in by_id_attempts(meal, weight, own_meal, food_ids):
        covered.add((adapter.match(path, method=method)[0], method))
    for path, _check in reads(meal, own_meal, owner_id=0):
        covered.add((adapter.match(path.split("?")[0], method="GET")[0], "GET"))
    every = {(route.endpoint, route.method) for route in routes(app)}
    uncovered = every - covered - set(SHARED) - set(PUBLIC)
    assert uncovered == set(), f"routes without a cross-user case: {sorted(uncovered)}"
    assert not (set(SHARED) | covered) - every, "a listed route no longer exists"

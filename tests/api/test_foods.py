"""Food search (Chinese and English), details, barcodes."""
from __future__ import annotations

import pytest
from sqlalchemy import text, update

from foodca.models import Food


def test_search_chinese_and_english(client, auth):
    zh = client.get("/api/v1/foods/search?q=鸡蛋", headers=auth).json
    assert {f["source_id"] for f in zh["foods"]} == {"990905x", "990906"} and zh["total"] == 2
    en = client.get("/api/v1/foods/search?q=bread", headers=auth).json
    names = [f["name"] for f in en["foods"]]
    assert en["total"] == 5 and en["foods"][0]["energy_kcal"] is not None
    assert names[-1] == "WHITE SANDWICH BREAD"  # generic foods first, then branded
    assert names[-2] == "Crackers, crispbread"  # 'bread' inside a word comes after names that begin with it
    page = client.get("/api/v1/foods/search?q=bread&limit=1&offset=1", headers=auth).json
    assert page["foods"] == [en["foods"][1]]
    assert client.get("/api/v1/foods/search?q=%25", headers=auth).json["total"] == 0  # LIKE wildcards are literal
    pepper = [f["name"] for f in client.get("/api/v1/foods/search?q=pepper", headers=auth).json["foods"]]
    # First the food that logging "pepper" uses (the matcher's pick), then names beginning with the word.
    assert pepper == ["Peppers, sweet, green, raw", "Peppers, banana, raw", "Spices, pepper, black"]


def test_search_puts_the_food_a_log_would_use_first_even_when_its_name_differs(client, auth):
    logged = client.post("/api/v1/meals/parse", json={"text": "eggs"}, headers=auth).json["items"][0]["food"]
    found = client.get("/api/v1/foods/search?q=eggs", headers=auth).json
    assert logged["name"] == "Egg, whole, raw, fresh"  # "eggs" is in no name: only the matcher finds it
    assert found["foods"][0]["id"] == logged["id"] and found["total"] >= 1
    assert client.get("/api/v1/foods/search?q=zzqqxx", headers=auth).json["total"] == 0  # nothing matched, nothing


def test_food_details_and_barcode(client, auth, food_ids, engine_of):
    food = client.get(f"/api/v1/foods/{food_ids['100009']}", headers=auth).json
    assert food["name"] == "Apples, raw, with skin" and food["source"] == "usda" and food["release"]["name"]
    branded = food_ids["10000001"]
    with engine_of.begin() as conn:
        conn.execute(update(Food).where(Food.id == branded).values(gtin="012345678905"))
    for code in ("012345678905", "12345678905", "0012345678905"):
        found = client.get(f"/api/v1/foods/barcode/{code}", headers=auth)
        assert found.status_code == 200 and found.json["id"] == branded, code
        assert found.json["portions"][0]["gram_weight"] == 28.0
    assert client.get("/api/v1/foods/barcode/99999999", headers=auth).status_code == 404
    assert client.get("/api/v1/foods/barcode/12ab5678", headers=auth).status_code == 422
    assert client.get("/api/v1/foods/999999", headers=auth).status_code == 404
    assert client.get("/api/v1/foods/search", headers=auth).status_code == 422
    assert client.get("/api/v1/foods/search?q=egg&limit=0", headers=auth).status_code == 422


def test_search_can_be_answered_from_indexes_on_postgresql(client, auth, engine_of):
    """With seq scans made a last resort, the search's plan uses the search indexes (migration 0005): the fixture
    table is too small for the planner to choose them on its own, the full one (400,000 foods) is not."""
    if engine_of.dialect.name != "postgresql":
        pytest.skip("the search indexes exist on PostgreSQL only (runs in CI's second pass)")
    from sqlalchemy import select
    from sqlmodel import Session

    from foodca.foods import _like, _matching

    with Session(engine_of) as session:
        session.execute(text("SET LOCAL enable_seqscan = off"))
        for query, index in (("cheddar", "ix_food_name_trgm"), ("番茄", "ix_food_with_name_zh")):
            statement = select(Food.id).where(_matching(query, _like(query)))
            compiled = statement.compile(engine_of, compile_kwargs={"literal_binds": True})
            plan = "\n".join(session.execute(text(f"EXPLAIN {compiled}")).scalars())
            assert index in plan, plan

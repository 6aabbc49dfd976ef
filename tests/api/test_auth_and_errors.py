"""Sign-up, tokens, login, logout; the one error shape for every 4xx."""
from __future__ import annotations

import hashlib

from sqlalchemy import select

from foodca.models import ApiToken, User


def test_anonymous_sign_up_stores_only_the_token_digest(client, engine_of):
    response = client.post("/api/v1/auth/anonymous", json={"device_id": "ios-123"})
    assert response.status_code == 201
    token = response.json["token"]
    with engine_of.connect() as conn:
        stored = conn.execute(select(ApiToken.token_sha256)).scalars().all()
        assert conn.execute(select(User.device_id)).scalars().all() == ["ios-123"]
    assert stored == [hashlib.sha256(token.encode()).hexdigest()]
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_register_login_logout(client, sign_up):
    auth = sign_up()
    body = {"email": "Li.Hua@example.com", "password": "correct horse"}
    assert client.post("/api/v1/auth/register", json=body, headers=auth).status_code == 204
    me = client.get("/api/v1/me", headers=auth).json
    assert me["email"] == "li.hua@example.com"
    login = client.post("/api/v1/auth/login", json={**body, "email": "li.hua@example.com"})
    assert login.status_code == 200 and login.json["user_id"] == me["id"]
    second = {"Authorization": f"Bearer {login.json['token']}"}
    assert client.post("/api/v1/auth/logout", headers=second).status_code == 204
    assert client.get("/api/v1/me", headers=second).status_code == 401
    assert client.get("/api/v1/me", headers=auth).status_code == 200  # other tokens keep working


def test_wrong_password_and_taken_email(client, sign_up):
    auth = sign_up()
    body = {"email": "a@example.com", "password": "12345678"}
    client.post("/api/v1/auth/register", json=body, headers=auth)
    wrong = client.post("/api/v1/auth/login", json={**body, "password": "123456789"})
    assert wrong.status_code == 401 and wrong.json["error"]["code"] == "unauthorized"
    unknown = client.post("/api/v1/auth/login", json={**body, "email": "b@example.com"})
    assert unknown.status_code == 401
    taken = client.post("/api/v1/auth/register", json=body, headers=sign_up("device-2"))
    assert taken.status_code == 409 and taken.json["error"]["code"] == "conflict"
    again = client.post("/api/v1/auth/register", json={"email": "c@example.com", "password": "87654321"}, headers=auth)
    assert again.status_code == 409  # a token alone cannot replace the credentials
    assert client.post("/api/v1/auth/login", json=body).status_code == 200
    short = client.post("/api/v1/auth/register", json={"email": "c@example.com", "password": "short"},
                        headers=sign_up("device-3"))
    assert short.status_code == 422 and "password" in short.json["error"]["fields"]


def test_error_shape_for_framework_errors(client, auth):
    not_found = client.get("/api/v1/nowhere", headers=auth)
    assert not_found.status_code == 404 and set(not_found.json["error"]) == {"code", "message"}
    wrong_method = client.put("/api/v1/me", headers=auth)
    assert wrong_method.status_code == 405 and wrong_method.json["error"]["code"] == "method_not_allowed"
    assert "PATCH" in wrong_method.headers["Allow"]
    malformed = client.post("/api/v1/auth/anonymous", data="{", content_type="application/json")
    assert malformed.status_code == 400 and malformed.json["error"]["code"] == "malformed_json"
    unknown = client.post("/api/v1/auth/anonymous", json={"device_id": "x", "admin": True})
    assert unknown.status_code == 422 and unknown.json["error"]["fields"] == {"admin": ["Unknown field."]}
    not_object = client.post("/api/v1/auth/anonymous", json=["device"])
    assert not_object.status_code == 422 and not_object.json["error"]["code"] == "validation_error"
    too_big = client.post("/api/v1/meals/parse", data=b'{"text": "' + b"a" * 70_000 + b'"}',
                          content_type="application/json", headers=auth)
    assert too_big.status_code == 413 and too_big.json["error"]["code"] == "payload_too_large"


def test_docs_and_spec_are_served_without_a_cdn(client):
    spec = client.get("/api/v1/openapi.json")
    assert spec.status_code == 200 and "/api/v1/meals/{meal_id}/items/{item_id}" in spec.json["paths"]
    item = spec.json["paths"]["/api/v1/meals/{meal_id}/items/{item_id}"]["patch"]
    assert {"200", "400", "401", "404", "413", "422", "429", "default"} <= item["responses"].keys()
    assert spec.json["paths"]["/api/v1/auth/anonymous"]["post"]["security"] == []
    assert "409" in spec.json["paths"]["/api/v1/auth/register"]["post"]["responses"]
    page = client.get("/api/v1/docs").get_data(as_text=True)
    assert "/api/v1/docs/static/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
    script = client.get("/api/v1/docs/static/swagger-ui-bundle.js")
    assert script.status_code == 200 and len(script.get_data()) > 100_000
    script.close()


def test_nul_characters_are_refused_everywhere(client, auth):
    # PostgreSQL cannot store them in text: refused as input, on SQLite too, so both behave alike.
    search = client.get("/api/v1/foods/search?q=egg%00", headers=auth)
    assert search.status_code == 422 and search.json["error"]["fields"] == {"q": ["must not contain NUL characters"]}
    meal = client.post("/api/v1/meals", json={"text": "一个馒头\u0000"}, headers=auth)
    assert meal.status_code == 422 and "text" in meal.json["error"]["fields"]
    nested = client.post("/api/v1/meals", json={"items": [{"food_id": 1, "grams": 10, "said": "\u0000"}]}, headers=auth)
    assert nested.status_code == 422 and "items" in nested.json["error"]["fields"]
    assert client.post("/api/v1/auth/anonymous", json={"device_id": "a\u0000"}).status_code == 422

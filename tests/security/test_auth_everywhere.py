"""No endpoint answers without a valid token but the few listed here; a new public endpoint fails this test.

Walks app.url_map, so a route added later (say /metrics with its own bearer token) is covered without editing.
"""
from __future__ import annotations

import secrets

import pytest
from api_routes import routes
from public_endpoints import PUBLIC

from foodca.config import Settings

@pytest.fixture
def app_settings():
    # The walk sends a few hundred refused requests from one address; the limit is another test's concern.
    return Settings.from_env({"FOODCA_RATE_LIMIT_PER_MINUTE": "100000"})


@pytest.fixture
def others_objects(client, sign_up):
    """Real ids of another user's meal, item and weight: a refusal must not depend on what exists."""
    owner = sign_up("owner")
    meal = client.post("/api/v1/meals", json={"text": "一个馒头", "eaten_at": "2026-03-01T08:00:00Z"},
                       headers=owner).json
    weight = client.post("/api/v1/weights", json={"weight_kg": 60}, headers=owner).json
    return {"meal_id": meal["id"], "item_id": meal["items"][0]["id"], "weight_id": weight["id"],
            "food_id": meal["items"][0]["food_id"]}


def revoked_token(client, sign_up) -> str:
    auth = sign_up("revoked")
    assert client.post("/api/v1/auth/logout", headers=auth).status_code == 204
    return auth["Authorization"]


def deleted_accounts_token(client, sign_up) -> str:
    auth = sign_up("deleted")
    assert client.delete("/api/v1/me", headers=auth).status_code == 204
    return auth["Authorization"]


# Authorization headers that must all be refused (None: no header at all).
CREDENTIALS = {
    "none": lambda client, sign_up: None,
    "empty": lambda client, sign_up: "",
    "scheme only": lambda client, sign_up: "Bearer",
    "scheme and space": lambda client, sign_up: "Bearer ",
    "scheme and spaces": lambda client, sign_up: "Bearer  ",
    "basic": lambda client, sign_up: "Basic YWRtaW46YWRtaW4=",
    "other scheme": lambda client, sign_up: "Token " + secrets.token_urlsafe(32),
    "random token": lambda client, sign_up: "Bearer " + secrets.token_urlsafe(32),
    "sql in token": lambda client, sign_up: "Bearer ' OR 1=1 --",
    "revoked token": revoked_token,
    "deleted account's token": deleted_accounts_token,
}


@pytest.mark.parametrize("credentials", CREDENTIALS)
def test_only_listed_endpoints_answer_without_a_valid_token(app, client, sign_up, others_objects, credentials):
    header = CREDENTIALS[credentials](client, sign_up)
    headers = {} if header is None else {"Authorization": header}
    walked = routes(app)
    for route in walked:
        response = client.open(route.path(app, others_objects), method=route.method, json={}, headers=headers)
        if (route.endpoint, route.method) in PUBLIC:
            assert response.status_code != 401, f"{route} is listed as public but refused: fix PUBLIC"
            response.close()
            continue
        # 404 only where an endpoint is switched off (e.g. metrics without its token configured).
        assert response.status_code in (401, 404), f"{route} answered {response.status_code} without credentials"
        if response.status_code == 401:
            assert response.headers.get("WWW-Authenticate", "").startswith("Bearer"), route
            assert response.json["error"]["code"] == "unauthorized", route
            assert set(response.json["error"]) == {"code", "message"}, route
    # The walk saw the API: a broken url_map would make this test pass on nothing.
    assert len(walked) >= 30 and {key for key in PUBLIC} <= {(r.endpoint, r.method) for r in walked}


def test_every_public_endpoint_is_listed_with_a_reason(app, client):
    """The other direction: what answers without a token today is exactly PUBLIC."""
    public = set()
    for route in routes(app):
        response = client.open(route.path(app), method=route.method, json={})
        if response.status_code not in (401, 404):
            public.add((route.endpoint, route.method))
        response.close()
    assert public == set(PUBLIC)


def test_a_valid_token_is_accepted_with_any_case_of_the_scheme(client, auth):
    token = auth["Authorization"].split()[1]
    for scheme in ("Bearer", "bearer", "BEARER"):
        assert client.get("/api/v1/me", headers={"Authorization": f"{scheme} {token}"}).status_code == 200
    # A token with anything glued to it is another token.
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}x"}).status_code == 401
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token[:-1]}"}).status_code == 401

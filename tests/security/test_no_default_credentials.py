"""No account or token exists until someone signs up; passwords and tokens are stored only as hashes and never
leave the server."""
from __future__ import annotations

import re

import pytest
from api_routes import routes
from sqlalchemy import func, select

from foodca.models import ApiToken, User

COMMON_PAIRS = [("admin", "admin"), ("admin@example.com", "password"), ("admin@example.com", "admin123"),
                ("root@localhost", "root"), ("test@example.com", "test1234"), ("user@example.com", "password"),
                ("admin@foodca.app", "changeme"), ("demo@example.com", "demo1234")]
CREDENTIALS = {"email": "li.hua@example.com", "password": "correct horse battery"}


def accounts_and_tokens(engine) -> tuple[int, int]:
    with engine.connect() as conn:
        return (conn.execute(select(func.count()).select_from(User)).scalar_one(),
                conn.execute(select(func.count()).select_from(ApiToken)).scalar_one())


def test_a_freshly_migrated_database_has_no_accounts_nor_tokens(engine):
    assert accounts_and_tokens(engine) == (0, 0)


def test_quickstart_makes_no_accounts_nor_tokens(quickstart_on_small_release, engine):
    assert accounts_and_tokens(engine) == (0, 0)


@pytest.mark.parametrize(("email", "password"), COMMON_PAIRS)
def test_common_credentials_do_not_log_in(client, email, password):
    response = client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert response.status_code in (401, 422)  # 422: not even an email address
    assert "token" not in response.get_data(as_text=True)


@pytest.fixture
def registered(client, auth, engine_of):
    assert client.post("/api/v1/auth/register", json=CREDENTIALS, headers=auth).status_code == 204
    second = client.post("/api/v1/auth/login", json=CREDENTIALS).json["token"]
    meal = client.post("/api/v1/meals", json={"text": "一个馒头", "eaten_at": "2026-03-01T08:00:00Z"},
                       headers=auth).json
    client.post("/api/v1/weights", json={"weight_kg": 60}, headers=auth)
    client.post("/api/v1/reviews/2026-03-01/generate", headers=auth)
    with engine_of.connect() as conn:
        password_hash = conn.execute(select(User.password_hash)).scalar_one()
        digests = conn.execute(select(ApiToken.token_sha256)).scalars().all()
    return {"tokens": [auth["Authorization"].split()[1], second], "password_hash": password_hash,
            "digests": digests, "meal": meal}


def test_passwords_are_argon2_hashes_and_tokens_are_digests(registered, engine_of):
    assert registered["password_hash"].startswith("$argon2id$")
    assert CREDENTIALS["password"] not in registered["password_hash"]
    assert len(registered["digests"]) == 2 and all(re.fullmatch(r"[0-9a-f]{64}", d) for d in registered["digests"])
    with engine_of.connect() as conn:
        stored = repr([tuple(row) for table in (User, ApiToken) for row in conn.execute(select(table))])
    assert not any(secret in stored for secret in [CREDENTIALS["password"], *registered["tokens"]])


def test_no_endpoint_returns_a_hash_or_a_digest(app, client, auth, registered):
    ids = {"meal_id": registered["meal"]["id"], "food_id": registered["meal"]["items"][0]["food_id"],
           "day": "2026-03-01"}
    secrets = [registered["password_hash"], *registered["digests"], CREDENTIALS["password"], "$argon2",
               "password_hash", "token_sha256"]
    read = 0
    for route in routes(app, methods={"GET"}):
        response = client.get(route.path(app, ids), headers=auth)
        body = response.get_data(as_text=True)
        response.close()
        if response.status_code == 200 and response.mimetype == "application/json":
            read += 1
            assert not [secret for secret in secrets if secret in body], route
    assert read >= 12  # me, export, meals, reviews, summaries... were really read

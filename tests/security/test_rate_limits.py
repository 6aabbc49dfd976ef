"""Requests without a valid token are limited per client address: sign-up, login (password guessing) and token
guessing. Per-token limits of signed-in requests are tested in tests/api/test_limits.py."""
from __future__ import annotations

import secrets

import pytest

from foodca.config import Settings

LIMIT = 5
CREDENTIALS = {"email": "li.hua@example.com", "password": "correct horse battery"}


@pytest.fixture
def app_settings():
    return Settings.from_env({"FOODCA_RATE_LIMIT_PER_MINUTE": str(LIMIT)})


def from_address(address: str) -> dict:
    return {"environ_base": {"REMOTE_ADDR": address}}


def assert_rate_limited(response) -> None:
    assert response.status_code == 429
    assert response.json == {"error": {"code": "rate_limited", "message": response.json["error"]["message"]}}
    assert 1 <= int(response.headers["Retry-After"]) <= 60


@pytest.fixture
def registered(client):
    token = client.post("/api/v1/auth/anonymous", json={"device_id": "phone"}, **from_address("10.0.0.1")).json["token"]
    client.post("/api/v1/auth/register", json=CREDENTIALS, headers={"Authorization": f"Bearer {token}"},
                **from_address("10.0.0.1"))
    return token


def test_password_guessing_is_stopped_per_address(client, registered):
    guesses = [client.post("/api/v1/auth/login", json={**CREDENTIALS, "password": f"guess-{n:04d}"},
                           **from_address("10.0.0.9")).status_code for n in range(LIMIT)]
    assert guesses == [401] * LIMIT
    # Past the limit even the right password is refused: a guesser cannot tell a hit from a miss.
    assert_rate_limited(client.post("/api/v1/auth/login", json=CREDENTIALS, **from_address("10.0.0.9")))
    assert client.post("/api/v1/auth/login", json=CREDENTIALS, **from_address("10.0.0.10")).status_code == 200


def test_sign_ups_are_limited_per_address(client):
    made = [client.post("/api/v1/auth/anonymous", json={"device_id": f"bot-{n}"}, **from_address("10.0.0.20"))
            .status_code for n in range(LIMIT)]
    assert made == [201] * LIMIT
    assert_rate_limited(client.post("/api/v1/auth/anonymous", json={"device_id": "bot"}, **from_address("10.0.0.20")))
    assert client.post("/api/v1/auth/anonymous", json={"device_id": "phone"},
                       **from_address("10.0.0.21")).status_code == 201


def test_token_guessing_is_limited_per_address(client, registered):
    # Each refused token costs a database lookup; unlimited, they are a cheap way to load the database.
    refused = [client.get("/api/v1/me", headers={"Authorization": f"Bearer {secrets.token_urlsafe(32)}"},
                          **from_address("10.0.0.30")).status_code for _ in range(LIMIT)]
    assert refused == [401] * LIMIT
    assert_rate_limited(client.get("/api/v1/me", headers={"Authorization": "Bearer guess"},
                                   **from_address("10.0.0.30")))
    # A valid token from the same address is limited by its own count, not the address's.
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {registered}"},
                      **from_address("10.0.0.30")).status_code == 200

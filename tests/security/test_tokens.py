"""Logout revokes the one token it is called with (a phone signing out leaves the user's other devices signed
in, accounts.revoke_token); deleting the account ends every token."""
from __future__ import annotations

from sqlalchemy import select

from foodca.accounts import token_digest
from foodca.models import ApiToken

CREDENTIALS = {"email": "li.hua@example.com", "password": "correct horse battery"}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def tokens_of_one_user(client, sign_up) -> list[dict[str, str]]:
    """The first launch's token and two logins (two more devices)."""
    first = sign_up("phone")
    assert client.post("/api/v1/auth/register", json=CREDENTIALS, headers=first).status_code == 204
    return [first] + [bearer(client.post("/api/v1/auth/login", json=CREDENTIALS).json["token"]) for _ in range(2)]


def test_logout_revokes_only_the_token_it_is_called_with(client, sign_up, engine_of):
    phone, tablet, laptop = tokens_of_one_user(client, sign_up)
    assert client.post("/api/v1/auth/logout", headers=tablet).status_code == 204
    assert client.get("/api/v1/me", headers=tablet).status_code == 401
    assert client.post("/api/v1/auth/logout", headers=tablet).status_code == 401  # not twice
    assert [client.get("/api/v1/me", headers=other).status_code for other in (phone, laptop)] == [200, 200]
    # Kept as revoked (not deleted), so the digest can never be issued and accepted again.
    with engine_of.connect() as conn:
        row = conn.execute(select(ApiToken).where(
            ApiToken.token_sha256 == token_digest(tablet["Authorization"].split()[1]))).one()
    assert row.revoked_at is not None
    # Logging in again gives a new token; the revoked one stays refused.
    again = client.post("/api/v1/auth/login", json=CREDENTIALS).json["token"]
    assert bearer(again) != tablet and client.get("/api/v1/me", headers=tablet).status_code == 401


def test_deleting_the_account_ends_every_token_and_the_credentials(client, sign_up, engine_of):
    phone, tablet, laptop = tokens_of_one_user(client, sign_up)
    bystander = sign_up("someone else")
    assert client.delete("/api/v1/me", headers=laptop).status_code == 204
    assert [client.get("/api/v1/me", headers=token).status_code for token in (phone, tablet, laptop)] == [401] * 3
    assert client.post("/api/v1/auth/login", json=CREDENTIALS).status_code == 401
    assert client.get("/api/v1/me", headers=bystander).status_code == 200
    with engine_of.connect() as conn:
        assert conn.execute(select(ApiToken.user_id).distinct()).scalars().all() == [
            client.get("/api/v1/me", headers=bystander).json["id"]]

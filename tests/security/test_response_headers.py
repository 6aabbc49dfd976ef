"""Headers of a JSON API that carries tokens and health data: not sniffed as HTML, never kept by a cache."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize(("method", "path", "signed_in"), [
    ("GET", "/api/v1/me", True),
    ("GET", "/api/v1/me/export", True),
    ("GET", "/api/v1/me", False),  # the 401 too
    ("POST", "/api/v1/auth/anonymous", False),  # answers with a token
    ("GET", "/api/v1/nowhere", True),
])
def test_api_answers_are_not_sniffed_nor_cached(client, auth, method, path, signed_in):
    body = {"device_id": "phone"} if path.endswith("anonymous") else None
    response = client.open(path, method=method, json=body, headers=auth if signed_in else {})
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


def test_login_answer_is_not_cached(client, auth):
    credentials = {"email": "li@example.com", "password": "correct horse"}
    client.post("/api/v1/auth/register", json=credentials, headers=auth)
    response = client.post("/api/v1/auth/login", json=credentials)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"


def test_docs_may_be_cached_but_not_sniffed(client):
    script = client.get("/api/v1/docs/static/swagger-ui-bundle.js")
    assert script.headers["X-Content-Type-Options"] == "nosniff"
    assert script.headers.get("Cache-Control") != "no-store"  # a static file, the same for everyone
    script.close()
    assert client.get("/healthz").headers["X-Content-Type-Options"] == "nosniff"

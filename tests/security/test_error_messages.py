"""A server error says nothing about the server: no SQL, no table names, no exception text, no traceback."""
from __future__ import annotations

from sqlalchemy import text


def test_a_database_error_answers_500_without_its_details(app, client, auth, engine_of):
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production: TESTING would re-raise instead of answering
    with engine_of.begin() as conn:
        conn.execute(text("DROP TABLE weight_entry"))  # a query that fails for a reason other than a lost server
    response = client.get("/api/v1/weights", headers=auth)
    assert response.status_code == 500
    assert response.json == {"error": {"code": "internal_error", "message": "internal server error"}}
    assert response.headers["Cache-Control"] == "no-store"


def test_an_unhandled_exception_answers_500_without_its_text(app, client, auth):
    app.config["PROPAGATE_EXCEPTIONS"] = False
    # A time zone that the API never stores (written around it) makes the profile's local day fail.
    with app.extensions["foodca_engine"].begin() as conn:
        conn.execute(text("UPDATE app_user SET timezone = 'Secret/Internal_Zone'"))
    response = client.get("/api/v1/me", headers=auth)
    assert response.status_code == 500
    assert response.json == {"error": {"code": "internal_error", "message": "internal server error"}}
    assert "Secret" not in response.get_data(as_text=True) and "Traceback" not in response.get_data(as_text=True)

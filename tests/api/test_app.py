"""The app factory: the meal analyser is built lazily, once per process; a server error keeps the error shape."""
from __future__ import annotations

import threading

from sqlalchemy import text


def test_analyser_is_built_on_first_use_once(app, client, auth):
    lazy = app.extensions["foodca_analyser"]
    assert lazy._analyser is None  # create_app builds no food index
    client.post("/api/v1/meals/parse", json={"text": "一个馒头"}, headers=auth)
    first = lazy._analyser
    assert first is not None
    client.post("/api/v1/meals/parse", json={"text": "两个鸡蛋"}, headers=auth)
    assert lazy._analyser is first


def test_analyser_is_built_once_when_threads_race(app):
    lazy = app.extensions["foodca_analyser"]
    barrier, got = threading.Barrier(8), []

    def ask():
        barrier.wait()
        got.append(lazy.get())

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == 8 and len({id(analyser) for analyser in got}) == 1


def test_server_error_has_the_error_shape(app, client, auth, engine_of):
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production: the handler answers, not the test client
    with engine_of.begin() as conn:
        conn.execute(text("DROP TABLE meal_item"))
    response = client.get("/api/v1/summary/day", headers=auth)  # reads meal_item
    assert response.status_code == 500
    assert response.json == {"error": {"code": "internal_error", "message": "internal server error"}}

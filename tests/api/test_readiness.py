"""Liveness, readiness and a database that cannot be reached: clean 503s in the error shape, never a 500."""
from __future__ import annotations

import socket
import threading

import pytest
from sqlalchemy import make_url

from foodca import create_app
from foodca.config import Settings


def unreachable_database_url() -> str:
    with socket.socket() as probe:  # a port that was free a moment ago, with nothing listening on it now
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"postgresql+psycopg://foodca@127.0.0.1:{port}/foodca?connect_timeout=2"


@pytest.fixture
def app_without_database():
    app = create_app({"FOODCA_DATABASE_URL": unreachable_database_url(), "FOODCA_SETTINGS": Settings.from_env({}),
                      "TESTING": True, "PROPAGATE_EXCEPTIONS": False})
    yield app
    app.extensions["foodca_engine"].dispose()


def test_ready_once_the_food_index_is_built(app, client):
    assert client.get("/healthz").status_code == 200
    waiting = client.get("/readyz")
    assert waiting.status_code == 503
    assert waiting.get_json()["error"]["code"] == "not_ready"
    assert waiting.get_json()["checks"] == {"database": "ok", "food_index": "not loaded"}
    app.extensions["foodca_analyser"].get()
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.get_json()["status"] == "ready"


def test_an_unreachable_database_is_a_503_in_the_error_shape(app_without_database):
    client = app_without_database.test_client()
    assert client.get("/healthz").status_code == 200  # alive, though not ready
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.get_json()["checks"]["database"] == "unreachable"
    signup = client.post("/api/v1/auth/anonymous", json={"device_id": "phone"})
    assert signup.status_code == 503
    assert signup.get_json()["error"]["code"] == "database_unavailable"
    assert signup.headers["Retry-After"] == "5"
    asked = client.get("/api/v1/me", headers={"Authorization": "Bearer whatever"})
    assert asked.status_code == 503 and asked.get_json()["error"]["code"] == "database_unavailable"


class CuttableProxy:
    """A real TCP proxy to the database server whose connections can be cut and let through again."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open = True
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.open:
                client.close()  # the server is "down": refused at once
                continue
            upstream = socket.create_connection(self.target)
            self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                end.close()

    def cut(self) -> None:
        self.open = False
        for end in self.sockets:
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            end.close()
        self.sockets.clear()

    def restore(self) -> None:
        self.open = True

    def close(self) -> None:
        self.cut()
        self.listener.close()


def test_a_lost_database_connection_answers_503_then_recovers_without_restart(app_database):
    url = make_url(app_database)
    if url.get_backend_name() != "postgresql":
        pytest.skip("needs a database server to lose (runs on PostgreSQL, in CI's second pass)")
    proxy = CuttableProxy((url.host, url.port))
    app = create_app({"FOODCA_DATABASE_URL": url.set(host="127.0.0.1", port=proxy.port).render_as_string(
        hide_password=False), "FOODCA_SETTINGS": Settings.from_env({}), "TESTING": True, "PROPAGATE_EXCEPTIONS": False})
    client = app.test_client()
    try:
        token = client.post("/api/v1/auth/anonymous", json={"device_id": "phone"}).get_json()["token"]
        auth = {"Authorization": f"Bearer {token}"}
        assert client.get("/api/v1/me", headers=auth).status_code == 200
        proxy.cut()
        lost = client.get("/api/v1/me", headers=auth)
        assert lost.status_code == 503 and lost.get_json()["error"]["code"] == "database_unavailable"
        proxy.restore()
        back = client.get("/api/v1/me", headers=auth)
        assert back.status_code == 200, back.get_json()
    finally:
        app.extensions["foodca_engine"].dispose()
        proxy.close()

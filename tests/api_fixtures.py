"""Fixtures of the API tests (tests/api, tests/security): an app per test on its own database, a copy of a template
holding the hand-written fixture foods (SQLite, or PostgreSQL when FOODCA_TEST_POSTGRES_URL is set, as in the second CI
run). A conftest takes them with `from api_fixtures import *`."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from foodca import create_app
from foodca.config import Settings
from foodca.models import Food


@pytest.fixture
def app_database(foods_database) -> str:
    """The URL of this test's copy of the fixture foods (tests/conftest.py food_template)."""
    return foods_database


@pytest.fixture
def app_settings() -> Settings:
    """Settings of the app under test, not of the environment; a test module may override this fixture."""
    return Settings.from_env({})


@pytest.fixture
def app(app_database, app_settings):
    app = create_app({"FOODCA_DATABASE_URL": app_database, "FOODCA_SETTINGS": app_settings, "TESTING": True})
    yield app
    app.extensions["foodca_analyser"].stop_refreshing()
    app.extensions["foodca_engine"].dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def engine_of(app):
    return app.extensions["foodca_engine"]


@pytest.fixture
def food_ids(engine_of) -> dict[str, int]:
    """Food ids by source_id in this test's database."""
    with engine_of.connect() as conn:
        return {row.source_id: row.id for row in conn.execute(select(Food.source_id, Food.id))}


@pytest.fixture
def sign_up(client):
    """A new anonymous user; returns the Authorization header of its token."""

    def sign_up(device_id: str = "device-1") -> dict[str, str]:
        response = client.post("/api/v1/auth/anonymous", json={"device_id": device_id})
        assert response.status_code == 201, response.json
        return {"Authorization": f"Bearer {response.json['token']}"}

    return sign_up


@pytest.fixture
def auth(sign_up) -> dict[str, str]:
    return sign_up()


def chat_server_module():
    """tests/nlp/chat_server.py: the real local chat-completions server the model tests use."""
    if "chat_server" not in sys.modules:
        spec = importlib.util.spec_from_file_location("chat_server", Path(__file__).parent / "nlp" / "chat_server.py")
        module = sys.modules["chat_server"] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules["chat_server"]


@pytest.fixture
def chat_server():
    """A local chat-completions server; a test module points app_settings at its base_url to use a model.
    `chat_server.replies` has its reply makers (json_content, error…)."""
    module = chat_server_module()
    server = module.ChatServer().start()
    server.replies = module
    yield server
    server.stop()

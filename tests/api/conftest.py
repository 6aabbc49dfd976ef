"""An app per test on its own SQLite file: a copy of a template holding the hand-written fixture foods."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from foodca import create_app
from foodca.config import Settings
from foodca.models import Food


@pytest.fixture(scope="session")
def food_template(small_food_engine) -> Path:
    return Path(small_food_engine.url.database)


def copy_database(template: Path, target: Path) -> None:
    # The backup API copies what the WAL holds too, which a plain file copy could miss.
    with sqlite3.connect(template) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    source.close()
    copy.close()


@pytest.fixture
def app_settings() -> Settings:
    """Settings of the app under test, not of the environment; a test module may override this fixture."""
    return Settings.from_env({})


@pytest.fixture
def app(tmp_path, food_template, app_settings):
    target = tmp_path / "api.sqlite"
    copy_database(food_template, target)
    app = create_app({"FOODCA_DATABASE_URL": f"sqlite:///{target}", "FOODCA_SETTINGS": app_settings, "TESTING": True})
    yield app
    app.extensions["foodca_engine"].dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def engine_of(app):
    return app.extensions["foodca_engine"]


@pytest.fixture
def food_ids(small_food_engine) -> dict[str, int]:
    """Food ids by source_id (ids are the same in every copy of the template)."""
    with small_food_engine.connect() as conn:
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

"""Fixtures for real resources: a fresh SQLite database per test, the shared data folder when present."""
from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from foodca.db import make_engine, upgrade

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


# A PostgreSQL server to run the suite against (an admin URL, e.g. postgresql+psycopg://foodca@127.0.0.1:54329/
# postgres; .ci/run starts one with tools/test_postgres.sh). Without it every test database is an SQLite file.
TEST_POSTGRES_URL = os.environ.get("FOODCA_TEST_POSTGRES_URL")


def new_database(folder: Path, name: str = "foodca") -> str:
    """A new, empty database for one test (or one session fixture): an SQLite file or a PostgreSQL database."""
    if not TEST_POSTGRES_URL:
        return f"sqlite:///{folder / f'{name}.sqlite'}"
    database = f"test_{name}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(TEST_POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{database}"'))
    admin.dispose()
    _created.append(database)
    return make_url(TEST_POSTGRES_URL).set(database=database).render_as_string(hide_password=False)


_created: list[str] = []


@pytest.fixture(scope="session", autouse=True)
def _drop_test_databases():
    yield
    if TEST_POSTGRES_URL and _created:
        admin = create_engine(TEST_POSTGRES_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            for database in _created:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


def on_postgres(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return new_database(tmp_path)


@pytest.fixture
def engine(database_url: str):
    upgrade(database_url)
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def cli_env(tmp_path: Path, database_url: str) -> dict[str, str]:
    return {"FOODCA_DATABASE_URL": database_url, "FOODCA_INSTANCE_DIR": str(tmp_path / "instance")}


@pytest.fixture
def usda_fixture(tmp_path: Path):
    """Copy a hand-written release folder from tests/fixtures/usda into tmp_path, so a test may edit it."""

    def copy(name: str) -> Path:
        target = tmp_path / "releases" / name
        shutil.copytree(FIXTURES / "usda" / name, target)
        return target

    return copy


@pytest.fixture(scope="session")
def small_food_engine(tmp_path_factory):
    """A database with the hand-written matching fixtures (USDA and CFCT formats), shared by read-only tests."""
    from foodca.importers.service import import_cfct, import_usda

    folder = tmp_path_factory.mktemp("small_foods")
    url = new_database(folder, "small_foods")
    upgrade(url)
    engine = make_engine(url)
    import_usda(engine, [str(FIXTURES / "usda" / "matching")], download_dir=folder, report_dir=None, progress=False)
    import_cfct(engine, FIXTURES / "cfct" / "cfct_matching.csv", report_dir=None, progress=False)
    yield engine
    engine.dispose()


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present next to this checkout (real USDA/CFCT files are not in the repo)")
    return SHARED_DATA

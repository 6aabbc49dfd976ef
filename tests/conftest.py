"""Fixtures for real resources: a fresh database per test (SQLite, or PostgreSQL: see databases.py), a copy of the
hand-written fixture foods per test, the shared data folder when present."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from databases import drop_created_databases, drop_database, new_database
from foodca.db import make_engine, upgrade

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session", autouse=True)
def _drop_test_databases():
    yield
    drop_created_databases()


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


def import_fixture_foods(url: str, folder: Path) -> None:
    """Migrate the database at `url` and import the hand-written matching fixtures (USDA and CFCT formats)."""
    from foodca.importers.service import import_cfct, import_usda

    upgrade(url)
    engine = make_engine(url)
    import_usda(engine, [str(FIXTURES / "usda" / "matching")], download_dir=folder, report_dir=None, progress=False)
    import_cfct(engine, FIXTURES / "cfct" / "cfct_matching.csv", report_dir=None, progress=False)
    engine.dispose()


@pytest.fixture(scope="session")
def small_food_engine(tmp_path_factory):
    """A database with the hand-written matching fixtures, shared by read-only tests."""
    folder = tmp_path_factory.mktemp("small_foods")
    url = new_database(folder, "small_foods")
    import_fixture_foods(url, folder)
    engine = make_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def everyday_foods_engine(tmp_path_factory):
    """Hand-written foods whose names people say differently (tests/fixtures/usda/everyday_names and
    tests/fixtures/cfct/cfct_everyday.csv), read only."""
    from foodca.importers.service import import_cfct, import_usda

    folder = tmp_path_factory.mktemp("everyday_names")
    url = new_database(folder, "everyday_names")
    upgrade(url)
    engine = make_engine(url)
    import_usda(engine, [str(FIXTURES / "usda" / "everyday_names")], download_dir=folder, report_dir=None,
                progress=False)
    import_cfct(engine, FIXTURES / "cfct" / "cfct_everyday.csv", report_dir=None, progress=False)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def food_template(tmp_path_factory) -> str:
    """A database holding the hand-written fixture foods, made once; tests that write get a copy of it.

    Nothing may stay connected to it: PostgreSQL copies a template only while no one else uses it."""
    folder = tmp_path_factory.mktemp("food_template")
    url = new_database(folder, "food_template")
    import_fixture_foods(url, folder)
    return url


@pytest.fixture
def foods_database(tmp_path, food_template) -> str:
    """The URL of this test's own copy of the fixture foods: an SQLite file, or a PostgreSQL database."""
    url = new_database(tmp_path, "foods", template=food_template)
    yield url
    drop_database(url)


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present next to this checkout (real USDA/CFCT files are not in the repo)")
    return SHARED_DATA


@pytest.fixture
def quickstart_on_small_release(cli_env, usda_fixture, tmp_path):
    """`foodca quickstart` with FOODCA_USDA_PATH at a folder holding the hand-written SR release; its result."""
    from click.testing import CliRunner

    from foodca.cli import cli

    releases = tmp_path / "usda"
    releases.mkdir()
    usda_fixture("sr_small").rename(releases / "FoodData_Central_sr_small")
    env = {**cli_env, "FOODCA_USDA_DOWNLOAD": "0", "FOODCA_USDA_PATH": str(releases)}
    result = CliRunner().invoke(cli, ["quickstart"], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result

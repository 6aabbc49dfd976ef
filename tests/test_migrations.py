"""Migrations are the only way the schema is made: they must match the models exactly."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from foodca.db import metadata


def test_models_and_migrations_agree(engine):
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata())
    assert differences == []


def test_upgrade_twice_is_harmless(database_url, engine):
    from foodca.db import upgrade

    upgrade(database_url)
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() is not None

"""Migrations are the only way the schema is made: they must match the models exactly."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from foodca.db import compare_column_type, include_in_comparison, metadata


def comparison_context(conn) -> MigrationContext:
    """Compared as env.py compares: SQLite's text types as one, PostgreSQL-only search indexes left out."""
    return MigrationContext.configure(conn, opts={"compare_type": compare_column_type,
                                                  "include_object": include_in_comparison})


def test_models_and_migrations_agree(engine):
    with engine.connect() as conn:
        differences = compare_metadata(comparison_context(conn), metadata())
    assert differences == []


def test_upgrade_twice_is_harmless(database_url, engine):
    from foodca.db import upgrade

    upgrade(database_url)
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() is not None


def test_upgrade_from_each_revision_with_foods_in_the_tables(database_url, tmp_path):
    """A database in use has rows that refer to food: every migration must apply to one (0004 rebuilt food on
    SQLite and its foreign keys refused)."""
    from pathlib import Path

    from foodca.db import make_engine, upgrade
    from foodca.importers.service import import_usda

    upgrade(database_url, "0003")
    engine = make_engine(database_url)
    fixture = Path(__file__).resolve().parent / "fixtures" / "usda" / "sr_small"
    import_usda(engine, [str(fixture)], download_dir=tmp_path, report_dir=None, progress=False)
    upgrade(database_url)
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision(database_url)
        assert compare_metadata(comparison_context(conn),
                                metadata()) == []
    engine.dispose()


def head_revision(database_url: str) -> str:
    from alembic.script import ScriptDirectory

    from foodca.db import alembic_config

    return ScriptDirectory.from_config(alembic_config(database_url)).get_current_head()

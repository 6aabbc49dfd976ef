"""Engine, sessions and schema migrations."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import SQLModel, create_engine

# Named constraints keep Alembic migrations stable across databases.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING_CONVENTION

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def make_engine(database_url: str) -> Engine:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets readers keep reading the previous snapshot while an import transaction runs.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def alembic_config(database_url: str):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Bring the schema to `revision`; migrations are the only way the schema is made."""
    from alembic import command

    command.upgrade(alembic_config(database_url), revision)


def metadata() -> MetaData:
    import foodca.models  # noqa: F401  (registers the tables)

    return SQLModel.metadata


def compare_column_type(context, inspected_column, metadata_column, inspected_type, metadata_type):
    """Alembic's type comparison, except that SQLite's text types all count as one: SQLite enforces no length,
    and changing one there means rebuilding the table, which its foreign keys forbid once rows refer to it."""
    from sqlalchemy import String

    if context.dialect.name == "sqlite" and isinstance(inspected_type, String) and isinstance(metadata_type, String):
        return False
    return None  # the default comparison


# Indexes made by migrations on PostgreSQL only (0005: food search), which the models do not declare.
POSTGRES_ONLY_INDEXES = frozenset({"ix_food_name_trgm", "ix_food_with_name_zh"})


def include_in_comparison(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's model comparison leaves out the PostgreSQL-only search indexes."""
    return not (type_ == "index" and reflected and name in POSTGRES_ONLY_INDEXES)

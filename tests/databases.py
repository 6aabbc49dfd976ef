"""Test databases: SQLite files, or databases on the PostgreSQL server that FOODCA_TEST_POSTGRES_URL names."""
from __future__ import annotations

import os
import sqlite3
import uuid
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

# An admin URL, e.g. postgresql+psycopg://foodca@127.0.0.1:54329/postgres (.ci/run starts one with
# tools/test_postgres.sh). Without it every test database is an SQLite file.
TEST_POSTGRES_URL = os.environ.get("FOODCA_TEST_POSTGRES_URL")

_created: list[str] = []


def _admin_execute(statement: str) -> None:
    admin = create_engine(TEST_POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(statement))
    admin.dispose()


def new_database(folder: Path, name: str = "foodca", *, template: str | None = None) -> str:
    """A new database for a test or a session fixture: empty, or a copy of the database at `template`."""
    if not TEST_POSTGRES_URL:
        path = folder / f"{name}.sqlite"
        if template:
            # The backup API copies what the WAL holds too, which a plain file copy could miss.
            with sqlite3.connect(make_url(template).database) as source, sqlite3.connect(path) as copy:
                source.backup(copy)
            source.close()
            copy.close()
        return f"sqlite:///{path}"
    database = f"test_{name}_{uuid.uuid4().hex[:12]}"
    copy_of = f' TEMPLATE "{make_url(template).database}"' if template else ""
    _admin_execute(f'CREATE DATABASE "{database}"{copy_of}')
    _created.append(database)
    return make_url(TEST_POSTGRES_URL).set(database=database).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    """Drop a PostgreSQL database made by new_database now (an SQLite file goes with its tmp_path)."""
    database = make_url(url).database
    if TEST_POSTGRES_URL and database in _created:
        _created.remove(database)
        _admin_execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def drop_created_databases() -> None:
    """Drop the PostgreSQL databases this session made, newest first (copies before their templates)."""
    while TEST_POSTGRES_URL and _created:
        _admin_execute(f'DROP DATABASE IF EXISTS "{_created.pop()}" WITH (FORCE)')

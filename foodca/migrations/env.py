"""Alembic environment: runs migrations against FOODCA_DATABASE_URL or the URL given by foodca.db."""
from __future__ import annotations

from alembic import context

from foodca.config import Settings
from foodca.db import compare_column_type, include_in_comparison, make_engine, metadata

config = context.config
url = config.get_main_option("sqlalchemy.url") or Settings.from_env().database_url
target_metadata = metadata()


def run_migrations_offline() -> None:
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True, render_as_batch=True,
                      compare_type=compare_column_type, include_object=include_in_comparison)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = make_engine(url)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                          compare_type=compare_column_type, include_object=include_in_comparison)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()

"""food search indexes on PostgreSQL: trigrams on food.name, a partial index over foods with a Chinese name

/foods/search looks for a substring (ILIKE '%text%'); without these it scanned all 400,000 foods, about 330 ms a
query. pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it. SQLite gets nothing:
it has no such index, and one server's search load does not need it. foodca.db.POSTGRES_ONLY_INDEXES keeps
Alembic's model comparison from asking for them to be dropped.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 06:00:00
"""
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("CREATE INDEX ix_food_name_trgm ON food USING gin (name gin_trgm_ops)")
    op.execute("CREATE INDEX ix_food_with_name_zh ON food (id) WHERE name_zh IS NOT NULL")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_food_with_name_zh")
    op.execute("DROP INDEX IF EXISTS ix_food_name_trgm")

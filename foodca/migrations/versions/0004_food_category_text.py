"""food.category as text: branded categories are up to 700 characters (PostgreSQL refused the import)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 05:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return  # SQLite enforces no length; rebuilding food there is refused once portions refer to it
    with op.batch_alter_table('food') as batch_op:
        batch_op.alter_column('category', existing_type=sa.String(length=255), type_=sa.Text(),
                              existing_nullable=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    with op.batch_alter_table('food') as batch_op:
        batch_op.alter_column('category', existing_type=sa.Text(), type_=sa.String(length=255),
                              existing_nullable=True)

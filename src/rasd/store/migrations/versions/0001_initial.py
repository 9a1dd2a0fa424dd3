"""The first schema: runs, articles, events, reports, sources, claims, conflicts.

Revision ID: 0001
Revises:
"""

from alembic import op

from rasd.store.schema import metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    metadata.create_all(op.get_bind())


def downgrade() -> None:
    metadata.drop_all(op.get_bind())

"""An index for a country's events by day (the API's pages of `GET /events?country=…`).

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_events_country_date",
        "events",
        ["country", "event_date", "id"],
        if_not_exists=True,
    )


def downgrade() -> None:
    op.drop_index("ix_events_country_date", table_name="events")

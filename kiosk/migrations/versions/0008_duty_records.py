"""The Standard's duties as the Standard words them: each location's part of every
publication with the date its information changed (the update duty), and the first day
each announcement was shown with its agenda (the notice duty).

Announcements published before this migration keep the measure they had: their first
publication counts as the day they were shown with their agenda.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# The zone of every organisation so far; a later one's first notices are recorded anew.
_ALMATY = dt.timezone(dt.timedelta(hours=5))


def upgrade() -> None:
    op.create_table(
        "publication_records",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("organisation_id", sa.String(40), nullable=False),
        sa.Column("location_id", sa.String(40), nullable=False, index=True),
        sa.Column("revision_number", sa.Integer, nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("published_by", sa.String(120), nullable=False),
        sa.Column("sections", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("information_on", sa.Date, nullable=True),
    )
    with op.batch_alter_table("announcement_notices") as batch:
        batch.add_column(sa.Column("agenda_shown_on", sa.Date, nullable=True))
        batch.add_column(sa.Column("agenda_due_on", sa.Date, nullable=True))
    notices = sa.table("announcement_notices",
                       sa.column("location_id", sa.String), sa.column("announcement", sa.String),
                       sa.column("first_published_at", sa.DateTime(timezone=True)),
                       sa.column("agenda_shown_on", sa.Date))
    connection = op.get_bind()
    rows = connection.execute(sa.select(notices.c.location_id, notices.c.announcement,
                                        notices.c.first_published_at)).all()
    for location_id, announcement, first in rows:
        moment = first if first.tzinfo else first.replace(tzinfo=dt.UTC)
        connection.execute(
            notices.update()
            .where(notices.c.location_id == location_id,
                   notices.c.announcement == announcement)
            .values(agenda_shown_on=moment.astimezone(_ALMATY).date()))


def downgrade() -> None:
    with op.batch_alter_table("announcement_notices") as batch:
        batch.drop_column("agenda_due_on")
        batch.drop_column("agenda_shown_on")
    op.drop_table("publication_records")

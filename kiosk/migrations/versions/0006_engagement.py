"""The disability-engagement register: meetings, their follow-ups, and visitors'
accessibility feedback from the stands.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "engagement_meetings",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("organisation_id", sa.String(40), nullable=False, index=True),
        sa.Column("held_on", sa.Date, nullable=False),
        sa.Column("organisations", sa.Text, nullable=False),
        sa.Column("attendees", sa.Integer, nullable=False),
        sa.Column("needs", sa.Text, nullable=False),
        sa.Column("decisions", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(40), nullable=False),
    )
    op.create_table(
        "engagement_follow_ups",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("meeting_id", sa.Integer,
                  sa.ForeignKey("engagement_meetings.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("done", sa.Boolean, nullable=False),
    )
    op.create_table(
        "visitor_feedback",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("location_id", sa.String(40), nullable=False, index=True),
        sa.Column("stand_id", sa.String(40), nullable=False),
        sa.Column("lang", sa.String(5), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("meeting_id", sa.Integer,
                  sa.ForeignKey("engagement_meetings.id", ondelete="SET NULL"),
                  nullable=True),
    )


def downgrade() -> None:
    op.drop_table("visitor_feedback")
    op.drop_table("engagement_follow_ups")
    op.drop_table("engagement_meetings")

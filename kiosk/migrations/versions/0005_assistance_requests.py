"""Visitors' calls for assistance from the stands.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

OPEN = sa.text("closed_at IS NULL")


def upgrade() -> None:
    op.create_table(
        "assistance_requests",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("location_id", sa.String(40), nullable=False, index=True),
        sa.Column("stand_id", sa.String(40), nullable=False),
        sa.Column("need", sa.String(20), nullable=False),
        sa.Column("lang", sa.String(5), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_by", sa.String(40), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True, index=True),
        sa.Column("closed_by", sa.String(40), nullable=True),
    )
    # One open request per stand, kept by the database itself: two presses arriving at
    # the same moment cannot both open one.
    op.create_index("ix_assistance_one_open_per_stand", "assistance_requests",
                    ["location_id", "stand_id"], unique=True,
                    sqlite_where=OPEN, postgresql_where=OPEN)


def downgrade() -> None:
    op.drop_index("ix_assistance_one_open_per_stand", table_name="assistance_requests")
    op.drop_table("assistance_requests")

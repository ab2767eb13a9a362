"""Editors' drafts, when each section was last changed and reviewed, and when each
announcement first reached the stands; each location's version.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("locations") as table:
        table.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="0"))
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("organisation_id", sa.String(40), sa.ForeignKey("organisations.id"),
                  nullable=False, index=True),
        sa.Column("location_id", sa.String(40), nullable=False),
        sa.Column("username", sa.String(40), nullable=False),
        sa.Column("base_number", sa.Integer, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("location_id", "username"),
    )
    op.create_table(
        "section_stamps",
        sa.Column("location_id", sa.String(40), primary_key=True),
        sa.Column("section", sa.String(40), primary_key=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(120), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewed_by", sa.String(120), nullable=False),
    )
    op.create_table(
        "announcement_notices",
        sa.Column("location_id", sa.String(40), primary_key=True),
        sa.Column("announcement", sa.String(80), primary_key=True),
        sa.Column("first_published_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("locations") as table:
        table.drop_column("version")
    op.drop_table("announcement_notices")
    op.drop_table("section_stamps")
    op.drop_table("drafts")

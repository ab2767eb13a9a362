"""Organisations, content revisions and the location index.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organisations",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("organisation_id", sa.String(40), sa.ForeignKey("organisations.id"),
                  nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.UniqueConstraint("organisation_id", "number"),
    )
    op.create_index("ix_revisions_organisation_id", "revisions", ["organisation_id"])
    op.create_table(
        "locations",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("organisation_id", sa.String(40), sa.ForeignKey("organisations.id"),
                  nullable=False),
    )
    op.create_index("ix_locations_organisation_id", "locations", ["organisation_id"])


def downgrade() -> None:
    op.drop_table("locations")
    op.drop_index("ix_revisions_organisation_id", "revisions")
    op.drop_table("revisions")
    op.drop_table("organisations")

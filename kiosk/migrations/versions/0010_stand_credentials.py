"""Stands that prove who they are: each stand's credential, kept as a hash, with who
issued and revoked it and when.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stand_credentials",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("location_id", sa.String(40), nullable=False),
        sa.Column("stand_id", sa.String(40), nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issued_by", sa.String(80), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_by", sa.String(80), nullable=True),
    )
    op.create_index("ix_stand_credentials_stand", "stand_credentials",
                    ["location_id", "stand_id"])


def downgrade() -> None:
    op.drop_index("ix_stand_credentials_stand", table_name="stand_credentials")
    op.drop_table("stand_credentials")

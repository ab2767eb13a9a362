"""When each stand last made contact, and the revision it showed.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stand_contacts",
        sa.Column("stand_id", sa.String(40), primary_key=True),
        sa.Column("location_id", sa.String(40), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision_id", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("stand_contacts")

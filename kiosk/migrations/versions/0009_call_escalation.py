"""Staff never miss a call: each call records when it escalated and whether its e-mail
went out (one e-mail per call, whichever server process sends it); each account gets an
e-mail address and a language for those e-mails, and its choice of sound alerts.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assistance_requests") as batch:
        batch.add_column(sa.Column("escalated_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("mail_attempt_at", sa.DateTime(timezone=True),
                                   nullable=True))
        batch.add_column(sa.Column("mail_attempts", sa.Integer, nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("mailed_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("mail_error", sa.Text, nullable=True))
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("email", sa.String(254), nullable=True))
        batch.add_column(sa.Column("language", sa.String(5), nullable=True))
        batch.add_column(sa.Column("sound_alerts", sa.Boolean, nullable=False,
                                   server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        for column in ("sound_alerts", "language", "email"):
            batch.drop_column(column)
    with op.batch_alter_table("assistance_requests") as batch:
        for column in ("mail_error", "mailed_at", "mail_attempts", "mail_attempt_at",
                       "escalated_at"):
            batch.drop_column(column)

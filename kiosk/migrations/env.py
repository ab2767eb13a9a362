"""Alembic environment: uses the engine handed over by kiosk.store.migrate."""

from alembic import context
from sqlalchemy import create_engine, text

from kiosk.store.tables import Base

# Any fixed number: the key of the lock that lets one process at a time migrate.
MIGRATION_LOCK = 4_042_026

config = context.config
# kiosk.store.migrate hands its engine over; alembic run on its own builds one from the URL.
engine = config.attributes.get("engine") or create_engine(
    config.get_main_option("sqlalchemy.url", ""))

with engine.begin() as connection:
    if connection.dialect.name == "postgresql":
        # Several server processes start at once and each upgrades first: the others wait
        # here until the first has committed, then find nothing left to do. The lock ends
        # with the transaction.
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()

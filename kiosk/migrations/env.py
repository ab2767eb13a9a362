"""Alembic environment: uses the engine handed over by kiosk.store.migrate."""

from alembic import context
from sqlalchemy import create_engine

from kiosk.store.tables import Base

config = context.config
engine = config.attributes.get("engine") or create_engine(config.get_main_option("sqlalchemy.url"))

with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()

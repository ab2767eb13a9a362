"""Schema changes as Alembic migrations, run from code so set-up needs no alembic.ini."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

from sqlalchemy import Engine

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config(engine: Engine) -> Config:
    # Imported here: a serving stand never migrates, and alembic costs 11 MB of memory.
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("kiosk") / "migrations"))
    # Alembic's options go through configparser, for which % starts an interpolation: a
    # percent-encoded password (p%40ss for p@ss) must reach it as %%.
    url = engine.url.render_as_string(hide_password=False).replace("%", "%%")
    config.set_main_option("sqlalchemy.url", url)
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)

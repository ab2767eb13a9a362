"""A second app on a test app's SQLite file that may read it but not write it, as a
server whose database file or folder it may not write would be."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from kiosk import create_app
from tests.conftest import DEMO_NOW


def read_only_app(folder: Path) -> Flask:
    """The app of ``folder/kiosk.sqlite3``, opened read-only (SQLite's ``mode=ro``).

    Made without ``make_app``, which would give a new database a copy of a prepared one:
    this one must stay the file the writable app uses."""
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "NOW": DEMO_NOW,
                      "DATABASE_URL": f"sqlite:///file:{folder / 'kiosk.sqlite3'}"
                                      "?mode=ro&uri=true",
                      "SPEECH_CACHE_DIR": str(folder / "speech")})
    app.instance_path = str(folder)
    return app

"""New SQLite databases for test apps, copied from one made once per test process.

Migrating a new database and publishing the demo content into it is the same work for
every test; it is done once (per content, per process) into a template file, which each
test then gets a copy of. The copy is made only where a test asks for a new database: a
SQLite file that does not exist yet. PostgreSQL databases are still migrated and
published into by each test, so both paths keep running on every test run."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
import threading
from pathlib import Path

from sqlalchemy.engine import make_url

from kiosk.clock import system_clock
from kiosk.content import Content
from kiosk.store import ContentStore
from kiosk.store.reading import content_hash

AUTHOR = "tests"

_lock = threading.Lock()
_folder: Path | None = None
_templates: dict[str, Path] = {}


def _new_sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL whose database does not exist yet, else None."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database \
            or parsed.database == ":memory:":
        return None
    path = Path(parsed.database)
    return None if path.exists() else path


def _template(content: Content | None, now: dt.datetime | None) -> Path:
    global _folder
    key = "empty" if content is None else content_hash(content.model_dump(mode="json"))
    # The publication carries its moment: the app's pinned NOW, as if the app published.
    key += "-" + (now.strftime("%Y%m%dT%H%M%S") if now else "real")
    with _lock:
        if key in _templates:
            return _templates[key]
        if _folder is None:
            _folder = Path(tempfile.mkdtemp(prefix="kiosk-tests-db-"))
        path = _folder / f"{key}.sqlite3"
        clock = (lambda: now) if now is not None else system_clock
        content_store = ContentStore(f"sqlite:///{path}", clock)
        try:
            content_store.upgrade()
            if content is not None:
                content_store.publisher.publish(content, author=AUTHOR)
        finally:
            content_store.dispose()
        # Everything into the main file, so that copying it alone copies the database.
        with sqlite3.connect(path) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()
        _templates[key] = path
        return path


def copy_to(url: str, content: Content | None, now: dt.datetime | None = None) -> bool:
    """Make the new SQLite database at ``url`` a migrated one holding ``content``, by copy.

    False when ``url`` is not a new SQLite file: the caller migrates and publishes."""
    target = _new_sqlite_file(url)
    if target is None:
        return False
    shutil.copyfile(_template(content, now), target)
    return True


def remove() -> None:
    """Remove the templates (at the end of the test process)."""
    global _folder
    with _lock:
        if _folder is not None:
            shutil.rmtree(_folder, ignore_errors=True)
        _folder = None
        _templates.clear()

"""Shared fixtures: a real app on a real database, loaded with the demo content.

Most tests use a SQLite file. Tests of the storage take ``database_url`` and run twice:
on SQLite and on a throwaway PostgreSQL server started once for the whole run (once per
worker under pytest-xdist).

Two rules hold for every test (the hooks at the end): each HTML page a test app renders
is checked (tests/rendered_pages.py), and only tests marked ``browser`` may start
Chromium (tests/chromium_guard.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kiosk import create_app
from kiosk.content import Content, load_file
from kiosk.store import store
from tests import compiled_templates, database_templates, postgresql
from tests.postgresql import PostgresServer
from tests.rendered_pages import PageCheck
from tests.suite_rules import SuiteRules

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "content" / "demo.yaml"
# Friday 27 November 2026, 11:00 in Almaty: the demo's announcements are current.
DEMO_NOW = dt.datetime(2026, 11, 27, 6, 0, tzinfo=dt.UTC)
BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def demo_content() -> Content:
    return load_file(DEMO)


def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"


@pytest.fixture(scope="session")
def postgresql_server() -> Iterator[PostgresServer]:
    problem = postgresql.missing()
    if problem:
        # A failure, not a skip: `make test` promises both databases.
        pytest.fail(problem, pytrace=False)
    server = PostgresServer.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgresql_url(postgresql_server: PostgresServer) -> Iterator[str]:
    """A new, empty PostgreSQL database for this test alone."""
    with postgresql_server.database() as url:
        yield url


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty database: the test runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path)
    return request.getfixturevalue("postgresql_url")


# For tests that take ``database_url`` (through a fixture) but test nothing of the storage.
SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def make_app(tmp_path: Path, content: Content | None, database_url: str | None = None,
             **overrides: object) -> Flask:
    """The kiosk app on a migrated database holding ``content`` (or none), as a test wants
    it; every HTML page it sends is checked (tests/rendered_pages.py)."""
    url = database_url or sqlite_url(tmp_path)
    settings = {
        "TESTING": True,
        "DATABASE_URL": url,
        "SECRET_KEY": "test",
        "NOW": DEMO_NOW,
        "SPEECH_CACHE_DIR": str(tmp_path / "speech"),
        # A stand's offline copy fetches every page and its speech in the background:
        # the tests of offline stands turn it on (tests/browser/test_offline.py).
        "OFFLINE": "off",
        **overrides,
    }
    copied = database_templates.copy_to(url, content, settings["NOW"])
    app = create_app(settings)
    app.instance_path = str(tmp_path)
    app.jinja_env.bytecode_cache = compiled_templates.SHARED
    app.wsgi_app = PageCheck(app.wsgi_app)  # type: ignore[method-assign]
    if not copied:
        content_store = store(app)
        content_store.upgrade()
        if content is not None:
            content_store.publisher.publish(content, author="tests")
    return app


@pytest.fixture
def app(tmp_path: Path, demo_content: Content) -> Flask:
    return make_app(tmp_path, demo_content)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


# -- rules for every test (tests/suite_rules.py) -------------------------------------------

def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(SuiteRules(config), "kiosk-suite-rules")

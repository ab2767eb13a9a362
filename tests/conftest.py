"""Shared fixtures: a real app on a real database, loaded with the demo content.

Most tests use a SQLite file. Tests of the storage take ``database_url`` and run twice:
on SQLite and on a throwaway PostgreSQL server started once for the whole run."""

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
from tests import postgresql
from tests.postgresql import PostgresServer

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
    settings = {
        "TESTING": True,
        "DATABASE_URL": database_url or sqlite_url(tmp_path),
        "SECRET_KEY": "test",
        "NOW": DEMO_NOW,
        "SPEECH_CACHE_DIR": str(tmp_path / "speech"),
        **overrides,
    }
    app = create_app(settings)
    app.instance_path = str(tmp_path)
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

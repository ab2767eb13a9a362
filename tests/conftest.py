"""Shared fixtures: a real app on a real SQLite file, loaded with the demo content."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kiosk import create_app
from kiosk.content import Content, load_file
from kiosk.store import store

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "content" / "demo.yaml"
# Friday 27 November 2026, 11:00 in Almaty: the demo's announcements are current.
DEMO_NOW = dt.datetime(2026, 11, 27, 6, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="session")
def demo_content() -> Content:
    return load_file(DEMO)


def make_app(tmp_path: Path, content: Content | None, **overrides: object) -> Flask:
    settings = {
        "TESTING": True,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'kiosk.sqlite3'}",
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
        content_store.publish(content, author="tests")
    return app


@pytest.fixture
def app(tmp_path: Path, demo_content: Content) -> Flask:
    return make_app(tmp_path, demo_content)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()

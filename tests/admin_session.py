"""Signing in to the admin area of a test app and submitting its forms."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import inspect, select
from werkzeug.datastructures import MultiDict
from werkzeug.test import TestResponse

from kiosk.auth import Role, add_user
from kiosk.store import store
from kiosk.store.database import session_now
from kiosk.store.tables import User
from tests.admin_forms import filled

PASSWORD = "correct horse battery"

Person = tuple[str, Role, str, tuple[str, ...]]  # user name, role, display name, locations
PEOPLE: tuple[Person, ...] = (
    ("admin", Role.ADMINISTRATOR, "Ерлан Админов", ()),
    ("editor", Role.EDITOR, "Айгерім Редакторова", ("main",)),
    ("editor2", Role.EDITOR, "Бауыржан Екінші", ("main",)),
    ("other", Role.EDITOR, "Other Editor", ("reception",)),
    ("auditor", Role.AUDITOR, "Auditor", ()),
)

# Hashing a password with argon2 takes a fifth of a second of processor time (seconds on a
# busy machine), and five accounts for each test made it the largest cost of the admin
# tests. Each account is made by add_user once per test process; later tests get a copy of
# its row, whose hash is the real argon2 hash add_user made of the same password.
_rows: dict[tuple[Person, str], dict[str, Any]] = {}
_NOT_COPIED = {"id", "created_at"}


def add_users(app: Flask, people: Iterable[Person], password: str = PASSWORD) -> None:
    with store(app).sessions.begin() as db:
        for person in people:
            made = _rows.get((person, password))
            if made is not None:
                db.add(User(**made, created_at=session_now(db)))
                continue
            username, role, display_name, locations = person
            add_user(db, username, password, role, display_name, locations)
            user = db.scalar(select(User).where(User.username == username))
            _rows[person, password] = {
                column.key: getattr(user, column.key) for column in inspect(User).column_attrs
                if column.key not in _NOT_COPIED}


def add_accounts(app: Flask) -> None:
    add_users(app, PEOPLE)


def csrf(client: FlaskClient, path: str = "/admin/login") -> str:
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html)[1]


def signed_in(app: Flask, username: str | None, lang: str = "en") -> FlaskClient:
    client = app.test_client()
    client.get(f"/admin/language/{lang}")
    if username:
        response = client.post("/admin/login", data={
            "username": username, "password": PASSWORD, "csrf_token": csrf(client)})
        assert response.status_code == 302, response.get_data(as_text=True)
    return client


def edit(client: FlaskClient, location: str, section: str, changes: dict[str, str],
         op: str = "save") -> TestResponse:
    path = f"/admin/locations/{location}/edit/{section}"
    html = client.get(path).get_data(as_text=True)
    return client.post(path, data=MultiDict(filled(html, changes, op)))


def post(client: FlaskClient, path: str, data: dict[str, str] | None = None,
         page: str = "/admin/") -> TestResponse:
    return client.post(path, data={"csrf_token": csrf(client, page), **(data or {})})


# The day before the tests' "now" (Friday 27 November 2026): a publication on time.
INFORMATION_ON = "2026-11-26"


def publish(client: FlaskClient, location: str, data: dict[str, str] | None = None,
            information_on: str = INFORMATION_ON) -> TestResponse:
    """Publish the editor's draft of ``location``, saying when its information changed."""
    return post(client, f"/admin/locations/{location}/publish",
                {"information_on": information_on, **(data or {})},
                page=f"/admin/locations/{location}/")

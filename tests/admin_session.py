"""Signing in to the admin area of a test app and submitting its forms."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict
from werkzeug.test import TestResponse

from kiosk.auth import Role, add_user
from kiosk.store import store
from tests.admin_forms import filled

PASSWORD = "correct horse battery"


def add_accounts(app: Flask) -> None:
    with store(app).sessions.begin() as db:
        add_user(db, "admin", PASSWORD, Role.ADMINISTRATOR, "Ерлан Админов")
        add_user(db, "editor", PASSWORD, Role.EDITOR, "Айгерім Редакторова", ("main",))
        add_user(db, "editor2", PASSWORD, Role.EDITOR, "Бауыржан Екінші", ("main",))
        add_user(db, "other", PASSWORD, Role.EDITOR, "Other Editor", ("reception",))
        add_user(db, "auditor", PASSWORD, Role.AUDITOR, "Auditor")


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

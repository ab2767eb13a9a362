"""Sessions that end (issue 13): a copied admin cookie stops working once its account
signs out, gets a new password, is disabled or is signed out everywhere; no session
lives for ever however busy; the cookie is Secure behind the trusted proxy; and a locked
account is answered exactly like an unknown name."""

from __future__ import annotations

import datetime as dt
import http.client
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

import kiosk.auth.credentials as credentials
from kiosk.auth import MAX_FAILURES, end_sessions, set_disabled, set_password
from kiosk.cli import _proxy_options
from kiosk.content import Content
from kiosk.store import store
from kiosk.threaded_server import serving
from tests.admin_session import PASSWORD, add_accounts, csrf, post, signed_in
from tests.conftest import DEMO_NOW, SQLITE_ONLY, make_app, sqlite_url


@pytest.fixture
def app(tmp_path: Path, demo_content: Content, database_url: str) -> Flask:
    app = make_app(tmp_path, demo_content, database_url)
    add_accounts(app)
    return app


def copy_of(app: Flask, client: FlaskClient) -> FlaskClient:
    """Another browser holding a copy of ``client``'s session cookie."""
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value)
    return thief


def is_signed_in(client: FlaskClient) -> bool:
    response = client.get("/admin/")
    assert response.status_code in (200, 302)
    return response.status_code == 200


def test_signing_out_ends_copies_of_the_session(app: Flask) -> None:
    editor = signed_in(app, "editor")
    copy = copy_of(app, editor)
    assert is_signed_in(copy)
    post(editor, "/admin/logout")
    assert not is_signed_in(copy)
    assert not is_signed_in(editor)


def test_every_session_of_the_account_ends_with_it(app: Flask) -> None:
    desk, laptop = signed_in(app, "editor"), signed_in(app, "editor")
    other = signed_in(app, "editor2")
    post(laptop, "/admin/logout")
    assert not is_signed_in(desk)
    assert is_signed_in(other)  # another account's sessions are its own
    assert is_signed_in(signed_in(app, "editor"))  # signing in again works at once


# What ends an account's sessions, as the storage does it (on SQLite and PostgreSQL).
ENDINGS = {
    "a new password": lambda db: set_password(db, "editor", PASSWORD),  # even the same one
    "disabling": lambda db: set_disabled(db, "editor"),
    "sign out everywhere": lambda db: end_sessions(db, "editor"),
}


@pytest.mark.parametrize("ending", ENDINGS)
def test_a_new_password_disabling_and_sign_out_everywhere_end_copies(app: Flask,
                                                                     ending: str) -> None:
    copy = copy_of(app, signed_in(app, "editor"))
    assert is_signed_in(copy)
    with store(app).sessions.begin() as db:
        ENDINGS[ending](db)
    assert not is_signed_in(copy)


def kiosk_command(tmp_path: Path, *args: str, stdin: str = "") -> None:
    env = {**os.environ, "KIOSK_DATABASE_URL": sqlite_url(tmp_path), "KIOSK_SECRET_KEY": "test",
           "KIOSK_SPEECH_CACHE_DIR": str(tmp_path / "speech")}
    done = subprocess.run([sys.executable, "-m", "kiosk.cli", *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr


@SQLITE_ONLY
@pytest.mark.parametrize("command", [
    ("user", "set-password", "editor"), ("user", "disable", "editor"),
    ("user", "sign-out", "editor")])
def test_the_user_commands_end_the_accounts_sessions(app: Flask, tmp_path: Path,
                                                     command: tuple[str, ...]) -> None:
    copy = copy_of(app, signed_in(app, "editor"))
    assert is_signed_in(copy)
    kiosk_command(tmp_path, *command, stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert not is_signed_in(copy)
    if command[1] == "disable":
        kiosk_command(tmp_path, "user", "disable", "--enable", "editor")
        assert not is_signed_in(copy)  # enabled again, the old sessions stay ended


@SQLITE_ONLY
def test_administrators_sign_an_account_out_everywhere(app: Flask) -> None:
    editor = signed_in(app, "editor")
    admin = signed_in(app, "admin")
    page = admin.get("/admin/accounts").get_data(as_text=True)
    assert "Sign out everywhere<span class=\"visually-hidden\">: editor</span>" in page
    response = post(admin, "/admin/accounts/editor/sign-out", page="/admin/accounts")
    assert response.status_code == 303
    assert "editor is signed out everywhere" in admin.get("/admin/accounts").get_data(
        as_text=True)
    assert not is_signed_in(editor)
    assert is_signed_in(admin)
    assert post(admin, "/admin/accounts/nobody/sign-out",
                page="/admin/accounts").status_code == 404
    # Signing oneself out everywhere signs out this browser too.
    post(admin, "/admin/accounts/admin/sign-out", page="/admin/accounts")
    assert not is_signed_in(admin)


@SQLITE_ONLY
def test_only_administrators_see_the_accounts(app: Flask) -> None:
    assert signed_in(app, "editor").get("/admin/accounts").status_code == 403
    assert signed_in(app, "auditor").get("/admin/accounts").status_code == 403
    nav = signed_in(app, "admin").get("/admin/").get_data(as_text=True)
    assert 'href="/admin/accounts"' in nav


@SQLITE_ONLY
def test_no_session_outlives_its_absolute_lifetime(app: Flask) -> None:
    editor = signed_in(app, "editor")
    hours = app.config["ADMIN_SESSION_MAX_HOURS"]
    # Busy all along: each request renews the cookie, yet the session ends on time.
    for minutes in range(0, hours * 60, 25):
        app.config["NOW"] = DEMO_NOW + dt.timedelta(minutes=minutes)
        assert is_signed_in(editor), minutes
    app.config["NOW"] = DEMO_NOW + dt.timedelta(hours=hours, minutes=1)
    assert not is_signed_in(editor)


@SQLITE_ONLY
def test_the_cookie_renews_its_idle_lifetime_and_says_so(app: Flask) -> None:
    editor = signed_in(app, "editor")
    cookie = editor.get("/admin/").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Expires=" in cookie
    assert "Secure" not in cookie  # plain http straight to the server (a stand's LAN)


@contextmanager
def waitress(app: Flask, trusted_proxy: str) -> Iterator[int]:
    with serving(app, threads=2, **_proxy_options(trusted_proxy)) as port:
        yield port


def session_cookies(port: int, proto: str | None) -> list[str]:
    """Sign in over the real server as nginx would pass it on; every Set-Cookie seen."""
    headers = {"X-Forwarded-Proto": proto} if proto else {}
    seen: list[str] = []
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", "/admin/login", headers=headers)
        response = connection.getresponse()
        html = response.read().decode()
        cookie = response.getheader("Set-Cookie")
        seen.append(cookie)
        token = re.search(r'name="csrf_token" value="([^"]+)"', html)[1]
        body = f"username=editor&password={PASSWORD.replace(' ', '+')}&csrf_token={token}"
        connection.request("POST", "/admin/login", body=body, headers={
            **headers, "Cookie": cookie.split(";")[0],
            "Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        response.read()
        assert response.status == 302
        seen.append(response.getheader("Set-Cookie"))
    finally:
        connection.close()
    return seen


@SQLITE_ONLY
def test_the_cookie_is_secure_behind_the_trusted_proxy_only(app: Flask) -> None:
    with waitress(app, "127.0.0.1") as port:
        assert all("; Secure" in cookie for cookie in session_cookies(port, "https"))
        assert not any("Secure" in cookie for cookie in session_cookies(port, "http"))
    # Without a trusted proxy nobody's X-Forwarded-Proto is believed.
    with waitress(app, "") as port:
        assert not any("Secure" in cookie for cookie in session_cookies(port, "https"))


def refusal(client: FlaskClient, username: str) -> tuple[int, str]:
    response = client.post("/admin/login", data={
        "username": username, "password": PASSWORD, "csrf_token": csrf(client)})
    return response.status_code, response.get_data(as_text=True).replace(username, "NAME")


def lock(app: Flask, username: str) -> None:
    client = app.test_client()
    for _ in range(MAX_FAILURES):
        client.post("/admin/login", data={"username": username, "password": "wrong " * 3,
                                          "csrf_token": csrf(client)})


def test_a_locked_account_is_answered_like_an_unknown_name(app: Flask) -> None:
    lock(app, "editor")
    client = signed_in(app, None)
    locked, unknown = refusal(client, "editor"), refusal(client, "ghost1")
    assert locked[0] == unknown[0] == 401
    assert locked[1] == unknown[1]
    with store(app).sessions.begin() as db:
        set_disabled(db, "editor2")
    assert refusal(client, "editor2") == unknown  # and so is a disabled one
    # The answer still tells a person what to do: the rule, not the state.
    assert "After 5 wrong passwords in a row, signing in is blocked for 15 min" in unknown[1]


@SQLITE_ONLY
def test_every_refusal_costs_one_argon2_check(app: Flask,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # The time of an answer is that of one argon2 check, whoever is asked for: a locked
    # account is not answered faster than an unknown name (make bench-signin times them).
    checks: list[str] = []
    real = credentials.password_matches

    def counted(password_hash: str, password: str) -> bool:
        checks.append(password_hash)
        return real(password_hash, password)

    lock(app, "editor")
    with store(app).sessions.begin() as db:
        set_disabled(db, "editor2")
    monkeypatch.setattr(credentials, "password_matches", counted)
    client = signed_in(app, None)
    for username in ("editor", "editor2", "ghost1", "other"):  # locked, disabled, unknown
        checks.clear()
        password = "not the password" if username == "other" else PASSWORD
        response = client.post("/admin/login", data={
            "username": username, "password": password, "csrf_token": csrf(client)})
        assert response.status_code == 401
        assert len(checks) == 1, username

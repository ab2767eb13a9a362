"""The admin area's door: accounts, argon2 passwords, sign-in, lock-out, CSRF and roles."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import threading
import time
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from kiosk.auth import MAX_FAILURES, AccountError, Role, add_user, set_password
from kiosk.cli import main
from kiosk.store import store
from kiosk.store.tables import User
from tests import in_process
from tests.admin_session import add_users
from tests.conftest import SQLITE_ONLY, make_app
from tests.stand_credentials import stand_client

PASSWORD = "correct horse battery"


def add_people(app: Flask) -> Flask:
    add_users(app, [("admin", Role.ADMINISTRATOR, "Ерлан <b>Admin</b>", ()),
                    ("editor", Role.EDITOR, "Айгерім", ("reception",)),
                    ("auditor", Role.AUDITOR, "Auditor", ())], PASSWORD)
    return app


@pytest.fixture
def app(tmp_path: Path, demo_content, database_url: str) -> Flask:
    return add_people(make_app(tmp_path, demo_content, database_url))


def token(client: FlaskClient, path: str = "/admin/login") -> str:
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html)[1]


def sign_in(client: FlaskClient, username: str, password: str = PASSWORD):
    return client.post("/admin/login", data={"username": username, "password": password,
                                              "csrf_token": token(client)})


@SQLITE_ONLY
def test_anonymous_visitors_are_sent_to_sign_in(app: Flask) -> None:
    response = app.test_client().get("/admin/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/login?next=/admin/"


def test_passwords_are_stored_as_argon2_hashes(app: Flask) -> None:
    with store(app).sessions() as db:
        hashes = list(db.scalars(select(User.password_hash)))
    assert all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)


def test_sign_in_shows_the_locations_the_role_allows(app: Flask) -> None:
    client = app.test_client()
    assert sign_in(client, "editor").headers["Location"] == "/admin/"
    html = client.get("/admin/").get_data(as_text=True)
    assert "(reception)" in html and "(main)" not in html
    auditor = app.test_client()
    sign_in(auditor, "auditor")
    html = auditor.get("/admin/").get_data(as_text=True)
    assert "(reception)" in html and "(main)" in html


@SQLITE_ONLY
def test_names_are_escaped(app: Flask) -> None:
    client = app.test_client()
    sign_in(client, "admin")
    html = client.get("/admin/").get_data(as_text=True)
    assert "Ерлан &lt;b&gt;Admin&lt;/b&gt;" in html and "<b>Admin</b>" not in html


def test_a_wrong_password_says_nothing_about_which_part_was_wrong(app: Flask) -> None:
    client = app.test_client()
    wrong_password = sign_in(client, "editor", "not the password")
    unknown_user = sign_in(client, "nobody", PASSWORD)
    assert wrong_password.status_code == unknown_user.status_code == 401
    text = "Пайдаланушы аты немесе құпиясөз қате."
    assert text in wrong_password.get_data(as_text=True)
    assert text in unknown_user.get_data(as_text=True)


def test_repeated_failures_lock_the_account(app: Flask) -> None:
    client = app.test_client()
    for _ in range(MAX_FAILURES):
        sign_in(client, "editor", "guess guess guess")
    locked = sign_in(client, "editor")  # even the right password, while locked
    assert locked.status_code == 401
    assert "15" in locked.get_data(as_text=True)
    with store(app).sessions.begin() as db:
        set_password(db, "editor", "another good password")  # an administrator helps
    assert sign_in(client, "editor", "another good password").status_code == 302


def test_wrong_passwords_sent_at_once_to_several_servers_all_count(
        app: Flask, tmp_path: Path, demo_content, database_url: str) -> None:
    # Two server processes on one database, and a guesser who sends to both in parallel.
    other = make_app(tmp_path, demo_content, database_url)
    clients = [server.test_client() for server in (app, other) for _ in range(3)]
    tokens = [token(client) for client in clients]
    barrier = threading.Barrier(len(clients))
    answers: list[int] = []

    def guess(client: FlaskClient, csrf: str) -> None:
        barrier.wait()
        answers.append(client.post("/admin/login", data={
            "username": "editor", "password": "guess guess guess", "csrf_token": csrf,
        }).status_code)

    threads = [threading.Thread(target=guess, args=pair) for pair in zip(clients, tokens,
                                                                          strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert answers == [401] * len(clients)
    locked = sign_in(other.test_client(), "editor")  # the right password, too late
    assert locked.status_code == 401 and "15" in locked.get_data(as_text=True)


def test_a_name_too_long_for_the_database_is_refused(app: Flask) -> None:
    with pytest.raises(AccountError, match="at most 120 characters"), \
            store(app).sessions.begin() as db:
        add_user(db, "bolat", PASSWORD, Role.AUDITOR, "Б" * 121)
    with store(app).sessions.begin() as db:
        assert add_user(db, "bolat", PASSWORD, Role.AUDITOR, "Б" * 120).username == "bolat"


def test_a_disabled_account_cannot_sign_in(app: Flask) -> None:
    with store(app).sessions.begin() as db:
        db.scalar(select(User).where(User.username == "auditor")).disabled = True
    assert sign_in(app.test_client(), "auditor").status_code == 401


@SQLITE_ONLY
def test_forms_without_the_csrf_token_are_refused(app: Flask) -> None:
    client = app.test_client()
    refused = client.post("/admin/login", data={"username": "admin", "password": PASSWORD})
    assert refused.status_code == 400
    assert "Пішіннің мерзімі өтіп кетті" in refused.get_data(as_text=True)
    sign_in(client, "admin")
    assert client.post("/admin/logout").status_code == 400  # signing out needs it too
    assert client.get("/admin/").status_code == 200


@SQLITE_ONLY
def test_signing_out_ends_the_session(app: Flask) -> None:
    client = app.test_client()
    sign_in(client, "admin")
    client.post("/admin/logout", data={"csrf_token": token(client, "/admin/")})
    assert client.get("/admin/").status_code == 302


@SQLITE_ONLY
def test_next_never_leads_off_the_site(app: Flask) -> None:
    client = app.test_client()
    response = client.post("/admin/login?next=//evil.example/x",
                           data={"username": "admin", "password": PASSWORD,
                                 "csrf_token": token(client)})
    assert response.headers["Location"] == "/admin/"


def test_sessions_expire(tmp_path: Path, demo_content) -> None:
    app = make_app(tmp_path, demo_content, ADMIN_SESSION_MINUTES=20)
    assert app.permanent_session_lifetime == dt.timedelta(minutes=20)
    with store(app).sessions.begin() as db:
        add_user(db, "admin", PASSWORD, Role.ADMINISTRATOR)
    client = app.test_client()
    cookie = sign_in(client, "admin").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Expires=" in cookie


@SQLITE_ONLY
def test_stand_pages_never_set_cookies(client: FlaskClient) -> None:
    for path in ("/stand/main/kk/", "/stand/main/ru/hours", "/stand/main/kk/live.json"):
        assert "Set-Cookie" not in client.get(path).headers


def kiosk(tmp_path: Path, url: str, *args: str, stdin: str = ""
          ) -> subprocess.CompletedProcess[str]:
    env = {"KIOSK_DATABASE_URL": url, "KIOSK_SECRET_KEY": "test",
           "KIOSK_SPEECH_CACHE_DIR": str(tmp_path / "speech")}
    return in_process.run(main, "kiosk", *args, env=env, stdin=stdin)


# The commands' storage is tested in-process on both databases above.
@SQLITE_ONLY
def test_user_commands(tmp_path: Path, database_url: str) -> None:
    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return kiosk(tmp_path, database_url, *args, stdin=stdin)

    assert run("setup").returncode == 0
    twice = f"{PASSWORD}\n{PASSWORD}\n"
    added = run("user", "add", "aigerim", "--role", "editor", "--location", "main",
                "--name", "Айгерім", stdin=twice)
    assert added.returncode == 0, added.stderr
    no_location = run("user", "add", "bolat", "--role", "editor", stdin=twice)
    assert "an editor needs at least one location" in no_location.stderr
    weak = run("user", "add", "bolat", "--role", "auditor", stdin="short\nshort\n")
    assert "at least 12 characters" in weak.stderr
    long_name = run("user", "add", "bolat", "--role", "auditor", "--name", "Б" * 121,
                    stdin=twice)
    assert "the name must have at most 120 characters" in long_name.stderr
    assert run("user", "disable", "aigerim").returncode == 0
    listing = run("user", "list").stdout
    assert "aigerim\teditor [main]\tАйгерім (disabled)" in listing
    assert "bolat" not in listing
    changed = run("user", "set-password", "aigerim", stdin=twice)
    assert "is changed" in changed.stdout
    assert "no user" in run("user", "disable", "nobody").stderr


def stands_table(client: FlaskClient) -> dict[str, str]:
    html = client.get("/admin/").get_data(as_text=True)
    rows = re.findall(r'<tr class="stand-(\w+)">\s*<th scope="row">([\w-]+)</th>', html)
    return {stand: state for state, stand in rows}


def test_stands_report_through_their_polls(app: Flask, demo_content) -> None:
    import kiosk.store.reading as db

    admin = app.test_client()
    sign_in(admin, "admin")
    # No stand has a credential yet: none can check in, and the overview says why.
    assert stands_table(admin) == {"main-hall": "unregistered", "main-floor2": "unregistered",
                                   "reception-lobby": "unregistered"}
    stand = stand_client(app, "main-hall")
    assert stands_table(admin)["main-hall"] == "never"
    stand.get("/stand/main/kk/live.json?stand=main-hall")
    stand.get("/stand/main/kk/live.json?stand=somebody-elses")  # not a stand of main: ignored
    assert stands_table(admin)["main-hall"] == "ok"
    assert "somebody-elses" not in stands_table(admin)
    # A new publication: until the stand polls again it shows older information.
    org = demo_content.organisation
    renamed = org.model_copy(update={"name": org.name.model_copy(update={"en": "Renamed"})})
    store(app).publisher.publish(demo_content.model_copy(update={"organisation": renamed}), "t")
    db.CHECK_SECONDS, saved = 0.0, db.CHECK_SECONDS
    try:
        assert stands_table(admin)["main-hall"] == "outdated"
        # The stand is told of the new revision once its pages are rendered (in the
        # background, a moment): its polls then report it.
        deadline = time.monotonic() + 20
        while True:
            stand.get("/stand/main/kk/live.json?stand=main-hall")
            if stands_table(admin)["main-hall"] == "ok":
                break
            assert time.monotonic() < deadline, "the stand never reported the new revision"
            time.sleep(0.05)
    finally:
        db.CHECK_SECONDS = saved


def test_a_stand_that_stops_polling_is_flagged(tmp_path: Path, demo_content,
                                               database_url: str) -> None:
    from tests.conftest import DEMO_NOW

    app = make_app(tmp_path, demo_content, database_url)
    with store(app).sessions.begin() as db:
        add_user(db, "editor", PASSWORD, Role.EDITOR, "Editor", ("main",))
    stand_client(app, "main-floor2").get("/stand/main/kk/live.json?stand=main-floor2")
    app.config["NOW"] = DEMO_NOW + dt.timedelta(minutes=6)
    editor = app.test_client()
    sign_in(editor, "editor")
    table = stands_table(editor)
    # Only their location; main-hall was never registered.
    assert table == {"main-hall": "unregistered", "main-floor2": "silent"}
    html = editor.get("/admin/").get_data(as_text=True)
    assert "5 минуттан астам байланыс жоқ" in html

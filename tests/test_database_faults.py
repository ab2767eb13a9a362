"""Clear states for the database (issue 13, item 5): `kiosk serve` refuses a database
that is missing or cannot be reached instead of creating an empty one; a read-only or
unreachable database gets an honest page in the admin area (and on the sign-in form)
instead of "the stand is being updated"; stands keep showing what they had when the
database goes away after start."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text

from kiosk.content import Content
from kiosk.store import reading as store_reading
from kiosk.store import store
from tests.admin_session import PASSWORD, add_accounts, csrf, signed_in
from tests.conftest import make_app
from tests.postgresql import PostgresServer, free_port
from tests.read_only import read_only_app
from tests.served import KIOSK, Served, kiosk_env, set_up

BEING_UPDATED = "being updated"


def serve_once(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KIOSK, "serve", "--port", str(free_port())], env=env,
                          capture_output=True, text=True, timeout=120)


def test_serve_on_a_missing_database_says_to_run_setup_and_creates_nothing(tmp_path: Path
                                                                           ) -> None:
    run = serve_once(kiosk_env(tmp_path))
    assert run.returncode == 1
    assert (f"Error: there is no database at {tmp_path / 'kiosk.sqlite3'}: run 'kiosk setup' "
            "to create it") in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "kiosk.sqlite3").exists(), "no empty database was made"


def test_serve_on_a_database_without_tables_says_to_run_setup(tmp_path: Path) -> None:
    sqlite3.connect(tmp_path / "kiosk.sqlite3").close()
    run = serve_once(kiosk_env(tmp_path))
    assert run.returncode == 1
    assert "the database has no tables yet: run 'kiosk setup'" in run.stderr


def test_serve_on_a_database_server_that_does_not_answer_says_so(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://kiosk:secret@127.0.0.1:{free_port()}/kiosk"
    run = serve_once(kiosk_env(tmp_path, KIOSK_DATABASE_URL=url))
    assert run.returncode == 1
    assert "cannot be opened (unreachable:" in run.stderr and "Connection refused" in run.stderr
    assert "check KIOSK_DATABASE_URL" in run.stderr
    assert "secret" not in run.stderr, "the password is not printed"


@pytest.fixture
def writable(tmp_path: Path, demo_content: Content) -> Flask:
    app = make_app(tmp_path, demo_content)
    add_accounts(app)
    return app


def read_only(tmp_path: Path) -> Flask:
    """A second server on the same SQLite file, which it may read but not write."""
    return read_only_app(tmp_path)


def session_of(source: FlaskClient, target: Flask) -> FlaskClient:
    client = target.test_client()
    cookie = source.get_cookie("session")
    assert cookie is not None
    client.set_cookie("session", cookie.value)
    return client


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "The server can read its database but may not write to it, so nothing was saved, "
           "and signing in, which records each attempt, does not work either."),
    ("ru", "Сервер может читать свою базу данных, но не может в неё писать"),
])
def test_signing_in_to_a_read_only_database_says_why_it_fails(
        tmp_path: Path, writable: Flask, lang: str, expected: str) -> None:
    client = signed_in(read_only(tmp_path), None, lang)
    response = client.post("/admin/login", data={
        "username": "admin", "password": PASSWORD, "csrf_token": csrf(client)})
    page = response.get_data(as_text=True)
    assert response.status_code == 503
    assert expected in page
    assert 'id="login-error"' in page and 'name="password"' in page, "the form stays"
    assert BEING_UPDATED not in page


def test_saving_to_a_read_only_database_gets_an_honest_page(tmp_path: Path,
                                                            writable: Flask) -> None:
    client = session_of(signed_in(writable, "admin", "kk"), read_only(tmp_path))
    assert client.get("/admin/locations/main/").status_code == 200, "reading works"
    response = client.post("/admin/locations/main/reviewed/hours",
                           data={"csrf_token": csrf(client, "/admin/locations/main/")})
    page = response.get_data(as_text=True)
    assert response.status_code == 503
    assert "<h1>Өзгерістерді қазір сақтау мүмкін емес</h1>" in page
    assert "ештеңе сақталған жоқ" in page and BEING_UPDATED not in page
    assert read_only(tmp_path).test_client().get("/stand/main/kk/").status_code == 200


def test_a_read_only_postgresql_database_is_told_apart(tmp_path: Path, demo_content: Content,
                                                       postgresql_url: str) -> None:
    app = make_app(tmp_path, demo_content, postgresql_url)
    add_accounts(app)
    name = postgresql_url.rsplit("/", 1)[1]
    with create_engine(postgresql_url, isolation_level="AUTOCOMMIT").connect() as admin:
        admin.execute(text(f"ALTER DATABASE {name} SET default_transaction_read_only = on"))
    store(app).dispose()  # new connections take the setting
    client = signed_in(app, None)
    response = client.post("/admin/login", data={
        "username": "admin", "password": PASSWORD, "csrf_token": csrf(client)})
    assert response.status_code == 503
    assert "may not write to it" in response.get_data(as_text=True)
    store(app).dispose()


def test_stands_keep_their_content_when_the_database_goes_away(
        tmp_path: Path, demo_content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "db"
    folder.mkdir()
    app = make_app(tmp_path, demo_content, f"sqlite:///{folder / 'kiosk.sqlite3'}")
    add_accounts(app)
    stand = app.test_client()
    before = stand.get("/stand/main/kk/hours").get_data(as_text=True)
    assert "09:00" in before
    # The database disappears: its folder is gone, so it cannot even be opened again.
    folder.rename(tmp_path / "gone")
    store(app).dispose()
    monkeypatch.setattr(store_reading, "CHECK_SECONDS", 0.0)  # every request looks again

    again = stand.get("/stand/main/kk/hours")
    assert again.status_code == 200 and again.get_data(as_text=True) == before
    # A page not shown before is made from the content kept in memory.
    other = stand.get("/stand/main/ru/contacts?mode=large")
    assert other.status_code == 200 and "+7" in other.get_data(as_text=True)
    live = stand.get("/stand/main/kk/live.json")
    assert live.status_code in (200, 503)  # a stand's poll ignores a failure
    # The admin area says what is wrong instead of "being updated".
    admin = app.test_client().get("/admin/login")
    assert admin.status_code == 200, "signing in is reached; it fails when sent"
    client = signed_in(app, None, "en")
    response = client.post("/admin/login", data={"username": "admin", "password": PASSWORD,
                                                 "csrf_token": csrf(client)})
    page = response.get_data(as_text=True)
    assert response.status_code == 503
    assert "The server cannot open its database" in page and BEING_UPDATED not in page
    assert "KIOSK_DATABASE_URL" in page


def test_a_central_server_keeps_its_stands_when_postgresql_stops(tmp_path: Path) -> None:
    database = PostgresServer.start()
    try:
        # The escalation watcher looks every second, so it surely meets the outage.
        env = kiosk_env(tmp_path, KIOSK_DATABASE_URL=database.url("postgres"),
                        KIOSK_SPEECH_WARM="0", KIOSK_CALL_ESCALATION_CHECK_SECONDS="1")
        set_up(env)
        with Served(env, tmp_path / "server.log") as server:
            status, before = server.get("/stand/main/kk/hours")
            assert status == 200
            database.stop()
            time.sleep(store_reading.CHECK_SECONDS + 1)  # past the moment the stands look again
            for path in ("/stand/main/kk/hours", "/stand/main/ru/hours",
                         "/stand/main/en/contacts?mode=contrast"):
                status, body = server.get(path)
                assert status == 200, (path, server.log()[-3000:])
                assert b"koktal" in body.lower() or b"Koktal" in body
            status, body = server.get("/admin/login")
            assert status == 200
            assert server.alive()
            log = server.log()
        assert log.count("the database cannot be read; stands keep the content they have") == 1
        assert log.count("calls for assistance cannot be escalated: the database cannot be "
                         "reached (unreachable)") == 1, log[-3000:]
        assert re.search(r"Traceback", log) is None, log[-3000:]
    finally:
        database.stop()

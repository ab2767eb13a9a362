"""Stands that prove who they are: a credential issued when a stand is registered (in the
admin area or with ``kiosk stand``), shown once and kept as a hash; check-ins without it
are not the stand's; calls and feedback without it are the location's; revoking it ends
all that at once."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from kiosk.content import Content
from kiosk.public.stand_identity import COOKIE
from kiosk.store import assistance_desk, stand_credentials, stand_register, store
from kiosk.store.credentials import secret_hash
from kiosk.store.tables import StandContact, StandCredential
from tests.admin_session import add_accounts, csrf, signed_in
from tests.conftest import DEMO_NOW, make_app, sqlite_url
from tests.stand_credentials import register, stand_client

LIVE = "/stand/main/kk/live.json?stand=main-hall"


@pytest.fixture
def app(tmp_path: Path, demo_content: Content) -> Flask:
    app = make_app(tmp_path, demo_content)
    add_accounts(app)
    return app


def contacts(app: Flask) -> set[str]:
    return set(stand_register(app).contacts())


def test_a_forged_check_in_is_not_recorded(app: Flask) -> None:
    """The issue's curl: an id in the address made a stand that never ran look alive."""
    app.test_client().get(LIVE)
    forged = app.test_client()
    forged.set_cookie(COOKIE, "main-hall." + "A" * 43)
    forged.get(LIVE)
    assert contacts(app) == set()
    register(app, "main-hall")
    forged.get(LIVE)  # a made-up secret still proves nothing
    # Another stand's genuine credential is no use for this one.
    borrowed = stand_client(app, "main-floor2")
    borrowed.get(LIVE)
    assert contacts(app) == set()
    stand_client(app, "main-hall").get(LIVE)
    assert contacts(app) == {"main-hall"}


def forget_contacts(app: Flask) -> None:
    """Start again from no stand heard from (and none written lately)."""
    with store(app).sessions.begin() as db:
        db.query(StandContact).delete()
    stand_register(app)._written.clear()


def test_a_revoked_credential_no_longer_checks_in(app: Flask) -> None:
    stand = stand_client(app, "main-hall")
    stand.get(LIVE)
    assert contacts(app) == {"main-hall"}
    forget_contacts(app)
    assert stand_credentials(app).revoke("main", "main-hall", "admin", DEMO_NOW)
    stand.get(LIVE)
    assert contacts(app) == set()


def test_registering_again_replaces_the_credential(app: Flask) -> None:
    old = stand_client(app, "main-hall")
    new = stand_client(app, "main-hall")  # registers again: the first one stops working
    old.get(LIVE)
    assert contacts(app) == set()
    new.get(LIVE)
    assert contacts(app) == {"main-hall"}


def test_the_secret_is_kept_as_a_hash_only(app: Flask) -> None:
    secret = register(app, "main-hall")
    assert len(secret) >= 43
    with store(app).sessions() as db:
        kept = db.scalar(select(StandCredential.secret_hash))
    assert kept == secret_hash(secret) and secret not in kept


def test_a_call_without_the_credential_is_the_locations(app: Flask) -> None:
    """A visitor is never refused help, but nobody can make a call come from a stand."""
    from tests.test_assistance import press

    anonymous = app.test_client()
    assert press(anonymous, stand="main-hall").status_code == 303
    [call] = assistance_desk(app).open_calls()
    assert (call.location_id, call.stand_id) == ("main", "")
    admin = signed_in(app, "admin")
    html = admin.get("/admin/assistance").get_data(as_text=True)
    assert "Stand not identified (no stand credential): somewhere at this location" in html
    assert press(stand_client(app, "main-hall"), stand="main-hall").status_code == 303
    assert {c.stand_id for c in assistance_desk(app).open_calls()} == {"", "main-hall"}


def test_feedback_without_the_credential_is_the_locations(app: Flask) -> None:
    from kiosk.store import engagement_register
    from kiosk.store.engagement import FeedbackFilter
    from tests.test_engagement import choose

    assert choose(app.test_client()).status_code == 303
    assert choose(stand_client(app, "main-hall")).status_code == 303
    stands = sorted(item.stand_id for item in
                    engagement_register(app).feedback_list(FeedbackFilter()))
    assert stands == ["", "main-hall"]


def registered_url(html: str) -> str:
    return re.search(r"STAND_URL=(\S+?)</code>", html)[1].replace("&amp;", "&")


def test_the_admin_area_registers_shows_once_and_revokes(app: Flask) -> None:
    admin = signed_in(app, "admin")
    listing = admin.get("/admin/stands").get_data(as_text=True)
    assert listing.count("Not registered: its check-ins are not recorded") == 3
    token = csrf(admin, "/admin/stands")
    response = admin.post("/admin/stands/main/main-hall/register", data={"csrf_token": token})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    start = registered_url(response.get_data(as_text=True))
    assert start.startswith("http://localhost/stand/main/?stand=main-hall#stand-key=")
    # The setting and the file are named as code, never as words to translate.
    assert ("Set it as <code>STAND_URL</code> in the stand's settings file "
            "(<code>~/.config/kiosk-stand.env</code>)") in response.get_data(as_text=True)
    secret = start.partition("#stand-key=")[2]
    # Shown once: the list says it is registered, never what it is.
    listing = admin.get("/admin/stands").get_data(as_text=True)
    assert secret not in listing and listing.count("Not registered") == 2
    stand = app.test_client()
    stand.set_cookie(COOKIE, f"main-hall.{secret}")
    stand.get(LIVE)
    assert contacts(app) == {"main-hall"}
    revoked = admin.post("/admin/stands/main/main-hall/revoke", data={"csrf_token": token})
    assert revoked.status_code == 303
    assert "is revoked" in admin.get("/admin/stands").get_data(as_text=True)
    assert not stand_credentials(app).verify("main", "main-hall", secret)


def test_only_managers_of_the_location_register_its_stands(app: Flask) -> None:
    auditor = signed_in(app, "auditor")
    assert auditor.get("/admin/stands").status_code == 403
    other = signed_in(app, "other")  # an editor of reception only
    listing = other.get("/admin/stands").get_data(as_text=True)
    assert "reception-lobby" in listing and "main-hall" not in listing
    token = csrf(other, "/admin/stands")
    assert other.post("/admin/stands/main/main-hall/register",
                      data={"csrf_token": token}).status_code == 403
    assert other.post("/admin/stands/main/no-such/register",
                      data={"csrf_token": token}).status_code == 404
    assert other.post("/admin/stands/reception/reception-lobby/register",
                      data={}).status_code == 400  # no CSRF token
    assert stand_credentials(app).active() == {}


def test_kiosk_stand_registers_lists_and_revokes(tmp_path: Path, demo_content: Content) -> None:
    make_app(tmp_path, demo_content)
    env = {**os.environ, "KIOSK_DATABASE_URL": sqlite_url(tmp_path), "KIOSK_SECRET_KEY": "t",
           "KIOSK_SPEECH_CACHE_DIR": str(tmp_path / "speech")}

    def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "kiosk.cli", "stand", *args],
                              capture_output=True, text=True, env=env, timeout=60)

    unknown = kiosk("register", "main", "main-hal")
    assert unknown.returncode == 1
    assert "no stand 'main-hal' at location 'main'; its stands are: main main-hall, " \
           "main main-floor2, reception reception-lobby" in unknown.stderr
    made = kiosk("register", "main", "main-hall", "--server", "http://stands.local:8080")
    assert made.returncode == 0, made.stderr
    assert re.fullmatch(r"STAND_URL=http://stands\.local:8080/stand/main/\?stand=main-hall"
                        r"#stand-key=[A-Za-z0-9_-]{43}\n", made.stdout)
    listed = kiosk("list").stdout
    assert re.search(r"main\tmain-hall\tregistered \S+ \S+ UTC by kiosk stand register", listed)
    assert "main\tmain-floor2\tnot registered" in listed
    assert kiosk("revoke", "main", "main-hall").returncode == 0
    again = kiosk("revoke", "main", "main-hall")
    assert again.returncode == 1 and "has no credential to revoke" in again.stderr

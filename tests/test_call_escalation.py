"""Calls nobody acknowledges in time escalate: shown to administrators on the admin
pages, and mailed once to every administrator with an address, through a real SMTP
server on 127.0.0.1, in each administrator's language."""

from __future__ import annotations

import datetime as dt
import subprocess
import time
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from kiosk.admin.escalation import MAX_MAIL_ATTEMPTS, check_once, mail_lease, start_watch
from kiosk.auth import Role, add_user, alert_recipients, set_alert_contact
from kiosk.config import SettingError, load
from kiosk.content import Content
from kiosk.store import assistance_desk, store
from kiosk.store.assistance import Need
from kiosk.store.tables import AssistanceRequest
from tests.conftest import DEMO_NOW, make_app
from tests.smtp_server import SmtpServer, smtp  # noqa: F401 - the fixture
from tests.test_admin import PASSWORD, kiosk, sign_in

MINUTES = 3


@pytest.fixture
def mailing_app(tmp_path: Path, demo_content: Content, smtp: SmtpServer) -> Flask:  # noqa: F811
    smtp.inbox.clear()
    app = make_app(tmp_path, demo_content, CALL_ESCALATE_MINUTES=MINUTES,
                   PUBLIC_URL="https://stands.example.kz", **smtp.settings())
    with store(app).sessions.begin() as db:
        add_user(db, "admin", PASSWORD, Role.ADMINISTRATOR, "Ерлан")
        set_alert_contact(db, "admin", "erlan@example.kz", "ru")
        add_user(db, "boss", PASSWORD, Role.ADMINISTRATOR, "Boss")
        set_alert_contact(db, "boss", "boss@example.kz", "kk")
        add_user(db, "silent", PASSWORD, Role.ADMINISTRATOR, "Без почты")
        add_user(db, "editor", PASSWORD, Role.EDITOR, "Editor", ("main",))
        set_alert_contact(db, "editor", "editor@example.kz", "en")
    return app


def call_at(app: Flask, moment: dt.datetime, stand: str = "main-hall") -> int:
    call, _ = assistance_desk(app).call("main", stand, Need.INTERPRETER, "kk", moment)
    return call.id


def later(app: Flask, minutes: float) -> None:
    app.config["NOW"] = DEMO_NOW + dt.timedelta(minutes=minutes)


def row(app: Flask, call_id: int) -> AssistanceRequest:
    with store(app).sessions() as db:
        found = db.scalar(select(AssistanceRequest).where(AssistanceRequest.id == call_id))
        assert found is not None
        return found


def test_a_call_unanswered_in_time_is_mailed_once_to_each_administrator(
        mailing_app: Flask, smtp: SmtpServer) -> None:  # noqa: F811
    call_id = call_at(mailing_app, DEMO_NOW)
    later(mailing_app, MINUTES - 0.5)
    assert check_once(mailing_app).escalated == []
    later(mailing_app, MINUTES)
    result = check_once(mailing_app)
    assert (result.escalated, result.mailed) == ([call_id], [call_id])
    messages = smtp.inbox.wait_for(2)
    by_to = {message["To"]: message for message in messages}
    # Administrators with an address only, each in their own language; not the editor.
    assert set(by_to) == {"erlan@example.kz", "boss@example.kz"}
    russian = by_to["erlan@example.kz"]
    # CLDR keeps "2026 г." together with a narrow no-break space.
    body = russian.get_content().replace("\u202f", " ")
    assert russian["Content-Language"] == "ru"
    assert russian["From"] == "stands@example.kz"
    assert "не принят в течение 3 минут." in body
    assert "Что нужно: Сурдопереводчик" in body
    assert "Стенд: 1 этаж, фойе у входа (main-hall)" in body
    assert "Место: Здание акимата" in body
    assert "main-hall" in russian["Subject"]
    # 06:00 UTC is 11:00 in Almaty.
    assert "Отправлен: 27 ноября 2026 г., 11:00 (Asia/Almaty)" in body
    assert f"https://stands.example.kz/admin/assistance#call-{call_id}" in body
    kazakh = by_to["boss@example.kz"].get_content()
    assert by_to["boss@example.kz"]["Content-Language"] == "kk"
    assert kazakh.startswith("Келушінің көмек шақыруы 3 минут бойы қабылданған жоқ.")
    assert "Қажеттілік: Ымдау тілінің аудармашысы" in kazakh
    assert row(mailing_app, call_id).mailed_at == DEMO_NOW + dt.timedelta(minutes=MINUTES)
    # Looking again, later, sends nothing more.
    later(mailing_app, MINUTES + 30)
    assert check_once(mailing_app).mailed == []
    assert len(smtp.inbox.messages) == 2


def test_two_server_processes_send_one_email_between_them(
        tmp_path: Path, database_url: str, demo_content: Content,
        smtp: SmtpServer) -> None:  # noqa: F811
    """On SQLite and on PostgreSQL (a central server runs several processes)."""
    smtp.inbox.clear()
    apps = []
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
        apps.append(make_app(tmp_path / name, demo_content if not apps else None,
                             database_url, CALL_ESCALATE_MINUTES=MINUTES, **smtp.settings()))
    with store(apps[0]).sessions.begin() as db:
        add_user(db, "admin", PASSWORD, Role.ADMINISTRATOR, "Admin")
        set_alert_contact(db, "admin", "admin@example.kz")
    call_at(apps[0], DEMO_NOW)
    for app in apps:
        later(app, MINUTES + 1)
    first, second = check_once(apps[0]), check_once(apps[1])
    assert len(first.escalated) + len(second.escalated) == 1
    assert len(first.mailed) + len(second.mailed) == 1
    later(apps[1], MINUTES + 60)
    assert check_once(apps[1]).mailed == []
    assert len(smtp.inbox.wait_for(1)) == 1
    time.sleep(0.5)  # nothing else arrives
    assert len(smtp.inbox.messages) == 1


def test_an_acknowledged_or_withdrawn_call_does_not_escalate(
        mailing_app: Flask, smtp: SmtpServer) -> None:  # noqa: F811
    answered = call_at(mailing_app, DEMO_NOW, "main-hall")
    withdrawn = call_at(mailing_app, DEMO_NOW, "second-floor")
    desk = assistance_desk(mailing_app)
    desk.acknowledge(answered, "admin", DEMO_NOW + dt.timedelta(minutes=1))
    desk.close(withdrawn, "", DEMO_NOW + dt.timedelta(minutes=2))
    later(mailing_app, MINUTES + 5)
    assert check_once(mailing_app).escalated == []
    assert smtp.inbox.messages == []


def test_a_refused_email_is_recorded_and_sent_again_after_the_lease(
        mailing_app: Flask, smtp: SmtpServer) -> None:  # noqa: F811
    call_id = call_at(mailing_app, DEMO_NOW)
    smtp.inbox.refuse = True
    later(mailing_app, MINUTES)
    assert check_once(mailing_app).failed == [call_id]
    assert "451" in (row(mailing_app, call_id).mail_error or "")
    smtp.inbox.refuse = False
    later(mailing_app, MINUTES + 0.5)
    assert check_once(mailing_app).mailed == []  # the lease of the failed attempt holds
    lease_minutes = mail_lease(mailing_app).total_seconds() / 60
    later(mailing_app, MINUTES + lease_minutes)
    assert check_once(mailing_app).mailed == [call_id]
    assert len(smtp.inbox.wait_for(2)) == 2
    assert row(mailing_app, call_id).mail_error is None
    assert row(mailing_app, call_id).mail_attempts == 2


def test_without_any_address_the_reason_is_recorded_and_attempts_end(
        tmp_path: Path, demo_content: Content, smtp: SmtpServer) -> None:  # noqa: F811
    app = make_app(tmp_path, demo_content, CALL_ESCALATE_MINUTES=MINUTES, **smtp.settings())
    call_id = call_at(app, DEMO_NOW)
    lease = mail_lease(app).total_seconds() / 60
    for attempt in range(MAX_MAIL_ATTEMPTS + 2):
        later(app, MINUTES + attempt * lease)
        check_once(app)
    found = row(app, call_id)
    assert "no enabled administrator has an e-mail address" in (found.mail_error or "")
    assert found.mail_attempts == MAX_MAIL_ATTEMPTS
    assert found.mailed_at is None


def test_an_unreachable_mail_server_is_recorded_in_words(
        tmp_path: Path, demo_content: Content, smtp: SmtpServer) -> None:  # noqa: F811
    settings = {**smtp.settings(), "SMTP_PORT": 1}
    app = make_app(tmp_path, demo_content, CALL_ESCALATE_MINUTES=MINUTES, **settings)
    with store(app).sessions.begin() as db:
        add_user(db, "admin", PASSWORD, Role.ADMINISTRATOR, "Admin")
        set_alert_contact(db, "admin", "admin@example.kz")
    call_id = call_at(app, DEMO_NOW)
    later(app, MINUTES)
    assert check_once(app).failed == [call_id]
    assert "cannot reach the mail server 127.0.0.1:1" in (row(app, call_id).mail_error or "")


def test_the_watcher_mails_with_no_staff_page_open(
        mailing_app: Flask, smtp: SmtpServer) -> None:  # noqa: F811
    call_at(mailing_app, DEMO_NOW)
    later(mailing_app, MINUTES + 1)
    watch = start_watch(mailing_app, interval=0.2)
    try:
        assert len(smtp.inbox.wait_for(2)) == 2
    finally:
        watch.stop()
    assert not watch.thread.is_alive()


def test_zero_minutes_never_escalates(tmp_path: Path, demo_content: Content,
                                      smtp: SmtpServer) -> None:  # noqa: F811
    app = make_app(tmp_path, demo_content, CALL_ESCALATE_MINUTES=0, **smtp.settings())
    call_at(app, DEMO_NOW)
    later(app, 600)
    assert check_once(app).escalated == []


def test_administrators_see_the_escalation_on_every_admin_page(mailing_app: Flask) -> None:
    call_at(mailing_app, DEMO_NOW)
    later(mailing_app, MINUTES + 2)
    client = mailing_app.test_client()
    sign_in(client, "admin")
    page = client.get("/admin/").get_data(as_text=True)
    assert 'class="escalation"' in page
    assert "/admin/assistance" in page
    listing = client.get("/admin/assistance.json").get_json()
    assert listing["open"][0]["escalated"] is True
    editor = mailing_app.test_client()
    sign_in(editor, "editor")
    # Editors see the call marked on the assistance page, not the banner of administrators.
    assert 'class="escalation"' not in editor.get("/admin/").get_data(as_text=True)


@pytest.mark.parametrize(("environ", "message"), [
    ({"KIOSK_SMTP_HOST": "mail.example.kz"}, "KIOSK_SMTP_FROM"),
    ({"KIOSK_SMTP_HOST": "mail.example.kz", "KIOSK_SMTP_FROM": "a@example.kz",
      "KIOSK_SMTP_USER": "a", "KIOSK_SMTP_STARTTLS": "0"}, "clear text"),
    ({"KIOSK_SMTP_HOST": "mail.example.kz", "KIOSK_SMTP_FROM": "a@example.kz",
      "KIOSK_SMTP_STARTTLS": "2"}, "KIOSK_SMTP_STARTTLS must be 1"),
])
def test_smtp_settings_that_cannot_work_are_refused(environ: dict[str, str],
                                                    message: str) -> None:
    with pytest.raises(SettingError, match=message):
        load(environ)


def test_administrators_are_given_an_address_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return kiosk(tmp_path, url, *args, stdin=stdin)

    assert run("setup").returncode == 0
    twice = f"{PASSWORD}\n{PASSWORD}\n"
    added = run("user", "add", "erlan", "--role", "administrator", "--email",
                "erlan@example.kz", "--language", "ru", stdin=twice)
    assert added.returncode == 0, added.stderr
    assert run("user", "add", "bolat", "--role", "administrator", stdin=twice).returncode == 0
    assert "bolat receives escalated calls at bolat@example.kz" in run(
        "user", "set-email", "bolat", "bolat@example.kz").stdout
    typo = run("user", "set-email", "bolat", "bolat.example.kz")
    assert typo.returncode == 1
    assert '"bolat.example.kz" is not an e-mail address' in typo.stderr
    assert "no user" in run("user", "set-email", "nobody", "a@example.kz").stderr
    app = make_app(tmp_path / "read", None, url)
    with store(app).sessions() as db:
        recipients = alert_recipients(db, "kk")
    assert [(r.username, r.email, r.language) for r in recipients] == [
        ("bolat", "bolat@example.kz", "kk"), ("erlan", "erlan@example.kz", "ru")]

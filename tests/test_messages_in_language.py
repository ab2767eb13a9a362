"""Every message in the reader's language: the admin area's pages, the refusals of a
content import, the e-mail of an escalated call and the checklist import of the scanner,
rendered in Kazakh and Russian, hold no English words (tests/english_words.py).

The ``kiosk`` command speaks English: it is for whoever runs the server (docs/admin.md)."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest
from flask import Flask

from kiosk.admin.call_mail import compose
from kiosk.content import Content
from kiosk.store import assistance_desk
from kiosk.store.assistance import Need
from tests.admin_session import add_accounts
from tests.conftest import DEMO_NOW, make_app
from tests.english_words import english_in_page, english_in_text
from tests.test_admin import sign_in
from tests.test_admin_routes import SAMPLE

LANGS = ("kk", "ru")
# The test accounts' names (tests/admin_session.py) are data the pages show, not messages.
TEST_ACCOUNT_NAMES = frozenset({"other"})
# A content file with a fault of each common kind, as managers make them.
BAD_CONTENT = """\
organisation:
  id: koktal-akimat
  name: {kk: Әкімдік}
  website: ftp://example.kz
  unknown_field: 1
locations:
  main:
    name: {kk: Ғимарат, ru: Здание}
    address: {kk: Мекенжай, ru: Адрес}
    hours:
      monday: [{start: "9.00", end: "18:00"}]
    stands:
      - id: Main Hall
"""


def test_the_finder_finds_english_and_leaves_codes_and_names() -> None:
    found = english_in_page('<p>Сұрау <code>the_field</code> was not saved</p>'
                            '<p lang="en">Connection refused</p>'
                            '<button aria-label="Close the list">×</button>', "sample")
    assert [hit.word for hit in found] == ["was", "not", "saved", "Close", "the", "list"]
    assert english_in_text("Стенд main-hall, https://a.kz/the/page, WCAG 2.2, eOtinish",
                           "sample") == []


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, demo_content: Content) -> Flask:
    app = make_app(tmp_path_factory.mktemp("languages"), demo_content)
    add_accounts(app)
    desk = assistance_desk(app)
    desk.call("main", "main-hall", Need.ENTRANCE, "ru", DEMO_NOW - dt.timedelta(minutes=30))
    late, _ = desk.call("main", "main-floor2", Need.FORM, "kk",
                        DEMO_NOW - dt.timedelta(minutes=10))
    desk.escalate_due(DEMO_NOW, DEMO_NOW)
    desk.mail_failed(late.id, "cannot reach the mail server 127.0.0.1:1: Connection refused")
    return app


def admin_pages(app: Flask) -> list[str]:
    paths = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if (rule.endpoint.startswith("admin.") and "GET" in (rule.methods or ())
                    and not rule.rule.endswith((".csv", ".json", ".yaml"))
                    and rule.endpoint != "admin.static"):
                paths.append(rule.build({name: SAMPLE[name] for name in rule.arguments}
                                        )[1])
    return sorted(set(paths))


@pytest.mark.parametrize("lang", LANGS)
def test_admin_pages_hold_no_english(app: Flask, lang: str) -> None:
    client = app.test_client()
    sign_in(client, "admin")
    client.get(f"/admin/language/{lang}")
    found = []
    for path in admin_pages(app):
        response = client.get(path)
        if response.status_code == 200 and response.mimetype == "text/html":
            found += english_in_page(response.get_data(as_text=True), f"{lang} {path}",
                                     TEST_ACCOUNT_NAMES)
    assert not found, "\n".join(hit.describe() for hit in found)


@pytest.mark.parametrize("lang", LANGS)
def test_a_refused_content_import_is_explained_in_the_managers_language(
        app: Flask, lang: str) -> None:
    client = app.test_client()
    sign_in(client, "admin")
    client.get(f"/admin/language/{lang}")
    page = client.get("/admin/content").get_data(as_text=True)
    token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    response = client.post("/admin/content", data={
        "csrf_token": token, "file": (io.BytesIO(BAD_CONTENT.encode()), "akimat.yaml")},
        content_type="multipart/form-data")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "<code>locations.main.hours.monday[0].start</code>" in html
    found = english_in_page(html, f"{lang} import")
    assert not found, "\n".join(hit.describe() for hit in found)


@pytest.mark.parametrize("lang", LANGS)
def test_the_email_of_an_escalated_call_holds_no_english(app: Flask, lang: str) -> None:
    call = assistance_desk(app).open_calls()[0]
    with app.app_context():
        mail = compose(call, lang, ["admin@example.kz"], DEMO_NOW)
    found = english_in_text(mail.subject + "\n" + mail.body, f"{lang} e-mail")
    assert not found, "\n".join(hit.describe() for hit in found)


@pytest.mark.parametrize("lang", LANGS)
def test_checklist_import_speaks_the_language_asked_for(tmp_path: Path, lang: str) -> None:
    bad = tmp_path / "stand.yaml"
    bad.write_text("label: Стенд\nauditor: ''\ndate: 2999-01-01\nitems:\n  kiosk-zzz: {}\n",
                   encoding="utf-8")
    result = subprocess.run(
        [str(Path(sys.executable).parent / "a11y-audit"), "checklist", "import", str(bad),
         "--stand", "http://127.0.0.1:8080/stand/main/", "--lang", lang,
         "--db", str(tmp_path / "audit.sqlite3")],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    # The file's own name and the stand's address are codes, not words.
    said = result.stderr.replace(str(bad), "ФАЙЛ")
    found = english_in_text(said, f"{lang} checklist import")
    assert not found, "\n".join(hit.describe() for hit in found)


@pytest.mark.parametrize("lang", LANGS)
def test_checklist_refusals_of_a_stand_speak_the_language_asked_for(
        tmp_path: Path, lang: str) -> None:
    """A mistyped stand id, a location with several stands and an address nothing is
    known about: each refusal in the auditor's language."""
    from accessibility_audit.store import Store
    from tests.checklist_data import filled_template
    from tests.stand_audits import add_stand_audit, manifest

    base = "http://127.0.0.1:8080/stand/main/"
    db = tmp_path / "audit.sqlite3"
    store = Store(str(db))
    add_stand_audit(store, f"{base}?stand=main-hall", broken=False,
                    matrix=manifest(f"{base}?stand=main-hall",
                                    stands=("main-hall", "main-floor2")))
    store.close()
    good = tmp_path / "stand.yaml"
    good.write_text(filled_template(), encoding="utf-8")
    script = str(Path(sys.executable).parent / "a11y-audit")
    for args in (["import", str(good), "--stand", f"{base}?stand=main-hal"],
                 ["import", str(good), "--stand", base],
                 ["report", "--stand", "http://127.0.0.1:8080/stand/nope/"]):
        result = subprocess.run([script, "checklist", *args, "--lang", lang, "--db", str(db)],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 1, result.stderr
        assert base in result.stderr or "nope" in result.stderr
        found = english_in_text(result.stderr.replace(str(good), "ФАЙЛ"),
                                f"{lang} checklist {args[0]}")
        assert not found, "\n".join(hit.describe() for hit in found)

"""Every message in the reader's language: the admin area's pages, the refusals of a
content import, the e-mail of an escalated call and the checklist import of the scanner,
rendered in Kazakh and Russian, hold no English words (tests/english_words.py).

The ``kiosk`` command speaks English: it is for whoever runs the server (docs/admin.md)."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from flask import Flask

from kiosk.admin.call_mail import compose
from kiosk.content import Content
from kiosk.store import assistance_desk
from kiosk.store.assistance import Need
from tests.admin_session import PEOPLE, add_accounts
from tests.conftest import DEMO_NOW, make_app
from tests.english_words import english_in_page, english_in_text
from tests.in_process import a11y_audit
from tests.test_admin import sign_in
from tests.test_admin_routes import SAMPLE

LANGS = ("kk", "ru")

def data_words(content: Content) -> frozenset[str]:
    """The test accounts' user and display names (tests/admin_session.py) and the
    content's location and stand ids: data the pages show, not messages."""
    names = [part for username, _role, display, _places in PEOPLE
             for part in (username, display)]
    names += [*content.locations, *(stand.id for location in content.locations.values()
                                    for stand in location.stands)]
    return frozenset(word.lower() for name in names for word in re.findall(r"[A-Za-z]+", name))

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
def test_admin_pages_hold_no_english(app: Flask, demo_content: Content, lang: str) -> None:
    client = app.test_client()
    sign_in(client, "admin")
    client.get(f"/admin/language/{lang}")
    found = []
    for path in admin_pages(app):
        response = client.get(path)
        if response.status_code == 200 and response.mimetype == "text/html":
            found += english_in_page(response.get_data(as_text=True), f"{lang} {path}",
                                     data_words(demo_content))
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
    # The file's own values, quoted back to the manager, are data.
    found = english_in_page(html, f"{lang} import", frozenset({"main", "hall"}))
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
    result = a11y_audit("checklist", "import", str(bad),
                        "--stand", "http://127.0.0.1:8080/stand/main/", "--lang", lang,
                        "--db", str(tmp_path / "audit.sqlite3"))
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
    for args in (["import", str(good), "--stand", f"{base}?stand=main-hal"],
                 ["import", str(good), "--stand", base],
                 ["report", "--stand", "http://127.0.0.1:8080/stand/nope/"]):
        result = a11y_audit("checklist", *args, "--lang", lang, "--db", str(db))
        assert result.returncode == 1, result.stderr
        assert base in result.stderr or "nope" in result.stderr
        found = english_in_text(result.stderr.replace(str(good), "ФАЙЛ"),
                                f"{lang} checklist {args[0]}")
        assert not found, "\n".join(hit.describe() for hit in found)


def citations() -> frozenset[str]:
    """The checklist's references name their sources as cited (EN 301 549, Section 508,
    RNIB's Tiresias PAT checklist): titles, not messages."""
    from accessibility_audit.physical.model import checklist

    return frozenset(word.lower() for item in checklist().items
                     for reference in item.references
                     for word in re.findall(r"[A-Za-z]+", reference.clause))


@pytest.fixture(scope="module")
def audits(app: Flask) -> dict[str, str]:
    """The auditors' area with something on every page: scans of three sites, a stand
    certified from complete evidence, one audited in part, and a checklist."""
    from accessibility_audit.physical import storage
    from accessibility_audit.physical.stands import stand_key
    from kiosk.audit.storage import audit_store
    from tests.audit_data import demo_scans
    from tests.checklist_data import TODAY, everything_passing
    from tests.stand_audits import add_stand_audit, manifest

    scans = audit_store(app)
    demo_scans(scans)
    whole = "http://127.0.0.1:8080/stand/main/?stand=main-hall"
    partial = "http://127.0.0.1:8080/stand/main/?stand=main-floor2"
    storage.save(scans, storage.Submission(whole, "Зал", "А", TODAY, "yaml",
                                           answers=everything_passing()), DEMO_NOW)
    add_stand_audit(scans, whole, broken=True)
    add_stand_audit(scans, partial, broken=False,
                    matrix=replace(manifest(partial), pages=("hours", "home")))
    return {"whole": whole, "partial": partial, "whole_key": stand_key(whole),
            "partial_key": stand_key(partial)}


def audit_pages(app: Flask, audits: dict[str, str]) -> list[str]:
    from kiosk.audit.figures import Subject
    from tests.audit_data import AKIMAT

    samples = {"key": Subject(AKIMAT, "site").key, "finding_id": "image-alt",
               "photo_id": 1}
    paths = ["/audit/stands", f"/audit/stands/{audits['whole_key']}",
             f"/audit/stands/{audits['partial_key']}",
             f"/audit/stands/{audits['whole_key']}/checklist"]
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if (rule.endpoint.startswith("audit.") and "GET" in (rule.methods or ())
                    and not rule.rule.endswith((".csv", ".json", ".yaml"))
                    and "photo_id" not in rule.arguments and rule.endpoint != "audit.static"):
                paths.append(rule.build({name: samples[name] for name in rule.arguments})[1])
    return sorted(set(paths))


@pytest.mark.parametrize("lang", LANGS)
def test_the_auditors_pages_hold_no_english(app: Flask, audits: dict[str, str],
                                            demo_content: Content, lang: str) -> None:
    """The auditors' reports: the dashboard, the sites and the stands' certificates,
    complete, partial and failing. What the scanned sites and axe-core say is theirs
    (marked lang="en"), not a message of ours."""
    client = app.test_client()
    sign_in(client, "auditor")
    client.get(f"/admin/language/{lang}")
    found, shown = [], 0
    for path in audit_pages(app, audits):
        response = client.get(path)
        if response.status_code == 200 and response.mimetype == "text/html":
            shown += 1
            found += english_in_page(response.get_data(as_text=True), f"{lang} {path}",
                                     data_words(demo_content) | citations())
    assert shown >= 8
    assert not found, "\n".join(hit.describe() for hit in found)


@pytest.mark.parametrize("lang", LANGS)
def test_the_scanners_reports_speak_the_language_asked_for(tmp_path: Path,
                                                          lang: str) -> None:
    """The checklist template, a stand's joined report (certificate and checklist) and the
    HTML report of its stand audit, each with --lang: no English but codes, names of the
    sources cited, and what axe-core and the audited pages say (marked lang="en")."""
    from accessibility_audit.physical import storage
    from accessibility_audit.store import Store
    from tests.checklist_data import TODAY, everything_passing
    from tests.stand_audits import add_stand_audit

    stand = "http://127.0.0.1:8080/stand/main/?stand=main-hall"
    db = tmp_path / "audit.sqlite3"
    store = Store(str(db))
    storage.save(store, storage.Submission(stand, "Зал", "А", TODAY, "yaml",
                                           answers=everything_passing()), DEMO_NOW)
    scan = add_stand_audit(store, stand, broken=True)
    store.close()
    runs = {"checklist template": ["checklist", "template"],
            "checklist report": ["checklist", "report", "--stand", stand],
            "html report": ["report", str(scan), "--format", "html"]}
    for name, args in runs.items():
        result = a11y_audit(*args, "--lang", lang, *(("--db", str(db))
                                                      if name != "checklist template" else ()))
        assert result.returncode in (0, 2), result.stderr
        assert result.stdout.strip(), name
        if name == "html report":
            found = english_in_page(result.stdout, f"{lang} {name}", citations())
        elif name == "checklist template":
            # Its keys and the answers it takes (yes, no, n/a) are the file's format;
            # its comments are what the auditor reads.
            comments = "\n".join(line for line in result.stdout.splitlines()
                                  if line.lstrip().startswith("#"))
            found = english_in_text(comments, f"{lang} {name}",
                                    citations() | {"answer", "yes", "no", "file"})
        else:
            found = english_in_text(result.stdout + result.stderr, f"{lang} {name}",
                                    citations())
        assert not found, "\n".join(hit.describe() for hit in found)

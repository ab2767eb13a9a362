"""The stands in the auditors' area: the list, the checklist form (errors, photos, YAML
upload) and the joined stand report, as an auditor uses them."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from PIL import Image
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from accessibility_audit.physical.model import checklist
from accessibility_audit.physical.stands import stand_key
from accessibility_audit.store import tables as t
from kiosk.audit.storage import audit_store
from kiosk.content import Content
from tests.admin_forms import filled
from tests.admin_session import add_accounts, csrf, signed_in
from tests.checklist_data import filled_template, jpeg_with_location
from tests.conftest import make_app
from tests.html_checks import page_facts
from tests.stand_audits import add_stand_audit

STAND = "http://127.0.0.1:8080/stand/main/?stand=main-hall"
KEY = stand_key(STAND)
NOW = dt.datetime(2026, 11, 27, 6, tzinfo=dt.UTC)


@pytest.fixture
def app(tmp_path: Path, demo_content: Content) -> Flask:
    app = make_app(tmp_path, demo_content)
    add_accounts(app)
    return app


@pytest.fixture
def auditor(app: Flask) -> FlaskClient:
    return signed_in(app, "auditor")



def add_stand(client: FlaskClient, url: str = "http://127.0.0.1:8080/stand/main?stand=main-hall",
              label: str = "Entrance hall, left"):
    return client.post("/audit/stands", data={"csrf_token": csrf(client, "/audit/stands"),
                                              "url": url, "label": label})


def form_data(client: FlaskClient, changes: dict[str, str]) -> MultiDict:
    html = client.get(f"/audit/stands/{KEY}/checklist").get_data(as_text=True)
    return MultiDict(filled(html, changes, form_class="checklist-form"))


def rows(app: Flask, table: t.Table) -> int:
    with audit_store(app).engine.connect() as db:
        return db.scalar(select(func.count()).select_from(table))


@pytest.mark.parametrize("path", ["/audit/stands", f"/audit/stands/{KEY}",
                                  f"/audit/stands/{KEY}/checklist"])
def test_only_auditors_and_administrators_see_the_stands(app: Flask, path: str) -> None:
    add_stand(signed_in(app, "auditor"))
    assert signed_in(app, None).get(path).status_code == 302
    assert signed_in(app, "editor").get(path).status_code == 403
    assert signed_in(app, "auditor").get(path).status_code == 200
    assert signed_in(app, "admin").get(path).status_code == 200


def test_an_editor_cannot_save_a_checklist(app: Flask) -> None:
    add_stand(signed_in(app, "auditor"))
    editor = signed_in(app, "editor")
    response = editor.post(f"/audit/stands/{KEY}/checklist",
                           data={"csrf_token": csrf(editor), "auditor": "x"})
    assert response.status_code == 403
    assert rows(app, t.checklists) == 0


def test_a_post_without_the_csrf_token_is_refused(app: Flask, auditor: FlaskClient) -> None:
    add_stand(auditor)
    response = auditor.post(f"/audit/stands/{KEY}/checklist", data={"auditor": "x"})
    assert response.status_code == 400
    assert rows(app, t.checklists) == 0


def test_adding_a_stand_with_a_wrong_address_says_what_to_give(auditor: FlaskClient) -> None:
    response = add_stand(auditor, url="127.0.0.1/main")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'href="#stand-url"' in html and 'id="stand-url-error"' in html
    assert 'value="127.0.0.1/main"' in html and 'value="Entrance hall, left"' in html
    assert page_facts(html).html_lang == "en"


def test_the_form_keeps_everything_when_it_has_errors(app: Flask,
                                                      auditor: FlaskClient) -> None:
    assert add_stand(auditor).headers["Location"].endswith(f"/audit/stands/{KEY}/checklist")
    data = form_data(auditor, {"answer-operable-highest": "12a0", "answer-glare": "yes",
                               "note-glare": "Shaded by the column", "auditor": "",
                               "answer-clear-floor-width": "900"})
    data["photo-glare"] = (io.BytesIO(jpeg_with_location()), "IMG_0001.jpg")
    response = auditor.post(f"/audit/stands/{KEY}/checklist", data=data,
                            content_type="multipart/form-data")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert page_facts(html).html_lang == "en"
    # Each error beside its field and in the summary, linked.
    assert 'href="#item-operable-highest"' in html and 'href="#auditor"' in html
    assert "“12a0” is not a number" in html
    assert 'id="item-operable-highest-error"' in html
    # Nothing typed or uploaded is lost.
    assert 'value="12a0"' in html and 'value="900"' in html
    assert "Shaded by the column</textarea>" in html
    kept = re.search(r'name="photo-keep-glare" value="(\d+)"', html)
    assert kept, "the uploaded photo is kept for the corrected form"
    assert 'alt="Shaded by the column"' in html
    assert rows(app, t.checklists) == 0

    data = MultiDict(filled(html, {"answer-operable-highest": "1250", "auditor": "Айгүл"},
                            form_class="checklist-form"))
    response = auditor.post(f"/audit/stands/{KEY}/checklist", data=data)
    assert response.status_code == 302
    report = auditor.get(f"/audit/stands/{KEY}").get_data(as_text=True)
    assert page_facts(report).html_lang == "en"
    assert "Айгүл" in report
    photo = re.search(r'<img src="(/audit/stands/photos/\d+)" alt="Shaded by the column"',
                      report)
    assert photo, report
    image = auditor.get(photo[1])
    assert image.mimetype == "image/jpeg"
    assert b"PhoneMaker" not in image.data
    assert not Image.open(io.BytesIO(image.data)).getexif()  # the GPS position is gone
    assert signed_in(app, "editor").get(photo[1]).status_code == 403


def test_a_file_that_is_not_a_photo_is_refused_beside_its_field(auditor: FlaskClient) -> None:
    add_stand(auditor)
    data = form_data(auditor, {})
    data["photo-glare"] = (io.BytesIO(b"GIF89a" + b"\0" * 64), "looks-like.jpg")
    response = auditor.post(f"/audit/stands/{KEY}/checklist", data=data,
                            content_type="multipart/form-data")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'href="#item-glare-photo"' in html
    assert "This file is not a JPEG or PNG photo." in html


def test_the_report_shows_each_item_against_its_reference(auditor: FlaskClient) -> None:
    add_stand(auditor)
    data = form_data(auditor, {"answer-operable-highest": "1250", "answer-glare": "no",
                               "answer-key-five": "n/a", "na-knee-clearance-width": "yes"})
    assert auditor.post(f"/audit/stands/{KEY}/checklist", data=data).status_code == 302
    html = auditor.get(f"/audit/stands/{KEY}").get_data(as_text=True)
    row = re.search(r"Height of the highest operable part above the floor</th>(.*?)</tr>",
                    html, re.S)[1]
    assert "1,250 mm" in row and "at most 1,220 mm" in row and "EN 301 549 8.3.2.1" in row
    assert "does not meet" in row
    assert "Does not meet the requirements" in html
    assert "This stand has no stand audit yet" in html
    # The form starts again from the latest answers.
    form = auditor.get(f"/audit/stands/{KEY}/checklist").get_data(as_text=True)
    assert 'name="answer-operable-highest" value="1250"' in form
    assert re.search(r'name="na-knee-clearance-width" value="yes" checked', form)


def test_the_report_joins_the_stand_audit(app: Flask, auditor: FlaskClient) -> None:
    scan_id = add_stand_audit(audit_store(app), STAND, broken=True)
    listing = auditor.get("/audit/stands").get_data(as_text=True)
    assert page_facts(listing).html_lang == "en"
    assert f'href="/audit/stands/{KEY}"' in listing  # known from the stand audit alone
    html = auditor.get(f"/audit/stands/{KEY}").get_data(as_text=True)
    assert page_facts(html).html_lang == "en"
    assert f"<dd>{scan_id} (" in html
    assert "stand-speech-audio" in html
    assert "https://example.kz/rules/stand-speech-audio" in html
    large = re.search(r'<th scope="row">large type</th><td class="number">(\d+)</td>'
                      r'<td class="number">(\d+)</td>', html)
    assert large.groups() == ("3", "1")
    assert "Does not meet the requirements" in html


def test_a_yaml_upload_is_all_or_nothing(app: Flask, auditor: FlaskClient) -> None:
    add_stand(auditor)
    page = f"/audit/stands/{KEY}/checklist"
    bad = filled_template(**{"glare": "perhaps", "operable-highest": "1100"})
    response = auditor.post(f"{page}/yaml", data={
        "csrf_token": csrf(auditor, page),
        "checklist_file": (io.BytesIO(bad.encode()), "stand.yaml")},
        content_type="multipart/form-data")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    line = bad.splitlines().index("    answer: perhaps") + 1
    assert f"Line {line}: “perhaps” is not an answer to this question" in html
    assert rows(app, t.checklists) == 0
    assert page_facts(html).html_lang == "en"

    good = filled_template(**{"glare": "yes", "operable-highest": "1100"})
    response = auditor.post(f"{page}/yaml", data={
        "csrf_token": csrf(auditor, page),
        "checklist_file": (io.BytesIO(good.encode()), "stand.yaml")},
        content_type="multipart/form-data")
    assert response.status_code == 302
    assert rows(app, t.checklists) == 1
    report = auditor.get(f"/audit/stands/{KEY}").get_data(as_text=True)
    assert "Айгүл Серікова" in report and "from a file" not in report  # one submission


def test_the_template_download_is_the_checklist_in_the_page_language(app: Flask) -> None:
    client = signed_in(app, "auditor", lang="ru")
    add_stand(client)
    response = client.get(f"/audit/stands/{KEY}/checklist.yaml")
    assert response.mimetype == "application/yaml"
    text = response.get_data(as_text=True)
    assert all(f"  {item.id}:\n" in text for item in checklist().items)
    assert text.startswith("# Чек-лист оборудования информационного стенда\n")
    assert "  # Высота самого высокого органа управления над полом\n" in text
    assert "label: \"Entrance hall, left\"" in text


def test_auditors_find_the_stands_in_the_auditors_menu(app: Flask) -> None:
    auditor = signed_in(app, "auditor")
    assert 'href="/audit/"' in auditor.get("/admin/").get_data(as_text=True)
    menu = re.search(r'<nav class="audit-nav".*?</nav>',
                     auditor.get("/audit/").get_data(as_text=True), re.S)[0]
    assert 'href="/audit/stands"' in menu
    assert 'href="/audit/"' not in signed_in(app, "editor").get("/admin/").get_data(as_text=True)


def test_a_stand_unknown_to_the_content_is_refused_with_the_stands_there_are(
        app: Flask, auditor: FlaskClient) -> None:
    for url, said in [
            ("http://127.0.0.1:8080/stand/main/?stand=main-hal",
             "The location has no stand “main-hal”. Its stands: main-hall, main-floor2."),
            ("http://127.0.0.1:8080/stand/main/", "This location has several stands"),
            ("http://127.0.0.1:8080/stand/mian/?stand=main-hall",
             "There is no location “mian” on this server")]:
        response = add_stand(auditor, url=url)
        html = response.get_data(as_text=True)
        assert response.status_code == 400, url
        assert said in html.replace("&#8220;", "“").replace("&#8221;", "”"), url
    assert rows(app, t.stands) == 0


def test_the_stands_of_one_location_are_listed_apart(app: Flask,
                                                     auditor: FlaskClient) -> None:
    add_stand_audit(audit_store(app), STAND, broken=False)
    floor2 = "http://127.0.0.1:8080/stand/main/?stand=main-floor2"
    add_stand(auditor, url=floor2, label="Floor 2")
    listing = auditor.get("/audit/stands").get_data(as_text=True)
    assert "Location main, stand main-hall" in listing
    assert "Location main, stand main-floor2" in listing
    assert f'href="/audit/stands/{stand_key(floor2)}"' in listing


def test_the_report_says_partial_evidence_and_a_certificate_goes_stale(
        app: Flask, auditor: FlaskClient, demo_content: Content) -> None:
    import kiosk.store.reading as reading
    from accessibility_audit.physical import storage
    from accessibility_audit.physical.coverage import Matrix
    from kiosk.store import reader, store
    from tests.checklist_data import TODAY, everything_passing
    from tests.stand_audits import manifest

    with app.app_context():
        shown = reader(app).for_location("main").base_version("main")
    audits = audit_store(app)
    storage.save(audits, storage.Submission(STAND, "Hall", "A", TODAY, "yaml",
                                            answers=everything_passing()), NOW)
    wider = Matrix(shown, ("hours", "home"), ("kk", "ru", "en"), ("standard", "large"),
                   ("portrait",), ("main-hall", "main-floor2"))
    add_stand_audit(audits, STAND, broken=False, matrix=wider)
    html = auditor.get(f"/audit/stands/{KEY}").get_data(as_text=True)
    assert "Partial evidence" in html and "6 of the 12 page views the stand shows" in html
    assert '<p class="overall-verdict">Partial evidence' in html

    add_stand_audit(audits, STAND, broken=False, matrix=manifest(STAND, revision=shown))
    html = auditor.get(f"/audit/stands/{KEY}").get_data(as_text=True)
    assert '<p class="overall-verdict">Meets the requirements</p>' in html
    assert f"Revision {shown}" in html

    org = demo_content.organisation
    renamed = org.model_copy(update={"name": org.name.model_copy(update={"en": "Renamed"})})
    store(app).publisher.publish(demo_content.model_copy(update={"organisation": renamed}),
                                 author="t")
    reading.CHECK_SECONDS, saved = 0.0, reading.CHECK_SECONDS
    try:
        html = auditor.get(f"/audit/stands/{KEY}").get_data(as_text=True)
    finally:
        reading.CHECK_SECONDS = saved
    assert '<p class="overall-verdict">Audited an earlier version' in html
    assert "this audit was of an earlier version" in html


def test_a_stand_says_what_it_shows(app: Flask) -> None:
    """The manifest a stand audit learns the whole matrix from."""
    from kiosk.store import reader

    client = app.test_client()
    response = client.get("/stand/main/manifest.json")
    assert response.headers["Cache-Control"] == "no-store"
    data = response.get_json()
    with app.app_context():
        published = reader(app).for_location("main")
        assert data["revision"] == published.base_version("main")
        # The admin area's name for the same publication, and when (with its offset).
        assert data["revision_number"] == published.number
        assert dt.datetime.fromisoformat(data["published_at"]) == published.published_at
        assert dt.datetime.fromisoformat(data["published_at"]).utcoffset() is not None
    assert set(data["pages"]) == {"home", "hours", "appeals", "contacts", "accessibility",
                                  "announcements", "assistance", "feedback"}
    assert (data["languages"], data["modes"], data["orientations"]) == (
        ["kk", "ru", "en"], ["standard", "large", "contrast", "large-contrast"],
        ["portrait", "landscape"])
    assert [s["id"] for s in data["stands"]] == ["main-hall", "main-floor2"]
    assert data["stands"][0]["name"]["kk"] == "1-қабат, кіреберіс фойе"
    assert client.get("/stand/mian/manifest.json").status_code == 404


def test_a_checklist_for_a_stand_the_server_does_not_have_is_refused(
        app: Flask, tmp_path: Path) -> None:
    """Before any stand audit, the import asks the running stand which stands it has."""
    import subprocess

    from tests.browser.conftest import serve
    from tests.checklist_data import filled_template
    from tests.in_process import a11y_audit

    filled = tmp_path / "stand.yaml"
    filled.write_text(filled_template(), encoding="utf-8")
    db = tmp_path / "scans.sqlite3"

    def imported(stand: str) -> subprocess.CompletedProcess[str]:
        return a11y_audit("checklist", "import", str(filled), "--stand", stand, "--db", str(db))

    for server in serve(app, tmp_path):
        phantom = imported(server.url("/stand/mian/?stand=main-hall"))
        assert phantom.returncode == 1
        assert "is not a stand: " in phantom.stderr and "answered 404" in phantom.stderr
        typo = imported(server.url("/stand/main/?stand=main-hal"))
        assert typo.returncode == 1
        assert f"has no stand 'main-hal'. Its stands: {server.url('/stand/main/')}" \
               "?stand=main-hall" in typo.stderr
        good = imported(server.url("/stand/main/?stand=main-floor2"))
        assert good.returncode == 0, good.stderr


def _admin_sentence(lang: str) -> re.Pattern[str]:
    """The admin area's "Published revision N: DATE by WHO." in ``lang``, as a pattern
    that catches N and DATE."""
    from babel.support import Translations

    said = Translations.load("kiosk/translations", [lang]).gettext(
        "Published revision %(number)d: %(when)s by %(who)s.")
    return re.compile(re.escape(said).replace(re.escape("%(number)d"), r"(?P<number>\d+)")
                      .replace(re.escape("%(when)s"), r"(?P<when>[^<]+)")
                      .replace(re.escape("%(who)s"), r"[^<,]*"))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_certificate_names_the_revision_the_admin_area_shows(app: Flask,
                                                                 lang: str) -> None:
    """Issue 12: an auditor or manager matches the certificate to a publication by the
    number and date the admin area gives it, not by the content's fingerprint."""
    import dataclasses

    from babel.support import Translations

    from accessibility_audit.physical import storage
    from accessibility_audit.physical.coverage import Matrix
    from tests.checklist_data import TODAY, everything_passing
    from tests.stand_audits import manifest

    shown = Matrix.from_json(app.test_client().get("/stand/main/manifest.json").get_json())
    assert shown.publication is not None
    audits = audit_store(app)
    storage.save(audits, storage.Submission(STAND, "Hall", "A", TODAY, "yaml",
                                            answers=everything_passing()), NOW)
    add_stand_audit(audits, STAND, broken=False, matrix=dataclasses.replace(
        manifest(STAND, revision=shown.revision), publication=shown.publication))

    admin_page = signed_in(app, "admin", lang).get("/admin/locations/main/")
    found = _admin_sentence(lang).search(admin_page.get_data(as_text=True))
    assert found, f"the admin area names no published revision in {lang}"
    certificate = signed_in(app, "auditor", lang).get(f"/audit/stands/{KEY}")
    html = certificate.get_data(as_text=True)
    said = Translations.load("kiosk/translations", [lang]).gettext(
        "Revision %(number)s of %(date)s") % {"number": found["number"],
                                              "date": found["when"]}
    assert said in html
    assert str(shown.revision) in html  # the fingerprint, second, for support staff


def test_a_stand_audit_recorded_before_publications_were_named_still_reads(
        app: Flask, auditor: FlaskClient) -> None:
    """An audit recorded with the fingerprint alone: its certificate names that, as
    before, and nothing breaks."""
    from accessibility_audit.physical import storage
    from tests.checklist_data import TODAY, everything_passing
    from tests.stand_audits import manifest

    audits = audit_store(app)
    storage.save(audits, storage.Submission(STAND, "Hall", "A", TODAY, "yaml",
                                            answers=everything_passing()), NOW)
    add_stand_audit(audits, STAND, broken=False, matrix=manifest(STAND, revision=267019413))
    html = auditor.get(f"/audit/stands/{KEY}").get_data(as_text=True)
    assert "Revision 267019413" in html

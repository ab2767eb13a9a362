"""Editing a location: drafts, field errors, preview, publishing, conflicts, history and
restore, as a facility manager meets them."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from flask import Flask

from kiosk.content import Content
from kiosk.store import store
from tests.admin_session import add_accounts, csrf, edit, post, publish, signed_in
from tests.conftest import make_app

MONDAY_START = "hours.monday.0.start"


@pytest.fixture
def app(tmp_path: Path, demo_content: Content, database_url: str) -> Flask:
    # Drafts, revisions, conflicts and stamps are storage: tested on SQLite and PostgreSQL.
    app = make_app(tmp_path, demo_content, database_url)
    add_accounts(app)
    return app


def stand_hours(app: Flask, lang: str = "ru") -> str:
    return app.test_client().get(f"/stand/main/{lang}/hours").get_data(as_text=True)


def test_a_saved_draft_is_not_on_the_stands_until_published(app: Flask) -> None:
    client = signed_in(app, "editor")
    response = edit(client, "main", "hours", {MONDAY_START: "08:15"})
    assert response.status_code == 302
    assert "08:15" not in stand_hours(app)
    page = client.get("/admin/locations/main/").get_data(as_text=True)
    assert "changed in your draft" in page

    response = publish(client, "main")
    assert response.status_code == 302
    assert "Published as revision 2" in client.get("/admin/locations/main/").get_data(
        as_text=True)
    assert "08:15" in stand_hours(app)
    assert store(app).reader.current("koktal-akimat").published_by == "Айгерім Редакторова"


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize("mode", ["", "large", "contrast", "large-contrast"])
def test_preview_shows_the_draft_in_every_language_and_mode(app: Flask, lang: str,
                                                            mode: str) -> None:
    client = signed_in(app, "editor")
    edit(client, "main", "hours", {MONDAY_START: "08:15"})
    response = client.get(f"/admin/locations/main/preview/{lang}/hours?mode={mode}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "08:15" in html
    assert f'<html lang="{lang}"' in html
    assert "preview-banner" in html
    # Its links stay inside the preview, with the mode kept.
    links = re.findall(r'href="(/[^"]*)"', html)
    stand_links = [link for link in links if link.startswith("/stand/")]
    assert not stand_links, stand_links
    if mode:
        assert f"/admin/locations/main/preview/{lang}/home?mode={mode}" in html


def test_field_errors_come_in_the_admin_language_and_keep_what_was_typed(app: Flask) -> None:
    client = signed_in(app, "editor", lang="ru")
    response = edit(client, "main", "hours", {MONDAY_START: "25:00",
                                              "hours.tuesday.0.end": "07:00"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "«25:00» — не время суток" in html
    assert "Заканчивается в 07:00, а начинается в 09:00" in html
    assert 'value="25:00"' in html
    assert 'aria-invalid="true"' in html
    # The error summary links to the field itself.
    assert 'href="#f-hours-monday-0-start"' in html
    assert 'id="f-hours-monday-0-start"' in html
    # The draft keeps the typing, and publishing it is refused with nothing changed.
    again = client.get("/admin/locations/main/edit/hours").get_data(as_text=True)
    assert 'value="25:00"' in again
    publish(client, "main")
    assert store(app).reader.current("koktal-akimat").number == 1


def test_kazakh_and_russian_are_required_and_missing_english_is_flagged(app: Flask) -> None:
    client = signed_in(app, "editor")
    response = edit(client, "main", "general", {"name.kk": "", "name.en": ""})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "visitors need the text in both Kazakh and Russian" in html
    edit(client, "main", "general", {"name.kk": "Бас ғимарат", "name.en": ""})
    page = client.get("/admin/locations/main/").get_data(as_text=True)
    assert "<li>Name: no English version" in page


def test_list_items_are_added_and_removed(app: Flask) -> None:
    client = signed_in(app, "editor")
    response = edit(client, "main", "hours", {}, op="add:hours.saturday")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Added period 1." in html
    assert 'data-focus="f-hours-saturday-0"' in html
    response = edit(client, "main", "hours", {"hours.saturday.0.start": "10:00",
                                              "hours.saturday.0.end": "14:00"})
    assert response.status_code == 302
    publish(client, "main")
    published = store(app).reader.current("koktal-akimat").content.locations["main"]
    assert [(p.start.isoformat(), p.end.isoformat()) for p in published.hours.saturday] == [
        ("10:00:00", "14:00:00")]
    response = edit(client, "main", "hours", {}, op="remove:hours.saturday.0")
    assert "Removed period 1." in response.get_data(as_text=True)


def test_forged_operations_and_field_names_are_refused(app: Flask) -> None:
    client = signed_in(app, "editor")
    assert edit(client, "main", "hours", {}, op="add:appeals.channels").status_code == 400
    assert edit(client, "main", "hours", {}, op="remove:hours.monday.99").status_code == 400
    assert edit(client, "main", "hours", {"hours.monday.x.start": "1"}).status_code == 400
    assert client.get("/admin/locations/main/edit/nonsense").status_code == 404


def test_two_editors_conflict_and_nothing_is_overwritten(app: Flask) -> None:
    first, second = signed_in(app, "editor"), signed_in(app, "editor2")
    edit(first, "main", "hours", {MONDAY_START: "08:15"})
    edit(second, "main", "hours", {MONDAY_START: "08:45"})
    assert publish(first, "main").status_code == 302

    response = publish(second, "main")
    html = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Someone else published this location meanwhile" in html
    assert "08:15" in html and "08:45" in html  # both sides are shown
    assert "08:15" in stand_hours(app)  # the first publication stands
    assert 'value="08:45"' in second.get("/admin/locations/main/edit/hours").get_data(
        as_text=True)  # the second editor's draft is kept

    # Having seen both, the second editor may knowingly publish over the first.
    response = publish(second, "main", {"over": "2"})
    assert response.status_code == 302
    assert "08:45" in stand_hours(app)
    assert store(app).reader.current("koktal-akimat").number == 3


def test_edits_to_other_locations_of_the_organisation_do_not_conflict(app: Flask) -> None:
    editor, other = signed_in(app, "editor"), signed_in(app, "other")
    edit(editor, "main", "hours", {MONDAY_START: "08:15"})
    edit(other, "reception", "contacts", {"contacts.email": "priem@example.kz"})
    assert publish(other, "reception").status_code == 302
    assert publish(editor, "main").status_code == 302
    content = store(app).reader.current("koktal-akimat").content
    assert content.locations["reception"].contacts.email == "priem@example.kz"
    assert content.locations["main"].hours.monday[0].start.isoformat() == "08:15:00"


def test_history_diff_and_restore(app: Flask) -> None:
    client = signed_in(app, "editor")
    edit(client, "main", "hours", {MONDAY_START: "08:15"})
    publish(client, "main")
    history = client.get("/admin/locations/main/history").get_data(as_text=True)
    assert "Business hours" in history and "Айгерім Редакторова" in history

    changes = client.get("/admin/locations/main/changes?from=1&to=2").get_data(as_text=True)
    assert "Business hours › Monday › Period 1 › From" in changes
    assert "<del>09:00</del>" in changes and "<ins>08:15</ins>" in changes

    response = post(client, "/admin/locations/main/restore/1", page="/admin/locations/main/history")
    assert response.status_code == 302
    current = store(app).reader.current("koktal-akimat")
    assert current.number == 3  # a restore is a new revision; nothing is deleted
    assert current.content.locations["main"].hours.monday[0].start.isoformat() == "09:00:00"
    assert "08:15" not in stand_hours(app)
    assert len(store(app).publisher.revisions("koktal-akimat")) == 3


def test_sections_record_changes_and_reviews(app: Flask) -> None:
    client = signed_in(app, "editor")
    edit(client, "main", "contacts", {"contacts.email": "new@example.kz"})
    publish(client, "main")
    stamps = store(app).publisher.stamps.section_stamps("main")
    assert stamps["contacts"].updated_by == "Айгерім Редакторова"
    assert stamps["hours"].updated_by == "tests"
    post(client, "/admin/locations/main/reviewed/hours")
    stamps = store(app).publisher.stamps.section_stamps("main")
    assert stamps["hours"].reviewed_by == "Айгерім Редакторова"


def test_a_section_not_reviewed_for_long_is_flagged(tmp_path: Path,
                                                    demo_content: Content) -> None:
    # Published at the demo's moment (make_app), looked at years later: the store and
    # the pages share one clock.
    app = make_app(tmp_path, demo_content, None, REVIEW_DAYS=1)
    app.config["NOW"] = __import__("datetime").datetime(2031, 1, 6, 6, 0,
                                                        tzinfo=__import__("datetime").UTC)
    add_accounts(app)
    page = signed_in(app, "editor").get("/admin/locations/main/").get_data(as_text=True)
    assert page.count("Not checked for more than 1 day") == 6


def test_auditors_read_but_cannot_edit(app: Flask) -> None:
    client = signed_in(app, "auditor")
    page = client.get("/admin/locations/main/").get_data(as_text=True)
    assert client.get("/admin/locations/main/history").status_code == 200
    assert "/edit/" not in page
    assert client.get("/admin/locations/main/edit/hours").status_code == 403
    assert publish(client, "main").status_code == 403


def test_an_organisation_is_exported_and_imported_all_or_nothing(app: Flask) -> None:
    client = signed_in(app, "admin")
    exported = client.get("/admin/content/koktal-akimat.yaml")
    assert exported.status_code == 200
    assert "attachment" in exported.headers["Content-Disposition"]
    text = exported.get_data(as_text=True)

    broken = text.replace("start: 09:00", "start: 9 o'clock", 1)
    assert broken != text
    response = client.post("/admin/content", data={
        "csrf_token": csrf(client, "/admin/content"),
        "file": (io.BytesIO(broken.encode()), "broken.yaml")},
        content_type="multipart/form-data")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "broken.yaml was not imported; nothing changed" in html
    # The line, the field as the editing pages name it, its path in the file as code.
    assert re.search(r"line \d+: main › [^<]*Monday[^<]* "
                     r"\(<code>locations\.main\.hours\.monday\[0\]\.start</code>\): "
                     r"&#34;9 o&#39;clock&#34; is not a time of day", html), html
    assert store(app).reader.current("koktal-akimat").number == 1

    renamed = text.replace("Koktal District Akimat", "New Koktal District Akimat")
    assert renamed != text
    response = client.post("/admin/content", data={
        "csrf_token": csrf(client, "/admin/content"), "information_on": "2026-11-26",
        "file": (io.BytesIO(renamed.encode()), "good.yaml")},
        content_type="multipart/form-data")
    assert response.status_code == 302
    assert store(app).reader.current("koktal-akimat").number == 2
    assert "New Koktal District Akimat" in app.test_client().get("/stand/main/en/").get_data(
        as_text=True)


def test_only_administrators_import_and_export(app: Flask) -> None:
    for username in ("editor", "auditor"):
        client = signed_in(app, username)
        assert client.get("/admin/content").status_code == 403
        assert client.get("/admin/content/koktal-akimat.yaml").status_code == 403


def test_an_open_session_at_short_notice_is_flagged_and_ended_ones_listed(
        app: Flask) -> None:
    client = signed_in(app, "editor")
    page = client.get("/admin/locations/main/").get_data(as_text=True)
    # The demo's autumn fair ended on 21 November; today is Friday 27 November.
    assert "“autumn-fair-2026” has ended and is no longer shown on the stands." in page
    # Tuesday 1 December leaves one business day (Monday) of notice.
    response = edit(client, "main", "announcements", {
        "announcements.2.event_at": "2026-12-01T10:00"})
    assert response.status_code == 302
    page = client.get("/admin/locations/main/").get_data(as_text=True)
    assert ("Open session “maslikhat-session-2026-12” on December 1, 2026 is shown with its "
            "agenda from November 27, 2026: only 1 business day before it; the Standard asks "
            "for at least three.") in page
    form = client.get("/admin/locations/main/edit/announcements").get_data(as_text=True)
    assert "Open sessions announced too late or without an agenda" in form

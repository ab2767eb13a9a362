"""The hours form as a facility manager types in it (issue 14, item 4): 24-hour times
typed as text whatever the browser's locale, error-summary links that lead to a field
that takes the focus, and copying a day's hours to other days without JavaScript."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.datastructures import MultiDict

from kiosk.admin.time_entry import date_time, time_of_day
from kiosk.content import Content
from kiosk.store import store
from tests.admin_forms import filled
from tests.admin_session import add_accounts, edit, publish, signed_in
from tests.conftest import make_app

HOURS = "/admin/locations/main/edit/hours"


@pytest.fixture
def app(tmp_path: Path, demo_content: Content) -> Flask:
    app = make_app(tmp_path, demo_content)
    add_accounts(app)
    return app


@pytest.mark.parametrize(("typed", "read"), [
    ("9", "09:00"), ("9:00", "09:00"), ("9.30", "09:30"), ("0900", "09:00"),
    ("1830", "18:30"), (" 18:30 ", "18:30"), ("6:30 pm", "18:30"), ("12 AM", "00:00"),
    ("12:15 p.m.", "12:15"),
    # What is not a time is left as typed, for the error to quote it.
    ("25:00", "25:00"), ("9:60", "9:60"), ("13 pm", "13 pm"), ("noon", "noon"),
])
def test_times_are_read_as_typed_on_a_24_hour_clock(typed: str, read: str) -> None:
    assert time_of_day(typed) == read


@pytest.mark.parametrize(("typed", "read"), [
    ("22.12.2026 10:00", "2026-12-22T10:00"), ("22.12.2026, 9", "2026-12-22T09:00"),
    ("2026-12-22T10:00", "2026-12-22T10:00"), ("1/2/2027 6 pm", "2027-02-01T18:00"),
    ("31.02.2026 10:00", "31.02.2026 10:00"), ("22.12.2026", "22.12.2026"),
])
def test_dates_with_times_are_read_day_first(typed: str, read: str) -> None:
    assert date_time(typed) == read


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_time_fields_are_24_hour_text_fields_in_every_language(app: Flask, lang: str) -> None:
    client = signed_in(app, "editor", lang=lang)
    html = client.get(HOURS).get_data(as_text=True)
    field = re.search(r'<input id="f-hours-monday-0-start"[^>]*>', html)[0]
    assert 'type="text"' in field and 'inputmode="numeric"' in field
    assert 'value="09:00"' in field
    assert 'type="time"' not in html and 'type="datetime-local"' not in html
    hint = {"kk": "24 сағаттық формат, мысалы 09:00 немесе 18:30.",
            "ru": "24-часовой формат, например 09:00 или 18:30.",
            "en": "24-hour clock, for example 09:00 or 18:30."}[lang]
    assert f'<p class="hint" id="f-hours-monday-0-start-hint">{hint}</p>' in html
    assert 'aria-describedby="f-hours-monday-0-start-hint"' in field


def test_a_time_typed_loosely_is_saved_as_hh_mm(app: Flask) -> None:
    client = signed_in(app, "editor")
    response = edit(client, "main", "hours", {"hours.monday.0.start": "8.15",
                                              "hours.monday.0.end": "12:30 pm"})
    assert response.status_code == 302
    assert publish(client, "main").status_code == 302
    monday = store(app).reader.current("koktal-akimat").content.locations["main"].hours.monday
    assert (monday[0].start.isoformat(), monday[0].end.isoformat()) == ("08:15:00", "12:30:00")


@pytest.mark.parametrize(("lang", "message"), [
    ("kk", "«9:75» тәулік уақыты емес: 24 сағаттық форматта"),
    ("ru", "«9:75» — не время суток: укажите часы и минуты в 24-часовом формате"),
    ("en", "“9:75” is not a time of day: use the 24-hour clock"),
])
def test_a_wrong_time_is_explained_in_the_admin_language(app: Flask, lang: str,
                                                         message: str) -> None:
    client = signed_in(app, "editor", lang=lang)
    response = edit(client, "main", "hours", {"hours.monday.0.start": "9:75"})
    html = response.get_data(as_text=True).replace("&#34;", '"').replace("&quot;", '"')
    assert response.status_code == 400
    assert message.replace("“", '"').replace("”", '"') in html
    assert 'value="9:75"' in html


def test_error_summary_links_lead_to_a_field_never_a_fieldset(app: Flask) -> None:
    client = signed_in(app, "editor")
    # An error of a whole period (its end before its start) and of a whole day (two
    # periods overlapping): both are fieldsets, which cannot take the focus.
    response = edit(client, "main", "hours", {"hours.tuesday.0.end": "07:00",
                                              "hours.wednesday.1.start": "10:00"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    targets = re.findall(r'href="#([^"]+)"', summary)
    assert "f-hours-tuesday-0-start" in targets
    assert "f-hours-wednesday-0-start" in targets
    for target in targets:
        assert re.search(rf'<(input|select|textarea|button) id="{target}"', html), target


def copy_form(client, days: list[str], source: str = "monday") -> MultiDict:
    html = client.get(HOURS).get_data(as_text=True)
    fields = filled(html, {}, op=f"copy:hours.{source}")
    return MultiDict(fields + [(f"copy-to.hours.{source}", day) for day in days])


def test_a_days_hours_are_copied_to_the_chosen_days_without_javascript(app: Flask) -> None:
    client = signed_in(app, "editor", lang="ru")
    html = client.get(HOURS).get_data(as_text=True)
    assert '<legend>Скопировать эти часы на</legend>' in html
    assert 'id="f-hours-monday-copy-saturday"' in html
    # Monday's hours as the manager has just typed them, not yet saved.
    data = copy_form(client, ["saturday", "sunday"])
    data.setlist("hours.monday.0.start", ["08:00"])
    response = client.post(HOURS, data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Часы работы дня «понедельник» скопированы на дни: суббота и воскресенье." in page
    assert 'data-focus="f-hours-monday-copy"' in page
    for day in ("monday", "saturday", "sunday"):
        assert f'id="f-hours-{day}-0-start" name="hours.{day}.0.start" type="text" ' \
               'value="08:00"' in page
    assert 'id="f-hours-tuesday-0-start" name="hours.tuesday.0.start" type="text" ' \
           'value="09:00"' in page
    # The copy is in the draft: saving publishes it.
    assert edit(client, "main", "hours", {}).status_code == 302
    assert publish(client, "main").status_code == 302
    hours = store(app).reader.current("koktal-akimat").content.locations["main"].hours
    assert hours.saturday == hours.sunday == hours.monday
    assert hours.monday[0].start.isoformat() == "08:00:00"


def test_copying_to_no_day_says_so_and_a_forged_day_is_refused(app: Flask) -> None:
    client = signed_in(app, "editor", lang="kk")
    response = client.post(HOURS, data=copy_form(client, []))
    page = response.get_data(as_text=True)
    assert "дүйсенбі жұмыс уақытын көшіру үшін кемінде бір күнді таңдаңыз." in page
    assert 'data-focus="f-hours-monday-copy-tuesday"' in page
    assert client.post(HOURS, data=copy_form(client, ["monday"])).status_code == 400
    assert client.post(HOURS, data=copy_form(client, ["someday"])).status_code == 400
    forged = copy_form(client, ["tuesday"])
    forged.setlist("op", ["copy:hours.exceptions"])
    assert client.post(HOURS, data=forged).status_code == 400

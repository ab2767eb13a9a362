"""The Standard's duties as the Standard words them: open sessions shown with their
agenda three business days ahead, updates within three business days of the information
changing, changes that take effect on their date, and English that no longer matches."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from flask import Flask

from kiosk.admin.duties import notice_problems
from kiosk.admin.update_duty import Timeliness, judge, summarise
from kiosk.content import Content
from kiosk.content.model import Location
from kiosk.content.outdated_english import mark_outdated_english, outdated_paths
from kiosk.content.scheduled import effective_document, effective_location, later_hours
from kiosk.hours import HolidayCalendar, business_days_after, business_days_between, status_at
from kiosk.store import store
from tests.admin_session import add_accounts, edit, post, publish, signed_in
from tests.conftest import DEMO_NOW, SQLITE_ONLY, make_app

CALENDAR = HolidayCalendar()
ALMATY = dt.timezone(dt.timedelta(hours=5))


def local(*args: int) -> dt.datetime:
    """A moment in Almaty, as the organisation's clock shows it."""
    return dt.datetime(*args, tzinfo=ALMATY)


# -- business days: Kazakhstan's working calendar ---------------------------------------

def test_business_days_skip_weekends_holidays_and_count_moved_working_days() -> None:
    # Monday 14 Dec 2026 → Friday 18 Dec: Tue, Thu; Wednesday 16 Dec is Independence Day.
    assert business_days_between(dt.date(2026, 12, 14), dt.date(2026, 12, 18), CALENDAR) == 2
    assert business_days_between(dt.date(2026, 11, 23), dt.date(2026, 11, 27), CALENDAR) == 3
    # 31 Dec 2024 → 8 Jan 2025: 1–3 January are days off and 7 January is Orthodox
    # Christmas, but Sunday 5 January was a working day by decree: 5, 6 and 8 January.
    assert business_days_after(dt.date(2024, 12, 31), dt.date(2025, 1, 8), CALENDAR) == 3
    assert business_days_after(dt.date(2024, 12, 31), dt.date(2025, 1, 5), CALENDAR) == 1
    assert business_days_after(dt.date(2026, 12, 14), dt.date(2026, 12, 14), CALENDAR) == 0


# -- notice: open sessions shown with their agenda three business days ahead ---------

SESSION = {"id": "session", "open_session": True, "event_at": "2026-12-04T10:00:00",
           "display_from": "2026-12-01", "display_until": "2026-12-04",
           "agenda": [{"kk": "Бюджет", "ru": "Бюджет"}]}


def test_notice_counts_from_the_day_the_session_is_shown_not_from_publication() -> None:
    # Published Friday 27 November, shown from Tuesday 1 December, held Friday 4 December:
    # visitors are told on Wednesday and Thursday only.
    found = notice_problems([SESSION], {}, dt.date(2026, 11, 27), CALENDAR)
    assert [(p.announcement_id, p.shown_from, p.business_days) for p in found] == [
        ("session", dt.date(2026, 12, 1), 2)]
    shown_earlier = {**SESSION, "display_from": "2026-11-25"}
    assert notice_problems([shown_earlier], {}, dt.date(2026, 11, 27), CALENDAR) == []
    # Already on the stands with its agenda since 25 November: that day counts.
    assert notice_problems([SESSION], {"session": dt.date(2026, 11, 25)},
                           dt.date(2026, 11, 27), CALENDAR) == []


def test_an_open_session_without_an_agenda_is_flagged_and_other_events_are_not() -> None:
    no_agenda = {**SESSION, "display_from": "2026-11-01", "agenda": []}
    found = notice_problems([no_agenda], {}, dt.date(2026, 11, 27), CALENDAR)
    assert [(p.no_agenda, p.business_days) for p in found] == [(True, 0)]
    fair = {**no_agenda, "open_session": False}
    assert notice_problems([fair], {}, dt.date(2026, 11, 27), CALENDAR) == []
    past = notice_problems([no_agenda], {}, dt.date(2026, 12, 5), CALENDAR)
    assert past == []


# -- updates: published within three business days ---------------------------------

def test_update_lateness_is_counted_in_business_days_across_a_holiday() -> None:
    monday = dt.date(2026, 12, 14)  # Wednesday 16 December is Independence Day
    on_friday = judge("edit", monday, dt.date(2026, 12, 18), CALENDAR)
    assert on_friday.timeliness is Timeliness.ON_TIME and on_friday.business_days == 3
    on_monday = judge("edit", monday, dt.date(2026, 12, 21), CALENDAR)
    assert on_monday.timeliness is Timeliness.LATE and on_monday.days_late == 1
    assert judge("edit", None, monday, CALENDAR).timeliness is Timeliness.NOT_RECORDED
    assert judge("restore", None, monday, CALENDAR).timeliness is Timeliness.NOT_AN_UPDATE
    record = summarise([on_friday, on_monday, judge("import", None, monday, CALENDAR),
                        judge("edit", dt.date(2026, 12, 1), dt.date(2026, 12, 10), CALENDAR)])
    assert (record.on_time, record.late, record.not_recorded, record.most_days_late) == (
        1, 2, 1, 4)  # 1 → 10 December: seven business days


# -- scheduled changes ----------------------------------------------------------------

def test_a_scheduled_change_applies_from_its_moment(demo_content: Content) -> None:
    reception = demo_content.locations["reception"]
    before = effective_location(reception, dt.datetime(2027, 1, 10, 23, 59))
    after = effective_location(reception, dt.datetime(2027, 1, 11, 0, 0))
    assert before.hours.monday[0].start == dt.time(8, 30) and before.scheduled
    assert after.hours.monday[0].start == dt.time(9, 0) and not after.scheduled
    assert after.hours.saturday == [] and after.appeals == reception.appeals
    # On Sunday evening the office next opens on Monday, under the new hours.
    status = status_at(before.hours, local(2027, 1, 10, 20, 0), ALMATY, CALENDAR,
                       later_hours(before))
    assert status.opens_at == local(2027, 1, 11, 9, 0)


def test_a_change_at_a_time_of_day_leaves_the_morning_as_it_was(
        demo_content: Content) -> None:
    document = demo_content.locations["reception"].model_dump(mode="json")
    document["scheduled"][0]["effective_time"] = "14:00"
    location = Location.model_validate(document)
    assert later_hours(location)[0][0] == dt.date(2027, 1, 12)  # the first whole day
    morning = effective_document(document, dt.datetime(2027, 1, 11, 13, 59))
    afternoon = effective_document(document, dt.datetime(2027, 1, 11, 14, 0))
    assert morning["hours"]["monday"][0]["start"] == "08:30" and morning["scheduled"]
    assert afternoon["hours"]["monday"][0]["start"] == "09:00" and "scheduled" not in afternoon


def test_two_changes_at_one_moment_or_an_empty_change_are_refused(
        demo_content: Content) -> None:
    document = demo_content.locations["reception"].model_dump(mode="json")
    document["scheduled"].append({"effective_from": "2027-01-11", "note": None,
                                  "contacts": document["contacts"]})
    with pytest.raises(ValueError, match="two scheduled changes take effect at "
                       "2027-01-11T00:00: put their sections in one change"):
        Location.model_validate(document)
    document["scheduled"][1] = {"effective_from": "2027-02-01"}
    with pytest.raises(ValueError, match="must give the new version of at least one of"):
        Location.model_validate(document)


# -- outdated English --------------------------------------------------------------------

def test_a_changed_russian_text_marks_its_unchanged_english_outdated() -> None:
    before = {"title": {"kk": "Ескі", "ru": "Старое", "en": "Old"},
              "body": {"kk": "Мәтін", "ru": "Текст"}}
    after = mark_outdated_english(before, {"title": {"kk": "Ескі", "ru": "Новое", "en": "Old"},
                                           "body": {"kk": "Мәтін", "ru": "Другой"}})
    assert outdated_paths(after) == ["title"]  # a text without English has nothing to mark
    # The mark stays until the English changes or an editor confirms it.
    again = mark_outdated_english(after, {**after, "title": {"kk": "Ескі", "ru": "Новое",
                                                             "en": "Old"}})
    assert outdated_paths(again) == ["title"]
    updated = mark_outdated_english(after, {**after, "title": {"kk": "Ескі", "ru": "Новое",
                                                               "en": "New"}})
    confirmed = mark_outdated_english(after, {**after, "title": {
        "kk": "Ескі", "ru": "Новое", "en": "Old", "en_outdated": False}})
    assert outdated_paths(updated) == outdated_paths(confirmed) == []
    assert "en_outdated" not in confirmed["title"]


# -- in the admin area and on the stands --------------------------------------------------

@pytest.fixture
def app(tmp_path: Path, demo_content: Content) -> Flask:
    app = make_app(tmp_path, demo_content)
    add_accounts(app)
    return app


def location_page(client, location: str = "main") -> str:  # type: ignore[no-untyped-def]
    return client.get(f"/admin/locations/{location}/").get_data(as_text=True)


def test_an_open_session_is_flagged_by_its_display_date_and_its_agenda(app: Flask) -> None:
    client = signed_in(app, "editor")
    # The demo's open session (22 December) has its agenda and has been shown since
    # 25 November: nothing to flag.
    assert "Open session “maslikhat-session-2026-12”" not in location_page(client)
    edit(client, "main", "announcements", {
        "announcements.2.event_at": "2026-12-04T10:00", "announcements.2.display_from":
        "2026-12-01", "announcements.2.display_until": "2026-12-04"})
    page = location_page(client)
    assert ("Open session “maslikhat-session-2026-12” on December 4, 2026 is shown with its "
            "agenda from December 1, 2026: only 2 business days before it; the Standard asks "
            "for at least three.") in page
    for index in (2, 1, 0):
        response = edit(client, "main", "announcements", {},
                        op=f"remove:announcements.2.agenda.{index}")
        assert response.status_code == 200
    page = location_page(client)
    assert ("Open session “maslikhat-session-2026-12” on December 4, 2026 has no agenda") in page
    # The stand lists the agenda of the session as published.
    stand = app.test_client().get("/stand/main/ru/announcements").get_data(as_text=True)
    assert "О бюджете Коктальского района на 2027–2029 годы" in stand


@SQLITE_ONLY
def test_the_notice_counts_from_when_the_agenda_reached_the_stands(
        tmp_path: Path, demo_content: Content, database_url: str) -> None:
    app = make_app(tmp_path, demo_content, database_url)
    publisher = store(app).publisher
    stamps = publisher.stamps
    org = demo_content.organisation.id
    session_key = "maslikhat-session-2026-12@2026-12-22T10:00:00"
    assert stamps.notices("main")[session_key].shown_with_agenda(dt.date(2026, 11, 27)) == \
        dt.date(2026, 11, 27)

    def republish(when: dt.datetime, **changes: object) -> None:
        app.config["NOW"] = when
        current = store(app).reader.current(org)
        main = current.content.locations["main"].model_dump(mode="json")
        main["announcements"][2] = {**main["announcements"][2], "event_at":
                                    "2027-01-15T10:00:00", **changes}
        publisher.publish_location(org, "main", main, current.number, "tests")

    # Published on 27 November to appear on 10 December; moved on 12 December to
    # "25 November": it was seen from 10 December all the same.
    republish(DEMO_NOW, display_from="2026-12-10", display_until="2027-01-15")
    key = "maslikhat-session-2026-12@2027-01-15T10:00:00"
    assert stamps.notices("main")[key].shown_with_agenda(dt.date(2026, 11, 30)) is None
    republish(local(2026, 12, 12, 10, 0), display_from="2026-11-25", place=None)
    assert stamps.notices("main")[key].shown_with_agenda(dt.date(2026, 12, 12)) == \
        dt.date(2026, 12, 10)
    # An agenda published later counts from its own day.
    republish(local(2026, 12, 14, 10, 0), event_at="2027-01-20T10:00:00", agenda=[])
    later = "maslikhat-session-2026-12@2027-01-20T10:00:00"
    assert stamps.notices("main")[later].shown_with_agenda(dt.date(2026, 12, 20)) is None
    republish(local(2026, 12, 21, 10, 0), event_at="2027-01-20T10:00:00",
              agenda=[{"kk": "Бюджет", "ru": "Бюджет"}])
    assert stamps.notices("main")[later].shown_with_agenda(dt.date(2026, 12, 21)) == \
        dt.date(2026, 12, 21)


def test_publishing_asks_when_the_information_changed_and_keeps_the_draft_without_it(
        app: Flask) -> None:
    client = signed_in(app, "editor")
    edit(client, "main", "hours", {"hours.monday.0.start": "08:15"})
    for typed, message in (("", "Enter the date the information changed or reached you"),
                           ("26/11", "&#34;26/11&#34; is not a date"),
                           ("2026-11-28", "The date is in the future")):
        response = publish(client, "main", information_on=typed)
        html = response.get_data(as_text=True)
        assert response.status_code == 400
        assert 'class="error-summary"' in html and 'href="#f-information_on"' in html
        assert message in html
        assert 'aria-invalid="true"' in html and f'value="{typed}"' in html
    assert store(app).reader.current("koktal-akimat").number == 1
    assert "changed in your draft" in location_page(client)


def test_a_late_publication_is_recorded_and_shown_with_its_days_late(app: Flask) -> None:
    client = signed_in(app, "editor")
    edit(client, "main", "hours", {"hours.monday.0.start": "08:15"})
    # Information of Friday 20 November, published Friday 27 November: five business days.
    assert publish(client, "main", information_on="20.11.2026").status_code == 302
    edit(client, "main", "contacts", {"contacts.email": "priemnaya@koktal.example.kz"})
    assert publish(client, "main", information_on="2026-11-25").status_code == 302
    page = location_page(client)
    assert "1 publication on time" in page
    assert "1 published late (at most 2 business days late)" in page
    board = client.get("/admin/duties").get_data(as_text=True)
    assert "Late by 2 business days" in board
    assert "On time: 2 business days" in board
    assert "Business hours" in board and "November 20, 2026" in board
    # Editors see their own locations only; auditors see every one.
    assert 'id="d-reception"' not in board
    auditor = signed_in(app, "auditor")
    board = auditor.get("/admin/duties").get_data(as_text=True)
    assert 'id="d-reception"' in board and "Late by 2 business days" in board
    assert 'href="/admin/duties.csv"' in board


def test_an_auditor_downloads_the_update_record(app: Flask) -> None:
    editor = signed_in(app, "editor")
    edit(editor, "main", "hours", {"hours.monday.0.start": "08:15"})
    assert publish(editor, "main", information_on="20.11.2026").status_code == 302
    auditor = signed_in(app, "auditor", lang="ru")
    response = auditor.get("/admin/duties.csv")
    assert response.mimetype == "text/csv"
    assert 'filename="duties-2026-11-27.csv"' in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][:5] == ["Идентификатор здания", "Название", "Организация", "Версия",
                           "Опубликовано"]
    late, first = [row for row in rows if row[0] == "main"]  # newest first
    assert late[3:] == ["2", "2026-11-27T11:00+05:00", "Айгерім Редакторова", "Режим работы",
                        "2026-11-20", "5", "2", "Опоздание на 2 рабочих дня"]
    assert first[3] == "1" and first[7:] == [
        "", "", "", "Не обновление (первая публикация или восстановление)"]
    # Editors download the record of their own locations only.
    other = signed_in(app, "other").get("/admin/duties.csv").get_data(as_text=True)
    assert "\nmain," not in other


def test_hours_published_with_an_effective_date_switch_on_that_date_by_themselves(
        app: Flask) -> None:
    stand = app.test_client()
    revisions = store(app).reader.current("koktal-akimat").number
    app.config["NOW"] = local(2027, 1, 10, 23, 59)
    before = stand.get("/stand/reception/en/live.json").get_json()
    page = stand.get("/stand/reception/en/hours").get_data(as_text=True)
    assert "New hours from Monday, January\xa011" in page
    assert "08:30" in page  # this week, under the hours of now
    app.config["NOW"] = local(2027, 1, 11, 0, 0)
    after = stand.get("/stand/reception/en/live.json").get_json()
    assert after["revision"] != before["revision"]  # the stand reloads by itself
    page = stand.get("/stand/reception/en/hours").get_data(as_text=True)
    assert "New hours from" not in page
    assert re.search(r"Monday, January\xa011.*?09:00.*?18:00", page, re.S)
    assert "08:30" not in page
    assert store(app).reader.current("koktal-akimat").number == revisions  # nobody published
    # The admin area edits the hours now in force.
    form = signed_in(app, "admin").get("/admin/locations/reception/edit/hours")
    assert 'value="09:00"' in form.get_data(as_text=True)


def test_an_offline_stand_reads_the_scheduled_hours_when_they_take_effect(
        app: Flask) -> None:
    """The copy an offline stand keeps says what the server would say, before and after
    the reception's new hours (from Monday 11 January 2027; closed on Saturdays)."""
    app.config["OFFLINE"] = "full"
    app.config["NOW"] = local(2027, 1, 8, 12, 0)  # Friday, a few days before the switch
    stand = app.test_client()
    worker = stand.get("/stand/reception/sw.js").get_data(as_text=True)
    data = stand.get("/stand/reception/offline.json").get_json()
    assert f'"revision": {data["revision"]}' in worker
    entries = [(dt.datetime.fromisoformat(e[0]), e[2]) for e in data["live"]["en"]["status"]]
    for moment in (local(2027, 1, 9, 11, 0), local(2027, 1, 10, 20, 0),
                   local(2027, 1, 11, 8, 45), local(2027, 1, 11, 17, 30),
                   local(2027, 1, 16, 11, 0)):
        offline = [text for start, text in entries if start <= moment][-1]
        app.config["NOW"] = moment
        assert offline == stand.get("/stand/reception/en/live.json").get_json()["status"][1], \
            moment
    # The stand's own copy changes at the switch, so a stand online then takes the new one.
    app.config["NOW"] = local(2027, 1, 11, 0, 0)
    assert stand.get("/stand/reception/offline.json").get_json()["revision"] != \
        data["revision"]


def test_an_editor_schedules_new_hours_and_the_dashboard_shows_them(app: Flask) -> None:
    client = signed_in(app, "editor")
    page = "/admin/locations/main/scheduled/new"
    for data, message in (({"section": "hours"}, "Enter the date the change takes effect"),
                          ({"effective_from": "2026-12-14"}, "Choose what changes."),
                          ({"section": "hours", "effective_from": "2026-11-27",
                            "effective_time": "10:00"}, "That moment has passed"),
                          ({"section": "hours", "effective_from": "2026-12-14",
                            "effective_time": "25:00"}, "is not a time of day")):
        response = post(client, page, data, page=page)
        assert response.status_code == 400 and message in response.get_data(as_text=True)
    response = post(client, page, {"section": "hours", "effective_from": "2026-12-14"},
                    page=page)
    assert response.status_code == 302
    edit_page = response.headers["Location"]
    html = client.get(edit_page).get_data(as_text=True)
    assert 'id="f-scheduled-0-hours-monday-0-start"' in html
    assert "Change from December 14, 2026" in html
    response = edit_scheduled(client, edit_page, {"scheduled.0.hours.monday.0.start": "10:00"})
    assert response.status_code == 302
    assert "Only in your draft" in location_page(client)
    assert publish(client, "main").status_code == 302
    assert "Published: the stands switch by themselves" in location_page(client)
    board = client.get("/admin/duties").get_data(as_text=True)
    assert "December 14, 2026: Business hours" in board
    stand = app.test_client()
    assert "10:00" not in stand.get("/stand/main/en/hours").get_data(as_text=True).split(
        "New hours")[0]
    app.config["NOW"] = local(2026, 12, 14, 9, 0)
    hours = stand.get("/stand/main/en/hours").get_data(as_text=True)
    assert re.search(r"Monday, December\xa014.*?10:00", hours, re.S)


def edit_scheduled(client, path: str, changes: dict[str, str],  # type: ignore[no-untyped-def]
                   op: str = "save"):
    from werkzeug.datastructures import MultiDict

    from tests.admin_forms import filled

    html = client.get(path).get_data(as_text=True)
    return client.post(path, data=MultiDict(filled(html, changes, op)))


def test_an_outdated_english_text_is_flagged_and_the_stand_shows_russian(app: Flask) -> None:
    client = signed_in(app, "editor")
    response = edit(client, "main", "contacts",
                    {"contacts.address.ru": "г. Коктал, проспект Абая, 1"})
    assert response.status_code == 302
    page = location_page(client)
    assert "1 English text no longer matches its Kazakh or Russian text" in page
    assert "the English version was written for an earlier text" in page
    form = client.get("/admin/locations/main/edit/contacts").get_data(as_text=True)
    assert 'id="f-contacts-address-en_checked"' in form
    assert publish(client, "main").status_code == 302
    stand = app.test_client().get("/stand/main/en/contacts").get_data(as_text=True)
    assert re.search(r'lang="ru"[^>]*>[^<]*проспект Абая', stand)
    assert "Outdated English on the stands" in location_page(client)
    # The editor confirms the English still fits (say, only a typo was fixed).
    edit(client, "main", "contacts", {"contacts.address.en_checked": "true"})
    assert publish(client, "main").status_code == 302
    stand = app.test_client().get("/stand/main/en/contacts").get_data(as_text=True)
    assert "проспект Абая" not in stand


def test_an_import_marks_english_left_behind(app: Flask, demo_content: Content) -> None:
    document = demo_content.model_dump(mode="json")
    document["locations"]["main"]["name"]["kk"] = "Көктал ауданының әкімдігі (жаңа)"
    revision, new = store(app).publisher.publish(Content.model_validate(document), "tests")
    assert new
    published = store(app).reader.current("koktal-akimat").content.locations["main"]
    assert published.name.en_outdated and published.name.get("en")[1] == "ru"

"""The disability-engagement register and visitors' feedback from the stands: storage on
both databases, the stand's anonymous form without JavaScript, and the admin flows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import inspect
from werkzeug.datastructures import MultiDict

from kiosk.admin.duties import add_months, engagement_due
from kiosk.content import Content
from kiosk.public.modes import ALL_MODES
from kiosk.public.rate_limit import RateLimit
from kiosk.store import store
from kiosk.store.engagement import (
    Difficulty,
    EngagementRegister,
    FeedbackFilter,
    FollowUp,
    MeetingRecord,
)
from kiosk.store.tables import VisitorFeedback
from tests.admin_forms import filled
from tests.admin_session import add_accounts, signed_in
from tests.conftest import DEMO_NOW, make_app
from tests.html_checks import assert_stand_page
from tests.stand_credentials import stand_client

ORG = "koktal-akimat"
LANGS = ("kk", "ru", "en")
REGISTER = f"/admin/engagement/{ORG}"
NEW_MEETING = f"{REGISTER}/meetings/new"


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """The stand main-hall, with its credential: feedback from it is attributed to it."""
    return stand_client(app, "main-hall")


def register_of(app: Flask) -> EngagementRegister:
    return app.extensions["kiosk.engagement"]


def record(held_on: dt.date, *follow_ups: FollowUp) -> MeetingRecord:
    return MeetingRecord(held_on, "Қазақ соқырлар қоғамы\nСаңыраулар қоғамы", 9,
                         "Ірі шрифт, ымдау тілі", "Стендке дыбыс қосу", follow_ups)


# -- pure rules over dates ------------------------------------------------------------

def test_the_next_meeting_falls_due_six_months_after_the_last() -> None:
    today = dt.date(2026, 11, 27)
    assert engagement_due(None, today).state == "overdue"
    assert engagement_due(None, today).next_due is None
    recent = engagement_due(dt.date(2026, 9, 1), today)
    assert (recent.next_due, recent.state, recent.warn) == (dt.date(2027, 3, 1), "ok", False)
    soon = engagement_due(dt.date(2026, 6, 20), today)
    assert (soon.next_due, soon.state) == (dt.date(2026, 12, 20), "soon")
    assert engagement_due(dt.date(2026, 5, 27), today).state == "soon"  # due today
    assert engagement_due(dt.date(2026, 5, 26), today).state == "overdue"
    assert engagement_due(dt.date(2026, 6, 27), today).state == "soon"  # a month ahead
    assert engagement_due(dt.date(2026, 6, 28), today).state == "ok"


def test_six_months_after_the_end_of_a_long_month_is_the_end_of_a_short_one() -> None:
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2027, 8, 31), 6) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2026, 12, 15), 6) == dt.date(2027, 6, 15)


# -- storage, on SQLite and PostgreSQL ------------------------------------------------

@pytest.fixture
def stored(tmp_path: Path, demo_content: Content, database_url: str) -> EngagementRegister:
    return register_of(make_app(tmp_path, demo_content, database_url))


def test_meetings_and_follow_ups_are_kept_and_replaced_whole(
        stored: EngagementRegister) -> None:
    first = stored.add_meeting(ORG, record(dt.date(2026, 3, 2)), "admin", DEMO_NOW)
    later = stored.add_meeting(ORG, record(
        dt.date(2026, 9, 14), FollowUp("Дыбыс қосу", "Айгерім", dt.date(2026, 10, 1)),
        FollowUp("Ымдау тілі", "Ерлан", dt.date(2026, 12, 1), done=True)), "editor", DEMO_NOW)
    stored.add_meeting("another-org", record(dt.date(2026, 11, 1)), "admin", DEMO_NOW)
    assert [m.id for m in stored.meetings(ORG)] == [later, first]  # the latest first
    assert stored.last_meeting_on(ORG) == dt.date(2026, 9, 14)
    assert stored.last_meeting_on("nobody") is None
    kept = stored.meeting(later)
    assert kept.record.organisations == "Қазақ соқырлар қоғамы\nСаңыраулар қоғамы"
    assert [f.action for f in kept.record.follow_ups] == ["Дыбыс қосу", "Ымдау тілі"]
    assert kept.record.follow_ups[1].done
    assert kept.recorded_at == DEMO_NOW and kept.recorded_at.tzinfo is not None
    changed = record(dt.date(2026, 9, 15), FollowUp("Жаңа", "Бауыржан", dt.date(2027, 1, 5)))
    later_now = DEMO_NOW + dt.timedelta(hours=1)
    assert stored.change_meeting(later, changed, "admin", later_now)
    again = stored.meeting(later)
    assert again.record == changed
    assert (again.recorded_by, again.updated_by, again.updated_at) == ("editor", "admin",
                                                                        later_now)
    assert not stored.change_meeting(9999, changed, "admin", later_now)
    assert stored.meeting(9999) is None


def test_feedback_is_anonymous_filtered_counted_and_marked(stored: EngagementRegister) -> None:
    columns = {c.name for c in VisitorFeedback.__table__.columns}
    assert columns == {"id", "location_id", "stand_id", "lang", "created_at", "category",
                       "text", "meeting_id"}  # nothing that could name the visitor
    hour = dt.timedelta(hours=1)
    one = stored.add_feedback("main", "main-hall", "kk", Difficulty.READING, DEMO_NOW)
    two = stored.add_feedback("main", "", "ru", Difficulty.READING, DEMO_NOW + hour)
    three = stored.add_feedback("reception", "", "en", Difficulty.REACHING, DEMO_NOW + 2 * hour)
    assert stored.add_feedback_text(one.id, "Әріптер кішкентай")
    assert not stored.add_feedback_text(one.id, "again")  # words are added once
    assert stored.feedback(one.id).text == "Әріптер кішкентай"
    everything = FeedbackFilter()
    assert [f.id for f in stored.feedback_list(everything)] == [three.id, two.id, one.id]
    main_only = FeedbackFilter(locations=["main"])
    assert [f.id for f in stored.feedback_list(main_only)] == [two.id, one.id]
    counts = stored.feedback_counts(main_only)
    assert counts[Difficulty.READING] == 2 and counts[Difficulty.REACHING] == 0
    assert set(counts) == set(Difficulty)
    period = FeedbackFilter(since=DEMO_NOW + hour, before=DEMO_NOW + 2 * hour)
    assert [f.id for f in stored.feedback_list(period)] == [two.id]
    reaching = FeedbackFilter(category=Difficulty.REACHING)
    assert [f.id for f in stored.feedback_list(reaching)] == [three.id]
    meeting = stored.add_meeting(ORG, record(dt.date(2026, 11, 27)), "admin", DEMO_NOW)
    day_ended = dt.datetime(2026, 11, 27, 19, 0, tzinfo=dt.UTC)  # midnight in Almaty
    # Only items of the given locations change, whatever ids are sent.
    assert stored.mark_considered([one.id, three.id], meeting, ["main"], day_ended) == 1
    assert stored.feedback(one.id).meeting_id == meeting
    assert stored.feedback(three.id).meeting_id is None
    assert stored.meeting(meeting).feedback_considered == 1
    assert stored.meetings(ORG)[0].feedback_considered == 1
    assert [f.id for f in stored.feedback_list(FeedbackFilter(considered=False))] == [
        three.id, two.id]
    # Feedback given after the meeting's day cannot have been considered at it.
    later = stored.add_feedback("main", "", "kk", Difficulty.FINDING, day_ended + hour)
    assert stored.mark_considered([later.id], meeting, ["main"], day_ended) == 0
    assert stored.feedback(later.id).meeting_id is None


def test_migration_0006_comes_after_0005_and_can_be_undone(app: Flask) -> None:
    from alembic import command

    from kiosk.store.migrate import alembic_config

    engine = store(app).engine
    tables = {"engagement_meetings", "engagement_follow_ups", "visitor_feedback"}
    assert tables <= set(inspect(engine).get_table_names())
    command.downgrade(alembic_config(engine), "0005")
    assert not tables & set(inspect(engine).get_table_names())
    assert "assistance_requests" in inspect(engine).get_table_names()
    command.upgrade(alembic_config(engine), "head")
    assert tables <= set(inspect(engine).get_table_names())


# -- the stand's form, as a browser without JavaScript sends it -----------------------

def hidden_fields(html: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', html))


def choose(client: FlaskClient, difficulty: str = "reading", stand: str = "main-hall",
           lang: str = "kk"):
    """What a visitor does: open the page on the stand and press one of the buttons."""
    html = client.get(f"/stand/main/{lang}/feedback?stand={stand}").get_data(as_text=True)
    return client.post(f"/stand/main/{lang}/feedback",
                       data={**hidden_fields(html), "difficulty": difficulty})


def heading(response) -> str:
    return re.search(r"<h1>(.*?)</h1>", response.get_data(as_text=True), re.S)[1].strip()


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_one_press_sends_the_feedback_and_the_stand_confirms_it(client: FlaskClient,
                                                                 app: Flask) -> None:
    page = client.get("/stand/main/en/feedback?stand=main-hall").get_data(as_text=True)
    buttons = re.findall(r'<button type="submit" class="tile" name="difficulty" value="(\w+)"',
                         page)
    assert buttons == ["reading", "hearing", "reaching", "finding", "language", "other"]
    sent = choose(client, "hearing", lang="en")
    assert sent.status_code == 303
    receipt = sent.headers["Location"]
    assert re.fullmatch(r"/stand/main/en/feedback/\d+-[0-9a-f]{20}", receipt)
    confirmation = client.get(receipt)
    html = confirmation.get_data(as_text=True)
    assert heading(confirmation).endswith("Thank you</span>")
    status = re.search(r'<div class="feedback-state" role="status" data-announce>(.*?)</div>',
                       html, re.S)[1]
    assert "Your feedback has been sent." in text_of(status)
    assert "You told us: Hearing or understanding speech" in text_of(html)
    [item] = register_of(app).feedback_list(FeedbackFilter())
    assert (item.location_id, item.stand_id, item.lang, item.category, item.text) == (
        "main", "main-hall", "en", Difficulty.HEARING, "")
    assert "Set-Cookie" not in sent.headers and "Set-Cookie" not in confirmation.headers


def test_the_visitor_may_add_words_once(client: FlaskClient, app: Flask) -> None:
    receipt = choose(client, "language", lang="ru").headers["Location"]
    html = client.get(receipt).get_data(as_text=True)
    assert '<label for="feedback-text">' in html
    token = hidden_fields(html)["token"]
    empty = client.post(receipt, data={"token": token, "text": "  "})
    assert empty.status_code == 400
    assert "Сначала напишите несколько слов" in empty.get_data(as_text=True)
    assert 'aria-invalid="true"' in empty.get_data(as_text=True)
    too_long = client.post(receipt, data={"token": token, "text": "ә" * 1001})
    assert too_long.status_code == 400
    assert "ә" * 1001 in too_long.get_data(as_text=True)  # nothing typed is lost
    added = client.post(receipt, data={"token": token, "text": " Нет казахского шрифта\r\n"})
    assert (added.status_code, added.headers["Location"]) == (303, receipt)
    after = client.get(receipt).get_data(as_text=True)
    assert "Ваши слова добавлены." in text_of(after)
    assert "feedback-text" not in after  # the form is gone
    assert client.post(receipt, data={"token": token, "text": "ещё"}).status_code == 400
    [item] = register_of(app).feedback_list(FeedbackFilter())
    assert item.text == "Нет казахского шрифта"


def test_words_are_not_taken_after_the_visitor_has_left(client: FlaskClient,
                                                        app: Flask) -> None:
    receipt = choose(client, lang="en").headers["Location"]
    token = hidden_fields(client.get(receipt).get_data(as_text=True))["token"]
    app.config["NOW"] = DEMO_NOW + dt.timedelta(minutes=31)
    assert "feedback-text" not in client.get(receipt).get_data(as_text=True)
    refused = client.post(receipt, data={"token": token, "text": "late"})
    assert refused.status_code == 400
    assert heading(refused) == "Your feedback could not be sent"


def test_forged_tokens_stands_and_choices_are_refused(client: FlaskClient, app: Flask) -> None:
    html = client.get("/stand/main/kk/feedback?stand=main-hall").get_data(as_text=True)
    fields = hidden_fields(html)
    issued, _, signature = fields["token"].partition(".")
    # An assistance form's token is not a feedback form's.
    assistance = hidden_fields(client.get("/stand/main/kk/assistance?stand=main-hall")
                               .get_data(as_text=True))["token"]
    for token in ("", f"{issued}.{'0' * 32}", f"{int(issued) + 60}.{signature}", assistance):
        refused = client.post("/stand/main/kk/feedback",
                              data={**fields, "token": token, "difficulty": "reading"})
        assert refused.status_code == 400
        assert heading(refused) == "Пікіріңіз жіберілмеді"
    for changes in ({"difficulty": "boredom"}, {"stand": "no-such-stand"},
                    {"stand": "main-floor2"}):
        refused = client.post("/stand/main/kk/feedback",
                              data={**fields, "difficulty": "reading", **changes})
        assert refused.status_code == 400, changes
    assert not register_of(app).feedback_list(FeedbackFilter())


def test_receipts_cannot_be_guessed_or_used_elsewhere(client: FlaskClient) -> None:
    receipt = choose(client).headers["Location"]
    feedback_id, _, signature = receipt.rsplit("/", 1)[1].partition("-")
    assert client.get(receipt.replace(signature, "0" * 20)).status_code == 404
    assert client.get(f"/stand/main/kk/feedback/{int(feedback_id) + 1}-{signature}"
                      ).status_code == 404
    assert client.get(receipt.replace("/main/", "/reception/")).status_code == 404
    # A call for assistance's ticket with the same number is no receipt.
    from kiosk.public.form_tokens import ticket

    with client.application.app_context():
        call_ticket = ticket(int(feedback_id), "main")
    assert client.get(f"/stand/main/kk/feedback/{call_ticket}").status_code == 404


def test_sends_are_rate_limited(client: FlaskClient, app: Flask) -> None:
    app.extensions["kiosk.feedback.sends"] = RateLimit(2, 60.0)
    answers = [choose(client, lang="en") for _ in range(3)]
    assert [a.status_code for a in answers] == [303, 303, 429]
    assert heading(answers[-1]) == "Too many requests"
    assert len(register_of(app).feedback_list(FeedbackFilter())) == 2


@pytest.mark.parametrize(("lang", "mode"),
                         list(itertools.product(LANGS, [m.param for m in ALL_MODES])))
def test_feedback_pages_are_well_formed_and_never_cached(client: FlaskClient, lang: str,
                                                         mode: str | None) -> None:
    query = f"?mode={mode}" if mode else ""
    chooser = client.get(f"/stand/main/{lang}/feedback{query}")
    assert_stand_page(chooser.get_data(as_text=True), lang)
    receipt = choose(client, lang=lang).headers["Location"]
    confirmation = client.get(receipt + query)
    assert_stand_page(confirmation.get_data(as_text=True), lang)
    for response in (chooser, confirmation):
        assert response.headers["Cache-Control"] == "no-store"


def test_the_feedback_page_of_no_stand_is_served_from_memory_a_stands_never(
        tmp_path: Path, demo_content: Content) -> None:
    app = make_app(tmp_path, demo_content, SERVER_TIMING=1)
    visitor = app.test_client()
    visitor.get("/stand/main/en/feedback")
    kept = visitor.get("/stand/main/en/feedback")
    # A phone's (or an unregistered stand's) page is everyone's: kept like any stand page,
    # still never kept by the browser, and its form still sends.
    assert kept.headers["Server-Timing"].endswith('desc="memory"')
    assert kept.headers["Cache-Control"] == "no-store"
    sent = visitor.post("/stand/main/en/feedback", data={
        **hidden_fields(kept.get_data(as_text=True)), "difficulty": "reading"})
    assert sent.status_code == 303
    # A stand's own page carries its proven id: never handed to a request without the
    # stand's credential, however many times the stand asked for it.
    stand = stand_client(app, "main-hall")
    for _ in range(2):
        own = stand.get("/stand/main/en/feedback?stand=main-hall")
        assert hidden_fields(own.get_data(as_text=True))["stand"] == "main-hall"
        assert "Server-Timing" not in own.headers  # not the cache's: rendered each time
    stranger = visitor.get("/stand/main/en/feedback?stand=main-hall")
    assert hidden_fields(stranger.get_data(as_text=True))["stand"] == ""
    stands = sorted(item.stand_id for item in register_of(app).feedback_list(FeedbackFilter()))
    assert stands == [""]


def test_the_start_and_accessibility_pages_lead_to_the_feedback(client: FlaskClient) -> None:
    for page in ("", "accessibility"):
        html = client.get(f"/stand/main/kk/{page}?mode=large").get_data(as_text=True)
        # A button on the accessibility page, a tile among the sections on the start page.
        link = re.search(r'<a class="(?:button|tile tile-feedback)" href="([^"]+)" '
                         r'data-say="\w+"[^>]*>[^<]*(?:<svg.*?</svg>\s*<span class="tile-title">)?'
                         r"Не қиын болғанын айтыңыз</", html, re.S)
        assert link and link[1] == "/stand/main/kk/feedback?mode=large", page
    # The bottom bar stays as it was: the way in is on those two pages only.
    assert "/feedback" not in client.get("/stand/main/kk/hours").get_data(as_text=True)


# -- the register in the admin area ---------------------------------------------------

@pytest.fixture
def accounts(app: Flask) -> Flask:
    add_accounts(app)
    return app


def submit(client: FlaskClient, path: str, changes: dict[str, str], op: str = "save",
           html: str | None = None):
    html = html if html is not None else client.get(path).get_data(as_text=True)
    return client.post(path, data=MultiDict(filled(html, changes, op, "meeting-form")))


def test_without_a_meeting_the_overview_and_register_warn(accounts: Flask) -> None:
    client = signed_in(accounts, "editor", "ru")
    overview = client.get("/admin/").get_data(as_text=True)
    assert "Ни одной встречи с представителями людей с инвалидностью ещё не записано" in (
        overview)
    assert f'href="{REGISTER}"' in overview
    assert client.get("/admin/engagement").headers["Location"] == REGISTER
    page = client.get(REGISTER).get_data(as_text=True)
    assert "встреча просрочена" in page and "Записать встречу" in page


def test_an_administrator_records_a_meeting_and_nothing_typed_is_lost(accounts: Flask) -> None:
    client = signed_in(accounts, "admin")
    wrong = submit(client, NEW_MEETING, {
        "held_on": "2026-12-30", "organisations": "Саңыраулар қоғамы", "attendees": "many",
        "follow_ups.0.action": "Субтитрлер қосу"})
    assert wrong.status_code == 400
    html = wrong.get_data(as_text=True)
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S)[0]
    links = re.findall(r'<a href="#([\w-]+)">([^<]*)</a>', summary)
    assert [target for target, _text in links] == [
        "f-held_on", "f-attendees", "f-needs", "f-follow_ups-0-owner", "f-follow_ups-0-due_on"]
    assert "Date of the meeting: The date is in the future" in links[0][1]
    assert "Follow-up 1: who: Say who will do it." in links[3][1]
    for target, _text in links:  # every link leads to a field that says what is wrong
        assert f'id="{target}"' in html
        assert f'id="{target}-error"' in html
        assert re.search(rf'id="{target}"[^>]*aria-describedby="[^"]*{target}-error"', html)
    assert 'value="Саңыраулар қоғамы"' not in html  # a textarea, kept as its text:
    assert ">Саңыраулар қоғамы</textarea>" in html
    assert 'value="many"' in html and ">Субтитрлер қосу</textarea>" in html
    saved = submit(client, NEW_MEETING, {
        "held_on": "2026-11-20", "attendees": "12", "needs": "Субтитрлер",
        "follow_ups.0.owner": "Ерлан", "follow_ups.0.due_on": "2026-11-25"}, html=html)
    assert (saved.status_code, saved.headers["Location"]) == (303, REGISTER)
    page = client.get(REGISTER).get_data(as_text=True)
    assert "The meeting has been recorded." in page
    assert "The next meeting is due by May 20, 2027." in page
    # Its follow-up was due on 25 November: two days ago.
    overdue = re.search(r'<div class="warning-box overdue-follow-ups">(.*?)</div>', page, re.S)
    assert "1 follow-up is overdue" in overdue[1] and "Субтитрлер қосу — Ерлан" in overdue[1]
    assert "engagement-due" not in client.get("/admin/").get_data(as_text=True)
    [meeting] = register_of(accounts).meetings(ORG)
    assert meeting.record.follow_ups == (FollowUp("Субтитрлер қосу", "Ерлан",
                                                  dt.date(2026, 11, 25)),)
    assert meeting.recorded_by == "admin"


def test_follow_ups_are_added_removed_and_marked_done(accounts: Flask) -> None:
    meeting_id = register_of(accounts).add_meeting(ORG, record(
        dt.date(2026, 10, 2), FollowUp("Бірінші", "А", dt.date(2026, 11, 1)),
        FollowUp("Екінші", "Б", dt.date(2026, 12, 1))), "admin", DEMO_NOW)
    client = signed_in(accounts, "editor")
    path = f"{REGISTER}/meetings/{meeting_id}"
    added = submit(client, path, {}, op="add")
    assert added.status_code == 200
    html = added.get_data(as_text=True)
    assert html.count('class="list-item follow-up"') == 3
    assert 'data-focus="f-follow_ups-2-action"' in html
    removed = submit(client, path, {}, op="remove:0", html=html)
    html = removed.get_data(as_text=True)
    assert html.count('class="list-item follow-up"') == 2 and "Бірінші" not in html
    saved = submit(client, path, {"follow_ups.0.done": "true",
                                  "follow_ups.1.action": "Үшінші",
                                  "follow_ups.1.owner": "В",
                                  "follow_ups.1.due_on": "31.01.2027"}, html=html)
    assert saved.status_code == 303
    changed = register_of(accounts).meeting(meeting_id)
    assert changed.record.follow_ups == (
        FollowUp("Екінші", "Б", dt.date(2026, 12, 1), done=True),
        FollowUp("Үшінші", "В", dt.date(2027, 1, 31)))
    assert changed.updated_by == "editor"
    assert submit(client, path, {}, op="remove:7").status_code == 400


def test_a_meeting_due_within_a_month_is_announced_on_the_overview(accounts: Flask) -> None:
    register_of(accounts).add_meeting(ORG, record(dt.date(2026, 6, 10)), "admin", DEMO_NOW)
    overview = signed_in(accounts, "auditor", "kk").get("/admin/").get_data(as_text=True)
    warning = re.search(r'<div class="warning-box engagement-due due-soon">(.*?)</div>',
                        overview, re.S)
    assert warning and "соңғы мерзімі — 2026\u202fж. 10 желтоқсан" in warning[1]


def test_auditors_read_the_register_but_record_nothing(accounts: Flask) -> None:
    meeting_id = register_of(accounts).add_meeting(ORG, record(dt.date(2026, 10, 2)), "admin",
                                                   DEMO_NOW)
    client = signed_in(accounts, "auditor")
    page = client.get(REGISTER).get_data(as_text=True)
    assert "Record a meeting" not in page
    meeting = client.get(f"{REGISTER}/meetings/{meeting_id}").get_data(as_text=True)
    assert "<form method=\"post\" class=\"meeting-form\"" not in meeting
    assert "Ірі шрифт, ымдау тілі" in meeting
    assert client.get(NEW_MEETING).status_code == 403
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
    assert client.post(f"{REGISTER}/meetings/{meeting_id}",
                       data={"csrf_token": token, "held_on": "2026-10-03"}).status_code == 403
    assert register_of(accounts).meeting(meeting_id).held_on == dt.date(2026, 10, 2)


def test_another_organisations_editor_does_not_see_the_register(
        tmp_path: Path, demo_content: Content) -> None:
    data = demo_content.model_dump(mode="json", exclude_none=True)
    data["organisation"]["id"] = "other-akimat"
    data["locations"] = {"elsewhere": data["locations"]["main"]}
    data["locations"]["elsewhere"]["stands"] = [{**data["locations"]["elsewhere"]["stands"][0],
                                                 "id": "elsewhere-hall"}]
    data.pop("default_location", None)
    app = make_app(tmp_path, demo_content)
    store(app).publisher.publish(Content.model_validate(data), author="tests")
    from kiosk.auth import Role, add_user
    from tests.admin_session import PASSWORD

    with store(app).sessions.begin() as db:
        add_user(db, "stranger", PASSWORD, Role.EDITOR, "Stranger", ("elsewhere",))
    client = signed_in(app, "stranger")
    assert client.get("/admin/engagement").headers["Location"] == (
        "/admin/engagement/other-akimat")
    assert client.get(REGISTER).status_code == 404
    assert client.get(NEW_MEETING).status_code == 404
    assert client.get(f"{REGISTER}/feedback").status_code == 404
    # An administrator sees both organisations, in a list.
    admin = app.test_client()
    with store(app).sessions.begin() as db:
        add_user(db, "boss", PASSWORD, Role.ADMINISTRATOR, "Boss")
    admin = signed_in(app, "boss")
    listing = admin.get("/admin/engagement").get_data(as_text=True)
    assert f'href="{REGISTER}"' in listing and 'href="/admin/engagement/other-akimat"' in listing


def feedback_at(app: Flask) -> list[int]:
    register = register_of(app)
    hour = dt.timedelta(hours=1)
    made = [register.add_feedback("main", "main-hall", "kk", Difficulty.READING,
                                  DEMO_NOW - 48 * hour),
            register.add_feedback("main", "", "ru", Difficulty.READING, DEMO_NOW - hour),
            register.add_feedback("reception", "", "en", Difficulty.FINDING, DEMO_NOW)]
    register.add_feedback_text(made[0].id, "Әріптер <b>кішкентай</b>")
    return [item.id for item in made]


def test_feedback_is_listed_filtered_and_counted(accounts: Flask) -> None:
    feedback_at(accounts)
    client = signed_in(accounts, "auditor")
    everything = client.get(f"{REGISTER}/feedback").get_data(as_text=True)
    assert "3 items of feedback" in everything
    counts = dict(re.findall(r'<li data-category="(\w+)">[^<]*<strong>(\d+)</strong>',
                             everything))
    assert counts == {"reading": "2", "hearing": "0", "reaching": "0", "finding": "1",
                      "language": "0", "other": "0"}
    assert '<span lang="kk">Әріптер &lt;b&gt;кішкентай&lt;/b&gt;</span>' in everything
    assert 'type="checkbox"' not in everything  # auditors only read
    main = client.get(f"{REGISTER}/feedback?location=main&category=reading&from=2026-11-26"
                      ).get_data(as_text=True)
    assert "1 item of feedback" in main
    assert 'value="main" selected' in main and 'value="2026-11-26"' in main
    wrong = client.get(f"{REGISTER}/feedback?from=yesterday&to=2026-11-01&location=nowhere"
                       ).get_data(as_text=True)
    summary = re.search(r'<div class="error-summary".*?</div>', wrong, re.S)[0]
    assert re.findall(r'href="#([\w-]+)"', summary) == ["filter-location", "filter-from"]
    assert '&#34;yesterday&#34; is not a date' in summary
    assert 'id="filter-from" name="from" type="date" value="yesterday" ' \
           'aria-describedby="filter-from-error" aria-invalid="true"' in wrong
    reversed_period = client.get(f"{REGISTER}/feedback?from=2026-11-27&to=2026-11-01"
                                 ).get_data(as_text=True)
    assert "The end of the period is before its start." in reversed_period


def test_feedback_is_marked_as_considered_at_a_meeting(accounts: Flask) -> None:
    ids = feedback_at(accounts)
    meeting_id = register_of(accounts).add_meeting(ORG, record(dt.date(2026, 11, 27)), "admin",
                                                   DEMO_NOW)
    client = signed_in(accounts, "editor")
    path = f"{REGISTER}/feedback?category=reading"
    html = client.get(path).get_data(as_text=True)
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', html))
    assert fields["back"] == f"{REGISTER}/feedback?category=reading"
    nothing = client.post(f"{REGISTER}/feedback/considered",
                          data={**fields, "meeting": str(meeting_id)})
    assert nothing.headers["Location"] == path
    assert "tick the feedback that was considered first" in client.get(path).get_data(
        as_text=True)
    marked = client.post(f"{REGISTER}/feedback/considered", data=MultiDict([
        *fields.items(), ("item", str(ids[0])), ("item", str(ids[1])),
        ("meeting", str(meeting_id))]))
    assert marked.status_code == 303
    after = client.get(path).get_data(as_text=True)
    assert "2 items marked as considered at the meeting of November 27, 2026." in after
    assert after.count("at the meeting of November 27, 2026") == 3  # notice and two rows
    # Back goes only to the list itself.
    elsewhere = client.post(f"{REGISTER}/feedback/considered",
                            data={**fields, "back": "https://evil.example/", "item": ids[2],
                                  "meeting": str(meeting_id)})
    assert elsewhere.headers["Location"] == f"{REGISTER}/feedback"
    assert register_of(accounts).meeting(meeting_id).feedback_considered == 3
    # A meeting held before the feedback was given cannot have considered it.
    earlier = register_of(accounts).add_meeting(ORG, record(dt.date(2026, 11, 26)), "admin",
                                                DEMO_NOW)
    client.post(f"{REGISTER}/feedback/considered", data=MultiDict([
        *fields.items(), ("item", str(ids[0])), ("item", str(ids[1])),
        ("meeting", str(earlier))]))
    refused = client.get(path).get_data(as_text=True)
    assert "1 item marked as considered at the meeting of November 26, 2026." in refused
    assert ("1 item was left as it was: it was given after the meeting of November 26, 2026, "
            "so that meeting cannot have considered it.") in refused
    assert register_of(accounts).feedback(ids[1]).meeting_id == meeting_id


def test_the_register_is_exported_for_auditors(accounts: Flask) -> None:
    register_of(accounts).add_meeting(ORG, MeetingRecord(
        dt.date(2026, 10, 2), "=HYPERLINK(\"https://evil.example\")", 4, "Ірі шрифт", "",
        (FollowUp("Дыбыс", "Айгерім", dt.date(2026, 11, 1)),
         FollowUp("Шрифт", "Ерлан", dt.date(2026, 12, 1), done=True))), "admin", DEMO_NOW)
    response = signed_in(accounts, "auditor", "ru").get(f"{REGISTER}/register.csv")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][:3] == ["Дата", "Представленные организации", "Человек"]
    assert rows[1][0] == "2026-10-02" and rows[1][1].startswith("'=HYPERLINK")
    assert [(row[6], row[9]) for row in rows[1:]] == [("Дыбыс", "просрочено"),
                                                      ("Шрифт", "выполнено")]


def test_a_preview_of_a_draft_shows_the_feedback_page_but_sends_nothing(
        accounts: Flask) -> None:
    client = signed_in(accounts, "editor")
    home = client.get("/admin/locations/main/preview/kk/home").get_data(as_text=True)
    assert 'href="/admin/locations/main/preview/kk/feedback"' in home
    page = client.get("/admin/locations/main/preview/kk/feedback").get_data(as_text=True)
    buttons = re.findall(r'<button type="submit" class="tile" name="difficulty"[^>]*>', page)
    assert len(buttons) == 6 and all(" disabled" in button for button in buttons)


def test_every_key_of_the_on_screen_keyboard_is_audible(client: FlaskClient) -> None:
    import numpy as np
    import soundfile

    receipt = choose(client, lang="kk").headers["Location"]
    html = client.get(receipt).get_data(as_text=True)
    keyboard = re.search(r'<div class="keyboard".*?\n  </div>', html, re.S)[0]
    keys = re.findall(r'<button type="button"[^>]*data-say="(\w+)"[^>]*>([^<]+)</button>',
                      keyboard)
    letters = "".join(text for _key, text in keys)
    assert set("әғқңөұүһі") <= set(letters)
    # The 42 letters of the Kazakh Cyrillic alphabet, 26 Latin ones, and in each layout
    # space, delete and the switch.
    assert len(keys) == 42 + 26 + 6
    silent = []
    for key, text in keys:
        with client.get(f"/speech/normal/{key}.ogg") as response:
            assert response.status_code == 200, text
            samples, _rate = soundfile.read(io.BytesIO(response.data), dtype="float32")
        if samples.size == 0 or float(np.max(np.abs(samples))) < 0.05:
            silent.append(text)
    assert not silent, f"keys the stand would not say: {silent}"

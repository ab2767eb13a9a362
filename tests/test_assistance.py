"""Call for assistance: signed stand forms, one open call per stand, and who may answer."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from kiosk.auth import Role, add_user
from kiosk.content import Content
from kiosk.public.modes import ALL_MODES
from kiosk.public.rate_limit import RateLimit
from kiosk.store import store
from kiosk.store.assistance import Need, State
from kiosk.store.tables import AssistanceRequest
from tests.conftest import DEMO_NOW, make_app
from tests.html_checks import assert_stand_page
from tests.stand_credentials import stand_client
from tests.test_admin import PASSWORD, sign_in
from tests.test_admin import token as csrf

LANGS = ("kk", "ru", "en")


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """The stand main-hall, with its credential: calls from it are attributed to it."""
    return stand_client(app, "main-hall")


@pytest.fixture
def staff(app: Flask) -> None:
    """Managers of every role (argon2 hashing is slow: only the admin tests need them)."""
    with store(app).sessions.begin() as db:
        add_user(db, "admin", PASSWORD, Role.ADMINISTRATOR, "Admin")
        add_user(db, "main-editor", PASSWORD, Role.EDITOR, "Editor of main", ("main",))
        add_user(db, "editor", PASSWORD, Role.EDITOR, "Editor of reception", ("reception",))
        add_user(db, "auditor", PASSWORD, Role.AUDITOR, "Auditor")


def form(client: FlaskClient, path: str) -> dict[str, str]:
    html = client.get(path).get_data(as_text=True)
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', html))


def press(client: FlaskClient, need: str = "entrance", stand: str = "main-hall",
          lang: str = "kk", location: str = "main"):
    """What a visitor does: open the page on the stand and press one of the needs."""
    fields = form(client, f"/stand/{location}/{lang}/assistance?stand={stand}")
    return client.post(f"/stand/{location}/{lang}/assistance",
                       data={**fields, "need": need})


def calls(app: Flask) -> list[AssistanceRequest]:
    with store(app).sessions() as db:
        return list(db.query(AssistanceRequest).order_by(AssistanceRequest.id))


def heading(response) -> str:
    return re.search(r"<h1>(.*?)</h1>", response.get_data(as_text=True), re.S)[1].strip()


# -- the stand's form and its token ----------------------------------------------------

def test_pressing_a_need_opens_a_call_and_shows_its_status(client: FlaskClient,
                                                           app: Flask) -> None:
    sent = press(client, "interpreter", lang="ru")
    assert sent.status_code == 303
    status_url = sent.headers["Location"]
    assert re.fullmatch(r"/stand/main/ru/assistance/1-[0-9a-f]{20}", status_url)
    [call] = calls(app)
    assert (call.location_id, call.stand_id, call.need, call.lang) == (
        "main", "main-hall", "interpreter", "ru")
    assert call.created_at == DEMO_NOW
    html = client.get(status_url).get_data(as_text=True)
    assert "Ваш запрос отправлен." in html and "Сурдопереводчик" in html
    assert 'role="status"' in html and 'data-assistance-state="waiting"' in html
    assert "11:00" in html  # sent at, in Almaty time


def test_a_forged_token_is_refused_with_a_clear_page(client: FlaskClient, app: Flask) -> None:
    fields = form(client, "/stand/main/kk/assistance?stand=main-hall")
    issued, _, signature = fields["token"].partition(".")
    for forged in ("", "nonsense", f"{issued}.{'0' * 32}", f"{int(issued) + 60}.{signature}"):
        refused = client.post("/stand/main/kk/assistance",
                              data={**fields, "token": forged, "need": "entrance"})
        assert refused.status_code == 400
        assert heading(refused) == "Сұрау жіберілмеді"
        assert "«Қызметкерді шақыру» батырмасын қайта басыңыз" in refused.get_data(as_text=True)
    assert not calls(app)


def test_an_expired_token_is_refused(client: FlaskClient, app: Flask) -> None:
    fields = form(client, "/stand/main/en/assistance?stand=main-hall")
    app.config["NOW"] = DEMO_NOW + dt.timedelta(minutes=31)
    refused = client.post("/stand/main/en/assistance", data={**fields, "need": "form"})
    assert refused.status_code == 400
    assert heading(refused) == "The request could not be sent"
    app.config["NOW"] = DEMO_NOW + dt.timedelta(minutes=29)
    assert client.post("/stand/main/en/assistance",
                       data={**fields, "need": "form"}).status_code == 303


def test_a_token_is_bound_to_its_stand_and_location(client: FlaskClient, app: Flask) -> None:
    hall = form(client, "/stand/main/kk/assistance?stand=main-hall")
    other_stand = client.post("/stand/main/kk/assistance",
                              data={**hall, "stand": "main-floor2", "need": "other"})
    no_stand = client.post("/stand/main/kk/assistance",
                           data={**hall, "stand": "", "need": "other"})
    lobby = form(client, "/stand/reception/kk/assistance?stand=reception-lobby")
    other_location = client.post("/stand/main/kk/assistance",
                                 data={**lobby, "stand": "", "need": "other"})
    assert other_stand.status_code == no_stand.status_code == other_location.status_code == 400
    assert not calls(app)


def test_only_stands_and_needs_of_the_content_are_accepted(client: FlaskClient,
                                                          app: Flask) -> None:
    fields = form(client, "/stand/main/kk/assistance?stand=main-hall")
    # A stand of another location, or an id nobody configured, is refused outright.
    for stand in ("reception-lobby", "no-such-stand", "<b>"):
        assert client.post("/stand/main/kk/assistance",
                           data={**fields, "stand": stand, "need": "other"}).status_code == 400
    for need in ("", "pizza", "<script>"):
        assert client.post("/stand/main/kk/assistance",
                           data={**fields, "need": need}).status_code == 400
    assert not calls(app)
    # A page opened without a known stand still calls staff, to the location.
    html = client.get("/stand/main/kk/assistance?stand=not-a-stand").get_data(as_text=True)
    assert 'name="stand" value=""' in html
    assert press(client, stand="").status_code == 303
    assert [(c.location_id, c.stand_id) for c in calls(app)] == [("main", "")]


def test_a_second_press_shows_the_call_already_made(client: FlaskClient, app: Flask) -> None:
    fields = form(client, "/stand/main/kk/assistance?stand=main-hall")
    first = client.post("/stand/main/kk/assistance", data={**fields, "need": "entrance"})
    first = first.headers["Location"]
    # A double tap, or the page still open in another language: the same call again.
    second = client.post("/stand/main/en/assistance", data={**fields, "need": "form"})
    assert second.status_code == 303
    assert second.headers["Location"] == first.replace("/kk/", "/en/")
    assert len(calls(app)) == 1 and calls(app)[0].need == "entrance"
    # Opening the page again leads straight to the open call.
    again = client.get("/stand/main/kk/assistance?stand=main-hall")
    assert again.status_code == 303 and again.headers["Location"] == first
    # Other stands are not held up by it.
    assert press(client, stand="main-floor2").headers["Location"] != first
    assert len(calls(app)) == 2


def test_the_database_keeps_one_open_call_per_stand(app: Flask) -> None:
    def insert() -> None:
        with store(app).sessions.begin() as db:
            db.add(AssistanceRequest(location_id="main", stand_id="main-hall", need="other",
                                     lang="kk", created_at=DEMO_NOW))

    insert()
    with pytest.raises(IntegrityError):
        insert()  # what two presses at the same instant would do
    desk = app.extensions["kiosk.assistance"]
    call = desk.open_call("main", "main-hall")
    desk.close(call.id, "admin", DEMO_NOW)
    insert()  # a closed call no longer counts


def test_after_staff_close_a_call_the_stand_can_call_again(client: FlaskClient,
                                                           app: Flask) -> None:
    first = press(client).headers["Location"]
    app.extensions["kiosk.assistance"].close(1, "admin", DEMO_NOW)
    assert press(client).headers["Location"] != first
    assert [c.closed_at is None for c in calls(app)] == [False, True]


def test_sends_are_rate_limited(client: FlaskClient, app: Flask) -> None:
    app.extensions["kiosk.assistance.sends"] = RateLimit(3, 60.0)
    fields = form(client, "/stand/main/ru/assistance?stand=main-hall")
    answers = [client.post("/stand/main/ru/assistance", data={**fields, "need": "other"})
               for _ in range(4)]
    assert [a.status_code for a in answers] == [303, 303, 303, 429]
    assert heading(answers[-1]) == "Слишком много запросов"
    assert len(calls(app)) == 1


def test_tickets_cannot_be_guessed(client: FlaskClient) -> None:
    status_url = press(client).headers["Location"]
    assert client.get(status_url).status_code == 200
    assert client.get(status_url + "/state.json").json == {"state": "waiting"}
    guessed = re.sub(r"-[0-9a-f]{20}$", "-" + "0" * 20, status_url)
    for path in (guessed, "/stand/main/kk/assistance/1", "/stand/main/kk/assistance/x-y",
                 status_url.replace("/main/", "/reception/"), guessed + "/state.json"):
        assert client.get(path).status_code == 404, path


def test_the_visitor_can_withdraw_the_call(client: FlaskClient, app: Flask) -> None:
    status_url = press(client, lang="ru").headers["Location"]
    fields = form(client, status_url)
    assert client.post(status_url + "/withdraw").status_code == 400  # no token
    withdrawn = client.post(status_url + "/withdraw", data=fields)
    assert withdrawn.status_code == 303 and withdrawn.headers["Location"] == status_url
    html = client.get(status_url).get_data(as_text=True)
    assert "Вы отменили запрос." in html and "Вызвать сотрудника ещё раз" in html
    assert app.extensions["kiosk.assistance"].get(1).state is State.WITHDRAWN


def test_the_status_follows_what_staff_do(client: FlaskClient, app: Flask) -> None:
    status_url = press(client, lang="en").headers["Location"]
    desk = app.extensions["kiosk.assistance"]
    desk.acknowledge(1, "admin", DEMO_NOW)
    assert client.get(status_url + "/state.json").json == {"state": "acknowledged"}
    html = client.get(status_url).get_data(as_text=True)
    live = re.search(r'role="status".*?</div>', html, re.S)[0]
    assert "A member of staff is on the way to you." in live
    desk.close(1, "admin", DEMO_NOW)
    html = client.get(status_url).get_data(as_text=True)
    assert "Your request has been dealt with." in html and "Withdraw my request" not in html


def test_the_stands_poll_says_whether_its_call_is_open(client: FlaskClient,
                                                      app: Flask) -> None:
    live = "/stand/main/kk/live.json?stand=main-hall"
    assert client.get(live).json["assistance"] is None
    press(client)
    assert client.get(live).json["assistance"] == "waiting"
    assert client.get("/stand/main/kk/live.json?stand=main-floor2").json["assistance"] is None
    assert client.get("/stand/main/kk/live.json").json["assistance"] is None
    app.extensions["kiosk.assistance"].acknowledge(1, "admin", DEMO_NOW)
    assert client.get(live).json["assistance"] == "acknowledged"


@pytest.mark.parametrize(("lang", "mode"), list(itertools.product(
    LANGS, [m.param for m in ALL_MODES])))
def test_call_pages_are_well_formed_and_never_cached(client: FlaskClient, app: Flask,
                                                     lang: str, mode: str | None) -> None:
    query = f"?mode={mode}" if mode else ""
    chooser = client.get(f"/stand/main/{lang}/assistance{query}")
    assert_stand_page(chooser.get_data(as_text=True), lang)
    status_url = press(client, lang=lang).headers["Location"]
    desk = app.extensions["kiosk.assistance"]
    for change in (lambda: None, lambda: desk.acknowledge(1, "a", DEMO_NOW),
                   lambda: desk.close(1, "a", DEMO_NOW)):
        change()
        status = client.get(status_url + query)
        assert_stand_page(status.get_data(as_text=True), lang)
    for response in (chooser, status):
        assert response.headers["Cache-Control"] == "no-store"
        assert "Set-Cookie" not in response.headers


def test_every_stand_page_offers_the_call(client: FlaskClient) -> None:
    for page in ("", "hours", "contacts"):
        html = client.get(f"/stand/main/en/{page}?mode=large").get_data(as_text=True)
        assert re.search(r'<a class="assist-link" href="/stand/main/en/assistance\?mode=large" '
                         r'data-say="[0-9a-f]{24}" data-help="[0-9a-f]{24}">', html)
        assert "Call for assistance" in html


# -- the admin area --------------------------------------------------------------------

def signed_in(app: Flask, username: str) -> FlaskClient:
    client = app.test_client()
    sign_in(client, username)
    return client


def answer(client: FlaskClient, call_id: int, action: str = "acknowledge"):
    return client.post(f"/admin/assistance/{call_id}/{action}",
                       data={"csrf_token": csrf(client, "/admin/assistance")})


def test_anonymous_visitors_are_sent_to_sign_in(app: Flask) -> None:
    anonymous = app.test_client()
    for path in ("/admin/assistance", "/admin/assistance.json"):
        response = anonymous.get(path)
        assert response.status_code == 302
        assert response.headers["Location"] == f"/admin/login?next={path}"


@pytest.mark.usefixtures("staff")
def test_staff_see_the_call_and_acknowledge_it(client: FlaskClient, app: Flask) -> None:
    press(client, "interpreter", lang="ru")
    admin = signed_in(app, "admin")
    html = admin.get("/admin/assistance").get_data(as_text=True)
    assert "Ымдау тілінің аудармашысы" in html  # the need, in the manager's language
    assert "1-қабат, кіреберіс фойе (main-hall)" in html
    assert '<td lang="ru">Русский</td>' in html  # the visitor's language
    assert "бір минуттан аз" in html and "Қызметкерді күтуде" in html
    answered = answer(admin, 1)
    assert answered.status_code == 303 and answered.headers["Location"] == "/admin/assistance"
    call = app.extensions["kiosk.assistance"].get(1)
    assert (call.state, call.acknowledged_by, call.acknowledged_at) == (
        State.ACKNOWLEDGED, "admin", DEMO_NOW)
    html = admin.get("/admin/assistance").get_data(as_text=True)
    assert "Қабылданды: admin, 11:00" in html and 'id="acknowledge-1"' not in html
    assert answer(admin, 1, "close").status_code == 303
    html = admin.get("/admin/assistance").get_data(as_text=True)
    assert "Ашық сұраулар жоқ." in html and "Жабылды: admin, 11:00" in html


@pytest.mark.usefixtures("staff")
def test_waiting_time_is_counted_in_minutes(client: FlaskClient, app: Flask) -> None:
    press(client)
    app.config["NOW"] = DEMO_NOW + dt.timedelta(minutes=22, seconds=30)
    admin = signed_in(app, "admin")
    admin.get("/admin/language/ru")
    assert "22 минуты" in admin.get("/admin/assistance").get_data(as_text=True)


@pytest.mark.usefixtures("staff")
def test_the_update_feed_carries_the_list_and_announcements(client: FlaskClient,
                                                            app: Flask) -> None:
    admin = signed_in(app, "admin")
    admin.get("/admin/language/en")
    assert admin.get("/admin/assistance.json").json["open"] == []
    press(client, "form")
    feed = admin.get("/admin/assistance.json")
    assert feed.headers["Cache-Control"] == "no-store"
    assert feed.json["open"] == [{"id": 1, "announcement": "New request for assistance: Help "
                                  "with a form, Floor 1, entrance lobby (main-hall).",
                                  "escalated": False, "escalation": ""}]
    assert 'data-call-id="1"' in feed.json["html"] and 'id="close-1"' in feed.json["html"]


@pytest.mark.usefixtures("staff")
def test_auditors_see_calls_but_cannot_answer(client: FlaskClient, app: Flask) -> None:
    press(client)
    auditor = signed_in(app, "auditor")
    html = auditor.get("/admin/assistance").get_data(as_text=True)
    assert 'data-call-id="1"' in html
    assert "<button" not in html.split('data-assistance="list"')[1]
    assert answer(auditor, 1).status_code == 403
    assert answer(auditor, 1, "close").status_code == 403
    assert app.extensions["kiosk.assistance"].get(1).state is State.WAITING


@pytest.mark.usefixtures("staff")
def test_editors_see_and_answer_only_their_locations(client: FlaskClient, app: Flask) -> None:
    press(client)  # a call at "main"
    press(client, stand="reception-lobby", location="reception")
    other = signed_in(app, "editor")  # an editor of "reception" only
    html = other.get("/admin/assistance").get_data(as_text=True)
    assert 'data-call-id="2"' in html and 'data-call-id="1"' not in html
    assert [c["id"] for c in other.get("/admin/assistance.json").json["open"]] == [2]
    assert answer(other, 1).status_code == 403
    assert answer(other, 1, "close").status_code == 403
    assert app.extensions["kiosk.assistance"].get(1).state is State.WAITING
    own = signed_in(app, "main-editor")
    assert answer(own, 1).status_code == 303
    assert app.extensions["kiosk.assistance"].get(1).state is State.ACKNOWLEDGED


@pytest.mark.usefixtures("staff")
def test_answers_need_the_csrf_token(client: FlaskClient, app: Flask) -> None:
    press(client)
    admin = signed_in(app, "admin")
    for action in ("acknowledge", "close"):
        assert admin.post(f"/admin/assistance/1/{action}").status_code == 400
        assert admin.post(f"/admin/assistance/1/{action}",
                          data={"csrf_token": "forged"}).status_code == 400
    assert app.extensions["kiosk.assistance"].get(1).state is State.WAITING
    assert answer(admin, 99).status_code == 404


@pytest.mark.usefixtures("staff")
def test_the_overview_counts_open_calls(client: FlaskClient, app: Flask) -> None:
    admin = signed_in(app, "admin")
    assert "Ашық көмек сұраулары жоқ" in admin.get("/admin/").get_data(as_text=True)
    press(client)
    press(client, stand="reception-lobby", location="reception")
    assert "Ашық көмек сұраулары: 2" in admin.get("/admin/").get_data(as_text=True)
    editor = signed_in(app, "editor")
    editor.get("/admin/language/ru")
    assert "1 открытый запрос помощи" in editor.get("/admin/").get_data(as_text=True)
    nav = re.search(r'<nav class="admin-nav".*?</nav>', editor.get("/admin/assistance")
                    .get_data(as_text=True), re.S)[0]
    assert '<a href="/admin/assistance" aria-current="page">Запросы помощи</a>' in nav


def test_names_from_the_content_are_escaped(tmp_path: Path, demo_content: Content) -> None:
    location = demo_content.locations["main"]
    stand = location.stands[0]
    named = stand.model_copy(update={"name": stand.name.model_copy(
        update={"kk": "Зал <b>1</b>"})})
    content = demo_content.model_copy(update={"locations": {
        **demo_content.locations,
        "main": location.model_copy(update={"stands": [named, *location.stands[1:]]})}})
    app = make_app(tmp_path, content)
    with store(app).sessions.begin() as db:
        add_user(db, "admin", PASSWORD, Role.ADMINISTRATOR)
    press(stand_client(app, "main-hall"))
    admin = signed_in(app, "admin")
    assert "Зал &lt;b&gt;1&lt;/b&gt;" in admin.get("/admin/assistance").get_data(as_text=True)
    assert "Зал &lt;b&gt;1&lt;/b&gt;" in admin.get("/admin/assistance.json").json["html"]


def test_migration_0005_comes_after_0004_and_can_be_undone(app: Flask) -> None:
    from alembic import command

    from kiosk.store.migrate import alembic_config

    engine = store(app).engine
    assert "assistance_requests" in inspect(engine).get_table_names()
    command.downgrade(alembic_config(engine), "0004")
    assert "assistance_requests" not in inspect(engine).get_table_names()
    assert "drafts" in inspect(engine).get_table_names()
    command.upgrade(alembic_config(engine), "head")
    indexes = {i["name"]: i for i in inspect(engine).get_indexes("assistance_requests")}
    assert indexes["ix_assistance_one_open_per_stand"]["unique"]


def test_needs_are_offered_in_a_fixed_order() -> None:
    assert [need.value for need in Need] == ["entrance", "interpreter", "form", "other"]

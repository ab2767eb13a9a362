"""What the server gives a stand for working offline: its service worker, the manifest
of its copy (pages, and the open/closed line and date of the days ahead), the pages it
shows instead of a form, and the notice every page carries. The browser side is
tests/browser/test_offline.py."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_babel import force_locale

from kiosk.content import Content
from kiosk.hours import status_at
from kiosk.public.status_text import status_sentence
from kiosk.security import CONTENT_SECURITY_POLICY
from kiosk.speech.warm import page_paths
from kiosk.store import store
from tests.conftest import DEMO_NOW, ROOT, make_app


@pytest.fixture
def app(tmp_path: Path, demo_content: Content) -> Flask:
    return make_app(tmp_path, demo_content, OFFLINE="full")


def worker_settings(client: FlaskClient, location: str = "main") -> dict:
    response = client.get(f"/stand/{location}/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    first = response.get_data(as_text=True).splitlines()[1]
    return json.loads(re.fullmatch(r"self\.KIOSK_OFFLINE = (.*);", first)[1])


def test_the_worker_is_served_from_the_location_with_its_revision(client: FlaskClient) -> None:
    settings = worker_settings(client)
    assert settings["scope"] == "/stand/main/"
    assert settings["manifest"] == "/stand/main/offline.json"
    assert settings["off"] is False
    live = client.get("/stand/main/kk/live.json").get_json()
    assert settings["revision"] == live["revision"]


def test_a_publication_changes_the_worker_so_stands_copy_it(
        app: Flask, client: FlaskClient, demo_content: Content) -> None:
    first = client.get("/stand/main/sw.js")
    assert first.headers["Cache-Control"] == "no-cache"
    again = client.get("/stand/main/sw.js", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    org = demo_content.organisation
    renamed = org.model_copy(update={"name": org.name.model_copy(update={"en": "Renamed"})})
    store(app).publisher.publish(demo_content.model_copy(update={"organisation": renamed}), "t")
    changed = client.get("/stand/main/sw.js", headers={"If-None-Match": first.headers["ETag"]})
    assert changed.status_code == 200
    assert worker_settings(client)["revision"] != json.loads(
        first.get_data(as_text=True).splitlines()[1][len("self.KIOSK_OFFLINE = "):-1])["revision"]


def test_turned_off_or_unknown_the_worker_removes_itself(tmp_path: Path,
                                                         demo_content: Content) -> None:
    client = make_app(tmp_path, demo_content).test_client()  # the tests' default: off
    assert worker_settings(client)["off"] is True
    assert client.get("/stand/main/offline.json").status_code == 404
    page = client.get("/stand/main/kk/").get_data(as_text=True)
    assert "offline.js" not in page and "data-offline" not in page
    (tmp_path / "on").mkdir()
    on = make_app(tmp_path / "on", demo_content, OFFLINE="full").test_client()
    assert worker_settings(on, "no-such-place")["off"] is True


def test_the_stand_allows_its_own_worker_and_no_other() -> None:
    assert "worker-src 'self'" in CONTENT_SECURITY_POLICY.split("; ")


def test_the_manifest_lists_every_page_in_every_language_and_mode_but_no_form(
        client: FlaskClient) -> None:
    data = client.get("/stand/main/offline.json").get_json()
    urls = [page["url"] for page in data["pages"]]
    # 6 pages kept whole and 2 offline answers, in 3 languages and 4 modes.
    assert len(urls) == len(set(urls)) == 8 * 3 * 4
    assert "/stand/main/kk/" in urls and "/stand/main/ru/hours?mode=large-contrast" in urls
    assert not [url for url in urls if re.search(r"/[a-z]{2}/(assistance|feedback)(\?|$)", url)]
    spoken = [page["url"] for page in data["pages"] if page["interface"]]
    assert len(spoken) == 3 * 3 * 4
    assert all("/offline/" in url or re.search(r"/[a-z]{2}/(\?|$)", url) for url in spoken)
    assert data["forms"] == ["assistance", "feedback"]
    assert data["revision"] == client.get("/stand/main/kk/live.json").get_json()["revision"]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_the_timeline_reads_as_the_server_would_at_every_moment(
        app: Flask, client: FlaskClient) -> None:
    """Every quarter of an hour of the next two weeks, the entry in force is the very
    sentence the server's own page would show then."""
    data = client.get("/stand/main/offline.json").get_json()
    location = store(app).reader.for_location("main").content.locations["main"]
    zone = dt.datetime.fromisoformat(data["now"]).tzinfo
    calendar = app.extensions["kiosk.calendar"]
    for lang in ("kk", "ru", "en"):
        entries = [(dt.datetime.fromisoformat(e[0]), e) for e in data["live"][lang]["status"]]
        assert entries[0][0] == DEMO_NOW
        moment = DEMO_NOW
        with app.test_request_context(f"/stand/main/{lang}/"), force_locale(lang):
            while moment < dt.datetime.fromisoformat(data["until"]):
                entry = [e for start, e in entries if start <= moment][-1]
                status = status_at(location.hours, moment, zone, calendar)
                assert entry[2] == status_sentence(status, lang), (lang, moment)
                assert entry[3] == status.is_open
                moment += dt.timedelta(minutes=15)
        dates = data["live"][lang]["date"]
        assert len(dates) == 15
        assert dates[1][0] == "2026-11-28T00:00:00+05:00"
    kk = client.get("/stand/main/offline.json").get_json()["live"]["kk"]
    assert kk["date"][0][2] == "2026\u202fж. 27 қараша, жұма"
    # A Friday afternoon: Monday morning is named as the next opening.
    assert any(e[2] == "Жабық — ашылу уақыты: дүйсенбі, 09:00" for e in kk["status"])


def test_the_timeline_texts_are_spoken(app: Flask, client: FlaskClient) -> None:
    data = client.get("/stand/main/offline.json").get_json()
    keys = {e[1] for lang in data["live"].values() for e in lang["status"] + lang["date"]}
    keys |= {said[0] for said in data["unsaid"].values()}
    for key in keys:
        with client.get(f"/speech/normal/{key}.ogg") as response:
            assert response.status_code == 200, key


def test_offline_answers_say_staff_cannot_be_reached_and_where_to_go(
        client: FlaskClient) -> None:
    page = client.get("/stand/main/kk/offline/assistance?mode=large")
    html = page.get_data(as_text=True)
    assert "Бұл стенд қазір қызметкерлерді шақыра алмайды: сервермен байланыс жоқ." in html
    # The location's help-on-call line.
    assert ("Кіреберістегі қызметкерлерден көмек сұраңыз немесе +7 727 000 12 99 нөміріне "
            "қоңырау шалыңыз.") in html
    # Spoken on arrival in speech mode, like a call's news.
    assert re.search(r'<div class="offline-answer" data-announce>\s*<p class="lead"><span '
                     r'data-say="[0-9a-f]{24}">', html)
    # The language and mode links lead to the form, which the worker answers offline.
    assert 'href="/stand/main/ru/assistance?mode=large"' in html
    assert "data-offline=\"notice\"" not in html
    feedback = client.get("/stand/main/ru/offline/feedback").get_data(as_text=True)
    assert "Сейчас этот стенд не может отправить ваш отзыв: нет связи с сервером." in feedback


def test_without_a_help_line_the_first_phone_is_given(
        tmp_path: Path, demo_content: Content) -> None:
    location = demo_content.locations["main"]
    services = [s for s in location.accessibility if s.kind != "help_on_call"]
    changed = location.model_copy(update={"accessibility": services})
    content = demo_content.model_copy(
        update={"locations": {**demo_content.locations, "main": changed}})
    client = make_app(tmp_path, content, OFFLINE="full").test_client()
    html = client.get("/stand/main/en/offline/assistance").get_data(as_text=True)
    assert "Please ask the staff at the entrance for help, or call +7 727 000 12 34." in html


def test_every_page_carries_the_hidden_notice_of_its_age(client: FlaskClient) -> None:
    html = client.get("/stand/main/ru/hours?mode=contrast").get_data(as_text=True)
    notice = re.search(r'<div class="offline-notice" data-offline="notice" hidden>(.*?)</div>',
                       html, re.S)[1]
    text = re.sub(r"<[^>]+>", "", notice)
    assert "Нет связи с сервером." in text
    assert "Информация по состоянию на: пятница, 27 ноября 2026 г., 11:00" in " ".join(text.split())
    assert re.search(r'<script src="/static/js/offline\.js\?v=\w+" data-worker="/stand/main/'
                     r'sw\.js" data-scope="/stand/main/" defer>', html)


def test_the_speech_warm_up_speaks_the_offline_answers_too(app: Flask) -> None:
    paths = list(page_paths(app))
    assert "/stand/reception/ru/offline/feedback" in paths
    assert len(paths) == len(set(paths)) == 2 * 3 * (8 + 2)


def test_the_launcher_opens_the_waiting_page_with_the_stand_address() -> None:
    unit = (ROOT / "deploy" / "kiosk-stand.service").read_text(encoding="utf-8")
    command = re.search(r"^ExecStart=(.*?)(?<!\\)$", unit, re.S | re.M)[1]
    assert command.split()[-1] == "file://%h/.config/kiosk-stand-waiting.html#${STAND_URL}"
    # The page itself is tested in tests/browser/test_offline.py.
    assert "ExecStartPre=/usr/bin/test -r %h/.config/kiosk-stand-waiting.html" in unit

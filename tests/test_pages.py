"""Every stand page, in every language and mode, rendered by the real app."""

from __future__ import annotations

import itertools
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kiosk.public.modes import ALL_MODES
from kiosk.store import store
from tests.conftest import make_app
from tests.html_checks import assert_stand_page, page_facts

PAGES = ("", "hours", "appeals", "contacts", "accessibility", "announcements")
LANGS = ("kk", "ru", "en")


def url(page: str, lang: str = "kk", location: str = "main", mode: str | None = None) -> str:
    return f"/stand/{location}/{lang}/{page}" + (f"?mode={mode}" if mode else "")


@pytest.mark.parametrize(("page", "lang", "mode"), list(itertools.product(
    PAGES, LANGS, [m.param for m in ALL_MODES])))
def test_every_page_is_well_formed(client: FlaskClient, page: str, lang: str,
                                   mode: str | None) -> None:
    response = client.get(url(page, lang, mode=mode))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert_stand_page(html, lang)
    expected = " ".join(f"mode-{p}" for p in (mode or "standard").split("-"))
    assert f'class="{expected}"' in html


def test_root_and_location_redirect_to_the_default_stand(client: FlaskClient) -> None:
    assert client.get("/").headers["Location"] == "/stand/main/"
    assert client.get("/stand/main/").headers["Location"] == "/stand/main/kk/"


def test_language_switcher_names_each_language_in_itself(client: FlaskClient) -> None:
    html = client.get(url("hours", "ru", mode="large")).get_data(as_text=True)
    for code, name in (("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")):
        link = f'href="/stand/main/{code}/hours?mode=large" lang="{code}" hreflang="{code}"'
        assert link in html
        assert name in html
    assert re.search(r'hreflang="ru" data-say="[0-9a-f]{24}" aria-current="true">Русский', html)
    assert html.count('aria-current="true"') == 1


def test_mode_toggles_state_whether_they_are_on(client: FlaskClient) -> None:
    html = client.get(url("contacts", mode="contrast")).get_data(as_text=True)
    assert 'name="mode" value="large-contrast" aria-pressed="false"' in html
    assert 'name="mode" value="" aria-pressed="true"' in html


def test_pages_speak_kazakh_by_default(client: FlaskClient) -> None:
    html = client.get(url("")).get_data(as_text=True)
    assert "Көктал ауданының әкімдігі" in html
    assert "Жұмыс уақыты" in html


def test_english_falls_back_to_russian_marked_as_russian(tmp_path, demo_content) -> None:
    location = demo_content.locations["main"]
    name = location.name.model_copy(update={"en": None})
    content = demo_content.model_copy(update={"locations": {
        **demo_content.locations, "main": location.model_copy(update={"name": name})}})
    client = make_app(tmp_path, content).test_client()
    html = client.get(url("", "en")).get_data(as_text=True)
    assert re.search(rf'<span data-say="[0-9a-f]{{24}}" lang="ru">{name.ru}</span>', html)


def test_status_line_reads_the_hours(client: FlaskClient) -> None:
    # 11:00 on Friday 27 November 2026 in Almaty; main opens 09:00-13:00, 14:30-18:30.
    html = client.get(url("", "en")).get_data(as_text=True)
    assert "Open now — break 13:00–14:30, closes at 18:30" in html


def test_hours_page_shows_the_week_and_holidays_ahead(client: FlaskClient) -> None:
    html = client.get(url("hours", "ru")).get_data(as_text=True)
    assert html.count("<tr") == 8  # header and seven days
    assert 'aria-current="date"' in html
    # 16 December, Independence Day, lies within the next 30 days.
    assert "Закрыто — День Независимости" in html


def test_announcements_respect_their_display_window(client: FlaskClient) -> None:
    html = client.get(url("announcements", "en")).get_data(as_text=True)
    facts = page_facts(html)
    titles = re.findall(r'<h2 id="a-([a-z0-9-]+)"', html)
    assert titles == ["fuel-aid-2026", "maslikhat-session-2026-12"]
    assert "autumn-fair-2026" not in html and "new-year-gifts-2026" not in html
    assert not facts.external_links


def test_outside_addresses_are_qr_codes_not_links(client: FlaskClient) -> None:
    html = client.get(url("appeals", "kk")).get_data(as_text=True)
    assert "eotinish.kz" in html
    assert '<svg aria-hidden="true" focusable="false"' in html
    assert not page_facts(html).external_links


def test_every_page_has_a_qr_code_to_itself(tmp_path, demo_content) -> None:
    app = make_app(tmp_path, demo_content, PUBLIC_URL="https://info.koktal.example.kz")
    html = app.test_client().get(url("contacts", "ru")).get_data(as_text=True)
    assert "info.koktal.example.kz/stand/main/ru/contacts" in html


def test_without_a_public_url_the_qr_code_leads_to_the_website(client: FlaskClient) -> None:
    html = client.get(url("contacts", "en")).get_data(as_text=True)
    assert "Our website: scan the code with your phone." in html
    assert "koktal.example.kz/stand/" not in html


def test_unknown_location_and_language_get_a_translated_404(client: FlaskClient) -> None:
    response = client.get("/stand/annex/ru/hours")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert_stand_page(html, "ru")
    assert "Страница не найдена" in html
    assert client.get("/stand/main/de/").status_code == 404


def test_broken_store_shows_a_designed_page(tmp_path) -> None:
    app = make_app(tmp_path, None)
    with app.app_context():
        store(app).dispose()
    (tmp_path / "kiosk.sqlite3").unlink()
    (tmp_path / "kiosk.sqlite3").mkdir()  # a directory where the database should be
    response = app.test_client().get("/stand/main/kk/")
    assert response.status_code == 503
    assert_stand_page(response.get_data(as_text=True), "kk")


def test_security_headers_on_every_response(client: FlaskClient) -> None:
    for path in (url(""), "/static/css/kiosk.css", "/stand/none/kk/"):
        with client.get(path) as response:
            headers = response.headers
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["Referrer-Policy"] == "no-referrer"


def test_new_content_is_served_without_restart(app: Flask, client: FlaskClient,
                                               demo_content) -> None:
    import kiosk.store.reading as db

    before = client.get(url("", "en")).get_data(as_text=True)
    org = demo_content.organisation
    renamed = org.model_copy(update={"name": org.name.model_copy(update={"en": "Renamed Akimat"})})
    store(app).publisher.publish(demo_content.model_copy(update={"organisation": renamed}),
                                 author="t")
    db.CHECK_SECONDS, saved = 0.0, db.CHECK_SECONDS
    try:
        after = client.get(url("", "en")).get_data(as_text=True)
    finally:
        db.CHECK_SECONDS = saved
    assert "Renamed Akimat" not in before and "Renamed Akimat" in after


def test_live_endpoint_reports_revision_and_clock(client: FlaskClient) -> None:
    data = client.get("/stand/main/ru/live.json").get_json()
    key, time = data["time"]
    assert time == "11:00" and re.fullmatch(r"[0-9a-f]{24}", key)
    assert data["status"][1].startswith("Сейчас открыто — перерыв 13:00–14:30")
    assert isinstance(data["revision"], int)


def test_large_type_size_is_computed_for_the_panel(client: FlaskClient) -> None:
    css = client.get("/assets/panel.css").get_data(as_text=True)
    # 21.5" FHD at 600 mm: 7.33 mm cap height / 0.248 mm pixels / 0.714 cap ratio = 41.4 px,
    # raised to twice the standard 22 px.
    assert "--text-large:44.0px" in css


def test_pages_travel_compressed_to_browsers_that_ask(client: FlaskClient) -> None:
    import gzip

    plain = client.get(url("appeals", "kk")).get_data()
    with client.get(url("appeals", "kk"), headers={"Accept-Encoding": "gzip, br"}) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response.headers["Vary"]
        packed = response.get_data()
    assert gzip.decompress(packed) == plain
    assert len(packed) < len(plain) / 3


def test_many_visitors_asking_at_once_cause_one_render(app: Flask) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from flask import template_rendered

    renders = []

    def count(sender, template, context, **extra) -> None:
        renders.append(template.name)

    template_rendered.connect(count, app)

    def visit(_: int) -> int:
        with app.test_client().get(url("contacts", "ru")) as response:
            return response.status_code

    with ThreadPoolExecutor(max_workers=20) as pool:
        assert list(pool.map(visit, range(20))) == [200] * 20
    assert renders.count("contacts.html") == 1


def test_each_official_shows_the_next_reception_date(client: FlaskClient) -> None:
    html = client.get(url("appeals", "en")).get_data(as_text=True)
    upcoming = re.findall(r'Next reception:</span></span> <span[^>]*>([^<]*)<', html)
    # The akim receives on the 2nd and 4th Thursdays: after Friday 27 November, 10 December.
    assert upcoming[0] == "Thursday, December\u00a010, 15:00\u2060–\u206018:00"
    # Friday 27 November at 11:00, the 10:00-12:00 reception is still on today.
    assert upcoming[-1].startswith("Friday, November\u00a027, 10:00")


def test_while_a_new_version_renders_other_visitors_get_the_previous_one(app: Flask) -> None:
    import threading

    from flask import before_render_template

    from kiosk.store import store

    path = url("contacts", "en")
    assert "new@example.kz" not in app.test_client().get(path).get_data(as_text=True)
    published = store(app).reader.current("koktal-akimat")
    location = published.content.locations["main"].model_dump(mode="json")
    location["contacts"]["email"] = "new@example.kz"
    store(app).publisher.publish_location("koktal-akimat", "main", location, published.number, "t")
    store(app).reader._current.clear()

    started, release = threading.Event(), threading.Event()

    def hold(sender, template, context, **extra) -> None:
        if template.name == "contacts.html":
            started.set()
            release.wait(10)

    before_render_template.connect(hold, app)
    leader: list[str] = []
    thread = threading.Thread(
        target=lambda: leader.append(app.test_client().get(path).get_data(as_text=True)))
    thread.start()
    assert started.wait(10)
    meanwhile = app.test_client().get(path).get_data(as_text=True)  # does not wait
    release.set()
    thread.join(10)
    before_render_template.disconnect(hold, app)
    assert "new@example.kz" not in meanwhile
    assert "new@example.kz" in leader[0]
    assert "new@example.kz" in app.test_client().get(path).get_data(as_text=True)


def test_a_page_whose_minute_ended_is_served_at_once_and_renewed_behind(app: Flask) -> None:
    import dataclasses
    import time

    from flask import template_rendered

    path = url("hours", "kk")
    first = app.test_client().get(path).get_data()
    cache = app.extensions["kiosk.response_cache"]
    key = next(k for k in cache._items if k[1] == path)
    cache._items[key] = dataclasses.replace(cache._items[key], expires=time.monotonic() - 1)

    renders: list[str] = []

    def count(sender, template, context, **extra) -> None:
        renders.append(template.name)

    template_rendered.connect(count, app)
    try:
        assert app.test_client().get(path).get_data() == first  # no wait for a render
        deadline = time.monotonic() + 10
        while cache._items[key].expires <= time.monotonic():
            assert time.monotonic() < deadline, "the page was not renewed"
            time.sleep(0.05)
    finally:
        template_rendered.disconnect(count, app)
    assert renders.count("hours.html") == 1

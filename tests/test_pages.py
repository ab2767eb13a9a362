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


def test_server_timing_says_how_long_a_page_took_and_whether_it_was_rendered(
        tmp_path, demo_content) -> None:
    timed = make_app(tmp_path, demo_content, SERVER_TIMING=1).test_client()
    first = timed.get(url("hours")).headers["Server-Timing"]
    again = timed.get(url("hours")).headers["Server-Timing"]
    assert re.fullmatch(r'app;dur=\d+\.\d{3};desc="rendered"', first)
    assert re.fullmatch(r'app;dur=\d+\.\d{3};desc="memory"', again)
    # Off by default: a page says nothing of the server's timing.
    (tmp_path / "plain").mkdir()
    plain = make_app(tmp_path / "plain", demo_content).test_client()
    assert "Server-Timing" not in plain.get(url("hours")).headers


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
        # Its pages are rendered in the background, then shown: no wait, no restart.
        after = served_once_rendered(client, url("", "en"), "Renamed Akimat")
    finally:
        db.CHECK_SECONDS = saved
    assert "Renamed Akimat" not in before and "Renamed Akimat" in after


def served_once_rendered(client: FlaskClient, path: str, text: str, seconds: float = 20
                         ) -> str:
    """The page at ``path`` once it shows ``text`` (a new revision's pages are rendered
    in the background before the revision goes live)."""
    import time

    deadline = time.monotonic() + seconds
    while True:
        html = client.get(path).get_data(as_text=True)
        if text in html:
            return html
        assert time.monotonic() < deadline, f"{path} never showed {text!r}"
        time.sleep(0.05)


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


def test_a_new_revision_goes_live_with_its_pages_already_rendered(app: Flask) -> None:
    import threading

    from flask import before_render_template, template_rendered

    from kiosk.store import store

    path = url("contacts", "en")
    client = app.test_client()
    old_revision = client.get("/stand/main/en/live.json").get_json()["revision"]
    assert "new@example.kz" not in client.get(path).get_data(as_text=True)
    published = store(app).reader.current("koktal-akimat")
    location = published.content.locations["main"].model_dump(mode="json")
    location["contacts"]["email"] = "new@example.kz"
    store(app).publisher.publish_location("koktal-akimat", "main", location, published.number, "t")

    started, release = threading.Event(), threading.Event()
    renders: list[str] = []

    def hold(sender, template, context, **extra) -> None:
        if template.name == "contacts.html":
            started.set()
            release.wait(10)

    def count(sender, template, context, **extra) -> None:
        renders.append(threading.current_thread().name)

    before_render_template.connect(hold, app)
    template_rendered.connect(count, app)
    try:
        # The first visitor after the publication does not wait for the new page; nor
        # does anyone while it renders: they get the live one, and live.json (what a
        # stand polls to know it should reload) still names the live revision.
        meanwhile = client.get(path).get_data(as_text=True)
        assert started.wait(10), "the new revision's page was not rendered ahead"
        assert "new@example.kz" not in meanwhile
        assert "new@example.kz" not in client.get(path).get_data(as_text=True)
        assert client.get("/stand/main/en/live.json").get_json()["revision"] == old_revision
        release.set()
        after = served_once_rendered(client, path, "new@example.kz")
        new_revision = client.get("/stand/main/en/live.json").get_json()["revision"]
    finally:
        release.set()
        before_render_template.disconnect(hold, app)
        template_rendered.disconnect(count, app)
    assert "new@example.kz" in after and new_revision != old_revision
    # Only the background renderer rendered; no visitor's request did.
    assert renders and all(name.startswith("kiosk-refresh") for name in renders), renders


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


def test_the_next_minute_is_rendered_ahead_and_shown_when_it_begins(tmp_path, demo_content
                                                                    ) -> None:
    import dataclasses
    import datetime as dt
    import threading
    import time

    from flask import template_rendered

    app = make_app(tmp_path, demo_content, NOW=None)  # the real clock, whose minutes pass
    client = app.test_client()
    path = url("hours", "en")
    client.get(path)
    cache = app.extensions["kiosk.response_cache"]
    key = next(k for k in cache._items if k[1] == path)
    entry = cache._items[key]
    assert entry.boundary is not None
    # A few seconds before its minute ends, a visit leads to the next minute's page
    # being rendered behind it.
    cache._items[key] = dataclasses.replace(entry, expires=time.monotonic() + 5)
    client.get(path)
    deadline = time.monotonic() + 20
    while key not in cache._next:
        assert time.monotonic() < deadline, "the next minute was not rendered ahead"
        time.sleep(0.05)
    ahead = cache._next[key]
    minute = dt.datetime.fromtimestamp(entry.boundary, dt.UTC).astimezone(
        demo_content.zone).isoformat(timespec="minutes")
    assert f'datetime="{minute}"' in ahead.body.decode()

    renders: list[str] = []

    def count(sender, template, context, **extra) -> None:
        renders.append(threading.current_thread().name)

    # The minute begins: the page rendered ahead is served, nothing renders meanwhile.
    cache._items[key] = dataclasses.replace(entry, expires=time.monotonic() - 0.01)
    cache._next[key] = dataclasses.replace(ahead, starts=time.monotonic() - 0.01)
    template_rendered.connect(count, app)
    try:
        served = client.get(path).get_data()
    finally:
        template_rendered.disconnect(count, app)
    assert served == ahead.body and renders == []


def test_a_scheduled_change_is_rendered_ahead_and_shown_from_its_minute(tmp_path, demo_content
                                                                       ) -> None:
    """Nobody publishes when a scheduled change takes effect: the page rendered ahead for
    its minute shows it, is not served a moment earlier, and is served from then on."""
    import dataclasses
    import datetime as dt
    import time

    from kiosk.content.model import ScheduledChange, Text

    # Two minutes away, so the test is over before the real clock gets there.
    now = dt.datetime.now(dt.UTC)
    moment = (now + dt.timedelta(minutes=2)).replace(second=0, microsecond=0)
    local = moment.astimezone(demo_content.zone)
    main = demo_content.locations["main"]
    change = ScheduledChange(effective_from=local.date(), effective_time=local.time(),
                             name=Text(kk="Жаңа ғимарат", ru="Новое здание",
                                       en="The New Building"))
    content = demo_content.model_copy(update={"locations": {
        **demo_content.locations, "main": main.model_copy(update={"scheduled": [change]})}})
    app = make_app(tmp_path, content, NOW=None)
    client = app.test_client()
    path = url("contacts", "en")
    assert "The New Building" not in client.get(path).get_data(as_text=True)
    cache = app.extensions["kiosk.response_cache"]
    key = next(k for k in cache._items if k[1] == path)
    entry = cache._items[key]
    # The page's minute is the one before the change: the next is rendered ahead.
    entry = dataclasses.replace(entry, boundary=moment.timestamp())
    cache._items[key] = dataclasses.replace(entry, expires=time.monotonic() + 5)
    client.get(path)
    deadline = time.monotonic() + 20
    while key not in cache._next:
        assert time.monotonic() < deadline, "the change's minute was not rendered ahead"
        time.sleep(0.05)
    ahead = cache._next[key]
    assert "The New Building" in ahead.body.decode() and ahead.revision != entry.revision

    def minute_begins() -> bytes:
        deadline = time.monotonic() + 20
        while key in cache._rendering:  # a renewal behind the previous request
            assert time.monotonic() < deadline, "the page was not renewed"
            time.sleep(0.05)
        cache._items[key] = dataclasses.replace(entry, expires=time.monotonic() - 0.01)
        cache._next[key] = dataclasses.replace(ahead, starts=time.monotonic() - 0.01)
        return client.get(path).get_data()

    # Were the page taken a moment early (the real clock is still before the change),
    # stands would show the change before its time: the previous page is served.
    assert "The New Building" not in minute_begins().decode()
    # The change's minute has begun: the page rendered ahead is served, and stands are
    # told of its version.
    app.config["NOW"] = moment
    assert minute_begins() == ahead.body
    assert client.get(url("live.json", "en")).get_json()["revision"] == ahead.revision

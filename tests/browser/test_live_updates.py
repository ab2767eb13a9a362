"""A stand shows newly published content by itself, once, without a reload loop, and
never in the middle of a visit: it waits for the visitor (issue 14, item 3)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from flask import Flask
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from accessibility_audit import violations
from accessibility_audit.browser import set_viewport
from kiosk.content import Content
from kiosk.store import store
from tests.browser.conftest import PORTRAIT, LiveServer, serve
from tests.browser.test_speech import fresh, press, said
from tests.conftest import DEMO_NOW, make_app
from tests.stand_credentials import start_address

pytestmark = pytest.mark.browser
QUIET = 3

# The heading found may be replaced by the new revision's page before its text is read.
REPLACED = (StaleElementReferenceException,)


@pytest.fixture(scope="module")
def polling_app(tmp_path_factory: pytest.TempPathFactory, demo_content: Content) -> Flask:
    return make_app(tmp_path_factory.mktemp("poll"), demo_content, CONTENT_POLL_SECONDS=1,
                    LIVE_UPDATE_QUIET_SECONDS=QUIET)


@pytest.fixture(scope="module")
def polling_server(polling_app: Flask, tmp_path_factory: pytest.TempPathFactory
                   ) -> Iterator[LiveServer]:
    yield from serve(polling_app, tmp_path_factory.mktemp("poll-serve"))


def test_published_content_appears_without_a_reload_loop(
        landscape: WebDriver, polling_app: Flask, polling_server: LiveServer,
        demo_content: Content) -> None:
    browser = landscape
    browser.get(polling_server.url("/stand/main/en/"))
    browser.execute_script("window.__sameDocument = true")
    org = demo_content.organisation
    renamed = org.model_copy(update={"name": org.name.model_copy(update={"en": "Renamed Akimat"})})
    store(polling_app).publisher.publish(
        demo_content.model_copy(update={"organisation": renamed}), "t")

    WebDriverWait(browser, 15, ignored_exceptions=REPLACED).until(
        lambda b: b.find_element(By.TAG_NAME, "h1").text == "Renamed Akimat")
    browser.execute_script("window.__sameDocument = true")
    time.sleep(4)  # several polls later the page has not reloaded again
    assert browser.execute_script("return window.__sameDocument === true")


def test_a_stand_reports_itself_by_the_id_it_was_started_with(
        landscape: WebDriver, polling_app: Flask, polling_server: LiveServer) -> None:
    browser = landscape
    register = polling_app.extensions["kiosk.stands"]
    # A registered stand: its credential in the start address's fragment.
    browser.get(start_address(polling_app, polling_server.base_url, "main-floor2"))
    # The page script keeps it as a cookie and takes it out of the address.
    assert browser.current_url.endswith("/stand/main/kk/?stand=main-floor2")
    assert browser.get_cookie("kiosk_stand")["value"].startswith("main-floor2.")
    WebDriverWait(browser, 10).until(lambda b: "main-floor2" in register.contacts())
    # Pages the visitor opens carry no id, yet the stand goes on reporting itself.
    reported = []
    original = register.contact
    register.contact = lambda stand, *args: (reported.append(stand), original(stand, *args))
    try:
        browser.get(polling_server.url("/stand/main/ru/hours"))
        WebDriverWait(browser, 10).until(lambda b: "main-floor2" in reported)
    finally:
        register.contact = original
    assert browser.execute_script("return localStorage.getItem('kiosk-stand')") == "main-floor2"


def test_a_stand_started_without_its_credential_is_not_recorded(
        landscape: WebDriver, polling_app: Flask, polling_server: LiveServer) -> None:
    """Anyone may type a stand's id into an address; only the credential makes it that
    stand's check-in."""
    browser = landscape
    browser.delete_all_cookies()
    register = polling_app.extensions["kiosk.stands"]
    browser.get(polling_server.url("/stand/main/?stand=main-hall"))
    # Several polls (one a second here) later, nothing was recorded as main-hall's.
    WebDriverWait(browser, 10).until(lambda b: b.execute_script(
        "return performance.getEntriesByType('resource')"
        ".filter(entry => entry.name.includes('live.json')).length >= 3"))
    assert "main-hall" not in register.contacts()


def renamed(content: Content, name: str, **announcement: object) -> Content:
    """``content`` with the organisation called ``name`` in English, and an announcement
    of the main building changed as given (an urgent one, say)."""
    org = content.organisation
    org = org.model_copy(update={"name": org.name.model_copy(update={"en": name})})
    locations = dict(content.locations)
    if announcement:
        main = locations["main"]
        first = main.announcements[-1].model_copy(update={
            "display_from": DEMO_NOW.date(), "display_until": DEMO_NOW.date(), **announcement})
        locations["main"] = main.model_copy(
            update={"announcements": [*main.announcements, first]})
    return content.model_copy(update={"organisation": org, "locations": locations})


def same_document(browser: WebDriver) -> bool:
    return browser.execute_script("return window.__sameDocument === true")


def polls_seen(browser: WebDriver) -> int:
    return browser.execute_script(
        "return performance.getEntriesByType('resource')"
        ".filter(entry => entry.name.includes('live.json')).length")


def wait_for_polls(browser: WebDriver, count: int) -> None:
    start = polls_seen(browser)
    WebDriverWait(browser, 30).until(lambda b: polls_seen(b) >= start + count)


def test_a_publication_waits_while_a_visitor_is_reading(
        landscape: WebDriver, polling_app: Flask, polling_server: LiveServer,
        demo_content: Content) -> None:
    browser = landscape
    set_viewport(browser, *PORTRAIT)
    fresh(browser, polling_server.url("/stand/main/en/hours?mode=large"))
    # A visitor reads on: a few keys, the page scrolled, the focus on a control.
    for _ in range(3):
        press(browser, Keys.ARROW_DOWN)
    press(browser, Keys.PAGE_DOWN)
    focused = browser.execute_script("return document.activeElement.outerHTML")
    scrolled = browser.execute_script("return document.getElementById('page-content').scrollTop")
    assert scrolled > 0
    browser.execute_script("window.__sameDocument = true")
    store(polling_app).publisher.publish(renamed(demo_content, "Visit Akimat"), "t")
    wait_for_polls(browser, 4)  # each saw the new revision, and let the visitor be
    assert same_document(browser)
    assert browser.execute_script("return document.activeElement.outerHTML") == focused
    assert browser.execute_script(
        "return document.getElementById('page-content').scrollTop") == scrolled
    assert not browser.find_element(By.CSS_SELECTOR, "[data-news='banner']").is_displayed()
    # The visitor's next page is the new revision.
    browser.find_element(By.CSS_SELECTOR, ".home-link").click()
    WebDriverWait(browser, 10, ignored_exceptions=REPLACED).until(
        lambda b: b.find_element(By.TAG_NAME, "h1").text == "Visit Akimat")


def test_on_the_start_page_the_publication_comes_after_a_quiet_spell(
        landscape: WebDriver, polling_app: Flask, polling_server: LiveServer,
        demo_content: Content) -> None:
    browser = landscape
    fresh(browser, polling_server.url("/stand/main/en/"))
    press(browser, Keys.ARROW_DOWN)  # a visitor is here
    store(polling_app).publisher.publish(renamed(demo_content, "Quiet Akimat"), "t")
    browser.execute_script("sessionStorage.setItem('pressed', Date.now())")
    press(browser, Keys.ARROW_DOWN)
    WebDriverWait(browser, 30, ignored_exceptions=REPLACED).until(
        lambda b: b.find_element(By.TAG_NAME, "h1").text == "Quiet Akimat")
    # Reloaded only after QUIET seconds without a key.
    waited = browser.execute_script(
        "return performance.timeOrigin - Number(sessionStorage.getItem('pressed'))")
    assert waited >= QUIET * 1000


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_an_urgent_announcement_is_offered_in_a_banner_never_forced(
        landscape: WebDriver, polling_app: Flask, polling_server: LiveServer,
        demo_content: Content, lang: str) -> None:
    browser = landscape
    fresh(browser, polling_server.url(f"/stand/main/{lang}/contacts"))
    press(browser, Keys.ARROW_DOWN)
    focused = browser.execute_script("return document.activeElement.outerHTML")
    browser.execute_script("window.__sameDocument = true")
    store(polling_app).publisher.publish(
        renamed(demo_content, f"Urgent Akimat {lang}", id=f"water-off-{lang}", urgent=True), "t")
    banner = browser.find_element(By.CSS_SELECTOR, "[data-news='banner']")
    WebDriverWait(browser, 15).until(lambda b: banner.is_displayed())
    assert same_document(browser)
    assert browser.execute_script("return document.activeElement.outerHTML") == focused
    # It is in the bar, never over the page, and passes axe like the rest of the stand.
    assert not violations(browser), [f.describe() for f in violations(browser)]
    # "Not now" puts it away for this visit; the focus goes to the page, not to <body>.
    dismiss = banner.find_element(By.CSS_SELECTOR, "[data-news='dismiss']")
    dismiss.click()
    assert not banner.is_displayed()
    assert browser.switch_to.active_element.get_attribute("id") == "main"
    wait_for_polls(browser, 2)
    assert not banner.is_displayed() and same_document(browser)


def test_an_urgent_announcement_is_said_in_speech_mode_after_what_is_being_said(
        landscape: WebDriver, polling_app: Flask, polling_server: LiveServer,
        demo_content: Content) -> None:
    browser = landscape
    fresh(browser, polling_server.url("/stand/main/ru/contacts"))
    press(browser, Keys.F2)
    WebDriverWait(browser, 5).until(lambda b: said(b))
    store(polling_app).publisher.publish(
        renamed(demo_content, "Speaking Akimat", id="road-closed", urgent=True), "t")
    news = browser.find_element(By.CSS_SELECTOR, "[data-news='banner'] p [data-say]")
    WebDriverWait(browser, 30).until(lambda b: news.get_attribute("data-say") in said(b))
    # Then the visitor goes to it by the banner's own link, a spoken control.
    link = browser.find_element(By.CSS_SELECTOR, "[data-news='banner'] a")
    assert link.get_attribute("data-say")
    link.click()  # first touch in speech mode: it is said
    link.click()  # second touch: chosen
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith("/ru/announcements"))
    assert "road-closed" in browser.page_source

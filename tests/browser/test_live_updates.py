"""A stand shows newly published content by itself, once, without a reload loop."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from flask import Flask
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from kiosk.content import Content
from kiosk.store import store
from tests.browser.conftest import LiveServer, serve
from tests.conftest import make_app
from tests.stand_credentials import start_address

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def polling_app(tmp_path_factory: pytest.TempPathFactory, demo_content: Content) -> Flask:
    return make_app(tmp_path_factory.mktemp("poll"), demo_content, CONTENT_POLL_SECONDS=1)


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

    WebDriverWait(browser, 15).until(
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

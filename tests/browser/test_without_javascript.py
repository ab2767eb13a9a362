"""With scripts off, every page still shows and every control still works."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit.browser import start_chromium
from tests.browser.conftest import LiveServer
from tests.browser.test_keypad import wait_for_url

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def no_script_browser() -> Iterator[WebDriver]:
    driver = start_chromium(1080, 1920, javascript=False)
    try:
        yield driver
    finally:
        driver.quit()


def test_pages_and_controls_work_without_javascript(no_script_browser: WebDriver,
                                                    live_server: LiveServer) -> None:
    browser = no_script_browser
    browser.get(live_server.url("/stand/main/kk/"))
    html_classes = browser.find_element(By.TAG_NAME, "html").get_attribute("class")
    assert "js" not in html_classes.split()  # kiosk.js did not run
    browser.find_element(By.CSS_SELECTOR, "a.tile[href*='/appeals']").click()
    wait_for_url(browser, "/stand/main/kk/appeals")
    browser.find_element(By.CSS_SELECTOR, "a[hreflang='en']").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Appeals and reception of citizens"
    browser.find_element(By.CSS_SELECTOR, "button[name='mode'][aria-pressed='false']").click()
    wait_for_url(browser, "/stand/main/en/appeals?mode=large")
    browser.find_element(By.CSS_SELECTOR, "button[name='mode'][aria-pressed='false']").click()
    wait_for_url(browser, "?mode=large-contrast")
    browser.find_element(By.CSS_SELECTOR, "button[name='mode'][aria-pressed='true']").click()
    wait_for_url(browser, "?mode=contrast")
    browser.find_element(By.CSS_SELECTOR, "a.home-link").click()
    wait_for_url(browser, "/stand/main/en/?mode=contrast")
    clock = browser.find_element(By.CSS_SELECTOR, "[data-live='time']").text
    assert clock == "11:00"  # rendered by the server, not by a script

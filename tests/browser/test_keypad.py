"""A visitor with only a keypad (arrows and Enter) reaches every section, language and mode."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.conftest import LiveServer

pytestmark = pytest.mark.browser

SECTIONS = ("hours", "appeals", "contacts", "accessibility", "announcements")


def press(browser: WebDriver, key: str) -> None:
    ActionChains(browser).send_keys(key).perform()


def arrow_to(browser: WebDriver, matches, limit: int = 40) -> None:
    """Press Down until the focused control satisfies ``matches`` (as a keypad user would)."""
    for _ in range(limit):
        press(browser, Keys.ARROW_DOWN)
        if matches(browser.switch_to.active_element):
            return
    raise AssertionError("the control was never reached with the Down key")


def wait_for_url(browser: WebDriver, suffix: str) -> None:
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith(suffix))


def href_ends(suffix: str):
    return lambda el: (el.get_attribute("href") or "").split("?")[0].endswith(suffix)


def test_keypad_walk_opens_every_section(landscape: WebDriver, live_server: LiveServer) -> None:
    browser = landscape
    browser.get(live_server.url("/stand/main/kk/"))
    for section in SECTIONS:
        arrow_to(browser, href_ends(f"/kk/{section}"))
        press(browser, Keys.ENTER)
        wait_for_url(browser, f"/stand/main/kk/{section}")
        assert browser.find_element(By.TAG_NAME, "h1").text
        arrow_to(browser, lambda el: "home-link" in (el.get_attribute("class") or ""))
        press(browser, Keys.ENTER)
        wait_for_url(browser, "/stand/main/kk/")


def test_keypad_switches_language_and_mode(landscape: WebDriver, live_server: LiveServer) -> None:
    browser = landscape
    browser.get(live_server.url("/stand/main/kk/contacts"))
    arrow_to(browser, lambda el: el.get_attribute("hreflang") == "ru")
    press(browser, Keys.ENTER)
    wait_for_url(browser, "/stand/main/ru/contacts")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru"
    assert browser.find_element(By.TAG_NAME, "h1").text == "Контакты"

    arrow_to(browser, lambda el: el.get_attribute("name") == "mode"
             and el.get_attribute("aria-pressed") == "false")
    press(browser, Keys.ENTER)
    wait_for_url(browser, "/stand/main/ru/contacts?mode=large")
    pressed = browser.find_element(By.CSS_SELECTOR, "button[name='mode'][aria-pressed='true']")
    assert "Крупный шрифт" in pressed.text

    arrow_to(browser, lambda el: el.get_attribute("name") == "mode"
             and el.get_attribute("aria-pressed") == "false")
    press(browser, " ")  # Space works as well as Enter
    wait_for_url(browser, "?mode=large-contrast")
    assert "mode-contrast" in browser.find_element(By.TAG_NAME, "html").get_attribute("class")


def test_up_key_moves_back_and_focus_is_visible(landscape: WebDriver,
                                                live_server: LiveServer) -> None:
    browser = landscape
    browser.get(live_server.url("/stand/main/en/"))
    press(browser, Keys.ARROW_DOWN)
    press(browser, Keys.ARROW_DOWN)
    second = browser.switch_to.active_element
    press(browser, Keys.ARROW_DOWN)
    press(browser, Keys.ARROW_UP)
    assert browser.switch_to.active_element == second
    outline = browser.execute_script(
        "return getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_arrows_reach_the_speech_button_in_the_lower_left_corner_in_large_type(
        landscape: WebDriver, live_server: LiveServer) -> None:
    # Found by a stand audit: when large type pinned the Speech button to the corner, the
    # arrows skipped it. It now has its cell in the bar, still in the lower left corner.
    browser = landscape
    browser.get(live_server.url("/stand/main/kk/contacts?mode=large"))
    toggle = browser.find_element(By.CSS_SELECTOR, "[data-speech='toggle']")
    assert toggle.is_displayed()
    bar, button = browser.find_element(By.CSS_SELECTOR, ".controls").rect, toggle.rect
    assert button["x"] - bar["x"] < 40  # the left edge
    assert bar["y"] + bar["height"] - (button["y"] + button["height"]) < 40  # the bottom edge
    arrow_to(browser, lambda el: el == toggle)

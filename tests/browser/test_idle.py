"""After a time without input the stand asks, counts down with sound, then forgets the visitor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from kiosk.content import Content
from tests.browser.conftest import LiveServer, serve
from tests.conftest import make_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def quick_idle_server(tmp_path_factory: pytest.TempPathFactory,
                      demo_content: Content) -> Iterator[LiveServer]:
    tmp_path: Path = tmp_path_factory.mktemp("idle")
    app = make_app(tmp_path, demo_content, IDLE_SECONDS=2, IDLE_COUNTDOWN_SECONDS=20)
    yield from serve(app, tmp_path)


def dialog_open(browser: WebDriver) -> bool:
    return browser.execute_script("return document.getElementById('idle-dialog').open")


def test_idle_dialog_extends_and_then_resets(landscape: WebDriver,
                                             quick_idle_server: LiveServer) -> None:
    browser = landscape
    browser.execute_script("window.__beeps = 0")
    browser.get(quick_idle_server.url("/stand/main/ru/hours?mode=large-contrast"))
    # Count the warning tones the page plays.
    browser.execute_script("""
        window.__beeps = 0;
        const start = OscillatorNode.prototype.start;
        OscillatorNode.prototype.start = function () { window.__beeps += 1;
          return start.apply(this, arguments); };""")
    WebDriverWait(browser, 8).until(dialog_open)
    countdown = browser.find_element(By.ID, "idle-countdown").text
    assert countdown.startswith("Возврат на главную страницу через 2")  # 20 seconds
    assert browser.switch_to.active_element.get_attribute("data-idle") == "extend"
    assert browser.execute_script("return window.__beeps") == 1

    browser.switch_to.active_element.click()  # "Yes, I need more time"
    assert not dialog_open(browser)
    assert browser.current_url.endswith("/ru/hours?mode=large-contrast")

    WebDriverWait(browser, 8).until(dialog_open)  # asked again: extensions are unlimited
    WebDriverWait(browser, 30).until(lambda b: b.current_url.endswith("/stand/main/kk/"))
    html = browser.find_element(By.TAG_NAME, "html")
    assert html.get_attribute("lang") == "kk"
    assert html.get_attribute("class").split() == ["mode-standard", "js"]

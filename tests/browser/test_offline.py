"""A stand never goes dark with its server (issue 13, item 1).

A real server process is stopped in the middle of a visit and started again on the
same port, while headless Chromium works the stand by keypad: the stand goes on from
its copy, with the notice of its age, in every language and mode, speaking; the call
for assistance says that staff cannot be reached and where to go instead; the idle
reset still works; and when the server is back the stand returns to live content by
itself. The launcher's waiting page covers a stand that starts while the server is down.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Iterator

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from accessibility_audit import violations
from accessibility_audit.browser import set_viewport, start_chromium
from kiosk.content import Content
from kiosk.public.modes import ALL_MODES
from tests.browser.conftest import LANDSCAPE, PORTRAIT, LiveServer, serve
from tests.browser.server_process import ServerProcess
from tests.conftest import ROOT, make_app

pytestmark = pytest.mark.browser

# The copy keeps the speech of the controls and messages only: the speech of every text
# on every page would be synthesised first, minutes of work for this test's server.
SETTINGS = {"OFFLINE": "interface", "CONTENT_POLL_SECONDS": 1, "IDLE_SECONDS": 12}
STAND = "/stand/main/?stand=main-hall"
# Which sounds played on the page, from its first moment (before any script of the page).
HEARD = """window.__heard = [];
document.addEventListener("kiosk:speaking", function (event) {
  window.__heard.push(event.detail.key); });"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    process = ServerProcess(tmp_path_factory.mktemp("offline"), SETTINGS)
    try:
        yield process
    finally:
        process.stop()


@pytest.fixture(scope="module")
def stand() -> Iterator[WebDriver]:
    """A browser of its own, as a stand has: the worker and its copy live in its profile."""
    driver = start_chromium(*LANDSCAPE)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HEARD})
    try:
        yield driver
    finally:
        driver.quit()


def press(browser: WebDriver, key: str) -> None:
    ActionChains(browser).send_keys(key).perform()


def arrow_to(browser: WebDriver, matches, limit: int = 80) -> None:
    """Press Down until the focused element satisfies ``matches``, as on the keypad."""
    for _ in range(limit):
        press(browser, Keys.ARROW_DOWN)
        if matches(browser.switch_to.active_element):
            return
    raise AssertionError("never reached with the Down key")


def href_ends(suffix: str):
    return lambda el: (el.get_attribute("href") or "").split("?")[0].endswith(suffix)


def has_class(name: str):
    return lambda el: name in (el.get_attribute("class") or "").split()


def is_copy(browser: WebDriver) -> bool:
    return browser.execute_script("return Boolean(window.kioskOffline && window.kioskOffline.copy)")


def notice(browser: WebDriver) -> str:
    """The offline notice as shown ("" while hidden)."""
    found = browser.find_elements(By.CSS_SELECTOR, "[data-offline='notice']")
    return found[0].text if found and found[0].is_displayed() else ""


def heard(browser: WebDriver, element_css: str, timeout: float = 30) -> None:
    """The first sentence of ``element_css`` was played (its sound started)."""
    key = browser.find_element(By.CSS_SELECTOR, f"{element_css} [data-say]").get_attribute(
        "data-say")
    WebDriverWait(browser, timeout).until(
        lambda b: key in b.execute_script("return window.__heard"), f"{element_css} not heard")
    assert browser.find_element(By.CSS_SELECTOR, "[data-speech='status']").get_attribute(
        "textContent") == ""


def copied(browser: WebDriver) -> bool:
    return browser.execute_script("""
        const state = window.kioskOffline && window.kioskOffline.state;
        return Boolean(navigator.serviceWorker.controller && state && state.ready);""")


def test_the_launcher_waits_for_the_server_instead_of_an_error_page(
        stand: WebDriver, server: ServerProcess) -> None:
    page = ROOT / "deploy" / "kiosk-stand-waiting.html"
    stand.get(f"file://{page}#{server.url(STAND)}")
    assert stand.find_element(By.TAG_NAME, "h1").text == "Стенд серверге қосылып жатыр"
    assert [s.get_attribute("lang") for s in stand.find_elements(By.TAG_NAME, "section")] == [
        "", "ru", "en"]
    assert not violations(stand)
    time.sleep(6)  # a retry has failed meanwhile: the stand waits on
    assert stand.current_url.startswith("file://")
    server.start()
    WebDriverWait(stand, 30).until(lambda b: b.current_url == server.url(
        "/stand/main/kk/?stand=main-hall"))


def test_a_stand_keeps_working_from_its_copy_and_returns_to_live_by_itself(
        stand: WebDriver, server: ServerProcess) -> None:
    browser = stand
    if server.process is None:
        server.start()
    browser.get(server.url(STAND))
    # The worker copies the revision: pages, styles, fonts and the interface's speech.
    WebDriverWait(browser, 600, poll_frequency=1).until(copied, "the copy was never complete")
    date = browser.find_element(By.CSS_SELECTOR, "[data-live='date']").text

    # A visitor opens the call for assistance and switches speech on; then the server stops.
    browser.get(server.url("/stand/main/kk/assistance?stand=main-hall"))
    assert not is_copy(browser) and browser.find_elements(By.NAME, "need")
    press(browser, Keys.F2)
    server.stop()

    # The call cannot reach staff: the stand says so, in text and speech, and where to go.
    arrow_to(browser, lambda el: el.get_attribute("name") == "need")
    press(browser, Keys.ENTER)
    WebDriverWait(browser, 20).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".offline-answer"))
    assert browser.current_url == server.url("/stand/main/kk/assistance")
    assert is_copy(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Қызметкерді шақыру"
    answer = browser.find_element(By.CSS_SELECTOR, ".offline-answer").text
    assert "Бұл стенд қазір қызметкерлерді шақыра алмайды: сервермен байланыс жоқ." in answer
    assert "+7 727 000 12 99" in answer
    heard(browser, ".offline-answer")

    # The keypad goes on, to pages of the copy, with the notice of its age, spoken.
    arrow_to(browser, has_class("home-link"))
    press(browser, Keys.ENTER)
    WebDriverWait(browser, 20).until(lambda b: b.current_url == server.url("/stand/main/kk/"))
    assert is_copy(browser)
    text = notice(browser)
    assert text.startswith("Сервермен байланыс жоқ. Ақпарат мына уақыттағы күйі бойынша:")
    assert date in text
    heard(browser, "[data-offline='notice']")
    # The worker answers the page's poll: the clock runs, the date and hours stay true.
    live = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch("/stand/main/kk/live.json").then(r => r.json()).then(done);""")
    assert live["offline"] is True and re.fullmatch(r"\d\d:\d\d", live["time"][1])
    assert live["date"][1] == date
    assert live["status"][1] == "Қазір ашық — үзіліс: 13:00–14:30, жабылу уақыты: 18:30"
    WebDriverWait(browser, 70).until(lambda b: b.find_element(
        By.CSS_SELECTOR, "[data-live='time']").text == b.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch("/stand/main/kk/live.json").then(r => r.json()).then(d => done(d.time[1]));"""))

    arrow_to(browser, href_ends("/kk/hours"))
    press(browser, Keys.ENTER)
    WebDriverWait(browser, 20).until(lambda b: b.current_url == server.url("/stand/main/kk/hours"))
    assert browser.find_element(By.CSS_SELECTOR, "table.week").is_displayed()
    assert notice(browser)
    heard(browser, "main h1")
    # A text whose speech this copy does not keep is answered (it cannot be read aloud
    # without the server), not silenced, and speech goes on working.
    week = browser.find_element(By.CSS_SELECTOR, "#week-title [data-say]")
    arrow_to(browser, lambda el: el == week)
    heard(browser, "#week-title")

    # Modes and languages work from the copy too.
    press(browser, Keys.F2)  # speech off: Down and Enter work the plain keypad again
    arrow_to(browser, lambda el: el.get_attribute("name") == "mode" and "Үлкен" in el.text)
    press(browser, Keys.ENTER)
    WebDriverWait(browser, 20).until(lambda b: b.current_url.endswith("/kk/hours?mode=large"))
    assert "mode-large" in browser.find_element(By.TAG_NAME, "html").get_attribute("class")
    arrow_to(browser, lambda el: el.get_attribute("lang") == "ru")
    press(browser, Keys.ENTER)
    WebDriverWait(browser, 20).until(lambda b: b.current_url.endswith("/ru/hours?mode=large"))
    assert notice(browser).startswith("Нет связи с сервером. Информация по состоянию на:")

    # Left alone, the stand resets to its start page, from the copy.
    WebDriverWait(browser, 30).until(
        lambda b: b.execute_script("return document.getElementById('idle-dialog').open"))
    WebDriverWait(browser, 40).until(lambda b: b.current_url == server.url("/stand/main/kk/"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("class").split() == [
        "mode-standard", "js"]
    assert notice(browser)

    # The server comes back: the notice goes, and the copy gives way to the live page.
    browser.execute_script("window.__copy = true")
    server.start()
    WebDriverWait(browser, 60).until(lambda b: not b.execute_script("return window.__copy"))
    WebDriverWait(browser, 30).until(lambda b: b.execute_script(
        "return window.kioskOffline && window.kioskOffline.state !== null"))
    assert not is_copy(browser)
    assert notice(browser) == ""
    assert browser.current_url == server.url("/stand/main/kk/")


@pytest.fixture(scope="module")
def plain_server(tmp_path_factory: pytest.TempPathFactory,
                 demo_content: Content) -> Iterator[LiveServer]:
    tmp_path = tmp_path_factory.mktemp("offline-axe")
    yield from serve(make_app(tmp_path, demo_content, OFFLINE="full"), tmp_path)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_notice_and_the_offline_answers_have_no_axe_violations(
        browser: WebDriver, plain_server: LiveServer, lang: str) -> None:
    set_viewport(browser, *PORTRAIT)
    failures = []
    for mode, page in itertools.product(ALL_MODES, ("hours", "offline/assistance")):
        path = f"/stand/main/{lang}/{page}" + (f"?mode={mode.param}" if mode.param else "")
        browser.get(plain_server.url(path))
        browser.execute_script("""
            const notice = document.querySelector("[data-offline='notice']");
            if (notice) { notice.hidden = false; }""")
        failures += [f"{path}: {f.describe()}" for f in violations(browser)]
        if mode.contrast:
            found = violations(browser, rules=("color-contrast-enhanced",))
            failures += [f"{path} (7:1): {f.describe()}" for f in found]
    assert not failures, "\n".join(failures)

"""Call for assistance, end to end: a visitor at a stand calls, staff in the admin area
see it without reloading and acknowledge it, and the stand says someone is coming."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from accessibility_audit.browser import set_viewport, start_chromium
from kiosk.auth import Role, add_user
from kiosk.content import Content
from kiosk.public.form_tokens import ticket
from kiosk.store import store
from kiosk.store.assistance import Need
from tests.browser.conftest import LANDSCAPE, PORTRAIT
from tests.browser.test_speech import SpeakingServer, fresh, press, said, speaking_server
from tests.conftest import DEMO_NOW
from tests.stand_credentials import start_address

pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def desk_server(tmp_path_factory: pytest.TempPathFactory,
                demo_content: Content) -> Iterator[SpeakingServer]:
    for server in speaking_server(tmp_path_factory, demo_content):
        with store(server.app).sessions.begin() as db:
            add_user(db, "duty", PASSWORD, Role.EDITOR, "Дежурный", ("main",))
        yield server


@pytest.fixture(scope="module")
def no_script_browser() -> Iterator[WebDriver]:
    driver = start_chromium(*LANDSCAPE, javascript=False)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def staff_browser() -> Iterator[WebDriver]:
    """The duty manager's own browser, next to the stand's."""
    driver = start_chromium(*LANDSCAPE)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(autouse=True)
def no_open_calls(desk_server: SpeakingServer) -> None:
    desk = desk_server.app.extensions["kiosk.assistance"]
    for call in desk.open_calls():
        desk.close(call.id, "tests", call.created_at)


def sign_in(browser: WebDriver, server: SpeakingServer, lang: str) -> None:
    browser.get(server.server.url(f"/admin/language/{lang}"))
    browser.find_element(By.ID, "username").send_keys("duty")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "button.primary").click()
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/admin/"))


def touch_twice(browser: WebDriver, selector: str) -> None:
    """In speech mode a first touch says what an item is, a second chooses it."""
    browser.find_element(By.CSS_SELECTOR, selector).click()
    browser.find_element(By.CSS_SELECTOR, selector).click()


def click_in_calls(browser: WebDriver, selector: str) -> None:
    """Click a button of the staff page's table of calls. Every poll replaces the table,
    so a button found just before a poll is gone when clicked: find it again and retry."""
    def click(b: WebDriver) -> bool:
        b.find_element(By.CSS_SELECTOR, selector).click()
        return True

    WebDriverWait(browser, 10, ignored_exceptions=[StaleElementReferenceException]).until(click)


def region_keys(browser: WebDriver) -> list[str]:
    return [span.get_attribute("data-say") for span in browser.find_elements(
        By.CSS_SELECTOR, "[data-assistance-state] [data-say]")]


def test_a_call_goes_to_staff_and_their_answer_comes_back_spoken(
        landscape: WebDriver, staff_browser: WebDriver, desk_server: SpeakingServer) -> None:
    stand, server = landscape, desk_server.server
    sign_in(staff_browser, desk_server, "en")
    staff_browser.get(server.url("/admin/assistance"))
    staff_browser.execute_script("window.__sameDocument = true")
    assert not staff_browser.find_elements(By.CSS_SELECTOR, "[data-call-id]")

    # The stand was started with its id; a visitor switches speech mode on.
    fresh(stand, start_address(desk_server.app, server.base_url, "main-hall"))
    stand.get(server.url("/stand/main/en/hours"))
    press(stand, Keys.F2)
    call_link = stand.find_element(By.CSS_SELECTOR, "a.assist-link")
    assert call_link.get_attribute("href").endswith("/stand/main/en/assistance?stand=main-hall")
    touch_twice(stand, "a.assist-link")
    WebDriverWait(stand, 5).until(lambda b: b.current_url.endswith("/assistance?stand=main-hall"))
    touch_twice(stand, "button[value='interpreter']")
    WebDriverWait(stand, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR,
                                                            "[data-assistance-state]"))
    waiting = region_keys(stand)
    assert "Staff on duty have been told" in stand.find_element(
        By.CSS_SELECTOR, "[data-assistance-state]").text
    # Arriving in speech mode, the stand says the page and that staff have been told.
    WebDriverWait(stand, 20).until(lambda b: set(waiting) <= set(said(b)))
    stand.execute_script("window.__sameDocument = true")

    # Staff see it without reloading, and it is announced.
    # The page replaces its table of calls on every poll, so elements found in it go
    # stale: each wait reads the current table afresh.
    polled = WebDriverWait(staff_browser, 15, ignored_exceptions=[StaleElementReferenceException])
    row = polled.until(lambda b: " ".join(
        row.text for row in b.find_elements(By.CSS_SELECTOR, "[data-call-id]")))
    assert "Sign language interpreter" in row
    assert "Floor 1, entrance lobby (main-hall)" in row
    assert staff_browser.execute_script("return window.__sameDocument === true")
    announcer = staff_browser.find_element(By.CSS_SELECTOR, "[data-assistance='announcer']")
    assert "New request for assistance: Sign language interpreter" in announcer.get_attribute(
        "textContent")
    assert staff_browser.title.startswith("(1) ")

    click_in_calls(staff_browser, "[id^='acknowledge-']")
    polled.until(
        lambda b: "Acknowledged by duty" in b.find_element(By.CSS_SELECTOR, "table.calls").text)

    # The stand shows it, in its live region, and speaks it at once, without a reload.
    region = stand.find_element(By.CSS_SELECTOR, "[data-assistance-state]")
    WebDriverWait(stand, 10).until(
        lambda b: region.get_attribute("data-assistance-state") == "acknowledged")
    assert region.text == "A member of staff is on the way to you. Please wait here."
    assert region.get_attribute("role") == "status"
    coming = region_keys(stand)
    assert coming and coming != waiting
    WebDriverWait(stand, 10).until(lambda b: coming[0] in said(b))
    WebDriverWait(stand, 10).until(
        lambda b: any(coming[0] in path for path in desk_server.audio_requests))
    assert stand.execute_script("return window.__sameDocument === true")

    # When staff close the call, the stand says it has been dealt with.
    click_in_calls(staff_browser, "[id^='close-']")
    WebDriverWait(stand, 10, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda b: b.find_element(By.CSS_SELECTOR, "[data-assistance-state]")
        .get_attribute("data-assistance-state") == "done")
    assert stand.find_element(By.CSS_SELECTOR, "a.button.primary").text == (
        "Call for assistance again")


def test_a_call_stays_on_the_stand_after_the_visitor_moves_on(
        landscape: WebDriver, desk_server: SpeakingServer) -> None:
    stand, server = landscape, desk_server.server
    fresh(stand, start_address(desk_server.app, server.base_url, "main-floor2"))
    stand.get(server.url("/stand/main/ru/assistance?stand=main-floor2"))
    stand.find_element(By.CSS_SELECTOR, "button[value='entrance']").click()
    WebDriverWait(stand, 5).until(lambda b: "/stand/main/ru/assistance/" in b.current_url)
    status_url = stand.current_url
    settings = stand.execute_script(
        "return JSON.parse(document.getElementById('kiosk-settings').textContent)")
    assert settings["holdIdleSeconds"] >= 300  # a waiting visitor is not hurried
    # The start page in the default language, as after the idle reset, shows the call.
    stand.get(server.url("/stand/main/kk/"))
    banner = stand.find_element(By.CSS_SELECTOR, "[data-assistance='banner']")
    WebDriverWait(stand, 5).until(lambda b: banner.is_displayed())
    assert "Осы стендке қызметкер шақырылды." in banner.text
    banner.find_element(By.TAG_NAME, "a").click()
    WebDriverWait(stand, 5).until(
        lambda b: b.current_url == status_url.replace("/ru/", "/kk/"))
    # A withdrawn call no longer shows.
    stand.find_element(By.CSS_SELECTOR, "form[action$='/withdraw'] button").click()
    WebDriverWait(stand, 5).until(lambda b: "Сіз сұраудан бас тарттыңыз." in b.page_source)
    stand.get(server.url("/stand/main/kk/contacts"))
    WebDriverWait(stand, 5).until(lambda b: b.execute_script(
        "return performance.getEntriesByType('resource')"
        ".some(entry => entry.name.includes('live.json'))"))  # the first poll was answered
    assert not stand.find_element(By.CSS_SELECTOR, "[data-assistance='banner']").is_displayed()


def test_without_javascript_the_call_works_with_check_again(
        no_script_browser: WebDriver, desk_server: SpeakingServer) -> None:
    browser, server = no_script_browser, desk_server.server
    browser.get(server.url("/stand/main/en/contacts?mode=large"))
    browser.find_element(By.CSS_SELECTOR, "a.assist-link").click()
    browser.find_element(By.CSS_SELECTOR, "button[value='form']").click()
    WebDriverWait(browser, 5).until(lambda b: "/stand/main/en/assistance/" in b.current_url)
    assert browser.current_url.endswith("?mode=large")
    state = browser.find_element(By.CSS_SELECTOR, "[data-assistance-state]")
    assert state.get_attribute("data-assistance-state") == "waiting"
    desk = desk_server.app.extensions["kiosk.assistance"]
    [call] = desk.open_calls()
    assert (call.stand_id, call.need.value) == ("", "form")  # no script, no stand id
    desk.acknowledge(call.id, "duty", call.created_at)
    browser.find_element(By.LINK_TEXT, "Check again").click()
    state = browser.find_element(By.CSS_SELECTOR, "[data-assistance-state]")
    assert state.text == "A member of staff is on the way to you. Please wait here."


def test_call_pages_have_large_targets_and_never_scroll_sideways(
        browser: WebDriver, desk_server: SpeakingServer) -> None:
    app, server = desk_server.app, desk_server.server
    call, _ = app.extensions["kiosk.assistance"].call("main", "main-hall", Need.FORM, "kk",
                                                      DEMO_NOW)
    with app.app_context():
        status = f"/stand/main/kk/assistance/{ticket(call.id, 'main')}"
    problems = []
    for viewport, mode in itertools.product((PORTRAIT, LANDSCAPE),
                                            ("", "large", "large-contrast")):
        set_viewport(browser, *viewport)
        for path in ("/stand/main/kk/assistance?stand=main-floor2", status):
            browser.get(server.url(f"{path}{'&' if '?' in path else '?'}mode={mode}"))
            width = browser.execute_script("return document.documentElement.scrollWidth")
            if width > viewport[0]:
                problems.append(f"{path} {mode} {viewport}: {width}px wide")
            problems += browser.execute_script("""
                return [...document.querySelectorAll('a[href], button')]
                  .filter(el => el.offsetParent !== null && !el.classList.contains('skip-link'))
                  .map(el => [el.textContent.trim(), el.getBoundingClientRect()])
                  .filter(([, r]) => r.width < 44 || r.height < 44)
                  .map(([text, r]) => `${text}: ${r.width}x${r.height}`);""")
    assert not problems, problems

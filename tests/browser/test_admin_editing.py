"""In a real browser: a manager edits an hour, previews it, publishes it, and an open
stand shows it by itself; every admin page on the way passes axe in kk, ru and en."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from accessibility_audit import Finding, violations
from kiosk.content import Content
from kiosk.content.sections import SECTIONS
from kiosk.store import store
from tests.admin_session import PASSWORD, add_accounts
from tests.browser.conftest import LiveServer, serve
from tests.conftest import make_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def editing_app(tmp_path_factory: pytest.TempPathFactory, demo_content: Content) -> Flask:
    app = make_app(tmp_path_factory.mktemp("editing"), demo_content, CONTENT_POLL_SECONDS=1)
    add_accounts(app)
    return app


@pytest.fixture(scope="module")
def editing_server(editing_app: Flask, tmp_path_factory: pytest.TempPathFactory
                   ) -> Iterator[LiveServer]:
    yield from serve(editing_app, tmp_path_factory.mktemp("editing-serve"))


def sign_in(browser: WebDriver, server: LiveServer, username: str, lang: str) -> None:
    # Cookies are deleted for the page's own site, so open one of its pages first.
    browser.get(server.url("/admin/login"))
    browser.delete_all_cookies()
    browser.get(server.url(f"/admin/language/{lang}"))
    browser.find_element(By.ID, "username").send_keys(username)
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "button.primary").click()
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/admin/"))


def set_value(browser: WebDriver, field_id: str, value: str) -> None:
    # What a person's clearing the field and typing ends in.
    browser.execute_script("document.getElementById(arguments[0]).value = arguments[1]",
                           field_id, value)


def click_submit(browser: WebDriver, value: str) -> None:
    button = browser.find_element(By.CSS_SELECTOR, f"button[name='op'][value='{value}']")
    button.click()
    WebDriverWait(browser, 5).until(lambda b: not _attached(button))


def _attached(element: object) -> bool:
    try:
        element.is_enabled()  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - stale: the next page has loaded
        return False
    return True


def test_edit_preview_publish_and_the_stand_changes_by_itself(
        landscape: WebDriver, editing_server: LiveServer) -> None:
    browser = landscape
    stand = editing_server.url("/stand/main/en/hours")
    browser.get(stand)
    stand_window = browser.current_window_handle
    assert "08:05" not in browser.find_element(By.TAG_NAME, "main").text
    browser.execute_script("window.__sameDocument = true")

    browser.switch_to.new_window("tab")
    sign_in(browser, editing_server, "editor", "en")
    browser.get(editing_server.url("/admin/locations/main/edit/hours"))
    set_value(browser, "f-hours-monday-0-start", "08:05")
    browser.find_elements(By.CSS_SELECTOR, "button[name='op'][value='save']")[0].click()
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/admin/locations/main/"))
    assert "Saved to your draft" in browser.page_source

    browser.find_element(By.CSS_SELECTOR, ".preview-links a[hreflang='en']").click()
    browser.find_element(By.CSS_SELECTOR, ".tiles a[href*='/hours']").click()
    assert "08:05" in browser.find_element(By.TAG_NAME, "main").text
    assert browser.find_elements(By.CSS_SELECTOR, ".preview-banner")

    browser.get(editing_server.url("/admin/locations/main/"))
    set_value(browser, "f-information_on", "2026-11-26")
    browser.find_element(By.XPATH, "//button[normalize-space()='Publish to the stands']").click()
    WebDriverWait(browser, 5).until(lambda b: "Published as revision 2" in b.page_source)

    browser.close()
    browser.switch_to.window(stand_window)
    # The stand swaps its page in place, so the <main> just found may be gone when read.
    WebDriverWait(browser, 60, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda b: "08:05" in b.find_element(By.TAG_NAME, "main").text)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_editing_pages_have_no_axe_violations(landscape: WebDriver, editing_app: Flask,
                                              editing_server: LiveServer, lang: str) -> None:
    browser = landscape
    found: list[Finding] = []

    def check(path: str | None = None) -> None:
        if path:
            browser.get(editing_server.url(path))
        found.extend(violations(browser))

    sign_in(browser, editing_server, "editor2", lang)
    check("/admin/locations/main/")
    for section in SECTIONS:
        check(f"/admin/locations/main/edit/{section}")
    # A form with errors, and one just after "Add".
    browser.get(editing_server.url("/admin/locations/main/edit/hours"))
    set_value(browser, "f-hours-monday-0-start", "")
    set_value(browser, "f-hours-tuesday-0-end", "07:00")
    click_submit(browser, "save")
    assert browser.find_elements(By.CSS_SELECTOR, ".error-summary")
    check()
    click_submit(browser, "add:hours.saturday")
    assert browser.switch_to.active_element.get_attribute("id") == "f-hours-saturday-0-start"
    check()
    # And one just after "Copy", with its message.
    browser.find_element(By.ID, "f-hours-wednesday-copy-friday").click()
    click_submit(browser, "copy:hours.wednesday")
    assert browser.switch_to.active_element.get_attribute("id") == "f-hours-wednesday-copy"
    check()
    set_value(browser, "f-hours-monday-0-start", "08:30")
    set_value(browser, "f-hours-tuesday-0-end", "13:00")
    set_value(browser, "f-hours-saturday-0-start", "10:00")
    set_value(browser, "f-hours-saturday-0-end", "13:00")
    click_submit(browser, "save")
    check()  # the location page with a draft
    for mode in ("", "large-contrast"):
        check(f"/admin/locations/main/preview/{lang}/hours?mode={mode}")
    # Someone else publishes meanwhile: the conflict page.
    published = store(editing_app).reader.current("koktal-akimat")
    location = published.content.locations["main"].model_dump(mode="json")
    location["contacts"]["email"] = f"conflict-{lang}@example.kz"
    location["hours"]["monday"][0]["start"] = "07:45"
    store(editing_app).publisher.publish_location("koktal-akimat", "main", location,
                                                  published.number, "Someone Else")
    browser.get(editing_server.url("/admin/locations/main/"))
    # Publishing without saying when the information changed: refused, with the summary.
    browser.find_element(By.CSS_SELECTOR, ".draft-panel button.primary").click()
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR,
                                                              ".error-summary"))
    assert browser.switch_to.active_element.get_attribute("class") == "error-summary"
    check()
    set_value(browser, "f-information_on", "2026-11-26")
    browser.find_element(By.CSS_SELECTOR, ".draft-panel button.primary").click()
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR, "table.diff"))
    check()
    browser.find_element(By.CSS_SELECTOR, ".choices button.secondary").click()  # discard
    number = store(editing_app).reader.current("koktal-akimat").number
    check("/admin/locations/main/history")
    check(f"/admin/locations/main/changes?from=1&to={number}")
    found.extend(scheduling_violations(browser, editing_server))
    assert not found, "\n".join(f.describe() for f in found)


def scheduling_violations(browser: WebDriver, server: LiveServer) -> list[Finding]:
    """Scheduling new hours: the start form refused, then the new version's form with an
    error, the location page that lists it, its preview, and the duties dashboard."""
    browser.get(server.url("/admin/locations/main/"))
    browser.find_element(By.CSS_SELECTOR, "a[href$='/scheduled/new']").click()
    found = violations(browser)
    browser.find_element(By.CSS_SELECTOR, "form button.primary").click()
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR,
                                                              ".error-summary"))
    found += violations(browser)
    browser.find_element(By.ID, "f-section-hours").click()
    set_value(browser, "f-effective_from", "2026-12-14")
    browser.find_element(By.CSS_SELECTOR, "form button.primary").click()
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(
        By.ID, "f-scheduled-0-hours-monday-0-start"))
    found += violations(browser)
    set_value(browser, "f-scheduled-0-hours-monday-0-start", "")
    click_submit(browser, "save")
    assert browser.find_elements(By.CSS_SELECTOR, ".error-summary")
    found += violations(browser)
    set_value(browser, "f-scheduled-0-hours-monday-0-start", "10:00")
    click_submit(browser, "save")
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/admin/locations/main/"))
    assert browser.find_elements(By.CSS_SELECTOR, "table.scheduled")
    found += violations(browser)
    browser.find_element(By.CSS_SELECTOR, "table.scheduled a[href*='at=2026-12-14']").click()
    found += violations(browser)
    browser.find_element(By.CSS_SELECTOR, ".tiles a[href*='/hours']").click()
    assert "at=2026-12-14" in browser.current_url  # the preview keeps its moment
    assert "10:00" in browser.find_element(By.TAG_NAME, "main").text
    browser.get(server.url("/admin/duties"))
    found += violations(browser)
    return found


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_import_pages_have_no_axe_violations(landscape: WebDriver, editing_server: LiveServer,
                                             tmp_path: Path, lang: str) -> None:
    browser = landscape
    sign_in(browser, editing_server, "admin", lang)
    browser.get(editing_server.url("/admin/content"))
    found = violations(browser)
    broken = tmp_path / "broken.yaml"
    broken.write_text("organisation: [\n", encoding="utf-8")
    browser.find_element(By.ID, "file").send_keys(str(broken))
    browser.find_element(By.CSS_SELECTOR, "form button.primary").click()
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR,
                                                              ".error-summary"))
    assert "broken.yaml" in browser.find_element(By.CSS_SELECTOR, ".error-summary").text
    found += violations(browser)
    assert not found, "\n".join(f.describe() for f in found)

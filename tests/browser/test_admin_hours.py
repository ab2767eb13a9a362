"""The hours form in a real browser whose own locale is American English (issue 14,
item 4): times are typed on a 24-hour clock, an error summary's link puts the focus in
the field with its question in view, and a day's hours are copied to other days."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.conftest import LiveServer
from tests.browser.test_admin_editing import (  # noqa: F401 (fixtures)
    click_submit,
    editing_app,
    editing_server,
    set_value,
    sign_in,
)

pytestmark = pytest.mark.browser
HOURS = "/admin/locations/main/edit/hours"


def focused_id(browser: WebDriver) -> str:
    return browser.switch_to.active_element.get_attribute("id")


def in_view(browser: WebDriver, element_id: str | None = None, css: str | None = None) -> bool:
    return browser.execute_script("""
        const el = arguments[0] ? document.getElementById(arguments[0])
                                : document.querySelector(arguments[1]);
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;""", element_id, css)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_times_are_typed_on_a_24_hour_clock_whatever_the_browser_locale(
        landscape: WebDriver, editing_server: LiveServer, lang: str) -> None:  # noqa: F811
    browser = landscape
    assert browser.execute_script("return navigator.language").startswith("en")
    sign_in(browser, editing_server, "editor2", lang)
    browser.get(editing_server.url(HOURS))
    field = browser.find_element(By.ID, "f-hours-friday-1-end")
    assert field.get_attribute("type") == "text"
    assert field.get_attribute("value") == "18:30" or ":" in field.get_attribute("value")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys("1745")
    assert field.get_attribute("value") == "1745"  # no widget reshapes what is typed
    click_submit(browser, "save")
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/admin/locations/main/"))
    browser.get(editing_server.url(HOURS))
    assert browser.find_element(By.ID, "f-hours-friday-1-end").get_attribute("value") == "17:45"
    # Put back for the other languages' runs.
    set_value(browser, "f-hours-friday-1-end", "18:00")
    click_submit(browser, "save")


def test_error_summary_links_focus_the_field_with_its_question_in_view(
        landscape: WebDriver, editing_server: LiveServer) -> None:  # noqa: F811
    browser = landscape
    sign_in(browser, editing_server, "editor2", "ru")
    browser.get(editing_server.url(HOURS))
    # A whole period wrong (a fieldset's error) far down the form, and one field.
    set_value(browser, "f-hours-thursday-1-end", "13:30")
    set_value(browser, "f-hours-monday-0-start", "9:75")
    click_submit(browser, "save")
    summary = browser.find_element(By.CSS_SELECTOR, ".error-summary")
    WebDriverWait(browser, 5).until(lambda b: b.switch_to.active_element == summary)
    links = summary.find_elements(By.TAG_NAME, "a")
    period = next(link for link in links if "f-hours-thursday-1-start" in
                  link.get_attribute("href"))
    period.click()
    assert focused_id(browser) == "f-hours-thursday-1-start"  # not <body>, not a fieldset
    # The legend of the period ("Period 2") shows above the field, as GOV.UK Frontend does.
    legend = browser.execute_script(
        "return document.activeElement.closest('fieldset').querySelector('legend')")
    assert browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0", legend)
    assert in_view(browser, "f-hours-thursday-1-start")
    browser.execute_script("window.scrollTo(0, 0)")
    next(link for link in browser.find_elements(By.CSS_SELECTOR, ".error-summary a")
         if "f-hours-monday-0-start" in link.get_attribute("href")).click()
    assert focused_id(browser) == "f-hours-monday-0-start"
    assert browser.switch_to.active_element.get_attribute("aria-invalid") == "true"
    assert in_view(browser, css="label[for='f-hours-monday-0-start']") or \
        browser.execute_script("const r = document.activeElement.closest('fieldset')"
                               ".querySelector('legend').getBoundingClientRect();"
                               "return r.top >= 0")
    # Leave the draft valid for the other tests.
    set_value(browser, "f-hours-thursday-1-end", "18:30")
    set_value(browser, "f-hours-monday-0-start", "09:00")
    click_submit(browser, "save")


def test_a_days_hours_are_copied_with_javascript_and_the_focus_stays_on_the_button(
        landscape: WebDriver, editing_server: LiveServer) -> None:  # noqa: F811
    browser = landscape
    sign_in(browser, editing_server, "editor2", "en")
    browser.get(editing_server.url(HOURS))
    set_value(browser, "f-hours-monday-0-start", "08:00")
    for day in ("saturday", "sunday"):
        box = browser.find_element(By.ID, f"f-hours-monday-copy-{day}")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.click()
    click_submit(browser, "copy:hours.monday")
    assert focused_id(browser) == "f-hours-monday-copy"
    status = browser.find_element(By.CSS_SELECTOR, ".notice[role='status']")
    assert status.text == "Copied the hours of Monday to Saturday and Sunday."
    for day in ("saturday", "sunday"):
        starts = [el.get_attribute("value") for el in browser.find_elements(
            By.CSS_SELECTOR, f"input[name^='hours.{day}.'][name$='.start']")]
        assert starts[:1] == ["08:00"]
    # Nothing ticked: the stand says what to do and the focus goes to the first box.
    click_submit(browser, "copy:hours.friday")
    assert focused_id(browser) == "f-hours-friday-copy-monday"
    assert "Choose at least one day" in browser.find_element(
        By.CSS_SELECTOR, ".notice[role='status']").text

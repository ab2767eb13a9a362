"""Visitors' feedback at the stand, in a real browser: by keypad alone, spoken in speech
mode, without JavaScript, with large targets, and passing axe in every language and mode."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from accessibility_audit import violations
from accessibility_audit.browser import set_viewport, start_chromium
from kiosk.content import Content
from kiosk.public.form_tokens import ticket
from kiosk.public.modes import ALL_MODES
from kiosk.public.rate_limit import RateLimit
from kiosk.public.views.feedback import RECEIPT_PURPOSE
from kiosk.store.engagement import Difficulty, FeedbackFilter
from tests.browser.conftest import LANDSCAPE, PORTRAIT
from tests.browser.test_keypad import arrow_to, wait_for_url
from tests.browser.test_speech import SpeakingServer, fresh, press, said, speaking_server
from tests.conftest import DEMO_NOW
from tests.stand_credentials import start_address

pytestmark = pytest.mark.browser
LANGS = ("kk", "ru", "en")
MODES = [mode.param for mode in ALL_MODES]


@pytest.fixture(scope="module")
def feedback_server(tmp_path_factory: pytest.TempPathFactory,
                    demo_content: Content) -> Iterator[SpeakingServer]:
    for server in speaking_server(tmp_path_factory, demo_content):
        # One browser plays many visitors here, faster than any real one.
        server.app.extensions["kiosk.feedback.sends"] = RateLimit(10_000, 60.0)
        yield server


@pytest.fixture(autouse=True)
def nothing_sent_yet(feedback_server: SpeakingServer) -> None:
    from kiosk.store import store
    from kiosk.store.tables import VisitorFeedback

    with store(feedback_server.app).sessions.begin() as db:
        db.query(VisitorFeedback).delete()


def sent(server: SpeakingServer) -> list:
    return server.app.extensions["kiosk.engagement"].feedback_list(FeedbackFilter())


def receipt_path(server: SpeakingServer, lang: str, text: str = "") -> str:
    """The confirmation page of a feedback just left, as the stand shows it."""
    register = server.app.extensions["kiosk.engagement"]
    item = register.add_feedback("main", "main-hall", lang, Difficulty.FINDING, DEMO_NOW)
    if text:
        register.add_feedback_text(item.id, text)
    with server.app.app_context():
        return f"/stand/main/{lang}/feedback/{ticket(item.id, 'main', RECEIPT_PURPOSE)}"


@pytest.fixture(scope="module")
def no_script_browser() -> Iterator[WebDriver]:
    driver = start_chromium(*PORTRAIT, javascript=False)
    try:
        yield driver
    finally:
        driver.quit()


def test_a_keypad_alone_leaves_feedback_from_the_start_page(
        landscape: WebDriver, feedback_server: SpeakingServer) -> None:
    browser, server = landscape, feedback_server.server
    fresh(browser, start_address(feedback_server.app, server.base_url, "main-floor2"))
    wait_for_url(browser, "/stand/main/kk/?stand=main-floor2")
    arrow_to(browser, lambda el: (el.get_attribute("href") or "").endswith(
        "/stand/main/kk/feedback?stand=main-floor2"))
    press(browser, Keys.ENTER)
    wait_for_url(browser, "/stand/main/kk/feedback?stand=main-floor2")
    arrow_to(browser, lambda el: el.get_attribute("value") == "reaching")
    press(browser, Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda b: "/stand/main/kk/feedback/" in b.current_url)
    status = browser.find_element(By.CSS_SELECTOR, ".feedback-state")
    assert status.get_attribute("role") == "status"
    assert status.text.startswith("Пікіріңіз жіберілді.")
    [item] = sent(feedback_server)
    assert (item.stand_id, item.category, item.lang) == ("main-floor2", Difficulty.REACHING,
                                                         "kk")
    # With an attached keyboard the words go in the same way, Left and Right in the text.
    arrow_to(browser, lambda el: el.get_attribute("id") == "feedback-text")
    press(browser, "Экран биік")
    press(browser, Keys.ARROW_LEFT)
    press(browser, "!")
    assert browser.switch_to.active_element.get_attribute("id") == "feedback-text"
    arrow_to(browser, lambda el: "feedback-send" in (el.get_attribute("class") or ""),
             limit=8)  # past the on-screen keyboard, one row at a time
    press(browser, Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda b: "Сіздің сөздеріңіз қосылды." in b.page_source)
    assert sent(feedback_server)[0].text == "Экран биі!к"


def test_the_on_screen_keyboard_writes_kazakh_letters_by_touch_and_keypad(
        landscape: WebDriver, feedback_server: SpeakingServer) -> None:
    browser = landscape
    fresh(browser, feedback_server.server.url(receipt_path(feedback_server, "kk")))
    keyboard = browser.find_element(By.CSS_SELECTOR, "[data-keyboard-for='feedback-text']")
    assert keyboard.is_displayed()
    assert keyboard.get_attribute("role") == "group"
    assert keyboard.get_attribute("aria-label") == "Экрандағы пернетақта"
    keys = browser.find_elements(By.CSS_SELECTOR, "[data-layout='cyrillic'] [data-key]")
    letters = "".join(key.text for key in keys if key.is_displayed())
    assert set("әғқңөұүһі") <= set(letters) and "ё" in letters
    assert all(key.get_attribute("data-say") for key in keys)  # each one is spoken

    def touch(selector: str) -> None:
        key = browser.find_element(By.CSS_SELECTOR, selector)
        # As a visitor would, with the key scrolled clear of the bottom bar.
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", key)
        key.click()

    for letter in "сәлем":
        touch(f"[data-layout='cyrillic'] button[data-key='{letter}']")
    touch("[data-layout='cyrillic'] button[data-key=' ']")
    touch("[data-layout='cyrillic'] [data-key-action='switch']")
    assert not browser.find_element(By.CSS_SELECTOR, "[data-layout='cyrillic']").is_displayed()
    assert browser.switch_to.active_element.get_attribute("data-key-action") == "switch"
    for letter in "okk":
        touch(f"[data-layout='latin'] button[data-key='{letter}']")
    touch("[data-layout='latin'] [data-key-action='delete']")
    field = browser.find_element(By.ID, "feedback-text")
    assert field.get_attribute("value") == "сәлем ok"
    # The keypad alone: Up row by row to the row of the key, Home to its start, and the
    # Action key presses it.
    for _ in range(4):
        press(browser, Keys.ARROW_UP)
        if browser.execute_script("return document.activeElement.parentElement"
                                  ".querySelector(\"[data-key='a']\") !== null"):
            break
    else:
        raise AssertionError("the row of the key was never reached with the Up key")
    press(browser, Keys.HOME)
    assert browser.switch_to.active_element.get_attribute("data-key") == "a"
    key = browser.switch_to.active_element
    dock_top = browser.execute_script(
        "return document.querySelector('.dock').getBoundingClientRect().top")
    assert key.rect["y"] + key.rect["height"] - browser.execute_script(
        "return window.scrollY") <= dock_top  # the focused key is not under the bar
    press(browser, Keys.ENTER)
    assert field.get_attribute("value") == "сәлем oka"
    # A letter goes where the caret was, not always at the end.
    browser.execute_script("arguments[0].focus(); arguments[0].setSelectionRange(0, 0);"
                           "arguments[0].dispatchEvent(new Event('select'))", field)
    touch("[data-layout='latin'] [data-key-action='switch']")
    touch("[data-layout='cyrillic'] button[data-key='қ']")
    assert field.get_attribute("value") == "қсәлем oka"
    touch(".feedback-send")
    WebDriverWait(browser, 5).until(lambda b: "Сіздің сөздеріңіз қосылды." in b.page_source)
    assert sent(feedback_server)[0].text == "қсәлем oka"


def test_in_speech_mode_the_choice_and_the_confirmation_are_spoken(
        landscape: WebDriver, feedback_server: SpeakingServer) -> None:
    browser, server = landscape, feedback_server.server
    fresh(browser, server.url("/stand/main/en/feedback"))
    press(browser, Keys.F2)
    WebDriverWait(browser, 5).until(
        lambda b: "speech-mode" in b.find_element(By.TAG_NAME, "html").get_attribute("class"))
    for _ in range(30):
        before = len(said(browser))
        press(browser, Keys.ARROW_DOWN)
        if browser.switch_to.active_element.get_attribute("value") == "hearing":
            break
    else:
        raise AssertionError("the Hearing button was never reached")
    button = browser.switch_to.active_element
    assert said(browser)[before] == button.get_attribute("data-say")  # its name first
    # ... then its role and what it means, as for every button of the stand.
    WebDriverWait(browser, 20).until(
        lambda b: b.find_element(By.CSS_SELECTOR, "button[value='hearing']")
        .get_attribute("data-help") in said(b)[before:])
    press(browser, Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda b: "/stand/main/en/feedback/" in b.current_url)
    confirmation = [span.get_attribute("data-say") for span in browser.find_elements(
        By.CSS_SELECTOR, ".feedback-state [data-say]")]
    # Arriving, the stand says the title, then that the feedback was sent.
    WebDriverWait(browser, 20).until(lambda b: set(confirmation) <= set(said(b)))
    WebDriverWait(browser, 10).until(lambda b: all(
        any(key in path for path in feedback_server.audio_requests) for key in confirmation))
    # The text field is a control speech mode names, and Enter or Backspace write in it.
    for _ in range(30):
        press(browser, Keys.ARROW_DOWN)
        if browser.switch_to.active_element.get_attribute("id") == "feedback-text":
            break
    else:
        raise AssertionError("the text field was never reached")
    field = browser.switch_to.active_element
    assert field.get_attribute("data-say") in said(browser)
    press(browser, "ab")
    press(browser, Keys.BACKSPACE)
    press(browser, Keys.ENTER)
    assert field.get_attribute("value") == "a\n"
    assert "/stand/main/en/feedback/" in browser.current_url  # Backspace did not go back


def test_without_javascript_feedback_and_words_are_sent(
        no_script_browser: WebDriver, feedback_server: SpeakingServer) -> None:
    browser, server = no_script_browser, feedback_server.server
    browser.get(server.url("/stand/main/ru/accessibility?mode=large-contrast"))
    browser.find_element(By.CSS_SELECTOR, "a.button[href*='/feedback']").click()
    wait_for_url(browser, "/stand/main/ru/feedback?mode=large-contrast")
    browser.find_element(By.CSS_SELECTOR, "button[value='language']").click()
    WebDriverWait(browser, 5).until(lambda b: "/stand/main/ru/feedback/" in b.current_url)
    assert browser.current_url.endswith("?mode=large-contrast")
    browser.find_element(By.ID, "feedback-text").send_keys("Нет текста на казахском")
    browser.find_element(By.CSS_SELECTOR, ".feedback-send").click()
    WebDriverWait(browser, 5).until(lambda b: "Ваши слова добавлены." in b.page_source)
    [item] = sent(feedback_server)
    assert (item.category, item.text, item.stand_id) == (
        Difficulty.LANGUAGE, "Нет текста на казахском", "")  # no script, no stand id


@pytest.mark.parametrize(("lang", "mode"), list(itertools.product(LANGS, MODES)))
def test_feedback_pages_have_no_axe_violations(browser: WebDriver,
                                               feedback_server: SpeakingServer,
                                               lang: str, mode: str | None) -> None:
    server = feedback_server.server
    set_viewport(browser, *PORTRAIT)
    query = f"?mode={mode}" if mode else ""
    failures = []
    with_form = receipt_path(feedback_server, lang)
    for path in (f"/stand/main/{lang}/feedback", with_form,
                 receipt_path(feedback_server, lang, text="Жақсы")):
        fresh(browser, server.url(path + query))  # a new visitor: speech mode off
        failures += [f"{path}: {finding.describe()}" for finding in violations(browser)]
    # The page as it comes back with an error beside the text field.
    browser.get(server.url(with_form + query))
    send = browser.find_element(By.CSS_SELECTOR, ".feedback-send")
    # Clear of the Speech button that large type fixes in the lower corner.
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", send)
    send.click()
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.ID, "feedback-text-error"))
    failures += [f"error: {finding.describe()}" for finding in violations(browser)]
    if mode and "contrast" in mode:
        failures += [f"7:1: {finding.describe()}" for finding in violations(
            browser, rules=("color-contrast-enhanced",))]
    assert not failures, "\n".join(failures)


def test_feedback_pages_have_large_targets_and_never_scroll_sideways(
        browser: WebDriver, feedback_server: SpeakingServer) -> None:
    server = feedback_server.server
    problems = []
    for viewport, mode in itertools.product((PORTRAIT, LANDSCAPE),
                                            ("", "large", "large-contrast")):
        set_viewport(browser, *viewport)
        for path in ("/stand/main/kk/feedback", receipt_path(feedback_server, "kk")):
            browser.get(server.url(f"{path}?mode={mode}"))
            width = browser.execute_script("return document.documentElement.scrollWidth")
            if width > viewport[0]:
                problems.append(f"{path} {mode} {viewport}: {width}px wide")
            problems += browser.execute_script("""
                return [...document.querySelectorAll('a[href], button, textarea')]
                  .filter(el => el.offsetParent !== null && !el.classList.contains('skip-link'))
                  .map(el => [el.textContent.trim() || el.id, el.getBoundingClientRect()])
                  .filter(([, r]) => r.width < 44 || r.height < 44)
                  .map(([text, r]) => `${text}: ${r.width}x${r.height}`);""")
    assert not problems, problems


def test_an_old_confirmation_no_longer_takes_words(browser: WebDriver,
                                                   feedback_server: SpeakingServer) -> None:
    path = receipt_path(feedback_server, "en")
    feedback_server.app.config["NOW"] = DEMO_NOW + dt.timedelta(hours=1)
    try:
        browser.get(feedback_server.server.url(path))
        assert not browser.find_elements(By.ID, "feedback-text")
        assert browser.find_element(By.CSS_SELECTOR, ".feedback-state").text.startswith(
            "Your feedback has been sent.")
    finally:
        feedback_server.app.config["NOW"] = DEMO_NOW


def test_a_phone_reads_the_feedback_pages_without_scrolling_sideways(
        browser: WebDriver, feedback_server: SpeakingServer) -> None:
    set_viewport(browser, 320, 640)  # WCAG 1.4.10, as for every stand page
    wide = []
    for lang in LANGS:
        for path in (f"/stand/main/{lang}/feedback", receipt_path(feedback_server, lang)):
            browser.get(feedback_server.server.url(path))
            width = browser.execute_script("return document.documentElement.scrollWidth")
            if width > 320:
                wide.append(f"{path}: {width}px wide")
    assert not wide, wide

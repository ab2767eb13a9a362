"""Writing at the stand with speech on or off: the speech keys never eat a letter in a text
field, Escape (or Up and Down) leaves it, and the on-screen keyboard moves by rows and
columns and says the row it enters (issue 14, item 2)."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.test_feedback import (  # noqa: F401 (fixtures)
    feedback_server,
    nothing_sent_yet,
    receipt_path,
)
from tests.browser.test_keypad import arrow_to
from tests.browser.test_speech import SpeakingServer, fresh, press, said

pytestmark = pytest.mark.browser


def focused(browser: WebDriver) -> WebElement:
    return browser.switch_to.active_element


def word_key(browser: WebDriver, name: str) -> str:
    return browser.execute_script(
        "return JSON.parse(document.getElementById('kiosk-settings').textContent)"
        f".speech.words.{name}[0]")


def speech_on(browser: WebDriver) -> None:
    press(browser, Keys.F2)
    WebDriverWait(browser, 5).until(
        lambda b: "speech-mode" in b.find_element(By.TAG_NAME, "html").get_attribute("class"))


def to_field(browser: WebDriver) -> WebElement:
    arrow_to(browser, lambda el: el.get_attribute("id") == "feedback-text")
    return focused(browser)


def row_of(browser: WebDriver, key: WebElement) -> str:
    return browser.execute_script(
        "return arguments[0].closest('.keyboard-row').getAttribute('aria-label')", key)


def test_speech_keys_write_in_a_text_field_and_escape_leaves_it(
        landscape: WebDriver, feedback_server: SpeakingServer) -> None:  # noqa: F811
    browser = landscape
    fresh(browser, feedback_server.server.url(receipt_path(feedback_server, "en")))
    speech_on(browser)
    field = to_field(browser)
    # Arriving in the field, speech mode says how to write there and how to leave.
    WebDriverWait(browser, 10).until(lambda b: word_key(b, "field_keys") in said(b))
    # h is Help, - and + the volume outside a field: here they are letters.
    before = len(said(browser))
    press(browser, "hello-h+")
    assert field.get_attribute("value") == "hello-h+"
    # Each letter is said as it is written, with the on-screen key's own audio.
    echo = [browser.find_element(By.CSS_SELECTOR, f"[data-layout='latin'] [data-key='{c}']")
            .get_attribute("data-say") for c in "helo"]
    assert set(echo) <= set(said(browser)[before:])
    assert "speech-mode" in browser.find_element(By.TAG_NAME, "html").get_attribute("class")
    assert browser.execute_script("return window.kioskSpeech.state.volume") == 0.8
    # F1 writes nothing, so it is still the Help key inside the field.
    before = len(said(browser))
    press(browser, Keys.F1)
    WebDriverWait(browser, 5).until(lambda b: len(said(b)) > before)
    assert field.get_attribute("value") == "hello-h+"
    # Escape leaves the field for the next item: the keyboard's first key, row named.
    before = len(said(browser))
    press(browser, Keys.ESCAPE)
    key = focused(browser)
    assert key.get_attribute("data-key") == "q"  # the Latin layout comes first in English
    row = browser.find_element(By.CSS_SELECTOR, "[data-layout='latin'] .keyboard-row")
    assert said(browser)[before] == row.get_attribute("data-say-row")
    assert row.get_attribute("aria-label") == "Row 1 of 4"
    letters = [k.get_attribute("data-say") for k in row.find_elements(By.TAG_NAME, "button")]
    WebDriverWait(browser, 40).until(lambda b: len(said(b)) >= before + 1 + len(letters))
    assert said(browser)[before + 1:before + 1 + len(letters)] == letters
    # Up goes back into the field; Down would have left it too.
    press(browser, Keys.ARROW_UP)
    assert focused(browser).get_attribute("id") == "feedback-text"


def test_without_speech_h_types_and_escape_leaves_the_field(
        landscape: WebDriver, feedback_server: SpeakingServer) -> None:  # noqa: F811
    browser = landscape
    fresh(browser, feedback_server.server.url(receipt_path(feedback_server, "kk")))
    field = to_field(browser)
    press(browser, "hello-h+")
    assert field.get_attribute("value") == "hello-h+"
    # The Help key's letter did not switch speech mode on.
    assert "speech-mode" not in browser.find_element(By.TAG_NAME, "html").get_attribute("class")
    press(browser, Keys.ESCAPE)
    assert focused(browser).get_attribute("data-key") == "ә"
    # Outside the field h is the Help key again.
    press(browser, "h")
    WebDriverWait(browser, 5).until(
        lambda b: "speech-mode" in b.find_element(By.TAG_NAME, "html").get_attribute("class"))
    assert field.get_attribute("value") == "hello-h+"


def test_the_on_screen_keyboard_moves_by_rows_and_columns(
        landscape: WebDriver, feedback_server: SpeakingServer) -> None:  # noqa: F811
    browser = landscape
    fresh(browser, feedback_server.server.url(receipt_path(feedback_server, "kk")))
    to_field(browser)
    press(browser, Keys.ARROW_DOWN)
    assert focused(browser).get_attribute("data-key") == "ә"
    assert row_of(browser, focused(browser)) == "5 қатардың 1-қатары"
    # Left at the row's start stays; Right goes along the row.
    press(browser, Keys.ARROW_LEFT)
    assert focused(browser).get_attribute("data-key") == "ә"
    press(browser, Keys.ARROW_RIGHT)
    press(browser, Keys.ARROW_RIGHT)
    assert focused(browser).get_attribute("data-key") == "ң"
    # Down goes to the key below (the nearest column), not to the next key.
    press(browser, Keys.ARROW_DOWN)
    below = focused(browser)
    assert row_of(browser, below) == "5 қатардың 2-қатары"
    nearest = browser.execute_script("""
        const centre = el => { const r = el.getBoundingClientRect(); return r.left + r.width / 2; };
        const x = centre(document.querySelector("button[data-key='ң']"));
        const keys = [...arguments[0].parentElement.querySelectorAll('button')];
        return keys.reduce((a, b) => Math.abs(centre(b) - x) < Math.abs(centre(a) - x) ? b : a);
        """, below)
    assert nearest == below
    # Home and End go to the row's ends; Right at the end stays.
    press(browser, Keys.END)
    assert focused(browser).get_attribute("data-key") == "ъ"
    press(browser, Keys.ARROW_RIGHT)
    assert focused(browser).get_attribute("data-key") == "ъ"
    press(browser, Keys.HOME)
    assert focused(browser).get_attribute("data-key") == "й"
    # Up from the first row leaves the keyboard for the field.
    press(browser, Keys.ARROW_UP)
    press(browser, Keys.ARROW_UP)
    assert focused(browser).get_attribute("id") == "feedback-text"
    # From the field to Send: one Down per row, not one per key.
    presses = 0
    while "feedback-send" not in (focused(browser).get_attribute("class") or ""):
        press(browser, Keys.ARROW_DOWN)
        presses += 1
        assert presses <= 6, "more Down presses than rows to cross the keyboard"
    assert presses == 6  # five rows, then Send
    press(browser, Keys.ARROW_UP)
    assert row_of(browser, focused(browser)) == "5 қатардың 5-қатары"


def test_in_speech_mode_the_keyboard_says_each_row_it_enters_and_its_ends(
        landscape: WebDriver, feedback_server: SpeakingServer) -> None:  # noqa: F811
    browser = landscape
    fresh(browser, feedback_server.server.url(receipt_path(feedback_server, "ru")))
    speech_on(browser)
    to_field(browser)
    press(browser, Keys.ARROW_DOWN)
    assert focused(browser).get_attribute("data-key") == "ә"
    rows = browser.find_elements(By.CSS_SELECTOR, "[data-layout='cyrillic'] .keyboard-row")
    assert [r.get_attribute("aria-label") for r in rows] == [
        f"Ряд {n} из 5" for n in range(1, 6)]
    before = len(said(browser))
    press(browser, Keys.ARROW_DOWN)
    key = focused(browser)
    assert row_of(browser, key) == "Ряд 2 из 5"
    letters = [k.get_attribute("data-say") for k in rows[1].find_elements(By.TAG_NAME, "button")]
    WebDriverWait(browser, 40).until(lambda b: len(said(b)) >= before + len(letters) + 2)
    spoken = said(browser)[before:]
    # "Row 2 of 5", its letters, then the key the focus is on.
    assert spoken[:1 + len(letters)] == [rows[1].get_attribute("data-say-row"), *letters]
    assert spoken[1 + len(letters)] == key.get_attribute("data-say")
    # The row's own audio was asked of the server: the visitor hears it.
    WebDriverWait(browser, 10).until(lambda b: any(
        rows[1].get_attribute("data-say-row") in path for path in feedback_server.audio_requests))
    # Along the row, only the key is said, not the row again.
    before = len(said(browser))
    press(browser, Keys.ARROW_RIGHT)
    assert said(browser)[before] == focused(browser).get_attribute("data-say")
    assert rows[1].get_attribute("data-say-row") not in said(browser)[before:]
    press(browser, Keys.END)
    before = len(said(browser))
    press(browser, Keys.ARROW_RIGHT)
    assert said(browser)[before:] == [word_key(browser, "row_end")]
    # Help on a key explains the keyboard's arrows.
    before = len(said(browser))
    press(browser, Keys.F1)
    assert said(browser)[before:] == [word_key(browser, "help_keyboard")]
    # Down from the last row leaves the keyboard for Send, spoken as every button.
    for _ in range(3):
        press(browser, Keys.ARROW_DOWN)
    before = len(said(browser))
    press(browser, Keys.ARROW_DOWN)
    send = focused(browser)
    assert "feedback-send" in send.get_attribute("class")
    assert said(browser)[before] == send.get_attribute("data-say")


def test_touching_the_field_brings_the_keyboard_onto_the_screen_with_it(
        landscape: WebDriver, feedback_server: SpeakingServer) -> None:  # noqa: F811
    # A landscape screen in large type: the field alone fills most of what the bar leaves,
    # and the keys under it were below the screen's edge while the visitor typed.
    browser = landscape
    fresh(browser, feedback_server.server.url(
        receipt_path(feedback_server, "kk") + "?mode=large"))
    browser.find_element(By.ID, "feedback-text").click()
    seen = browser.execute_script("""
        const key = document.querySelector("[data-layout]:not([hidden]) .keyboard-row button");
        const r = key.getBoundingClientRect();
        const field = document.getElementById("feedback-text").getBoundingClientRect();
        return {key: document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
                     === key,
                fieldTop: document.elementFromPoint(field.left + 20, field.top + 10)
                     ?.id};""")
    assert seen == {"key": True, "fieldTop": "feedback-text"}

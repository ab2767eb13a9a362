"""The stand speaks in the browser: speech mode by keypad, Listen, and broken speech."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from flask import Flask
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from kiosk.content import Content
from tests.browser.conftest import LiveServer, serve
from tests.conftest import make_app

pytestmark = pytest.mark.browser


@dataclass
class SpeakingServer:
    app: Flask
    server: LiveServer
    audio_requests: list[str] = field(default_factory=list)


def speaking_server(tmp_path_factory: pytest.TempPathFactory, content: Content,
                    **settings: object) -> Iterator[SpeakingServer]:
    app = make_app(tmp_path_factory.mktemp("speech"), content, **settings)
    record = SpeakingServer(app, LiveServer(""))
    inner = app.wsgi_app

    def recording(environ, start_response):
        if environ["PATH_INFO"].startswith("/speech/"):
            record.audio_requests.append(environ["PATH_INFO"])
        return inner(environ, start_response)

    app.wsgi_app = recording  # type: ignore[method-assign]
    for live in serve(app, tmp_path_factory.mktemp("speech-serve")):
        record.server = live
        yield record


@pytest.fixture(scope="module")
def speaking(tmp_path_factory: pytest.TempPathFactory,
             demo_content: Content) -> Iterator[SpeakingServer]:
    yield from speaking_server(tmp_path_factory, demo_content)


@pytest.fixture(scope="module")
def mute(tmp_path_factory: pytest.TempPathFactory,
         demo_content: Content) -> Iterator[SpeakingServer]:
    broken = {"kk": "no-such/kk", "ru": "no-such/ru", "en": "no-such/en"}
    yield from speaking_server(tmp_path_factory, demo_content, SPEECH_VOICES=broken)


def press(browser: WebDriver, key: str) -> None:
    ActionChains(browser).send_keys(key).perform()


def fresh(browser: WebDriver, url: str) -> None:
    """Open ``url`` as a new visitor: nothing left in the session from earlier tests."""
    browser.get(url)
    browser.execute_script("sessionStorage.clear()")
    browser.get(url)


def said(browser: WebDriver) -> list[str]:
    return browser.execute_script("return window.kioskSpeech ? window.kioskSpeech.said() : []")


def speaking_key(browser: WebDriver) -> str | None:
    return browser.execute_script("return document.documentElement.dataset.speaking || null")


def test_speech_mode_speaks_each_focused_control_in_its_language(
        landscape: WebDriver, speaking: SpeakingServer) -> None:
    browser = landscape
    fresh(browser, speaking.server.url("/stand/main/ru/contacts"))
    press(browser, Keys.F2)  # the documented key switches speech mode on
    WebDriverWait(browser, 5).until(
        lambda b: "speech-mode" in b.find_element(By.TAG_NAME, "html").get_attribute("class"))
    speech = speaking.app.extensions["kiosk.speech"]
    seen_langs = set()
    for _ in range(80):
        before = len(said(browser))
        press(browser, Keys.ARROW_DOWN)
        focused = browser.switch_to.active_element
        key = focused.get_attribute("data-say")
        assert key, "every item speech mode moves to can be spoken"
        assert said(browser)[before] == key  # the name is said first
        # The stand asked the server for this very audio (once: then it is cached).
        WebDriverWait(browser, 5).until(
            lambda b, key=key: any(key in path for path in speaking.audio_requests))
        seen_langs.add(speech.lookup(key).lang)
        if focused.get_attribute("hreflang") == "kk":
            # "Қазақша" on a Russian page is said with the Kazakh voice.
            assert speech.lookup(key).lang == "kk"
            break
    else:
        raise AssertionError("the language switcher was never reached")
    assert "ru" in seen_langs
    press(browser, Keys.ENTER)  # Action opens the focused link
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/stand/main/kk/contacts"))
    # Speech mode stays on from page to page, in the new language.
    assert "speech-mode" in browser.find_element(By.TAG_NAME, "html").get_attribute("class")


def test_help_key_switches_speech_on_and_a_double_press_stops_it(
        landscape: WebDriver, speaking: SpeakingServer) -> None:
    browser = landscape
    fresh(browser, speaking.server.url("/stand/main/en/"))
    press(browser, Keys.F1)
    WebDriverWait(browser, 5).until(lambda b: speaking_key(b) is not None)
    press(browser, Keys.F1)
    press(browser, Keys.F1)
    assert speaking_key(browser) is None


def test_listen_reads_sentence_by_sentence_and_stop_ends_it(
        landscape: WebDriver, speaking: SpeakingServer) -> None:
    browser = landscape
    fresh(browser, speaking.server.url("/stand/main/kk/accessibility"))
    heard = []
    browser.execute_script("""
        window.__heard = [];
        document.addEventListener('kiosk:speaking', e => window.__heard.push(e.detail.key));""")
    browser.find_element(By.CSS_SELECTOR, "[data-speech='listen']").click()
    first = browser.find_element(By.CSS_SELECTOR, "main [data-say]")
    WebDriverWait(browser, 5).until(
        lambda b: "speaking" in first.get_attribute("class").split())
    assert browser.find_element(By.CSS_SELECTOR, "[data-speech='player']").is_displayed()
    # When the first sentence has been heard, the highlight moves to the second.
    WebDriverWait(browser, 20).until(lambda b: len(b.execute_script("return window.__heard")) > 1)
    heard = browser.execute_script("return window.__heard")
    highlighted = browser.find_elements(By.CSS_SELECTOR, ".speaking")
    assert len(highlighted) == 1 and highlighted[0] != first
    assert highlighted[0].get_attribute("data-say") == heard[-1]
    assert heard[0] == first.get_attribute("data-say")
    browser.find_element(By.CSS_SELECTOR, "[data-speech='stop']").click()
    assert not browser.find_elements(By.CSS_SELECTOR, ".speaking")
    assert speaking_key(browser) is None
    assert not browser.find_element(By.CSS_SELECTOR, "[data-speech='player']").is_displayed()


def test_broken_speech_says_so_and_the_stand_still_works(
        landscape: WebDriver, mute: SpeakingServer) -> None:
    browser = landscape
    fresh(browser, mute.server.url("/stand/main/ru/hours"))
    browser.find_element(By.CSS_SELECTOR, "[data-speech='listen']").click()
    status = browser.find_element(By.CSS_SELECTOR, "[data-speech='status']")
    WebDriverWait(browser, 10).until(lambda b: status.text)
    assert "недоступ" in status.text  # "… сейчас недоступно …" in the page's language
    browser.find_element(By.CSS_SELECTOR, "a.home-link").click()
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/stand/main/ru/"))
    assert browser.find_element(By.TAG_NAME, "h1").text


def test_in_speech_mode_a_first_touch_speaks_and_a_second_chooses(
        landscape: WebDriver, speaking: SpeakingServer) -> None:
    browser = landscape
    fresh(browser, speaking.server.url("/stand/main/en/"))
    browser.find_element(By.CSS_SELECTOR, "[data-speech='toggle']").click()  # on-screen switch
    tile = browser.find_element(By.CSS_SELECTOR, "a.tile[href*='/hours']")
    before = len(said(browser))
    tile.click()
    assert browser.current_url.endswith("/stand/main/en/")
    assert said(browser)[before] == tile.get_attribute("data-say")
    tile.click()
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/stand/main/en/hours"))


@pytest.fixture(scope="module")
def quick_idle(tmp_path_factory: pytest.TempPathFactory,
               demo_content: Content) -> Iterator[SpeakingServer]:
    yield from speaking_server(tmp_path_factory, demo_content, IDLE_SECONDS=2)


def test_the_idle_question_is_spoken_in_speech_mode(landscape: WebDriver,
                                                    quick_idle: SpeakingServer) -> None:
    browser = landscape
    fresh(browser, quick_idle.server.url("/stand/main/ru/hours"))
    press(browser, Keys.F2)
    title = browser.find_element(By.CSS_SELECTOR, "#idle-title [data-say]").get_attribute(
        "data-say")
    WebDriverWait(browser, 8).until(lambda b: title in said(b))
    assert browser.switch_to.active_element.get_attribute("data-idle") == "extend"
    press(browser, Keys.ENTER)  # Action: "Yes, I need more time"
    WebDriverWait(browser, 3).until(
        lambda b: not b.execute_script("return document.getElementById('idle-dialog').open"))


def test_keys_taken_by_speech_mode_still_count_as_activity(landscape: WebDriver,
                                                         quick_idle: SpeakingServer) -> None:
    import time

    browser = landscape
    fresh(browser, quick_idle.server.url("/stand/main/kk/contacts"))
    press(browser, Keys.F2)
    for _ in range(5):  # a visitor moving through the page, a key a second
        time.sleep(1)
        press(browser, Keys.ARROW_DOWN)
    assert not browser.execute_script("return document.getElementById('idle-dialog').open")


def test_arriving_says_the_page_title_and_back_follows_only_this_visit(
        landscape: WebDriver, speaking: SpeakingServer) -> None:
    browser = landscape
    browser.get(speaking.server.url("/stand/main/ru/appeals"))  # an earlier visitor's page
    fresh(browser, speaking.server.url("/stand/main/en/"))
    press(browser, Keys.F2)
    browser.find_element(By.CSS_SELECTOR, "a.tile[href*='/contacts']").click()
    browser.find_element(By.CSS_SELECTOR, "a.tile[href*='/contacts']").click()  # touch twice
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/stand/main/en/contacts"))
    title = browser.find_element(By.CSS_SELECTOR, "main h1 [data-say]").get_attribute("data-say")
    WebDriverWait(browser, 5).until(lambda b: title in said(b))
    press(browser, Keys.BACKSPACE)
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/stand/main/en/"))
    start_page = browser.execute_script(
        "return JSON.parse(document.getElementById('kiosk-settings').textContent)"
        ".speech.words.start_page[0]")
    press(browser, Keys.BACKSPACE)  # nothing before the start of this visit
    WebDriverWait(browser, 5).until(lambda b: start_page in said(b))
    assert browser.current_url.endswith("/stand/main/en/")


def test_a_held_key_moves_one_step(landscape: WebDriver, speaking: SpeakingServer) -> None:
    browser = landscape
    fresh(browser, speaking.server.url("/stand/main/en/hours"))
    press(browser, Keys.F2)
    press(browser, Keys.ARROW_DOWN)
    first = browser.switch_to.active_element
    browser.execute_script("""
        for (let i = 0; i < 10; i++) {
          window.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowDown', repeat: true,
                                                             bubbles: true}));
        }""")
    assert browser.switch_to.active_element == first


def test_without_any_voice_a_failure_sound_plays(landscape: WebDriver,
                                                 mute: SpeakingServer) -> None:
    browser = landscape
    fresh(browser, mute.server.url("/stand/main/kk/"))
    browser.execute_script("""
        window.__tones = 0;
        const start = OscillatorNode.prototype.start;
        OscillatorNode.prototype.start = function () { window.__tones += 1;
          return start.apply(this, arguments); };""")
    press(browser, Keys.F2)
    WebDriverWait(browser, 10).until(lambda b: b.execute_script("return window.__tones") >= 3)
    unavailable = browser.execute_script(
        "return JSON.parse(document.getElementById('kiosk-settings').textContent)"
        ".speech.words.unavailable[1]")
    status = browser.find_element(By.CSS_SELECTOR, "[data-speech='status']").text
    assert status == unavailable

"""Large type on the real panel, reflow at both stand resolutions, and the Kazakh font."""

from __future__ import annotations

import itertools

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit.browser import set_viewport
from kiosk import config
from tests.browser.conftest import LANDSCAPE, PORTRAIT, LiveServer

pytestmark = pytest.mark.browser

PAGES = ("", "hours", "appeals", "contacts", "accessibility", "announcements", "assistance",
         "feedback")
KAZAKH_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
# How wide the page's content is, and the room it has: the page, or on a screen of the
# stand's size the region the content scrolls in (the screen itself never scrolls).
SIDEWAYS = """
const region = document.getElementById('page-content');
const page = document.documentElement;
return region && region.scrollWidth > region.clientWidth
  ? [region.scrollWidth, region.clientWidth] : [page.scrollWidth, page.clientWidth];"""


@pytest.mark.parametrize("viewport", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
@pytest.mark.parametrize(("lang", "mode"), list(itertools.product(
    ("kk", "ru", "en"), ("large", "large-contrast"))))
def test_large_mode_never_scrolls_sideways(browser: WebDriver, live_server: LiveServer,
                                           viewport: tuple, lang: str, mode: str) -> None:
    set_viewport(browser, *viewport)
    wide = []
    for page in PAGES:
        browser.get(live_server.url(f"/stand/main/{lang}/{page}?mode={mode}"))
        width, room = browser.execute_script(SIDEWAYS)
        if width > room:
            wide.append(f"{page or 'home'}: {width}px wide")
    assert not wide, wide


@pytest.mark.parametrize("lang", ("kk", "ru", "en"))
def test_a_phone_from_the_qr_code_reads_every_page_without_scrolling_sideways(
        browser: WebDriver, live_server: LiveServer, lang: str) -> None:
    # 320 CSS px: a small phone, or a desktop browser zoomed to 400 % (WCAG 1.4.10). Large
    # type is sized for the panel and is not offered to phones.
    set_viewport(browser, 320, 640)
    wide = []
    for page, mode in itertools.product(PAGES, ("", "contrast")):
        browser.get(live_server.url(f"/stand/main/{lang}/{page}?mode={mode}"))
        width, room = browser.execute_script(SIDEWAYS)
        if width > room:
            wide.append(f"{page or 'home'} {mode}: {width}px wide")
    assert not wide, wide


def test_capital_h_meets_en_301_549_on_the_panel(landscape: WebDriver,
                                                 live_server: LiveServer) -> None:
    landscape.get(live_server.url("/stand/main/kk/hours?mode=large"))
    cap_px = landscape.execute_async_script("""
        const done = arguments[arguments.length - 1];
        document.fonts.ready.then(() => {
          const style = getComputedStyle(document.querySelector('main p, main td'));
          const ctx = document.createElement('canvas').getContext('2d');
          ctx.font = style.fontWeight + ' ' + style.fontSize + ' ' + style.fontFamily;
          done(ctx.measureText('H').actualBoundingBoxAscent);
        });""")
    settings = config.load({})
    width, height = settings["PANEL_RESOLUTION"]
    pitch_mm = settings["PANEL_DIAGONAL_INCHES"] * 25.4 / (width**2 + height**2) ** 0.5
    assert cap_px * pitch_mm >= 7.3  # 0.7 degrees at 600 mm


def test_kazakh_letters_use_the_bundled_font(landscape: WebDriver,
                                             live_server: LiveServer) -> None:
    landscape.get(live_server.url("/stand/main/kk/"))
    loaded = landscape.execute_async_script("""
        const done = arguments[arguments.length - 1];
        document.fonts.load('16px "Noto Sans Kiosk"', arguments[0]).then(faces =>
          document.fonts.ready.then(() => done({
            faces: faces.length,
            covered: document.fonts.check('16px "Noto Sans Kiosk"', arguments[0]),
            family: getComputedStyle(document.body).fontFamily})));""", KAZAKH_LETTERS)
    assert loaded["faces"] >= 1 and loaded["covered"]
    assert loaded["family"].startswith('"Noto Sans Kiosk"')


def test_nothing_is_requested_from_outside(landscape: WebDriver,
                                           live_server: LiveServer) -> None:
    landscape.get(live_server.url("/stand/main/ru/appeals?mode=large"))
    urls = landscape.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls and all(url.startswith(live_server.base_url) for url in urls), urls


def test_targets_are_at_least_44_css_pixels(landscape: WebDriver,
                                            live_server: LiveServer) -> None:
    for page in PAGES:
        landscape.get(live_server.url(f"/stand/main/kk/{page}"))
        small = landscape.execute_script("""
            return [...document.querySelectorAll('a[href], button')]
              .filter(el => el.offsetParent !== null && !el.classList.contains('skip-link'))
              .map(el => [el.textContent.trim(), el.getBoundingClientRect()])
              .filter(([, r]) => r.width < 44 || r.height < 44)
              .map(([text, r]) => `${text}: ${r.width}x${r.height}`);""")
        assert not small, f"{page}: {small}"

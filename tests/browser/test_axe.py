"""axe-core finds nothing on any stand page, in any language, mode or stand orientation."""

from __future__ import annotations

import itertools

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit.axe import violations
from accessibility_audit.browser import set_viewport
from kiosk.public.modes import ALL_MODES
from tests.browser.conftest import LANDSCAPE, PORTRAIT, LiveServer

pytestmark = pytest.mark.browser

PAGES = ("", "hours", "appeals", "contacts", "accessibility", "announcements")
LANGS = ("kk", "ru", "en")
MODES = [mode.param for mode in ALL_MODES]


@pytest.mark.parametrize("viewport", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
@pytest.mark.parametrize(("lang", "mode"), list(itertools.product(LANGS, MODES)))
def test_no_axe_violations(browser: WebDriver, live_server: LiveServer, viewport: tuple,
                           lang: str, mode: str | None) -> None:
    set_viewport(browser, *viewport)
    failures = []
    for page in PAGES:
        path = f"/stand/main/{lang}/{page}" + (f"?mode={mode}" if mode else "")
        browser.get(live_server.url(path))
        failures += [f"{path}: {finding.describe()}" for finding in violations(browser)]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("mode", ["contrast", "large-contrast"])
@pytest.mark.parametrize("lang", LANGS)
def test_high_contrast_mode_meets_7_to_1(landscape: WebDriver, live_server: LiveServer,
                                         lang: str, mode: str) -> None:
    failures = []
    for page in PAGES:
        landscape.get(live_server.url(f"/stand/main/{lang}/{page}?mode={mode}"))
        found = violations(landscape, rules=("color-contrast-enhanced",))
        failures += [f"{page or 'home'}: {finding.describe()}" for finding in found]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("lang", LANGS)
def test_error_page_has_no_axe_violations(browser: WebDriver, live_server: LiveServer,
                                          lang: str) -> None:
    set_viewport(browser, *PORTRAIT)
    browser.get(live_server.url(f"/stand/main/{lang}/no-such-page"))
    assert not violations(browser)


def test_idle_dialog_has_no_axe_violations(browser: WebDriver, live_server: LiveServer) -> None:
    set_viewport(browser, *PORTRAIT)
    browser.get(live_server.url("/stand/main/ru/hours?mode=large-contrast"))
    browser.execute_script("document.getElementById('idle-dialog').showModal()")
    assert not violations(browser)

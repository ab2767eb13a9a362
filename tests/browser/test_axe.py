"""axe-core finds nothing on the stand pages that only a visitor's actions bring about: the
error page, the idle warning, a call for assistance in each of its states, the hours about
to change.

Every page of the stand's menu, in every language and mode at both orientations, is
audited by the demo stand's whole audit (tests/browser/test_stand_audit.py:
``test_the_demo_stand_passes_the_stand_audit``): axe-core's WCAG 2.2 A/AA and
best-practice rules with no violation and nothing left to review, 7:1 contrast in the
high-contrast modes, and the stand's own checks. Those pages are not audited again here."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from accessibility_audit import violations
from accessibility_audit.browser import set_viewport
from kiosk.content import Content
from kiosk.public.form_tokens import ticket
from kiosk.public.modes import ALL_MODES
from tests.browser.conftest import LANDSCAPE, PORTRAIT, LiveServer, serve
from tests.conftest import DEMO_NOW, make_app
from tests.stand_credentials import start_address

pytestmark = pytest.mark.browser

LANGS = ("kk", "ru", "en")
MODES = [mode.param for mode in ALL_MODES]


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


# Each calls server's start address of its registered stand main-hall.
STARTS: dict[str, str] = {}


@pytest.fixture(scope="module")
def calls_server(tmp_path_factory: pytest.TempPathFactory,
                 demo_content: Content) -> Iterator[tuple[LiveServer, dict[str, str]]]:
    """A server with a call for assistance in every state, and the ticket of each."""
    app = make_app(tmp_path_factory.mktemp("calls"), demo_content)
    desk = app.extensions["kiosk.assistance"]
    from kiosk.store.assistance import Need

    waiting, _ = desk.call("main", "main-hall", Need.ENTRANCE, "kk", DEMO_NOW)
    acknowledged, _ = desk.call("main", "main-floor2", Need.INTERPRETER, "ru", DEMO_NOW)
    desk.acknowledge(acknowledged.id, "duty", DEMO_NOW)
    done, _ = desk.call("main", "", Need.FORM, "en", DEMO_NOW)
    desk.close(done.id, "duty", DEMO_NOW)
    withdrawn, _ = desk.call("main", "", Need.OTHER, "en", DEMO_NOW)
    desk.close(withdrawn.id, "", DEMO_NOW)
    with app.app_context():
        tickets = {name: ticket(call.id, "main") for name, call in (
            ("waiting", waiting), ("acknowledged", acknowledged), ("done", done),
            ("withdrawn", withdrawn))}
    for server in serve(app, tmp_path_factory.mktemp("calls-serve")):
        # The stand main-hall, registered: its open call shows on its pages.
        STARTS[server.base_url] = start_address(app, server.base_url, "main-hall")
        yield server, tickets


def show_banner(browser: WebDriver, server: LiveServer, path: str) -> None:
    """A page of a stand whose call is open: its script shows the banner."""
    browser.get(STARTS[server.base_url])
    browser.get(server.url(path))
    WebDriverWait(browser, 5).until(
        lambda b: b.find_element(By.CSS_SELECTOR, "[data-assistance='banner']").is_displayed())


@pytest.mark.parametrize(("lang", "mode"), list(itertools.product(LANGS, MODES)))
def test_call_for_assistance_states_have_no_axe_violations(
        browser: WebDriver, calls_server: tuple[LiveServer, dict[str, str]], lang: str,
        mode: str | None) -> None:
    server, tickets = calls_server
    set_viewport(browser, *PORTRAIT)
    query = f"?mode={mode}" if mode else ""
    failures = []
    for state, value in tickets.items():
        path = f"/stand/main/{lang}/assistance/{value}{query}"
        browser.get(server.url(path))
        assert browser.find_element(By.CSS_SELECTOR, "[data-assistance-state]").get_attribute(
            "data-assistance-state") == state
        failures += [f"{path}: {finding.describe()}" for finding in violations(browser)]
    show_banner(browser, server, f"/stand/main/{lang}/hours{query}")
    failures += [f"banner: {finding.describe()}" for finding in violations(browser)]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("mode", ["contrast", "large-contrast"])
@pytest.mark.parametrize("lang", LANGS)
def test_call_for_assistance_meets_7_to_1(landscape: WebDriver,
                                          calls_server: tuple[LiveServer, dict[str, str]],
                                          lang: str, mode: str) -> None:
    server, tickets = calls_server
    failures = []
    for state in ("waiting", "acknowledged", "done"):
        landscape.get(server.url(f"/stand/main/{lang}/assistance/{tickets[state]}?mode={mode}"))
        found = violations(landscape, rules=("color-contrast-enhanced",))
        failures += [f"{state}: {finding.describe()}" for finding in found]
    show_banner(landscape, server, f"/stand/main/{lang}/?mode={mode}")
    found = violations(landscape, rules=("color-contrast-enhanced",))
    failures += [f"banner: {finding.describe()}" for finding in found]
    assert not failures, "\n".join(failures)


@pytest.fixture(scope="module")
def new_hours_server(tmp_path_factory: pytest.TempPathFactory,
                     demo_content: Content) -> Iterator[LiveServer]:
    """The demo a week before the reception's new hours (11 January 2027) take effect:
    its hours page shows them beside this week's."""
    week_before = dt.datetime(2027, 1, 4, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=5)))
    app = make_app(tmp_path_factory.mktemp("new-hours"), demo_content, NOW=week_before)
    yield from serve(app, tmp_path_factory.mktemp("new-hours-serve"))


@pytest.mark.parametrize("lang", LANGS)
def test_scheduled_new_hours_have_no_axe_violations(browser: WebDriver,
                                                    new_hours_server: LiveServer,
                                                    lang: str) -> None:
    failures = []
    for viewport, mode in itertools.product((PORTRAIT, LANDSCAPE), MODES):
        set_viewport(browser, *viewport)
        path = f"/stand/reception/{lang}/hours" + (f"?mode={mode}" if mode else "")
        browser.get(new_hours_server.url(path))
        assert browser.find_elements(By.CSS_SELECTOR, "section.new-hours table.week")
        failures += [f"{path}: {finding.describe()}" for finding in violations(browser)]
        if mode and "contrast" in mode:
            found = violations(browser, rules=("color-contrast-enhanced",))
            failures += [f"{path} (7:1): {finding.describe()}" for finding in found]
    assert not failures, "\n".join(failures)

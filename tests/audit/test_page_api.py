"""The engine on a page someone else's browser shows (``violations``, ``audit_page``),
as the kiosk's browser tests use it: axe in every frame, the own checks when asked,
and no silent pass when axe cannot run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit import PageNotAudited, audit_page, violations
from accessibility_audit.browser import start_chromium
from accessibility_audit.engine.world import AuditWorld
from tests.audit.fixture_site import FixtureSite

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def driver() -> Iterator[WebDriver]:
    started = start_chromium(1280, 800)
    yield started
    started.quit()


def test_violations_are_findings_of_the_page_as_shown(driver: WebDriver,
                                                      site: FixtureSite) -> None:
    driver.get(site.url("/missing-alt"))
    [finding] = violations(driver)
    assert (finding.rule, finding.selector, finding.outcome) == ("image-alt", "#violation1",
                                                                 "violation")
    assert finding.describe().startswith("image-alt (critical): Images must have alternative")
    driver.get(site.url("/low-contrast"))
    assert [f.rule for f in violations(driver, rules=("color-contrast",))] == ["color-contrast"]
    assert violations(driver, rules=("image-alt",)) == []


def test_axe_runs_in_every_frame_of_the_page(driver: WebDriver, site: FixtureSite) -> None:
    driver.get(site.url("/frames"))
    found = {(f.rule, f.selector.split(" >>> ")[0] != f.selector) for f in violations(driver)}
    assert ("image-alt", True) in found and ("label", True) in found


def test_the_own_checks_run_when_asked_and_never_resize_the_page(driver: WebDriver,
                                                                 site: FixtureSite) -> None:
    driver.get(site.url("/checks/lang-parts-fail"))
    assert violations(driver) == []                  # axe-core alone finds nothing wrong
    # The two passages differ only by a number: one finding (as a template's repeats are).
    [finding] = violations(driver, own_checks=True)
    assert (finding.rule, finding.occurrences) == ("part-language-matches-text", 2)
    page = audit_page(driver, own_checks=True)
    assert page.status == "audited" and "page-language-matches-text" in page.passed_rules
    assert sorted(i.selector for i in page.violations) == ["#violation1", "#violation2"]
    assert driver.execute_script("return innerWidth") == 1280


def test_a_page_that_breaks_its_own_world_is_still_audited(driver: WebDriver,
                                                          site: FixtureSite) -> None:
    driver.get(site.url("/checks/broken-builtins"))
    driver.execute_script("window.Promise = undefined; window.axe = undefined;")
    assert [(f.rule, f.selector) for f in violations(driver)] == [("image-alt", "#violation1")]


def test_a_page_axe_cannot_audit_is_never_clean(driver: WebDriver, site: FixtureSite) -> None:
    driver.get(site.url("/missing-alt"))
    # Only DevTools reaches the scanner's world: there, an axe that fails stands in.
    AuditWorld.of(driver, 5.0).run(
        "window.axe = {run: () => Promise.reject(new Error('broken on purpose')),"
        " utils: {getFrameContexts: () => []}};")
    with pytest.raises(PageNotAudited, match="axe-error: axe-core failed: .*broken on purpose"):
        violations(driver)

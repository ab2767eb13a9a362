"""Pages that try to forge or spoil their own audit (issue 11, item 2): each gets an
honest audit — the violations it really has — or fails as ``interfered``; none is
ever reported clean. axe-core and the own checks run in the scanner's isolated world,
so a page's ``window.axe``, patched prototypes and throwing getters do not reach
them; what the page does to the shared DOM during the audit is caught."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit import PageNotAudited, audit_page, violations
from accessibility_audit.browser import start_chromium
from accessibility_audit.evaluation import Summary
from accessibility_audit.exitcodes import Exit, verdict
from accessibility_audit.store import Store
from tests.audit.conftest import run_scan
from tests.audit.fixture_site import FixtureSite

pytestmark = pytest.mark.browser

# Pages whose scripts attack the engine: audited honestly, with what they have.
HONEST = {
    "/hostile/forged-axe": {("image-alt", "#violation1"), ("link-name", "#violation2")},
    "/hostile/patched-prototypes": {("image-alt", "#violation1"),
                                    ("link-name", "#violation2")},
    "/hostile/throwing-getters": {("image-alt", "#violation1"), ("link-name", "#violation2")},
}
# Pages that change the shared DOM under the audit: no result at all.
INTERFERING = {
    "/hostile/removed-body": "removed its <body>",
    "/hostile/churning": "removed",
    "/hostile/frame-removes-body": "in a frame",
}
FRAMES = "/hostile/frames"
# A page that moves on its own (a clock, a carousel, a menu rebuilt at 320 px): audited.
MOVING = "/moving"


@pytest.fixture(scope="module")
def hostile_scan(site: FixtureSite, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[Summary]:
    store = Store(str(tmp_path_factory.mktemp("hostile") / "scans.sqlite3"))
    yield run_scan(store, site, [*HONEST, *INTERFERING, FRAMES, MOVING])


def pages(summary: Summary) -> dict[str, object]:
    return {page.url.removeprefix(summary.pages[0].site): page for page in summary.pages}


def test_no_hostile_page_is_ever_reported_clean(hostile_scan: Summary) -> None:
    found = pages(hostile_scan)
    assert set(found) == {*HONEST, *INTERFERING, FRAMES, MOVING}
    for path, page in found.items():
        violated = [issue for _fid, issue in page.issues if issue.outcome == "violation"]
        assert page.status != "audited" or violated, path


def test_a_forged_engine_patched_builtins_or_throwing_getters_get_an_honest_audit(
        hostile_scan: Summary) -> None:
    found = pages(hostile_scan)
    for path, expected in HONEST.items():
        page = found[path]
        assert (page.status, page.errors) == ("audited", []), path
        assert {(issue.rule, issue.selector) for _fid, issue in page.issues
                if issue.outcome == "violation"} == expected, path


def test_pages_that_change_the_dom_under_the_audit_fail_as_interfered(
        hostile_scan: Summary) -> None:
    found = pages(hostile_scan)
    for path, words in INTERFERING.items():
        page = found[path]
        assert page.status == "failed", path
        assert [error.kind for error in page.errors] == ["interfered"], (path, page.errors)
        assert page.errors[0].reason.startswith("the page interfered with the audit: ")
        assert words in page.errors[0].reason, (path, page.errors[0].reason)
        assert not page.issues, path


def test_a_page_that_merely_moves_is_audited_as_it_is(hostile_scan: Summary) -> None:
    page = pages(hostile_scan)[MOVING]
    assert (page.status, page.errors) == ("audited", [])
    assert [(i.rule, i.selector) for _fid, i in page.issues if i.outcome == "violation"] == [
        ("image-alt", "#violation1")]


def test_hostile_frames_same_and_cross_origin_are_audited_in_their_own_worlds(
        hostile_scan: Summary, site: FixtureSite) -> None:
    page = pages(hostile_scan)[FRAMES]
    assert page.status == "audited", page.errors
    inside = sorted(issue.selector for _fid, issue in page.issues
                    if issue.outcome == "violation" and issue.rule == "image-alt")
    assert len(inside) == 2 and all(s.endswith(">>> #violation1") for s in inside)
    assert not any(issue.rule == "frame-tested" for _fid, issue in page.issues)


def test_an_interfering_page_fails_the_ci_gate_even_when_page_errors_are_allowed(
        hostile_scan: Summary) -> None:
    assert verdict(hostile_scan, None, None, allow_page_errors=True) == Exit.PAGES_NOT_AUDITED


@pytest.fixture(scope="module")
def driver() -> Iterator[WebDriver]:
    # A browser as a test starts it: it isolates sites, so a cross-origin frame lives
    # in a process of its own, which the engine reaches through DevTools.
    started = start_chromium(1280, 800)
    yield started
    started.quit()


def test_audit_page_sees_through_hostile_frames_in_someone_elses_browser(
        driver: WebDriver, site: FixtureSite) -> None:
    driver.get(site.url(FRAMES))
    found = {(f.rule, f.selector) for f in violations(driver)}
    frames = {selector.split(" >>> ")[0] for rule, selector in found
              if rule == "image-alt" and selector.endswith(" >>> #violation1")}
    assert len(frames) == 2       # the same-origin frame and the cross-origin one
    assert not any(rule == "frame-tested" for rule, _where in found)


def test_audit_page_refuses_a_page_that_took_its_body_away(driver: WebDriver,
                                                            site: FixtureSite) -> None:
    driver.get(site.url("/hostile/forged-axe"))
    driver.execute_script("document.body.remove()")
    with pytest.raises(PageNotAudited, match="the page interfered with the audit: "
                                             "the page removed its <body>"):
        violations(driver)
    assert audit_page(driver).errors[0].kind == "interfered"

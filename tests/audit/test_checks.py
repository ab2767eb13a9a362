"""The own checks through the real scanner: every fixture page under /checks/ in one
scan, checked against checks_expected.json."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from accessibility_audit import violations, wcag
from accessibility_audit.checks.rule import Audit
from accessibility_audit.checks.rules import RULES
from accessibility_audit.engine.audit import AuditSettings, PageAuditor
from accessibility_audit.engine.frames import AxeScript
from accessibility_audit.engine.launch import Browser, BrowserSettings
from accessibility_audit.evaluation import Summary
from accessibility_audit.fetching import Fetcher, HttpSettings
from accessibility_audit.model import Viewport
from accessibility_audit.politeness import HostGate
from accessibility_audit.reporters import ReportContext, formats
from accessibility_audit.store import Store
from tests.audit.conftest import SCANNER_TEMP, run_scan
from tests.audit.fixture_site import FixtureSite

pytestmark = pytest.mark.browser

EXPECTED: dict[str, dict] = {
    path: page for path, page in
    json.loads((Path(__file__).parent / "checks_expected.json").read_text()).items()
    if not path.startswith("_")}
# The axe rules the own checks stand beside (2.5.8 spacing, 1.4.6 enhanced contrast).
AXE_RULES = ("target-size", "color-contrast-enhanced")
# The stand's screens, as a stand audit sets them.
PORTRAIT = Viewport("portrait", 1080, 1920)
LANDSCAPE = Viewport("landscape", 1920, 1080)


@pytest.fixture(scope="module")
def checked(site: FixtureSite, tmp_path_factory: pytest.TempPathFactory) -> Summary:
    store = Store(str(tmp_path_factory.mktemp("checks") / "scans.sqlite3"))
    return run_scan(store, site, list(EXPECTED), standard="wcag22aaa", best_practice=True,
                    rules=(*RULES, *AXE_RULES))


def test_each_page_fails_and_passes_exactly_as_expected(checked: Summary) -> None:
    site = checked.pages[0].site
    for page in checked.pages:
        path = page.url.removeprefix(site)
        assert page.status == "audited", (path, page.errors)
        assert not page.errors, (path, page.errors)
        failing: dict[str, list[str]] = {}
        for _fid, issue in page.issues:
            if issue.outcome == "violation":
                failing.setdefault(issue.rule, []).append(issue.selector)
        assert {rule: sorted(s) for rule, s in failing.items()} == \
            EXPECTED[path]["violations"], path
        missing = set(EXPECTED[path]["passes"]) - set(page.passed_rules)
        assert not missing, (path, missing)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    started = Browser(BrowserSettings(page_timeout=8.0, run_folder=SCANNER_TEMP))
    yield started
    started.close()


def stand_auditor(rules: tuple[str, ...] = (), reflow_320: bool = True,
                  audit: Audit = "site") -> PageAuditor:
    """What a stand audit builds: AAA settings at the stand's two screens."""
    settings = AuditSettings(tags=wcag.tags_for("wcag22aaa", best_practice=True),
                             viewports=(PORTRAIT, LANDSCAPE), only=rules,
                             reflow_320=reflow_320, audit=audit)
    fetcher = Fetcher(HttpSettings("a11y-audit tests", {}, {}), HostGate(0.0))
    return PageAuditor(settings, AxeScript(), fetcher)


def test_reflow_at_the_stand_resolutions(site: FixtureSite, browser: Browser) -> None:
    url = site.url("/checks/reflow-stand")
    portrait, landscape = stand_auditor(("reflow",)).audit(browser, url, site.base, False)
    assert [(i.rule, i.selector) for i in portrait.violations] == [("reflow", "#violation1")]
    assert "1080 × 1920 CSS px (portrait)" in portrait.violations[0].summary
    # A phone-sized window (320 px) gets the narrow layout; only the portrait stand fails.
    assert not landscape.violations and "reflow" in landscape.passed_rules


def test_reflow_at_320_px_unless_the_screen_is_fixed(site: FixtureSite, browser: Browser) -> None:
    url = site.url("/checks/reflow-fail")
    narrow, _landscape = stand_auditor(("reflow",)).audit(browser, url, site.base, False)
    assert sorted(i.selector for i in narrow.violations) == ["#violation1", "#violation2"]
    assert "At 320 CSS px wide" in narrow.violations[0].summary
    fixed, _landscape = stand_auditor(("reflow",), reflow_320=False).audit(
        browser, url, site.base, False)
    assert not fixed.violations and "reflow" in fixed.passed_rules


COVER_RULES = ("content-obscured", "stand-content-covered", "stand-controls-first-screen")


def test_the_stand_before_its_layout_rework_fails_covered_and_first_screen_checks(
        site: FixtureSite, browser: Browser) -> None:
    """Issue 14, item 1: in large type the Speech button, fixed in the lower left corner,
    lay on a tile's heading, and the bar with the languages and modes closed the page,
    below the first screen."""
    url = site.url("/checks/stand-before-rework")
    for view in stand_auditor(COVER_RULES, reflow_320=False, audit="stand").audit(
            browser, url, site.base, False):
        found: dict[str, dict[str, str]] = {}
        for issue in view.violations:
            found.setdefault(issue.rule, {})[issue.selector] = issue.summary
        assert "#violation1" in found["stand-content-covered"], view.viewport
        assert "on the first screen" in found["stand-content-covered"]["#violation1"]
        assert "speech-toggle" in found["stand-content-covered"]["#violation1"]
        assert sorted(found["stand-controls-first-screen"]) == [
            f"#violation{n}" for n in range(2, 8)]
        assert "is not on the first screen" in found["stand-controls-first-screen"]["#violation3"]
        # The Speech button itself is on the first screen; nothing is covered for good, as
        # the page keeps room under the button at its end.
        assert "content-obscured" in view.passed_rules
        assert "content-obscured" not in found


@pytest.mark.parametrize("path", ["/checks/stand-after-rework", "/checks/stand/assistance"])
def test_the_stand_after_its_layout_rework_passes_them(site: FixtureSite, browser: Browser,
                                                       path: str) -> None:
    # On the assistance page, the skip links lead within the page: they call no one.
    for view in stand_auditor(COVER_RULES, reflow_320=False, audit="stand").audit(
            browser, site.url(path), site.base, False):
        assert not view.violations, [(i.rule, i.selector) for i in view.violations]
        assert set(COVER_RULES) <= set(view.passed_rules)


def test_aaa_settings_bring_the_own_checks_with_them(site: FixtureSite, browser: Browser) -> None:
    url = site.url("/checks/targets-fail")
    portrait, _landscape = stand_auditor().audit(browser, url, site.base, False)
    rules = {issue.rule for issue in portrait.violations}
    assert "target-size-enhanced" in rules
    assert {"reflow", "page-language-matches-text", "target-size"} <= set(
        portrait.passed_rules) | {rule["id"] for rule in portrait.raw["inapplicable"]}


@pytest.mark.parametrize(("language", "own_help"), [
    ("kk", "Басқа тілдегі үзінділер өз lang атрибутымен белгіленуі керек"),
    ("ru", "Фрагменты на другом языке должны быть отмечены собственным атрибутом lang"),
], ids=["kk", "ru"])
def test_reports_carry_the_own_findings_translated_and_stay_accessible(
        checked: Summary, browser: Browser, tmp_path: Path, language: str,
        own_help: str) -> None:
    report = json.loads(formats()["json"](checked, ReportContext("en")))
    criteria = {finding["rule"]: finding["wcag"] for finding in report["findings"]}
    assert criteria["part-language-matches-text"] == ["3.1.2"]
    assert criteria["target-size-enhanced"] == ["2.5.5"] and criteria["reflow"] == ["1.4.10"]
    html = formats()["html"](checked, ReportContext(language))
    assert f"part-language-matches-text: {own_help}</h3>" in html
    # axe's help has no translation: it is marked as English.
    assert ('<span lang="en">All touch targets must be 24px large, or leave sufficient '
            'space</span>') in html
    path = tmp_path / f"report-{language}.html"
    path.write_text(html, encoding="utf-8")
    browser.set_viewport(Viewport("desktop", 1280, 800))
    browser.driver.get(path.as_uri())
    assert [finding.describe() for finding in violations(browser.driver)] == []


def test_a_failing_own_check_costs_only_its_rules(site: FixtureSite, store: Store) -> None:
    summary = run_scan(store, site, ["/checks/broken-builtins"], rules=("image-alt", "reflow"))
    page = summary.pages[0]
    assert page.status == "audited"
    assert [(i.rule, i.selector) for _fid, i in page.issues] == [("image-alt", "#violation1")]
    assert [e.kind for e in page.errors] == ["check-error"]
    assert "the own check of reflow failed" in page.errors[0].reason
    assert "is not iterable" in page.errors[0].reason

"""SVG and XML documents are audited like pages (Chromium renders them, axe runs in
them), and links drawn in SVG are followed like any other."""

from __future__ import annotations

import pytest

from accessibility_audit.discovery.crawl import CrawlLimits
from accessibility_audit.engine.preflight import is_document
from accessibility_audit.evaluation import Summary
from accessibility_audit.options import Target
from accessibility_audit.store import Store
from tests.audit.conftest import run_scan
from tests.audit.fixture_site import FixtureSite

DOCUMENTS = ["/documents/map.svg", "/documents/formula.xml", "/documents/notice.xml"]


@pytest.mark.parametrize(("content_type", "audited"), [
    ("text/html; charset=utf-8", True), ("application/xhtml+xml", True),
    ("image/svg+xml", True), ("application/xml", True), ("text/xml; charset=utf-8", True),
    ("application/mathml+xml", True), ("application/pdf", False), ("image/png", False),
    ("application/json", False), ("", False),
])
def test_the_browser_renders_html_svg_and_xml_documents(content_type: str,
                                                        audited: bool) -> None:
    assert is_document(content_type) is audited


def violations(summary: Summary, site: FixtureSite) -> dict[str, dict[str, list[str]]]:
    found: dict[str, dict[str, list[str]]] = {}
    for page in summary.pages:
        rules = found.setdefault(page.url.removeprefix(site.base), {})
        for _fid, issue in page.issues:
            if issue.outcome == "violation":
                rules.setdefault(issue.rule, []).append(issue.selector)
    return found


@pytest.mark.browser
def test_svg_and_xml_documents_are_audited_with_the_own_checks(
        store: Store, site: FixtureSite) -> None:
    # AAA brings every own check, each of which must cope with a document that has
    # no body and whose elements are not HTML.
    summary = run_scan(store, site, DOCUMENTS, standard="wcag22aaa", best_practice=True)
    for page in summary.pages:
        assert page.status == "audited" and not page.errors, (page.url, page.errors)
    assert violations(summary, site) == {
        "/documents/map.svg": {"svg-img-alt": ["#violation1"],
                               "target-size-enhanced": ["#violation2"]},
        # Chromium shows XML without style information in a viewer page of its own;
        # the document itself is audited, not the viewer (which has no lang, no
        # title, no landmarks).
        "/documents/formula.xml": {},
        "/documents/notice.xml": {"image-alt": ["#violation1"]},
    }


@pytest.mark.browser
def test_identical_links_drawn_in_svg_are_checked_and_followed(
        store: Store, site: FixtureSite) -> None:
    summary = run_scan(store, site, targets=[Target("crawl", site.url("/documents/svg-nav"))],
                       standard="wcag22aaa", limits=CrawlLimits(max_pages=5, max_depth=1))
    assert sorted(page.url.removeprefix(site.base) for page in summary.pages) == [
        "/documents/linked", "/documents/svg-nav"]
    for page in summary.pages:
        assert page.status == "audited" and not page.errors, (page.url, page.errors)
    drawn = next(page for page in summary.pages if page.url.endswith("/svg-nav"))
    assert "target-size-enhanced" in drawn.passed_rules

"""Every report format of two scans of a changing page, and `diff` between them."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit import violations
from accessibility_audit.browser import start_chromium
from accessibility_audit.diff import compare
from accessibility_audit.engine.frames import AxeScript
from accessibility_audit.evaluation import Summary
from accessibility_audit.reporters import ReportContext, diff_text, formats
from accessibility_audit.store import Store
from tests.audit.conftest import run_scan
from tests.audit.fixture_site import FixtureSite

pytestmark = pytest.mark.browser
PAGES = ["/changing", "/news/1", "/news/2", "/forbidden"]


@pytest.fixture(scope="module")
def scans(site: FixtureSite, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[tuple[Store, Summary, Summary]]:
    store = Store(str(tmp_path_factory.mktemp("reports") / "scans.sqlite3"))
    site.changed = False
    old = run_scan(store, site, PAGES)
    site.changed = True
    try:
        new = run_scan(store, site, PAGES)
    finally:
        site.changed = False
    yield store, old, new


def render(scans: tuple[Store, Summary, Summary], name: str, language: str = "en") -> str:
    store, _old, new = scans
    sites = {page.site for page in new.pages}
    context = ReportContext(language, store.history(sites, new.scan.id))
    return formats()[name](new, context)


def test_diff_lists_new_fixed_and_remaining(scans: tuple[Store, Summary, Summary]) -> None:
    _store, old, new = scans
    difference = compare(old, new)
    assert [f.rule for f in difference.added] == ["link-name"]
    assert [f.rule for f in difference.fixed] == ["image-alt"]   # /changing's photo
    assert sorted(f.rule for f in difference.remaining) == ["image-alt", "label", "link-name"]
    assert "news/2" in next(f for f in difference.remaining if f.rule == "image-alt").pages[0]
    text = diff_text.render(difference)
    assert "1 new, 1 fixed, 3 remaining" in text
    assert json.loads(diff_text.render_json(difference))["fixed"][0]["rule"] == "image-alt"


def test_finding_ids_are_stable_across_scans(scans: tuple[Store, Summary, Summary]) -> None:
    _store, old, new = scans
    label = [f.id for s in (old, new) for f in s.violations if f.rule == "label"]
    assert len(label) == 2 and label[0] == label[1]


def test_json_report(scans: tuple[Store, Summary, Summary]) -> None:
    report = json.loads(render(scans, "json"))
    assert report["engine"] == {"name": "axe-core", "version": AxeScript().version}
    assert report["tool"]["name"] == "a11y-audit"
    assert report["scan"]["options"]["standard"] == "wcag22aa"
    assert report["pages_by_status"] == {"audited": 3, "failed": 0, "blocked": 1}
    header = next(f for f in report["findings"] if f["rule"] == "link-name"
                  and len(f["pages"]) == 2)
    assert header["templates"] == ["/news/0"] and header["wcag"] == ["2.4.4", "4.1.2"]


def test_csv_report(scans: tuple[Store, Summary, Summary]) -> None:
    text = render(scans, "csv")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    rules = sorted(row["rule"] for row in rows if row["outcome"] == "violation")
    assert rules == ["image-alt", "label", "link-name", "link-name", "link-name"]
    blocked = [row for row in rows if row["page_status"] == "blocked"]
    assert blocked and "HTTP 403" in blocked[0]["page_error"]


def test_junit_report_parses_back(scans: tuple[Store, Summary, Summary]) -> None:
    root = ET.fromstring(render(scans, "junit").encode())
    assert root.tag == "testsuites"
    suites = {suite.get("name").split(" (")[0].rsplit("/", 1)[1]: suite
              for suite in root.iter("testsuite")}
    changing = suites["changing"]
    failed = sorted(case.get("name") for case in changing.iter("testcase")
                    if case.find("failure") is not None)
    assert failed == ["label", "link-name"]
    assert int(changing.get("failures")) == 2
    assert int(changing.get("tests")) > 2            # passed rules are test cases too
    error = suites["forbidden"].find("testcase/error")
    assert error is not None and "HTTP 403" in error.get("message")
    assert int(root.get("errors")) == 1
    assert int(root.get("failures")) == sum(int(s.get("failures")) for s in suites.values())


def test_earl_report_parses_back(scans: tuple[Store, Summary, Summary]) -> None:
    report = json.loads(render(scans, "earl"))
    assert report["@context"]["earl"] == "http://www.w3.org/ns/earl#"
    pages = {node["url"].rsplit("/", 1)[1]: node for node in report["@graph"]
             if node["@type"] == "WebPage"}
    outcomes = {(a["test"]["@id"].split("/")[-1].split("?")[0], a["result"]["outcome"])
                for a in pages["changing"]["assertions"]}
    assert ("label", "earl:failed") in outcomes and ("link-name", "earl:failed") in outcomes
    assert ("document-title", "earl:passed") in outcomes
    forbidden = pages["forbidden"]["assertions"]
    assert [a["result"]["outcome"] for a in forbidden] == ["earl:inapplicable"]
    assert all(a["assertedBy"] == "_:a11y-audit" and a["mode"] == "earl:automatic"
               for page in pages.values() for a in page["assertions"])


@pytest.fixture(scope="module")
def reader() -> Iterator[WebDriver]:
    driver = start_chromium(1280, 900)
    yield driver
    driver.quit()


@pytest.mark.parametrize(("language", "words"), [
    ("kk", ["Қолжетімділік есебі", "бетте табылды", "Әсер деңгейі бойынша"]),
    ("ru", ["Отчёт о доступности", "Найдено на 2 страницах", "Нарушения по степени"]),
    ("en", ["Accessibility report", "Found on 2 pages", "Violations over time"]),
])
def test_html_report_is_translated_accessible_and_self_contained(
        scans: tuple[Store, Summary, Summary], reader: WebDriver, tmp_path: Path,
        language: str, words: list[str]) -> None:
    html = render(scans, "html", language)
    assert f'<html lang="{language}">' in html
    for word in words:
        assert word in html
    # Nothing fetched from anywhere: no scripts, styles, images or fonts from outside.
    assert not re.search(r"<(script|link|img|iframe)\b|url\(|@import", html)
    assert html.count('role="img"') == 3                        # criteria, impact, trend
    path = tmp_path / f"report-{language}.html"
    path.write_text(html, encoding="utf-8")
    reader.get(path.as_uri())
    assert [finding.describe() for finding in violations(reader)] == []

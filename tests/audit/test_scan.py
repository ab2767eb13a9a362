"""One scan of the whole fixture site, checked page by page against expected.json."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from accessibility_audit.engine.frames import AxeScript
from accessibility_audit.evaluation import Summary
from accessibility_audit.store import Store
from tests.audit.conftest import EXPECTED, run_scan, scanner_processes
from tests.audit.fixture_site import FixtureSite

pytestmark = pytest.mark.browser

CONTACT = "https://audit.example.kz/contact"
FAILING = {
    "/redirect-loop": ("failed", "redirect-loop"),
    "/forbidden": ("blocked", "blocked"),
    "/bot-wall": ("blocked", "blocked"),
    "/captcha": ("blocked", "blocked"),
    "/error": ("failed", "http"),
    "/download": ("failed", "download"),
    "/report.pdf": ("failed", "not-html"),
    "/huge": ("failed", "huge-page"),
    "/no-such-page": ("failed", "http"),
}


@pytest.fixture(scope="module")
def whole_site(site: FixtureSite, tmp_path_factory: pytest.TempPathFactory
               ) -> Iterator[tuple[Summary, Store]]:
    before = scanner_processes()
    site.requests.clear()  # other modules' scans use other user agents
    store = Store(str(tmp_path_factory.mktemp("scan") / "scans.sqlite3"))
    paths = [*EXPECTED, *FAILING, "/members"]
    site.credentials.clear()
    summary = run_scan(store, site, paths, contact=CONTACT, cookies={"session": "letmein"},
                       headers={"X-Audit-Run": "monitoring-7"})
    yield summary, store
    assert scanner_processes() == before == []


def pages(summary: Summary) -> dict[str, object]:
    return {page.url.removeprefix(summary.pages[0].site): page for page in summary.pages}


def test_exact_rules_per_page(whole_site: tuple[Summary, Store]) -> None:
    summary, _ = whole_site
    found = pages(summary)
    for path, rules in EXPECTED.items():
        page = found[path]
        assert page.status == "audited", (path, page.errors)
        violated = sorted({issue.rule for _fid, issue in page.issues
                           if issue.outcome == "violation"})
        assert violated == sorted(rules), path


def test_violations_point_at_the_marked_elements(whole_site: tuple[Summary, Store]) -> None:
    summary, _ = whole_site
    for path in ("/missing-alt", "/low-contrast", "/missing-label", "/empty-link"):
        page = pages(summary)[path]
        selectors = [issue.selector for _fid, issue in page.issues if issue.outcome == "violation"]
        assert selectors == ["#violation1"], path


def test_frames_are_audited_same_and_cross_origin(whole_site: tuple[Summary, Store],
                                                  site: FixtureSite) -> None:
    summary, _ = whole_site
    page = pages(summary)["/frames"]
    selectors = {issue.rule: issue.selector for _fid, issue in page.issues
                 if issue.outcome == "violation"}
    assert selectors["image-alt"].endswith(">>> #violation1")
    assert selectors["label"].endswith(">>> #violation1")
    assert selectors["image-alt"] != selectors["label"]
    # The cross-origin frame really was loaded from the other origin and audited.
    assert any(role == "other" and path == "/widget" for role, path, _ua in site.requests)
    assert not any(issue.rule == "frame-tested" for _fid, issue in page.issues)


def test_failures_are_recorded_with_their_reason(whole_site: tuple[Summary, Store]) -> None:
    summary, _ = whole_site
    found = pages(summary)
    for path, (status, kind) in FAILING.items():
        page = found[path]
        assert (page.status, [e.kind for e in page.errors]) == (status, [kind]), path
        assert not page.issues, path
    assert "HTTP 403" in found["/forbidden"].errors[0].reason
    assert "Cloudflare" in found["/bot-wall"].errors[0].reason
    assert "CAPTCHA" in found["/captcha"].errors[0].reason
    assert "31,005 elements" in found["/huge"].errors[0].reason


def test_dialogs_and_beforeunload_are_reported_and_the_page_still_audited(
        whole_site: tuple[Summary, Store]) -> None:
    summary, _ = whole_site
    found = pages(summary)
    assert [e.kind for e in found["/alert"].errors] == ["dialog"]
    assert "Hello from the page" in found["/alert"].errors[0].reason
    assert [e.kind for e in found["/beforeunload"].errors] == ["beforeunload"]
    assert found["/alert"].status == found["/beforeunload"].status == "audited"


def test_cookie_opens_pages_behind_a_login(whole_site: tuple[Summary, Store]) -> None:
    summary, _ = whole_site
    assert pages(summary)["/members"].status == "audited"


def test_cookies_go_to_the_scanned_site_only_and_headers_everywhere(
        whole_site: tuple[Summary, Store], site: FixtureSite) -> None:
    own = [(path, cookie) for role, path, cookie, _h in site.credentials if role == "main"]
    other = [(path, cookie) for role, path, cookie, _h in site.credentials if role == "other"]
    assert ("/members", "session=letmein") in own
    assert other and all("letmein" not in cookie for _path, cookie in other)
    assert all(header == "monitoring-7" for *_rest, header in site.credentials)


def test_user_agent_names_the_tool_and_contact(whole_site: tuple[Summary, Store],
                                              site: FixtureSite) -> None:
    agents = {ua for _role, path, ua in site.requests if path == "/missing-alt"}
    assert agents and all("a11y-audit/" in ua and CONTACT in ua for ua in agents)
    assert not any("HeadlessChrome" in ua for ua in agents)


def test_template_repeats_are_one_finding(whole_site: tuple[Summary, Store]) -> None:
    summary, _ = whole_site
    news = [f for f in summary.violations if any("/news/" in p for p in f.pages)]
    header = [f for f in news if f.rule == "link-name"]
    assert len(header) == 1
    assert sorted(p.rsplit("/", 1)[1] for p in header[0].pages) == ["1", "2", "3"]
    assert header[0].templates == ["/news/0"]
    photo = [f for f in news if f.rule == "image-alt"]
    assert len(photo) == 1 and len(photo[0].pages) == 1


def test_counts_by_criterion_and_impact(whole_site: tuple[Summary, Store]) -> None:
    summary, _ = whole_site
    assert summary.by_criterion["1.1.1"] == 3   # missing-alt, frame, news photo
    assert summary.by_criterion["1.4.3"] == 1
    assert summary.by_impact["critical"] >= 4
    assert summary.scan.axe_version == AxeScript().version


def test_raw_axe_results_are_kept(whole_site: tuple[Summary, Store]) -> None:
    summary, store = whole_site
    page = pages(summary)["/missing-alt"]
    raw = store.raw_result(page.id)
    assert raw["testEngine"]["name"] == "axe-core"
    assert [rule["id"] for rule in raw["violations"]] == ["image-alt"]

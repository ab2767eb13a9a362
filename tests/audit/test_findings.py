"""Finding ids, template grouping, WCAG criteria, the evaluation with auditors' decisions
and the CI verdict, without a browser."""

from __future__ import annotations

import datetime as dt

import pytest

from accessibility_audit import wcag
from accessibility_audit.diff import compare
from accessibility_audit.evaluation import summarise
from accessibility_audit.exitcodes import Exit, verdict
from accessibility_audit.findings import finding_id, normalise_element, page_template
from accessibility_audit.model import Issue, PageError
from accessibility_audit.store import Review
from accessibility_audit.store.repository import StoredPage, StoredScan

SITE = "https://akimat.example.kz"


def issue(rule: str = "image-alt", impact: str = "critical", selector: str = "img",
          html: str = '<img src="/a.png">', outcome: str = "violation") -> Issue:
    return Issue(rule, outcome, impact, ("1.1.1",), selector, html, "", "help", "url")


def page(url: str, *issues: Issue, status: str = "audited",
         errors: tuple[PageError, ...] = ()) -> StoredPage:
    stored = StoredPage(0, SITE, SITE + url, "desktop", status, 200, "t", page_template(url),
                        0.1, 10, 5, errors=list(errors))
    stored.issues = [(finding_id(SITE, i.rule, i.outcome, i.selector, i.html), i) for i in issues]
    return stored


def scan(*pages: StoredPage, scan_id: int = 1) -> StoredScan:
    return StoredScan(scan_id, dt.datetime.now(dt.UTC), None, "finished", "0.1.0", "4.10.2",
                      "wcag22aa", "ua", {}, list(pages))


def test_criteria_from_axe_tags() -> None:
    assert wcag.criteria(["wcag2aa", "wcag1410", "wcag143", "wcag111", "best-practice"]) == \
        ("1.1.1", "1.4.3", "1.4.10")
    assert wcag.tags_for("wcag21aa", best_practice=True)[-1] == "best-practice"
    with pytest.raises(ValueError, match="unknown standard"):
        wcag.tags_for("wcag3")


def test_elements_are_normalised_for_stable_ids() -> None:
    one = normalise_element("#news-123 > img", '<img src="/media/17.jpg" style="x" nonce="ab">')
    two = normalise_element("#news-456 > img", '<img src="/media/18.jpg">')
    assert one == two
    text = normalise_element("a", '<a href="/">Today 27 November</a>')
    assert text == normalise_element("a", '<a href="/">Yesterday</a>')
    assert finding_id(SITE, "image-alt", "violation", "img", "<img>") != \
        finding_id(SITE, "label", "violation", "img", "<img>")


def test_page_templates() -> None:
    assert page_template("https://gov.kz/news/2024/17") == "/news/0/0"
    assert page_template("https://gov.kz/doc/3f2a9c1e7b6d") == "/doc/#"
    assert page_template("https://gov.kz") == "/"


def test_a_template_problem_is_one_finding_with_its_pages() -> None:
    logo = issue("link-name", "serious", "header > a", '<a href="/"><img alt=""></a>')
    summary = summarise(scan(page("/news/1", logo), page("/news/2", logo, issue()),
                             page("/about", logo)))
    header = next(f for f in summary.violations if f.rule == "link-name")
    assert len(header.pages) == 3 and header.occurrences == 3 and header.repeated
    assert header.templates == ["/news/0", "/about"]
    assert summary.by_impact == {"critical": 1, "serious": 1, "moderate": 0, "minor": 0}
    assert summary.violations[0].impact == "critical"          # worst first


def test_needs_review_is_kept_apart_from_violations() -> None:
    summary = summarise(scan(page("/", issue("color-contrast", "serious", outcome="incomplete"))))
    assert summary.violations == [] and len(summary.needs_review) == 1


def test_fixed_only_when_the_page_was_audited_again() -> None:
    old = summarise(scan(page("/a", issue()), page("/b", issue("label", selector="input"))))
    new = summarise(scan(page("/a"), page("/b", status="failed",
                                          errors=(PageError("http", "HTTP 500"),)), scan_id=2))
    difference = compare(old, new)
    assert [f.rule for f in difference.fixed] == ["image-alt"]
    assert [f.rule for f in difference.not_rechecked] == ["label"]


@pytest.mark.parametrize(("fail_on", "maximum", "allow", "expected"), [
    (None, None, False, Exit.PAGES_NOT_AUDITED),
    (None, None, True, Exit.OK),
    ("critical", None, True, Exit.OK),
    ("serious", None, True, Exit.VIOLATIONS),
    ("minor", None, False, Exit.VIOLATIONS),
    (None, 1, True, Exit.OK),
    (None, 0, True, Exit.VIOLATIONS),
])
def test_verdict(fail_on: str | None, maximum: int | None, allow: bool, expected: Exit) -> None:
    summary = summarise(scan(page("/", issue("color-contrast", "serious")),
                             page("/x", status="blocked",
                                  errors=(PageError("blocked", "HTTP 403"),))))
    assert verdict(summary, fail_on, maximum, allow) == expected


def review(decision: str, finding: str) -> dict[str, Review]:
    return {finding: Review(finding, "color-contrast", decision, "2:1 on the photo", "asel",
                            "Әсел", dt.datetime.now(dt.UTC))}


def test_a_violation_and_a_needs_review_item_of_one_element_are_two_findings() -> None:
    """Issue 11: one id for both outcomes filed the violation of /offers/2 under
    needs review, as the first page had it, and lost its page count."""
    doubtful = issue("color-contrast", "serious", ".offer", '<p class="offer">',
                     outcome="incomplete")
    failing = issue("color-contrast", "serious", ".offer", '<p class="offer">')
    summary = summarise(scan(page("/offers/1", doubtful),
                             page("/offers/2", failing, failing, failing)))
    [violation] = summary.violations
    [needs_review] = summary.needs_review
    assert violation.id != needs_review.id
    assert violation.pages == [SITE + "/offers/2"] and violation.occurrences == 3
    assert violation.elements_per_page == {SITE + "/offers/2": 3}
    assert needs_review.pages == [SITE + "/offers/1"] and needs_review.open
    assert [len(summary.page_violations(p)) for p in summary.pages] == [0, 3]
    assert summary.by_impact["serious"] == 1 and summary.clean_pages() == 1
    assert verdict(summary, "serious", None, False) == Exit.VIOLATIONS
    assert verdict(summary, None, 1, False) == Exit.OK


def test_an_auditors_decision_is_part_of_the_evaluation() -> None:
    doubtful = issue("color-contrast", None, ".offer", '<p class="offer">',
                     outcome="incomplete")
    stored = scan(page("/offers/1", doubtful), page("/offers/2", issue()))
    fid = stored.pages[0].issues[0][0]
    failed = summarise(stored, review("fail", fid))
    assert [f.rule for f in failed.violations] == ["image-alt", "color-contrast"]
    assert failed.open_reviews == [] and failed.decisions() == {"pass": 0, "fail": 1}
    # axe left it unrated: an auditor's "fails" is counted, and gated, as moderate.
    assert failed.by_impact == {"critical": 1, "serious": 0, "moderate": 1, "minor": 0}
    assert verdict(failed, None, 1, False) == Exit.VIOLATIONS
    assert verdict(failed, "moderate", None, False) == Exit.VIOLATIONS
    assert failed.violating_elements() == 2 and failed.clean_pages() == 0
    passed = summarise(stored, review("pass", fid))
    assert [f.rule for f in passed.violations] == ["image-alt"]
    assert passed.needs_review[0].verdict == "reviewed-pass"
    assert verdict(passed, None, 1, False) == Exit.OK
    # A decision is on a needs-review finding: one that the engine failed ignores it.
    violation = stored.pages[1].issues[0][0]
    assert summarise(stored, review("pass", violation)).finding(violation).review is None

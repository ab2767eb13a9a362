"""The one evaluation of a scan: from stored page results and auditors' decisions to
what counts. Every output reads it — the text summary, the JSON, CSV, JUnit, EARL and
HTML reports, ``diff``, the exit codes of ``--fail-on``/``--max-violations`` and the
auditors' dashboard — so they agree by construction.

Findings are grouped across pages by id (site, rule, outcome and element, see
``findings.py``). A finding's *verdict* is the engine's outcome, unless an auditor
decided a needs-review finding: "fails" makes it a violation, "passes" sets it aside.
So a violation is what axe-core or an own check found failing, or what an auditor
failed; the latest decision on an id counts, for every scan that finds it."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Literal

from accessibility_audit import wcag
from accessibility_audit.model import IMPACTS, INTERFERED, Issue
from accessibility_audit.store import Review, Store
from accessibility_audit.store.repository import StoredPage, StoredScan

Verdict = Literal["violation", "needs-review", "reviewed-pass"]
# An item axe-core could not decide often has no impact; failed by an auditor, it is
# counted (and held against --fail-on) as moderate.
UNRATED_IMPACT = "moderate"


@dataclass
class Finding:
    """One problem, however many elements and pages show it."""

    id: str
    site: str
    rule: str
    outcome: str  # the engine's: "violation" or "incomplete" (needs review)
    impact: str | None
    help: str
    help_url: str
    criteria: tuple[str, ...]
    selector: str
    html: str
    summary: str
    pages: list[str] = field(default_factory=list)
    templates: list[str] = field(default_factory=list)
    viewports: list[str] = field(default_factory=list)
    occurrences: int = 0
    # Elements on each page (URL), over its viewports: a template repeating a problem
    # three times on one page counts three there.
    elements_per_page: dict[str, int] = field(default_factory=dict)
    # The latest auditor's decision, for a needs-review finding.
    review: Review | None = None

    @property
    def verdict(self) -> Verdict:
        if self.outcome == "violation":
            return "violation"
        if self.review is None:
            return "needs-review"
        return "violation" if self.review.decision == "fail" else "reviewed-pass"

    @property
    def counts_as_violation(self) -> bool:
        return self.verdict == "violation"

    @property
    def open(self) -> bool:
        """Needs review and no auditor has decided it yet."""
        return self.verdict == "needs-review"

    @property
    def severity(self) -> str:
        """The impact the finding is counted under, an unrated one as moderate."""
        return self.impact if self.impact in IMPACTS else UNRATED_IMPACT

    @property
    def repeated(self) -> bool:
        """Shown on more than one page: most likely part of a shared template."""
        return len(self.pages) > 1

    def describe(self) -> str:
        """One line for a test's failure message or a log."""
        return f"{self.rule} ({self.impact}): {self.help} at {self.selector}"


@dataclass
class Summary:
    scan: StoredScan
    pages: list[StoredPage]
    findings: list[Finding]
    by_criterion: dict[str, int]
    by_impact: dict[str, int]
    rule_pages: dict[str, int]
    # Auditors' decisions on this scan's needs-review findings, by finding id.
    reviews: dict[str, Review] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_id = {finding.id: finding for finding in self.findings}

    def finding(self, finding_id: str) -> Finding:
        return self._by_id[finding_id]

    @property
    def violations(self) -> list[Finding]:
        """The engine's violations and the needs-review findings auditors failed."""
        return [f for f in self.findings if f.counts_as_violation]

    @property
    def needs_review(self) -> list[Finding]:
        """Every finding the engine could not decide, decided by an auditor or not."""
        return [f for f in self.findings if f.outcome == "incomplete"]

    @property
    def open_reviews(self) -> list[Finding]:
        return [f for f in self.findings if f.open]

    def decisions(self) -> dict[str, int]:
        """How many needs-review findings auditors decided "pass" and "fail"."""
        counts = Counter(f.review.decision for f in self.needs_review if f.review)
        return {"pass": counts.get("pass", 0), "fail": counts.get("fail", 0)}

    @property
    def urls(self) -> list[str]:
        return list(dict.fromkeys(page.url for page in self.pages))

    def page_counts(self) -> dict[str, int]:
        """Pages (URLs) audited, failed and blocked; a URL counts by its worst viewport."""
        worst: dict[str, str] = {}
        order = {"audited": 0, "failed": 1, "blocked": 2}
        for page in self.pages:
            current = worst.get(page.url, "audited")
            worst[page.url] = max(current, page.status, key=order.__getitem__)
        counts = Counter(worst.values())
        return {status: counts.get(status, 0) for status in order}

    def problem_pages(self) -> list[StoredPage]:
        return [page for page in self.pages if page.errors]

    def page_violations(self, page: StoredPage) -> list[Issue]:
        """The elements of one page (at one viewport) that count as violations."""
        return [issue for fid, issue in page.issues if self._by_id[fid].counts_as_violation]

    def violating_elements(self) -> int:
        """Elements counting as violations, over every page and viewport."""
        return sum(len(self.page_violations(page)) for page in self.pages)

    def interfered_pages(self) -> int:
        """Pages (URLs) that interfered with their audit at some viewport: failed, and
        counted as pages with violations wherever pages are ranked."""
        return len({p.url for p in self.pages
                    if any(e.kind == INTERFERED for e in p.errors)})

    def clean_pages(self) -> int:
        """Audited pages (URLs) with no violation at any viewport."""
        audited = set(self.urls) - {p.url for p in self.pages if p.status != "audited"}
        return len(audited - {p.url for p in self.pages if self.page_violations(p)})


def summarise(scan: StoredScan, reviews: dict[str, Review] | None = None,
              site: str | None = None) -> Summary:
    """The evaluation of ``scan`` (of its pages of ``site`` only, if given) with the
    auditors' decisions ``reviews`` (``Store.reviews()``) applied."""
    pages = [page for page in scan.pages if site is None or page.site == site]
    ordered = findings_of(pages, reviews)
    violations = [f for f in ordered if f.counts_as_violation]
    return Summary(scan, pages, ordered, _by_criterion(violations), _by_impact(violations),
                   _rule_pages(violations),
                   {f.id: f.review for f in ordered if f.review is not None})


def findings_of(pages: list[StoredPage],
                reviews: dict[str, Review] | None = None) -> list[Finding]:
    """The findings of these pages, the worst first, with the decisions applied."""
    reviews = reviews or {}
    findings: dict[str, Finding] = {}
    for page in pages:
        for fid, issue in page.issues:
            finding = findings.get(fid) or findings.setdefault(fid, _new(fid, page, issue))
            finding.occurrences += 1
            finding.elements_per_page[page.url] = finding.elements_per_page.get(page.url, 0) + 1
            _add(finding.pages, page.url)
            _add(finding.templates, page.template)
            _add(finding.viewports, page.viewport)
    for finding in findings.values():
        if finding.outcome == "incomplete":
            finding.review = reviews.get(finding.id)
    return sorted(findings.values(), key=_importance)


def evaluate(store: Store, scan_id: int, site: str | None = None) -> Summary:
    """A stored scan with the auditors' decisions applied: what every output reads."""
    return summarise(store.load(scan_id), store.reviews(), site)


def history(store: Store, sites: set[str], up_to: int) -> list[tuple[int, dt.datetime, int]]:
    """(scan id, start, violating elements) of each scan up to ``up_to`` that covered
    any of ``sites``, the auditors' decisions applied as in the scan's own evaluation."""
    failed = {fid for fid, review in store.reviews().items() if review.decision == "fail"}
    return store.history(sites, up_to, failed)


def _new(fid: str, page: StoredPage, issue: Issue) -> Finding:
    return Finding(id=fid, site=page.site, rule=issue.rule, outcome=issue.outcome,
                   impact=issue.impact, help=issue.help, help_url=issue.help_url,
                   criteria=issue.criteria, selector=issue.selector, html=issue.html,
                   summary=issue.summary)


def _add(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def _importance(finding: Finding) -> tuple[bool, int, int, str]:
    impact = IMPACTS.index(finding.impact) if finding.impact in IMPACTS else len(IMPACTS)
    return (not finding.counts_as_violation, impact, -len(finding.pages), finding.rule)


def _by_criterion(violations: list[Finding]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for finding in violations:
        for criterion in finding.criteria or ("best practice",):
            counts[criterion] += 1
    return dict(sorted(counts.items(), key=lambda item: wcag.criterion_sort_key(item[0])))


def _by_impact(violations: list[Finding]) -> dict[str, int]:
    counts = Counter(f.severity for f in violations)
    return {impact: counts.get(impact, 0) for impact in IMPACTS}


def _rule_pages(violations: list[Finding]) -> dict[str, int]:
    pages: dict[str, set[str]] = defaultdict(set)
    for finding in violations:
        pages[finding.rule].update(finding.pages)
    return {rule: len(urls) for rule, urls in sorted(pages.items())}

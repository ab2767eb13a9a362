"""From stored page results to what a report says: findings grouped across pages,
counts by WCAG criterion and by impact, and the verdict for CI."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from accessibility_audit import wcag
from accessibility_audit.model import IMPACTS, Issue
from accessibility_audit.store.repository import Review, StoredPage, StoredScan


@dataclass
class Finding:
    """One problem, however many elements and pages show it."""

    id: str
    site: str
    rule: str
    outcome: str
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

    @property
    def repeated(self) -> bool:
        """Shown on more than one page: most likely part of a shared template."""
        return len(self.pages) > 1


@dataclass
class Summary:
    scan: StoredScan
    findings: list[Finding]
    by_criterion: dict[str, int]
    by_impact: dict[str, int]
    rule_pages: dict[str, int]
    # Auditors' decisions on needs-review findings (the kiosk's /audit), by finding id.
    reviews: dict[str, Review] = field(default_factory=dict)

    @property
    def pages(self) -> list[StoredPage]:
        return self.scan.pages

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.outcome == "violation"]

    @property
    def needs_review(self) -> list[Finding]:
        return [f for f in self.findings if f.outcome == "incomplete"]

    def decisions(self) -> dict[str, int]:
        """How many needs-review findings auditors decided "pass" and "fail"."""
        counts = Counter(self.reviews[f.id].decision for f in self.needs_review
                         if f.id in self.reviews)
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


def summarise(scan: StoredScan, reviews: dict[str, Review] | None = None) -> Summary:
    findings: dict[str, Finding] = {}
    for page in scan.pages:
        for fid, issue in page.issues:
            finding = findings.get(fid) or findings.setdefault(fid, _new(fid, page, issue))
            finding.occurrences += 1
            _add(finding.pages, page.url)
            _add(finding.templates, page.template)
            _add(finding.viewports, page.viewport)
    ordered = sorted(findings.values(), key=_importance)
    violations = [f for f in ordered if f.outcome == "violation"]
    return Summary(scan, ordered, _by_criterion(violations), _by_impact(violations),
                   _rule_pages(violations),
                   {fid: r for fid, r in (reviews or {}).items() if fid in findings})


def _new(fid: str, page: StoredPage, issue: Issue) -> Finding:
    return Finding(id=fid, site=page.site, rule=issue.rule, outcome=issue.outcome,
                   impact=issue.impact, help=issue.help, help_url=issue.help_url,
                   criteria=issue.criteria, selector=issue.selector, html=issue.html,
                   summary=issue.summary)


def _add(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def _importance(finding: Finding) -> tuple[int, int, int, str]:
    impact = IMPACTS.index(finding.impact) if finding.impact in IMPACTS else len(IMPACTS)
    return (finding.outcome != "violation", impact, -len(finding.pages), finding.rule)


def _by_criterion(violations: list[Finding]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for finding in violations:
        for criterion in finding.criteria or ("best practice",):
            counts[criterion] += 1
    return dict(sorted(counts.items(), key=lambda item: wcag.criterion_sort_key(item[0])))


def _by_impact(violations: list[Finding]) -> dict[str, int]:
    counts = Counter(f.impact for f in violations)
    return {impact: counts.get(impact, 0) for impact in IMPACTS}


def _rule_pages(violations: list[Finding]) -> dict[str, int]:
    pages: dict[str, set[str]] = defaultdict(set)
    for finding in violations:
        pages[finding.rule].update(finding.pages)
    return {rule: len(urls) for rule, urls in sorted(pages.items())}

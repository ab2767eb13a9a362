"""W3C EARL 1.0 as JSON-LD, shaped like Deque's @axe-core/reporter-earl: for each
page, an assertion per rule and element, with outcomes failed, cantTell (axe's
"needs review") and passed; pages not audited get an inapplicable assertion that
says why, never a passed one. A needs-review element an auditor decided is asserted
failed or passed in mode ``earl:semiAuto`` (the tool found it, a person judged it),
as the evaluation counts it."""

from __future__ import annotations

import json
from typing import Any

from accessibility_audit.evaluation import Summary
from accessibility_audit.model import Issue
from accessibility_audit.reporters import ReportContext
from accessibility_audit.store import Review
from accessibility_audit.store.repository import StoredPage

CONTEXT = {
    "@vocab": "http://www.w3.org/ns/earl#",
    "earl": "http://www.w3.org/ns/earl#",
    "dct": "http://purl.org/dc/terms/",
    "sch": "https://schema.org/",
    "ptr": "http://www.w3.org/2009/pointers#",
    "WebPage": "sch:WebPage",
    "url": "dct:source",
    "assertions": {"@reverse": "earl:subject"},
    "assertedBy": {"@type": "@id"},
    "outcome": {"@type": "@id"},
    "mode": {"@type": "@id"},
    "pointer": {"@type": "ptr:CSSSelectorPointer"},
    "criteria": "dct:subject",
    "title": "dct:title",
    "description": "dct:description",
    "expression": "ptr:expression",
}
OUTCOMES = {"violation": "earl:failed", "needs-review": "earl:cantTell",
            "reviewed-pass": "earl:passed"}


def render(summary: Summary, context: ReportContext) -> str:
    scan = summary.scan
    assertor_id = "_:a11y-audit"
    assertor = {"@id": assertor_id,
                "@type": ["earl:Assertor", "earl:Software"],
                "title": "a11y-audit", "description":
                f"a11y-audit {scan.tool_version} with axe-core {scan.axe_version}"}
    graph = [_page(summary, page, assertor_id) for page in summary.pages]
    return json.dumps({"@context": CONTEXT, "@graph": [assertor, *graph]},
                      ensure_ascii=False, indent=2) + "\n"


def _page(summary: Summary, page: StoredPage, assertor: str) -> dict[str, Any]:
    assertions = []
    for fid, issue in page.issues:
        finding = summary.finding(fid)
        assertions.append(_assertion(
            assertor, issue.help_url or issue.rule, OUTCOMES[finding.verdict],
            _description(issue, finding.review), issue.selector, issue.criteria,
            "earl:semiAuto" if finding.review else "earl:automatic"))
    assertions += [_assertion(assertor, rule, "earl:passed", "", None, ())
                   for rule in page.passed_rules]
    if page.status != "audited":
        reason = "; ".join(error.reason for error in page.errors)
        assertions.append(_assertion(assertor, "_:page-audited",
                                     "earl:inapplicable", f"Not audited: {reason}", None, ()))
    return {"@type": "WebPage", "url": page.url, "title": page.title or "",
            "description": f"viewport {page.viewport}", "assertions": assertions}


def _description(issue: Issue, review: Review | None) -> str:
    text = f"{issue.help}. {issue.summary}".strip()
    if review is None:
        return text
    decided = "fails" if review.decision == "fail" else "passes"
    return f"{text} An auditor decided it {decided}" + (f": {review.note}" if review.note
                                                        else ".")


def _assertion(assertor: str, test: str, outcome: str, description: str,
               selector: str | None, criteria: tuple[str, ...],
               mode: str = "earl:automatic") -> dict[str, Any]:
    result: dict[str, Any] = {"@type": "TestResult", "outcome": outcome,
                              "description": description}
    if selector:
        result["pointer"] = {"expression": selector}
    test_case: dict[str, Any] = {"@id": test, "@type": "TestCase"}
    if criteria:
        test_case["criteria"] = [f"WCAG {c}" for c in criteria]
    return {"@type": "Assertion", "mode": mode, "assertedBy": assertor,
            "test": test_case, "result": result}


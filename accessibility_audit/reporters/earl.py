"""W3C EARL 1.0 as JSON-LD, shaped like Deque's @axe-core/reporter-earl: for each
page, an assertion per rule and element, with outcomes failed, cantTell (axe's
"needs review") and passed; pages not audited get an inapplicable assertion that
says why, never a passed one."""

from __future__ import annotations

import json
from typing import Any

from accessibility_audit.reporters import ReportContext
from accessibility_audit.store.repository import StoredPage
from accessibility_audit.summary import Summary

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
OUTCOMES = {"violation": "earl:failed", "incomplete": "earl:cantTell"}


def render(summary: Summary, context: ReportContext) -> str:
    scan = summary.scan
    assertor = {"@id": "_:a11y-audit",
                "@type": ["earl:Assertor", "earl:Software"],
                "title": "a11y-audit", "description":
                f"a11y-audit {scan.tool_version} with axe-core {scan.axe_version}"}
    graph = [_page(page, assertor["@id"]) for page in summary.pages]
    return json.dumps({"@context": CONTEXT, "@graph": [assertor, *graph]},
                      ensure_ascii=False, indent=2) + "\n"


def _page(page: StoredPage, assertor: str) -> dict[str, Any]:
    assertions = [_assertion(assertor, issue.help_url or issue.rule, OUTCOMES[issue.outcome],
                             f"{issue.help}. {issue.summary}".strip(), issue.selector,
                             issue.criteria)
                  for _fid, issue in page.issues]
    assertions += [_assertion(assertor, rule, "earl:passed", "", None, ())
                   for rule in page.passed_rules]
    if page.status != "audited":
        reason = "; ".join(error.reason for error in page.errors)
        assertions.append(_assertion(assertor, "_:page-audited",
                                     "earl:inapplicable", f"Not audited: {reason}", None, ()))
    return {"@type": "WebPage", "url": page.url, "title": page.title or "",
            "description": f"viewport {page.viewport}", "assertions": assertions}


def _assertion(assertor: str, test: str, outcome: str, description: str,
               selector: str | None, criteria: tuple[str, ...]) -> dict[str, Any]:
    result: dict[str, Any] = {"@type": "TestResult", "outcome": outcome,
                              "description": description}
    if selector:
        result["pointer"] = {"expression": selector}
    test_case: dict[str, Any] = {"@id": test, "@type": "TestCase"}
    if criteria:
        test_case["criteria"] = [f"WCAG {c}" for c in criteria]
    return {"@type": "Assertion", "mode": "earl:automatic", "assertedBy": assertor,
            "test": test_case, "result": result}


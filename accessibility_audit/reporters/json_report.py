"""JSON: everything a script needs, with the tool and axe versions and the options.

Each finding gives the engine's ``outcome`` and the evaluation's ``verdict``
(``violation``, ``needs-review``, or ``reviewed-pass`` for one an auditor passed); the
figures count what the verdict calls a violation."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from accessibility_audit.evaluation import Finding, Summary
from accessibility_audit.reporters import ReportContext
from accessibility_audit.reporters.stand_matrix import is_stand, matrix
from accessibility_audit.version import __version__


def document(summary: Summary) -> dict[str, Any]:
    scan = summary.scan
    data = _document(summary)
    if is_stand(summary):
        table = matrix(summary)
        data["stand"] = {"url": scan.options.get("stand"), "matrix": [
            {"page": row.page, "language": row.lang, "mode": column.mode,
             "orientation": column.orientation, "outcome": cell}
            for row in table.rows for column, cell in zip(table.columns, row.cells, strict=True)
            if cell]}
    return data


def _document(summary: Summary) -> dict[str, Any]:
    scan = summary.scan
    return {
        "tool": {"name": "a11y-audit", "version": scan.tool_version,
                 "report_version": __version__},
        "engine": {"name": "axe-core", "version": scan.axe_version},
        "scan": {"id": scan.id, "status": scan.status, "standard": scan.standard,
                 "profile": scan.profile,
                 "started": scan.started.isoformat(),
                 "finished": scan.finished.isoformat() if scan.finished else None,
                 "user_agent": scan.user_agent, "options": scan.options},
        "pages_by_status": summary.page_counts(),
        "findings_by_verdict": dict(Counter(f.verdict for f in summary.findings)),
        "violations_by_criterion": summary.by_criterion,
        "violations_by_impact": summary.by_impact,
        "findings": [finding_json(f) for f in summary.findings],
        "pages": [{
            "url": page.url, "viewport": page.viewport, "status": page.status,
            "http_status": page.http_status, "title": page.title, "template": page.template,
            "seconds": round(page.seconds, 3), "passes": page.passes,
            "inapplicable": page.inapplicable,
            "errors": [{"kind": e.kind, "reason": e.reason} for e in page.errors],
            "findings": sorted({fid for fid, _issue in page.issues}),
            "violating_elements": len(summary.page_violations(page)),
        } for page in summary.pages],
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    found: dict[str, Any] = {"id": finding.id, "rule": finding.rule, "outcome": finding.outcome,
             "verdict": finding.verdict,
             "impact": finding.impact, "help": finding.help, "help_url": finding.help_url,
             "wcag": list(finding.criteria), "selector": finding.selector,
             "html": finding.html, "summary": finding.summary, "pages": finding.pages,
             "templates": finding.templates, "viewports": finding.viewports,
             "occurrences": finding.occurrences,
             "elements_per_page": finding.elements_per_page}
    review = finding.review
    if review:
        # An auditor's decision from the kiosk's /audit; the latest one counts.
        found["review"] = {"decision": review.decision, "note": review.note,
                           "reviewer": review.reviewer, "decided": review.decided.isoformat()}
    return found


def render(summary: Summary, context: ReportContext) -> str:
    return json.dumps(document(summary), ensure_ascii=False, indent=2) + "\n"

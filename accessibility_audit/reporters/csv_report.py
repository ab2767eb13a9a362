"""CSV: one row per element found on a page, and one per page that was not audited.
``outcome`` is the engine's; ``verdict`` is the evaluation's, with the auditor's
decision (``review``) on a needs-review element applied; ``axe_core`` names the
axe-core version that made the scan.

Starts with a byte-order mark so that spreadsheet programs read Kazakh and Russian
text as UTF-8."""

from __future__ import annotations

import csv
import io

from accessibility_audit.evaluation import Summary
from accessibility_audit.reporters import ReportContext

COLUMNS = ("page_url", "viewport", "page_status", "finding_id", "rule", "outcome", "impact",
           "wcag", "selector", "html", "summary", "help", "help_url", "page_error", "verdict",
           "review", "axe_core")


def render(summary: Summary, context: ReportContext) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    axe = summary.scan.axe_version or ""
    for page in summary.pages:
        for fid, issue in page.issues:
            finding = summary.finding(fid)
            writer.writerow((page.url, page.viewport, page.status, fid, issue.rule,
                             issue.outcome, issue.impact or "", " ".join(issue.criteria),
                             issue.selector, issue.html, issue.summary, issue.help,
                             issue.help_url, "", finding.verdict,
                             finding.review.decision if finding.review else "", axe))
        for error in page.errors:
            writer.writerow((page.url, page.viewport, page.status, "", "", "", "", "", "", "",
                             "", "", "", f"{error.kind}: {error.reason}", "", "", axe))
    return out.getvalue()

"""CSV: one row per element found on a page, and one per page that was not audited,
each naming the axe-core version that made the scan.

Starts with a byte-order mark so that spreadsheet programs read Kazakh and Russian
text as UTF-8."""

from __future__ import annotations

import csv
import io

from accessibility_audit.reporters import ReportContext
from accessibility_audit.summary import Summary

COLUMNS = ("page_url", "viewport", "page_status", "finding_id", "rule", "outcome", "impact",
           "wcag", "selector", "html", "summary", "help", "help_url", "page_error", "axe_core")


def render(summary: Summary, context: ReportContext) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    axe = summary.scan.axe_version or ""
    for page in summary.pages:
        for fid, issue in page.issues:
            writer.writerow((page.url, page.viewport, page.status, fid, issue.rule,
                             issue.outcome, issue.impact or "", " ".join(issue.criteria),
                             issue.selector, issue.html, issue.summary, issue.help,
                             issue.help_url, "", axe))
        for error in page.errors:
            writer.writerow((page.url, page.viewport, page.status, "", "", "", "", "", "", "",
                             "", "", "", f"{error.kind}: {error.reason}", axe))
    return out.getvalue()

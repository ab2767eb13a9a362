"""Exit codes are API: CI pipelines branch on them (as pa11y's do)."""

from __future__ import annotations

from enum import IntEnum

from accessibility_audit.evaluation import Summary
from accessibility_audit.model import IMPACTS, INTERFERED


class Exit(IntEnum):
    OK = 0               # finished; nothing over the thresholds; every page audited
    TOOL_FAILED = 1      # bad input, no browser, unreadable store: nothing to trust
    # Violations at or over --fail-on, or more than --max-violations; a needs-review
    # finding an auditor decided "fails" (the kiosk's /audit) counts as a violation.
    VIOLATIONS = 2
    # Some pages failed or were blocked (see --allow-page-errors), or interfered with
    # their audit (which nothing excuses: such a page would otherwise pass as clean).
    PAGES_NOT_AUDITED = 3
    INTERRUPTED = 130    # Ctrl+C; what was scanned is kept, --resume continues


EXIT_CODE_HELP = """Exit codes: 0 finished, nothing over the thresholds and every page audited;
1 the tool failed (bad input, no browser, unreadable database); 2 violations at or
over --fail-on or more than --max-violations (needs-review items an auditor decided
"fails" count as violations, as in every report); 3 some pages could not be audited
(errors or blocked; --allow-page-errors turns this into 0) or interfered with their
audit (--allow-page-errors does not excuse that); 130 interrupted by
Ctrl+C (results kept, --resume continues)."""

# A stand audit is short and audits a stand as it is now: it is run again, not resumed.
STAND_EXIT_CODE_HELP = EXIT_CODE_HELP.replace(
    "(results kept, --resume continues)", "(run the stand audit again)")


def verdict(summary: Summary, fail_on: str | None, max_violations: int | None,
            allow_page_errors: bool) -> Exit:
    if over_threshold(summary, fail_on, max_violations):
        return Exit.VIOLATIONS
    counts = summary.page_counts()
    if not allow_page_errors and (counts["failed"] or counts["blocked"]):
        return Exit.PAGES_NOT_AUDITED
    if any(error.kind == INTERFERED for page in summary.pages for error in page.errors):
        return Exit.PAGES_NOT_AUDITED
    return Exit.OK


def over_threshold(summary: Summary, fail_on: str | None, max_violations: int | None) -> bool:
    violations = summary.violations
    if max_violations is not None and len(violations) > max_violations:
        return True
    if fail_on is None:
        return False
    levels = IMPACTS[: IMPACTS.index(fail_on) + 1]
    return any(finding.severity in levels for finding in violations)

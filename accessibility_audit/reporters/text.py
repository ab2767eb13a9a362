"""The summary a person reads in the terminal at the end of a scan."""

from __future__ import annotations

from accessibility_audit.evaluation import Summary
from accessibility_audit.reporters import ReportContext
from accessibility_audit.reporters.stand_matrix import finding_lines, is_stand, text_lines


def table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> list[str]:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        cells = zip(row, widths, strict=True)
        return "  ".join(str(cell).ljust(width) for cell, width in cells).rstrip()

    return [line(header), line(tuple("-" * w for w in widths)), *map(line, rows)]


def render(summary: Summary, context: ReportContext | None = None) -> str:
    scan = summary.scan
    counts = summary.page_counts()
    total = sum(counts.values())
    lines = [
        f"Scan {scan.id} ({scan.status}): {total} page{'s' if total != 1 else ''}, "
        f"{counts['audited']} audited, {counts['failed']} failed, {counts['blocked']} blocked. "
        f"axe-core {scan.axe_version or '?'}, {scan.standard}, profile {scan.profile}.",
        "",
    ]
    if is_stand(summary):
        lines += text_lines(summary)
    violations = summary.violations
    if violations:
        lines += table(_rule_rows(summary), ("Rule", "Impact", "Pages", "Elements", "WCAG"))
        lines.append("")
        by_impact = ", ".join(f"{n} {impact}" for impact, n in summary.by_impact.items() if n)
        lines.append(f"{len(violations)} violation finding{'s' if len(violations) != 1 else ''}"
                     f" ({by_impact}); {len(summary.needs_review)} need review{_decided(summary)}.")
    else:
        lines.append(f"No violations found; {len(summary.needs_review)} items need review"
                     f"{_decided(summary)}.")
    if is_stand(summary) and violations:
        lines += ["", *finding_lines(summary)]
    problems = summary.problem_pages()
    if problems:
        lines += ["", "Pages with problems:"]
        seen = set()
        for page in problems:
            for error in page.errors:
                key = (page.url, error.kind, error.reason)
                if key not in seen:
                    seen.add(key)
                    lines.append(f"  {page.url}  {page.status}: {error.reason}")
    return "\n".join(lines) + "\n"


def _decided(summary: Summary) -> str:
    decided = summary.decisions()
    if not any(decided.values()):
        return ""
    return (f" (auditors decided {decided['pass']} pass, {decided['fail']} fail; "
            f"those that fail are counted as violations above)")


def _rule_rows(summary: Summary) -> list[tuple[str, ...]]:
    """One line per rule: the findings of a rule add up (its elements: those that
    count as violations, an auditor's "fails" included)."""
    rows: dict[str, list[str]] = {}
    for finding in summary.violations:
        row = rows.setdefault(finding.rule, [
            finding.rule, finding.impact or "-", str(summary.rule_pages[finding.rule]), "0",
            " ".join(finding.criteria) or "best practice"])
        row[3] = str(int(row[3]) + finding.occurrences)
    return [tuple(row) for row in rows.values()]

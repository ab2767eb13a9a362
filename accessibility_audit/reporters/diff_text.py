"""``a11y-audit diff`` output, as text for people and JSON for scripts."""

from __future__ import annotations

import json

from accessibility_audit.diff import ScanDiff
from accessibility_audit.evaluation import Finding


def render(diff: ScanDiff) -> str:
    lines = [f"Scan {diff.old.scan.id} → scan {diff.new.scan.id}: {len(diff.added)} new, "
             f"{len(diff.fixed)} fixed, {len(diff.remaining)} remaining"
             + (f", {len(diff.not_rechecked)} not rechecked" if diff.not_rechecked else "")]
    old_axe, new_axe = diff.old.scan.axe_version, diff.new.scan.axe_version
    if old_axe != new_axe:
        # A newer axe-core finds more: its findings are not the site getting worse.
        lines.append(f"The scans ran different axe-core versions ({old_axe or '?'} → "
                     f"{new_axe or '?'}): some new and fixed findings may come from the "
                     "engine, not from the site.")
    for title, findings in (("New", diff.added), ("Fixed", diff.fixed),
                            ("Remaining", diff.remaining),
                            ("Not rechecked (their pages were not audited again)",
                             diff.not_rechecked)):
        if findings:
            lines += ["", f"{title}:"]
            lines += [f"  {_line(f)}" for f in findings]
    return "\n".join(lines) + "\n"


def _line(finding: Finding) -> str:
    pages = len(finding.pages)
    return (f"[{finding.id}] {finding.rule} ({finding.impact}) {finding.selector} — "
            f"{pages} page{'s' if pages != 1 else ''}, e.g. {finding.pages[0]}")


def render_json(diff: ScanDiff) -> str:
    def items(findings: list[Finding]) -> list[dict[str, object]]:
        return [{"id": f.id, "rule": f.rule, "impact": f.impact, "selector": f.selector,
                 "html": f.html, "pages": f.pages} for f in findings]
    return json.dumps({"old": diff.old.scan.id, "new": diff.new.scan.id,
                       "axe_core": {"old": diff.old.scan.axe_version,
                                    "new": diff.new.scan.axe_version},
                       "new_findings": items(diff.added), "fixed": items(diff.fixed),
                       "remaining": items(diff.remaining),
                       "not_rechecked": items(diff.not_rechecked)},
                      ensure_ascii=False, indent=2) + "\n"

"""What changed between two scans: new, fixed and remaining findings.

Violations are the evaluation's (auditors' "fails" included). A finding of the old
scan counts as fixed only if a page it was on was audited again in the new scan;
otherwise nobody looked, and it is listed as not rechecked."""

from __future__ import annotations

from dataclasses import dataclass

from accessibility_audit.evaluation import Finding, Summary


@dataclass
class ScanDiff:
    old: Summary
    new: Summary
    added: list[Finding]
    fixed: list[Finding]
    remaining: list[Finding]
    not_rechecked: list[Finding]


def compare(old: Summary, new: Summary) -> ScanDiff:
    before = {f.id: f for f in old.violations}
    after = {f.id: f for f in new.violations}
    audited_again = {page.url for page in new.pages if page.status == "audited"}
    fixed: list[Finding] = []
    unchecked: list[Finding] = []
    for fid, finding in before.items():
        if fid in after:
            continue
        (fixed if audited_again & set(finding.pages) else unchecked).append(finding)
    return ScanDiff(old=old, new=new,
                    added=[f for fid, f in after.items() if fid not in before],
                    fixed=fixed,
                    remaining=[f for fid, f in after.items() if fid in before],
                    not_rechecked=unchecked)

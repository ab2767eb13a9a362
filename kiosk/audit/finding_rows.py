"""Findings of one site or stand, grouped by finding id: what its latest scan found,
and what earlier scans found that is gone now."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask import abort

from accessibility_audit import Finding, Review
from kiosk.audit.figures import AuditData, Monitored


@dataclass(frozen=True)
class FindingRow:
    finding: Finding
    first_seen: tuple[int, dt.datetime]  # scan id and its start
    last_seen: tuple[int, dt.datetime]
    present: bool  # found by the latest scan
    violation: bool  # counts as a violation (axe's, or an auditor's "fail")
    review: Review | None


@dataclass(frozen=True)
class SiteFindings:
    violations: list[FindingRow]
    needs_review: list[FindingRow]
    gone: list[FindingRow]  # found earlier, not by the latest scan


def _scan_started(data: AuditData, scan_id: int) -> dt.datetime:
    return next(h.started for h in data.headers if h.id == scan_id)


def site_findings(data: AuditData, monitored: Monitored, gone: bool = True) -> SiteFindings:
    """What the latest scan found and, if ``gone``, what earlier scans found that it did not."""
    subject = monitored.subject
    latest_id = monitored.latest.scan_id
    seen = data.store.sightings(data.scan_ids(subject),
                                subject.address if subject.kind == "site" else None)
    # Each finding is described as the last scan that found it saw it: only those scans
    # are read, not every scan of the site.
    wanted = {latest_id} | ({last for _first, last in seen.values()} if gone else set())
    rows: dict[str, FindingRow] = {}
    for scan_id in sorted(wanted, reverse=True):
        for finding in data.summary(subject, scan_id).findings:
            if finding.id in rows or finding.id not in seen:
                continue
            first, last = seen[finding.id]
            rows[finding.id] = FindingRow(
                finding, (first, _scan_started(data, first)), (last, _scan_started(data, last)),
                scan_id == latest_id, finding.counts_as_violation, finding.review)
    present = [r for r in rows.values() if r.present]
    return SiteFindings([r for r in present if r.violation],
                        [r for r in present if r.finding.outcome == "incomplete"],
                        [r for r in rows.values() if not r.present])


def finding_or_404(data: AuditData, monitored: Monitored, finding_id: str) -> FindingRow:
    found = site_findings(data, monitored)
    for row in (*found.violations, *found.needs_review, *found.gone):
        if row.finding.id == finding_id:
            return row
    abort(404)

"""Violations over time, as charts and rows: for every site together, and (on each
site's page) for one."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from markupsafe import Markup

from accessibility_audit import IMPACTS, Column, stacked_columns
from kiosk.audit.figures import Figures, Monitored
from kiosk.audit.reading import impact_names, short_date

# A chart stays readable up to about this many columns; the table beside it shows
# the same scans, and every earlier one is on the sites' own pages.
MOST_SCANS = 24


@dataclass(frozen=True)
class TrendRow:
    scan_id: int
    figures: Figures
    subjects: int  # sites and stands the scan covered


def site_chart(monitored: Monitored) -> Markup:
    scans = monitored.scans[-MOST_SCANS:]
    return stacked_columns(
        _("Violations over time: %(name)s", name=monitored.name),
        _("Violation findings in each scan, oldest first, stacked by impact; the same "
          "figures are in the table that follows."),
        [Column(short_date(f.started), _("scan %(id)s", id=f.scan_id), f.by_impact)
         for f in scans], impact_names())


def all_sites_rows(monitored: list[Monitored]) -> list[TrendRow]:
    """One row per scan: the figures of every site and stand it covered, added up."""
    by_scan: dict[int, list[Figures]] = {}
    for entry in monitored:
        for figures in entry.scans:
            by_scan.setdefault(figures.scan_id, []).append(figures)
    rows = []
    for scan_id in sorted(by_scan)[-MOST_SCANS:]:
        parts = by_scan[scan_id]
        first = parts[0]
        rows.append(TrendRow(scan_id, Figures(
            scan_id, first.started, first.status,
            sum(p.audited for p in parts), sum(p.failed for p in parts),
            sum(p.blocked for p in parts), sum(p.clean for p in parts),
            sum(p.elements for p in parts),
            {impact: sum(p.by_impact[impact] for p in parts) for impact in IMPACTS},
            sum(p.open_reviews for p in parts), sum(p.reviewed for p in parts),
            sum(p.interfered for p in parts)), len(parts)))
    return rows


def all_sites_chart(rows: list[TrendRow]) -> Markup | None:
    if not rows:
        return None
    return stacked_columns(
        _("Violations over time, all sites and stands"),
        _("Violation findings in each scan of any site or stand, oldest first, stacked by "
          "impact; the same figures are in the table that follows."),
        [Column(short_date(r.figures.started), _("scan %(id)s", id=r.scan_id),
                r.figures.by_impact) for r in rows], impact_names())

"""The league table's ranking: agencies ranked by how accessible their latest scan
found them.

The score, as the page explains it: first the share of audited pages without any
violation (higher is better), then violating elements per audited page (fewer is
better). "Needs review" items decided "fail" count as violations, and a page that
interfered with its audit counts as a page with violations. A site or stand whose
latest scan judged no page is listed apart, unranked."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.audit.figures import Figures, Monitored


@dataclass(frozen=True)
class Change:
    """Since the previous scan: "better", "worse", "same", or "first" (no earlier scan)."""

    verdict: str
    clean_points: float | None = None  # percentage points of pages without violations
    per_page: float | None = None  # change of violating elements per page


@dataclass(frozen=True)
class LeagueRow:
    rank: int
    monitored: Monitored
    change: Change


def rank_key(figures: Figures) -> tuple[float, float]:
    return (-(figures.clean_share or 0.0), figures.per_page or 0.0)


def change(monitored: Monitored) -> Change:
    now = monitored.latest
    before = next((f for f in reversed(monitored.scans[:-1]) if f.judged), None)
    if before is None:
        return Change("first")
    points = ((now.clean_share or 0.0) - (before.clean_share or 0.0)) * 100
    per_page = (now.per_page or 0.0) - (before.per_page or 0.0)
    ranked_now, ranked_before = rank_key(now), rank_key(before)
    verdict = ("better" if ranked_now < ranked_before
               else "worse" if ranked_now > ranked_before else "same")
    return Change(verdict, points, per_page)


def league(monitored: list[Monitored]) -> tuple[list[LeagueRow], list[Monitored]]:
    """(ranked rows, best first; subjects whose latest scan audited nothing)."""
    ranked = sorted((m for m in monitored if m.latest.judged),
                    key=lambda m: (*rank_key(m.latest), m.name.casefold()))
    rows: list[LeagueRow] = []
    for index, entry in enumerate(ranked):
        # Equal scores share a rank, as in any league table.
        tied = rows and rank_key(rows[-1].monitored.latest) == rank_key(entry.latest)
        rows.append(LeagueRow(rows[-1].rank if tied else index + 1, entry, change(entry)))
    return rows, [m for m in monitored if not m.latest.judged]

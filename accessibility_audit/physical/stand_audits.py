"""The software side of a stand: its latest stand audit (a scan whose options say
``"kind": "stand"``, see the stand-audit contract), counted by page, language and mode."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import select

from accessibility_audit.evaluation import Finding, evaluate
from accessibility_audit.physical.evaluation import Overall
from accessibility_audit.physical.stands import BadStandUrl, stand_url
from accessibility_audit.store import Store
from accessibility_audit.store import tables as t

DEFAULT_MODE = "standard"


@dataclass(frozen=True)
class PagePlace:
    page: str
    language: str
    mode: str


@dataclass
class Tally:
    """Page views (a page in one language, mode and orientation) and violating
    elements of one page, language, mode or orientation."""

    rows: int = 0
    violations: int = 0


@dataclass
class SoftwareResult:
    scan_id: int
    started: dt.datetime
    status: str
    tool_version: str
    axe_version: str | None
    rows: int
    problem_rows: int
    violations: list[Finding]
    needs_review: int
    by_page: dict[str, Tally]
    by_language: dict[str, Tally]
    by_mode: dict[str, Tally]
    by_orientation: dict[str, Tally]

    @property
    def verdict(self) -> Overall:
        if self.violations:
            return "does-not-meet"
        if self.status != "finished" or self.problem_rows or not self.rows:
            return "incomplete"
        return "meets"


def place(url: str, stand: str) -> PagePlace:
    """Where a stand page sits: /stand/main/kk/hours?mode=large -> hours, kk, large."""
    parts = urlsplit(url)
    rest = parts.path[len(urlsplit(stand).path):].strip("/").split("/", 1) \
        if parts.path.startswith(urlsplit(stand).path) else [""]
    language = rest[0] or "-"
    page = rest[1] if len(rest) > 1 and rest[1] else "home"
    mode = parse_qs(parts.query).get("mode", [DEFAULT_MODE])[0]
    return PagePlace(page, language, mode)


def stand_scans(store: Store) -> dict[str, list[int]]:
    """Stand URL -> ids of its stand audits, oldest first."""
    found: dict[str, list[int]] = {}
    with store.engine.connect() as db:
        for scan_id, options in db.execute(select(t.scans.c.id, t.scans.c.options)
                                           .order_by(t.scans.c.id)):
            if not isinstance(options, dict) or options.get("kind") != "stand":
                continue
            try:
                url = stand_url(str(options.get("stand", "")))
            except BadStandUrl:
                continue
            found.setdefault(url, []).append(scan_id)
    return found


def latest_stand_audit(store: Store, stand: str) -> SoftwareResult | None:
    ids = stand_scans(store).get(stand)
    return software_result(store, ids[-1], stand) if ids else None


def software_result(store: Store, scan_id: int, stand: str) -> SoftwareResult:
    summary = evaluate(store, scan_id)
    tallies: tuple[dict[str, Tally], ...] = ({}, {}, {}, {})
    for page in summary.pages:
        where = place(page.url, stand)
        count = len(summary.page_violations(page))
        keys = (where.page, where.language, where.mode, page.viewport)
        for tally, key in zip(tallies, keys, strict=True):
            entry = tally.setdefault(key, Tally())
            entry.rows += 1
            entry.violations += count
    statuses = Counter(page.status for page in summary.pages)
    scan = summary.scan
    return SoftwareResult(
        scan_id=scan.id, started=scan.started, status=scan.status,
        tool_version=scan.tool_version, axe_version=scan.axe_version,
        rows=len(summary.pages), problem_rows=len(summary.pages) - statuses["audited"],
        violations=summary.violations, needs_review=len(summary.needs_review),
        by_page=tallies[0], by_language=tallies[1], by_mode=tallies[2],
        by_orientation=tallies[3])

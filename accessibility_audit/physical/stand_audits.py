"""The software side of a stand: its latest stand audit (a scan whose options say
``"kind": "stand"``, see the stand-audit contract), counted by page, language and mode,
and how much of the stand's matrix (its manifest, recorded with the scan) it covered.

Only an audit that covered the whole matrix, every view audited and none violating,
meets the requirements; a narrower run is partial evidence whatever it found passing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import select

from accessibility_audit.evaluation import Finding, evaluate
from accessibility_audit.physical.coverage import BadManifest, Coverage, Matrix, View, coverage
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
    # What the stand said it shows when audited; None for an audit made before stands
    # said so, whose coverage cannot be known.
    matrix: Matrix | None = None
    coverage: Coverage | None = None

    @property
    def revision(self) -> int | None:
        """The content revision audited: the certificate is of this one."""
        return self.matrix.revision if self.matrix else None

    @property
    def complete(self) -> bool:
        return self.coverage is not None and self.coverage.complete

    @property
    def verdict(self) -> Overall:
        if self.violations:
            return "does-not-meet"
        if self.status != "finished" or self.problem_rows or not self.rows:
            return "incomplete"
        if not self.complete:
            return "partial"
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
    audited: set[View] = set()
    for page in summary.pages:
        if page.status == "audited":
            where = place(page.url, stand)
            audited.add((where.page, where.language, where.mode, page.viewport))
    matrix = recorded_matrix(scan.options)
    return SoftwareResult(
        scan_id=scan.id, started=scan.started, status=scan.status,
        tool_version=scan.tool_version, axe_version=scan.axe_version,
        rows=len(summary.pages), problem_rows=len(summary.pages) - statuses["audited"],
        violations=summary.violations, needs_review=len(summary.needs_review),
        by_page=tallies[0], by_language=tallies[1], by_mode=tallies[2],
        by_orientation=tallies[3], matrix=matrix,
        coverage=coverage(matrix, audited) if matrix else None)


def recorded_matrix(options: object) -> Matrix | None:
    """The manifest a stand audit recorded, or None (an older audit, or one altered)."""
    if not isinstance(options, dict) or "manifest" not in options:
        return None
    try:
        return Matrix.from_json(options["manifest"])
    except BadManifest:
        return None


def recorded_stands(store: Store, base: str) -> tuple[str, ...] | None:
    """The stand ids of the location at ``base``, as its latest stand audit recorded
    them (None: no stand audit of it has a manifest)."""
    found = None
    with store.engine.connect() as db:
        for (options,) in db.execute(select(t.scans.c.options).order_by(t.scans.c.id)):
            if not isinstance(options, dict) or options.get("kind") != "stand":
                continue
            try:
                audited = stand_url(str(options.get("stand", ""))).partition("?")[0]
            except BadStandUrl:
                continue
            matrix = recorded_matrix(options)
            if audited == base and matrix is not None:
                found = matrix.stands
    return found

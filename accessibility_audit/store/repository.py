"""Reading and writing scans. Safe to call from several worker threads."""

from __future__ import annotations

import datetime as dt
import json
import threading
import zlib
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, overload

from sqlalchemy import Row, Select, create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError

from accessibility_audit.findings import finding_id, page_template
from accessibility_audit.model import Issue, PageAudit, PageError
from accessibility_audit.store import schema
from accessibility_audit.store import tables as t


class StoreError(RuntimeError):
    """The store cannot be opened, or what was asked for is not in it."""


@dataclass(frozen=True)
class QueuedPage:
    url: str
    site: str
    depth: int
    crawl: bool


@dataclass
class StoredPage:
    """One page at one viewport as the store keeps it (or as it would: ``of``)."""

    id: int
    site: str
    url: str
    viewport: str
    status: str
    http_status: int | None
    title: str | None
    template: str
    seconds: float
    passes: int
    inapplicable: int
    passed_rules: tuple[str, ...] = ()
    errors: list[PageError] = field(default_factory=list)
    issues: list[tuple[str, Issue]] = field(default_factory=list)  # (finding id, issue)

    @classmethod
    def of(cls, result: PageAudit, site: str, page_id: int = 0) -> StoredPage:
        """A page result as stored: with its template and its issues' finding ids."""
        return cls(page_id, site, result.url, result.viewport, result.status,
                   result.http_status, result.title, page_template(result.url),
                   result.seconds, result.passes, result.inapplicable, result.passed_rules,
                   list(result.errors), [(_finding_id(site, issue), issue)
                                         for issue in result.issues])


@dataclass
class StoredScan:
    id: int
    started: dt.datetime
    finished: dt.datetime | None
    status: str
    tool_version: str
    axe_version: str | None
    standard: str
    user_agent: str
    options: dict[str, Any]
    pages: list[StoredPage] = field(default_factory=list)

    @property
    def profile(self) -> str:
        """The rule profile the scan ran (scans made before profiles ran "default")."""
        return str(self.options.get("profile", "default"))


@dataclass(frozen=True)
class ScanHeader:
    """A scan without its pages: enough to list scans and to pick the ones to load."""

    id: int
    started: dt.datetime
    finished: dt.datetime | None
    status: str
    options: dict[str, Any]
    sites: tuple[str, ...]


DECISIONS = ("pass", "fail")


@dataclass(frozen=True)
class Review:
    """An auditor's decision on a "needs review" finding."""

    finding_id: str
    rule: str
    decision: str  # pass or fail
    note: str
    reviewer: str
    reviewer_name: str
    decided: dt.datetime


def database_url(value: str) -> str:
    """A path becomes a SQLite URL; anything with ``://`` is taken as a SQLAlchemy URL."""
    return value if "://" in value else f"sqlite:///{value}"


class Store:
    def __init__(self, url: str) -> None:
        try:
            self.engine: Engine = create_engine(database_url(url))
        except (ArgumentError, ImportError) as error:
            raise StoreError(f"cannot use the database {url!r}: {error}") from error
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        try:
            t.metadata.create_all(self.engine)
            self._upgrade()
        except OperationalError as error:
            raise StoreError(f"cannot open the database {url!r}: {error.orig}") from error
        except schema.NewerStore as error:
            raise StoreError(f"cannot use the database {url!r}: {error}") from error
        self._lock = threading.Lock()

    def _upgrade(self) -> None:
        try:
            with self.engine.begin() as db:
                schema.upgrade(db)
        except IntegrityError:
            # Another process opening a new store at the same moment recorded its
            # version first; there is nothing left to upgrade, which this confirms.
            with self.engine.begin() as db:
                schema.upgrade(db)

    # Scans

    def new_scan(self, *, standard: str, user_agent: str, tool_version: str,
                 options: dict[str, Any]) -> int:
        with self.engine.begin() as db:
            return t.inserted_id(db.execute(insert(t.scans).values(
                started=_now(), status="running", tool_version=tool_version,
                standard=standard, user_agent=user_agent, options=options)))

    def set_status(self, scan_id: int, status: str) -> None:
        finished = None if status == "running" else _now()
        with self.engine.begin() as db:
            db.execute(update(t.scans).where(t.scans.c.id == scan_id)
                       .values(status=status, finished=finished))

    @contextmanager
    def running(self, scan_id: int) -> Iterator[None]:
        """Mark the scan finished when the block ends, interrupted on Ctrl+C (so
        ``--resume`` can continue it) and failed on any other error."""
        try:
            yield
        except KeyboardInterrupt:
            self.set_status(scan_id, "interrupted")
            raise
        except Exception:
            self.set_status(scan_id, "failed")
            raise
        self.set_status(scan_id, "finished")

    def discard_empty(self, scan_id: int) -> None:
        """Forget a scan that found no page at all (one with pages is never discarded)."""
        with self._lock, self.engine.begin() as db:
            if db.scalar(select(t.pages.c.id).where(t.pages.c.scan_id == scan_id)
                         .limit(1)) is not None:
                return
            db.execute(delete(t.queue).where(t.queue.c.scan_id == scan_id))
            db.execute(delete(t.scans).where(t.scans.c.id == scan_id))

    def scan_ids(self) -> list[int]:
        with self.engine.connect() as db:
            return list(db.scalars(select(t.scans.c.id).order_by(t.scans.c.id)))

    def resolve(self, reference: str) -> int:
        """A scan id from what a person typed: a number, or ``latest``/``previous``."""
        ids = self.scan_ids()
        if not ids:
            raise StoreError("the database holds no scans yet; run a11y-audit scan first")
        if reference in ("latest", "last"):
            return ids[-1]
        if reference == "previous":
            if len(ids) < 2:
                raise StoreError("there is no previous scan: the database holds only one")
            return ids[-2]
        if not reference.isdigit() or int(reference) not in ids:
            raise StoreError(f"no scan {reference!r}; the database holds scans "
                             f"{ids[0]}–{ids[-1]} (or use latest, previous)")
        return int(reference)

    # The queue, kept so that an interrupted scan can be resumed

    def enqueue(self, scan_id: int, page: QueuedPage) -> None:
        with self._lock, self.engine.begin() as db:
            db.execute(insert(t.queue).values(scan_id=scan_id, url=page.url, site=page.site,
                                              depth=page.depth, crawl=page.crawl))

    def queued(self, scan_id: int) -> tuple[list[QueuedPage], list[QueuedPage]]:
        """(done, pending) pages of a scan."""
        with self.engine.connect() as db:
            rows = db.execute(select(t.queue).where(t.queue.c.scan_id == scan_id)
                              .order_by(t.queue.c.id)).all()
        done = [QueuedPage(r.url, r.site, r.depth, r.crawl) for r in rows if r.done]
        pending = [QueuedPage(r.url, r.site, r.depth, r.crawl) for r in rows if not r.done]
        return done, pending

    # Results

    def save_pages(self, scan_id: int, results: list[PageAudit], site: str) -> None:
        """Store one page's results (all viewports) and mark it done, in one transaction."""
        with self._lock, self.engine.begin() as db:
            for result in results:
                self._save_page(db, scan_id, result, site)
            db.execute(update(t.queue).where(t.queue.c.scan_id == scan_id,
                                             t.queue.c.url == results[0].url).values(done=True))
            version = next((r.axe_version for r in results if r.axe_version), None)
            if version:
                db.execute(update(t.scans).where(t.scans.c.id == scan_id,
                                                 t.scans.c.axe_version.is_(None))
                           .values(axe_version=version))

    def _save_page(self, db: Connection, scan_id: int, result: PageAudit, site: str) -> None:
        page_id = t.inserted_id(db.execute(insert(t.pages).values(
            scan_id=scan_id, site=site, url=result.url, viewport=result.viewport,
            status=result.status, final_url=result.final_url, http_status=result.http_status,
            title=result.title, template=page_template(result.url), seconds=result.seconds,
            axe_version=result.axe_version, passes=result.passes,
            passed_rules=" ".join(result.passed_rules),
            inapplicable=result.inapplicable, scanned=_now())))
        if result.errors:
            db.execute(insert(t.page_errors), [
                {"page_id": page_id, "kind": e.kind, "reason": e.reason} for e in result.errors])
        if result.issues:
            db.execute(insert(t.issues), [_issue_row(page_id, site, i) for i in result.issues])
        if result.raw is not None:
            packed = zlib.compress(json.dumps(result.raw, separators=(",", ":")).encode(), 6)
            db.execute(insert(t.raw_results).values(page_id=page_id, axe_json=packed))

    def load(self, scan_id: int) -> StoredScan:
        with self.engine.connect() as db:
            row = db.execute(select(t.scans).where(t.scans.c.id == scan_id)).one_or_none()
            if row is None:
                raise StoreError(f"no scan {scan_id}")
            scan = StoredScan(row.id, _aware(row.started), _aware(row.finished), row.status,
                              row.tool_version,
                              row.axe_version, row.standard, row.user_agent, row.options)
            by_id: dict[int, StoredPage] = {}
            for p in db.execute(select(t.pages).where(t.pages.c.scan_id == scan_id)
                                .order_by(t.pages.c.id)):
                by_id[p.id] = StoredPage(p.id, p.site, p.url, p.viewport, p.status,
                                         p.http_status, p.title, p.template, p.seconds,
                                         p.passes, p.inapplicable,
                                         tuple(p.passed_rules.split()))
            page_ids = select(t.pages.c.id).where(t.pages.c.scan_id == scan_id)
            for e in db.execute(select(t.page_errors).where(t.page_errors.c.page_id.in_(page_ids))
                                .order_by(t.page_errors.c.id)):
                by_id[e.page_id].errors.append(PageError(e.kind, e.reason))
            for i in db.execute(select(t.issues).where(t.issues.c.page_id.in_(page_ids))
                                .order_by(t.issues.c.id)):
                by_id[i.page_id].issues.append((i.finding_id, _issue(i)))
        scan.pages = list(by_id.values())
        return scan

    def raw_result(self, page_id: int) -> dict[str, Any] | None:
        with self.engine.connect() as db:
            packed = db.scalar(select(t.raw_results.c.axe_json)
                               .where(t.raw_results.c.page_id == page_id))
        return json.loads(zlib.decompress(packed)) if packed is not None else None

    def history(self, sites: set[str], up_to: int,
                failed: Collection[str] = frozenset()) -> list[tuple[int, dt.datetime, int]]:
        """(scan id, start, violating elements) of earlier scans that covered any of
        ``sites``; elements of the needs-review findings ``failed`` count as violating
        (``evaluation.history`` gives it the findings auditors failed)."""
        violating = t.issues.c.outcome == "violation"
        if failed:
            violating = violating | t.issues.c.finding_id.in_(sorted(failed))
        with self.engine.connect() as db:
            rows = db.execute(
                select(t.scans.c.id, t.scans.c.started, func.count(t.issues.c.id))
                .select_from(t.scans.join(t.pages).outerjoin(
                    t.issues, (t.issues.c.page_id == t.pages.c.id) & violating))
                .where(t.pages.c.site.in_(sites), t.scans.c.id <= up_to)
                .group_by(t.scans.c.id, t.scans.c.started).order_by(t.scans.c.id)).all()
        return [(r[0], _aware(r[1]), r[2]) for r in rows]

    def scan_headers(self) -> list[ScanHeader]:
        """Every scan, oldest first, with the sites its pages belong to."""
        with self.engine.connect() as db:
            sites: dict[int, list[str]] = {}
            for scan_id, site in db.execute(select(t.pages.c.scan_id, t.pages.c.site)
                                            .distinct().order_by(t.pages.c.scan_id,
                                                                 t.pages.c.site)):
                sites.setdefault(scan_id, []).append(site)
            return [ScanHeader(r.id, _aware(r.started), _aware(r.finished), r.status,
                               r.options or {}, tuple(sites.get(r.id, ())))
                    for r in db.execute(select(t.scans).order_by(t.scans.c.id))]

    def sightings(self, scan_ids: list[int],
                  site: str | None = None) -> dict[str, tuple[int, int]]:
        """(first, last) scan id in which each finding was seen among ``scan_ids``."""
        query = (select(t.issues.c.finding_id, func.min(t.pages.c.scan_id),
                        func.max(t.pages.c.scan_id))
                 .select_from(t.issues.join(t.pages))
                 .where(t.pages.c.scan_id.in_(scan_ids))
                 .group_by(t.issues.c.finding_id))
        if site is not None:
            query = query.where(t.pages.c.site == site)
        with self.engine.connect() as db:
            return {fid: (first, last) for fid, first, last in db.execute(query)}

    # What auditors add: agencies' names and decisions on "needs review" findings

    def agencies(self) -> dict[str, str]:
        with self.engine.connect() as db:
            return dict(db.execute(select(t.sites.c.site, t.sites.c.agency)).all())

    def set_agency(self, site: str, agency: str, who: str) -> None:
        """Name the agency behind a site or stand; an empty name removes it."""
        agency = " ".join(agency.split())
        with self.engine.begin() as db:
            db.execute(delete(t.sites).where(t.sites.c.site == site))
            if agency:
                db.execute(insert(t.sites).values(site=site, agency=agency, updated=_now(),
                                                  updated_by=who))

    def add_review(self, finding_id: str, rule: str, decision: str, note: str,
                   reviewer: str, reviewer_name: str) -> Review:
        if decision not in DECISIONS:
            raise StoreError(f"a review decides pass or fail, not {decision!r}")
        review = Review(finding_id, rule, decision, note.strip(), reviewer, reviewer_name,
                        _now())
        with self.engine.begin() as db:
            db.execute(insert(t.reviews).values(
                finding_id=finding_id, rule=rule, decision=decision, note=review.note,
                reviewer=reviewer, reviewer_name=reviewer_name, decided=review.decided))
        return review

    def reviews(self) -> dict[str, Review]:
        """The decision that counts for each reviewed finding: the latest one."""
        latest: dict[str, Review] = {}
        for review in self._reviews(select(t.reviews).order_by(t.reviews.c.id)):
            latest[review.finding_id] = review
        return latest

    def review_history(self, finding_id: str) -> list[Review]:
        """Every decision on one finding, latest first."""
        return self._reviews(select(t.reviews).where(t.reviews.c.finding_id == finding_id)
                             .order_by(t.reviews.c.id.desc()))

    def _reviews(self, query: Select[Any]) -> list[Review]:
        with self.engine.connect() as db:
            return [Review(r.finding_id, r.rule, r.decision, r.note, r.reviewer,
                           r.reviewer_name, _aware(r.decided)) for r in db.execute(query)]

    def close(self) -> None:
        self.engine.dispose()


def _issue_row(page_id: int, site: str, issue: Issue) -> dict[str, Any]:
    return {"page_id": page_id, "finding_id": _finding_id(site, issue),
            "rule": issue.rule, "outcome": issue.outcome, "impact": issue.impact,
            "criteria": " ".join(issue.criteria), "tags": " ".join(issue.tags),
            "selector": issue.selector, "html": issue.html, "summary": issue.summary,
            "help": issue.help, "help_url": issue.help_url}


def _finding_id(site: str, issue: Issue) -> str:
    return finding_id(site, issue.rule, issue.outcome, issue.selector, issue.html)


def _issue(row: Row[Any]) -> Issue:
    return Issue(rule=row.rule, outcome=row.outcome, impact=row.impact,
                 criteria=tuple(row.criteria.split()), selector=row.selector, html=row.html,
                 summary=row.summary, help=row.help, help_url=row.help_url,
                 tags=tuple(row.tags.split()))


@overload
def _aware(moment: dt.datetime) -> dt.datetime: ...
@overload
def _aware(moment: None) -> None: ...
def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes; every one we stored was UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # With WAL this still never corrupts the file; a crash may lose the last pages,
    # which --resume audits again. Saves a disk flush per page.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()

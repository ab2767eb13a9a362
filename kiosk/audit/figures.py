"""What the dashboard counts, from the scanner's store: the sites and stands monitored,
the figures of each scan of each, and the auditors' decisions applied to them.

A site scan may cover several sites (each page belongs to one origin); a stand audit
covers one stand (``options.kind == "stand"``, ``options.stand`` its base URL). Either
is a *subject*: what an agency answers for.

What counts is the scanner's evaluation (``accessibility_audit.summarise``), the same
that its reports and exit codes read: a "needs review" finding decided "fail" counts as a
violation, one decided "pass" counts as nothing, and only undecided ones are open.
Finding ids are stable from scan to scan, so a decision holds for later scans too."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from accessibility_audit import Review, ScanHeader, Store, StoredScan, Summary, summarise


@dataclass(frozen=True)
class Subject:
    address: str  # the site's origin, or the stand's base URL
    kind: str  # "site" or "stand"

    @property
    def key(self) -> str:
        """A short, URL-safe name for the address (addresses hold slashes and colons)."""
        return hashlib.sha256(f"{self.kind}\n{self.address}".encode()).hexdigest()[:12]

    @property
    def host_name(self) -> str:
        """The name shown until an auditor gives the agency's own."""
        parts = urlsplit(self.address)
        name = parts.netloc or self.address
        path = parts.path.rstrip("/")
        return f"{name}{path}" if self.kind == "stand" and path else name


def subjects_of(header: ScanHeader) -> list[Subject]:
    if header.options.get("kind") == "stand":
        address = header.options.get("stand") or (header.sites[0] if header.sites else "")
        return [Subject(str(address), "stand")] if address else []
    return [Subject(site, "site") for site in header.sites]


@dataclass(frozen=True)
class Figures:
    """One scan of one subject, as the dashboard counts it."""

    scan_id: int
    started: dt.datetime
    status: str
    audited: int  # pages (URLs) audited
    failed: int
    blocked: int
    clean: int  # audited pages with no violation in any viewport
    elements: int  # violating elements, over all pages and viewports
    by_impact: dict[str, int]  # violation findings per impact
    open_reviews: int
    reviewed: int  # "needs review" findings an auditor has decided
    # Pages (URLs) that interfered with their audit (among the failed ones): they
    # count as pages with violations, so a site cannot rise by spoiling its audit.
    interfered: int = 0

    @property
    def judged(self) -> int:
        """Pages the shares are taken of: the audited ones and those that interfered."""
        return self.audited + self.interfered

    @property
    def violations(self) -> int:
        return sum(self.by_impact.values())

    @property
    def clean_share(self) -> float | None:
        """Share of judged pages without violations, 0–1; None when nothing was judged."""
        return self.clean / self.judged if self.judged else None

    @property
    def per_page(self) -> float | None:
        """Violating elements per judged page."""
        return self.elements / self.judged if self.judged else None


def figures(summary: Summary) -> Figures:
    counts = summary.page_counts()
    return Figures(summary.scan.id, summary.scan.started, summary.scan.status,
                   counts["audited"], counts["failed"], counts["blocked"],
                   summary.clean_pages(), summary.violating_elements(),
                   dict(summary.by_impact), len(summary.open_reviews),
                   len(summary.needs_review) - len(summary.open_reviews),
                   summary.interfered_pages())


@dataclass
class Monitored:
    """A subject with every scan that covered it, oldest first."""

    subject: Subject
    agency: str | None
    scans: list[Figures] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.agency or self.subject.host_name

    @property
    def latest(self) -> Figures:
        return self.scans[-1]

    @property
    def previous(self) -> Figures | None:
        return self.scans[-2] if len(self.scans) > 1 else None


class FiguresCache:
    """Figures of finished scans, kept between requests: a finished scan never changes,
    so only a new decision (which may change any scan's figures) empties the cache.
    Without it every page of the dashboard would read every page of every scan."""

    def __init__(self) -> None:
        self._figures: dict[tuple[int, Subject], Figures] = {}
        self._reviews: dict[str, Review] = {}

    def get(self, scan_id: int, subject: Subject, reviews: dict[str, Review]) -> Figures | None:
        if reviews != self._reviews:
            self._figures, self._reviews = {}, dict(reviews)
        return self._figures.get((scan_id, subject))

    def put(self, scan_id: int, subject: Subject, figures: Figures,
            reviews: dict[str, Review]) -> None:
        # Figures counted before another request saw a newer decision are not kept.
        if reviews == self._reviews:
            self._figures[(scan_id, subject)] = figures


class AuditData:
    """The store read once for one request: scans are loaded when first needed."""

    def __init__(self, store: Store, cache: FiguresCache | None = None) -> None:
        self.store = store
        self.headers = store.scan_headers()
        self.reviews = store.reviews()
        self.agencies = store.agencies()
        self.cache = cache or FiguresCache()
        self._scans: dict[int, StoredScan] = {}
        self._monitored: dict[Subject, Monitored] | None = None

    def scan(self, scan_id: int) -> StoredScan:
        if scan_id not in self._scans:
            self._scans[scan_id] = self.store.load(scan_id)
        return self._scans[scan_id]

    def scan_ids(self, subject: Subject) -> list[int]:
        return [h.id for h in self.headers if subject in subjects_of(h)]

    def summary(self, subject: Subject, scan_id: int) -> Summary:
        """The evaluation of the part of one scan that concerns ``subject``."""
        return summarise(self.scan(scan_id), self.reviews,
                         subject.address if subject.kind == "site" else None)

    def monitored(self) -> list[Monitored]:
        """Every site and stand with its scans, stands after sites, each by name."""
        if self._monitored is None:
            found: dict[Subject, Monitored] = {}
            for header in self.headers:
                for subject in subjects_of(header):
                    entry = found.setdefault(
                        subject, Monitored(subject, self.agencies.get(subject.address)))
                    entry.scans.append(self._figures(header, subject))
            self._monitored = found
        return sorted(self._monitored.values(),
                      key=lambda m: (m.subject.kind != "site", m.name.casefold()))

    def _figures(self, header: ScanHeader, subject: Subject) -> Figures:
        found = self.cache.get(header.id, subject, self.reviews)
        if found is None:
            found = figures(self.summary(subject, header.id))
            # A running or interrupted scan may still gain pages (--resume).
            if header.status == "finished":
                self.cache.put(header.id, subject, found, self.reviews)
        return found

    def find(self, key: str) -> Monitored | None:
        return next((m for m in self.monitored() if m.subject.key == key), None)

"""A stand audit's plan: find the stand's pages and languages by its own links, audit
each page × language × mode at both orientations with the stand's own checks, and keep
every result as an ordinary scan marked ``"kind": "stand"``.

The standard is WCAG 2.2 A and AA with best practice, 44 px targets everywhere and 7:1
contrast in the high-contrast modes; reflow is checked at the stand's two screens only
(a stand is closed functionality with fixed screens and no zoom: WCAG2ICT notes kiosks
often cannot reflow, and EN 301 549 asks for a large-type mode instead, 5.1.4). An own
check that cannot run fails the page view: a certification must not pass what was not
checked."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from accessibility_audit import wcag
from accessibility_audit.discovery.manifest import NoManifest, fetch_manifest
from accessibility_audit.discovery.stand import MODES, NotAStand, StandMap, discover, locate
from accessibility_audit.engine.audit import AuditSettings, PageAuditor
from accessibility_audit.engine.frames import AxeScript
from accessibility_audit.engine.launch import BrowserSettings
from accessibility_audit.engine.pool import PoolSettings, Task
from accessibility_audit.fetching import Fetcher, HttpSettings
from accessibility_audit.model import PageAudit, Viewport
from accessibility_audit.physical.coverage import Matrix
from accessibility_audit.physical.stands import STAND_ID
from accessibility_audit.politeness import user_agent
from accessibility_audit.store.repository import QueuedPage

STANDARD = "wcag22aa"
PORTRAIT = Viewport("portrait", 1080, 1920)
LANDSCAPE = Viewport("landscape", 1920, 1080)
ORIENTATIONS = {"portrait": PORTRAIT, "landscape": LANDSCAPE}
# AAA only where a stand promises it: 44 px targets everywhere (the own check's level,
# wcag21aaa, selects no axe rule), and 7:1 contrast (axe's only wcag146 rule) in the
# high-contrast modes; not all of AAA.
TAGS = (*wcag.tags_for(STANDARD, best_practice=True), "wcag21aaa")
HIGH_CONTRAST = ("wcag146",)


@dataclass(frozen=True)
class StandOptions:
    url: str
    # Empty means all: every page, language and mode found, at both orientations.
    pages: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    orientations: tuple[str, ...] = ("portrait", "landscape")
    max_pages: int = 100
    workers: int = 2
    page_timeout: float = 30.0
    contact: str | None = None
    grid_url: str | None = None
    # Which stand of the location (its id in the content); None: the only one there is.
    stand_id: str | None = None

    def to_json(self, stand: StandMap, matrix: Matrix, stand_id: str) -> dict[str, Any]:
        data = asdict(self)
        name = f"{stand.address.base}?stand={stand_id}" if stand_id else stand.address.base
        # The manifest is what the verdict compares the audited page views with, and its
        # revision is the content the certificate is of.
        data.update(kind="stand", stand=name, stand_id=stand_id, standard=STANDARD,
                    best_practice=True, viewports=list(self.orientations),
                    found={"pages": list(stand.pages), "languages": list(stand.languages)},
                    manifest=matrix.to_json())
        return data


@dataclass
class StandAudit:
    options: StandOptions
    stand: StandMap | None = field(default=None, init=False)
    matrix: Matrix | None = field(default=None, init=False)
    stand_id: str = field(default="", init=False)
    # One's own stand: no polite delay.
    delay: float = field(default=0.0, init=False)
    # A stand is audited as it is now: run again, never resumed.
    resumable: bool = field(default=False, init=False)

    @property
    def contact(self) -> str | None:
        return self.options.contact

    def http_settings(self) -> HttpSettings:
        return HttpSettings(user_agent(self.options.contact), {}, {})

    def discover(self, fetcher: Fetcher, warnings: list[str],
                 found: Callable[[QueuedPage], None]) -> None:
        self.stand = stand = discover(self.options.url, fetcher.get, self.options.max_pages)
        try:
            self.matrix = fetch_manifest(stand.address.base, fetcher.get)
        except NoManifest as error:
            raise NotAStand(f"{error}; a stand audit needs it to know the whole stand "
                            "it certifies") from error
        self.stand_id = which_stand(stand.address.base, self.options.stand_id,
                                    self.matrix.stands)
        options = self.options
        pages = _chosen(stand.pages, options.pages, "page")
        languages = _chosen(stand.languages, options.languages, "language")
        modes = _chosen(MODES, options.modes, "mode")
        for page, lang, mode in itertools.product(pages, languages, modes):
            found(QueuedPage(stand.address.page_url(lang, page, mode), stand.address.base, 0,
                             False))

    def record(self) -> tuple[str, dict[str, Any]]:
        assert self.stand is not None and self.matrix is not None
        return STANDARD, self.options.to_json(self.stand, self.matrix, self.stand_id)

    def resume(self, fetcher: Fetcher, done: list[QueuedPage],
               pending: list[QueuedPage]) -> None:
        raise ValueError("a stand audit audits a stand as it is now: run it again rather "
                         "than resume it")

    def task(self, page: QueuedPage) -> Task:
        where = locate(page.url)
        contrast = where is not None and "contrast" in where.mode
        return Task(page.url, page.site, tags=HIGH_CONTRAST if contrast else ())

    def follow(self, task: Task, results: list[PageAudit]) -> list[QueuedPage]:
        return []

    def auditor(self, fetcher: Fetcher) -> PageAuditor:
        viewports = tuple(ORIENTATIONS[name] for name in self.options.orientations)
        settings = AuditSettings(tags=TAGS, viewports=viewports, reflow_320=False,
                                 audit="stand", checks_required=True)
        return PageAuditor(settings, AxeScript(), fetcher)

    def browser_settings(self, run_folder: Path) -> BrowserSettings:
        # The network log: the stand's own check of requests leaving its server.
        return BrowserSettings(contact=self.options.contact, grid_url=self.options.grid_url,
                               page_timeout=self.options.page_timeout, network_log=True,
                               run_folder=run_folder)

    def pool_settings(self) -> PoolSettings:
        return PoolSettings(workers=self.options.workers)


def which_stand(base: str, wanted: str | None, known: tuple[str, ...]) -> str:
    """The stand id the audit is of, checked against the location's stands in the
    content: refused, with the ids there are, when unknown or when a location with
    several stands is given none (each stand is certified on its own)."""
    listed = ", ".join(known)
    if wanted:
        if not STAND_ID.match(wanted) or wanted not in known:
            raise NotAStand(f"{base} has no stand {wanted!r}; its stands are: "
                            + (listed or "none (add them to the location in the admin area)"))
        return wanted
    if len(known) == 1:
        return known[0]
    if known:
        raise NotAStand(f"{base} has several stands ({listed}): say which one you certify, "
                        f"e.g. {base}?stand={known[0]} or --stand-id {known[0]}")
    return ""


def _chosen(found: tuple[str, ...], wanted: tuple[str, ...], what: str) -> tuple[str, ...]:
    """The ``wanted`` subset of ``found`` (all of it if none is wanted), or a clear error."""
    missing = [name for name in wanted if name not in found]
    if missing:
        raise NotAStand(f"the stand has no {what} {', '.join(map(repr, missing))}; it has "
                        f"{', '.join(found)}")
    return tuple(name for name in found if name in wanted) if wanted else found

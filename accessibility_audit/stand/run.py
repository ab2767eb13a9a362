"""A whole stand audit: find the pages, audit each page × language × mode at both
orientations in the pool of browsers, and keep every result in the scanner's store
as an ordinary scan marked ``"kind": "stand"``."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from accessibility_audit import __version__, wcag
from accessibility_audit.engine.audit import AuditSettings, PageAuditor
from accessibility_audit.engine.frames import AxeScript
from accessibility_audit.engine.launch import BrowserSettings
from accessibility_audit.engine.pool import Pool, PoolSettings, Task, TaskQueue
from accessibility_audit.fetching import Fetcher, HttpSettings
from accessibility_audit.model import PageAudit
from accessibility_audit.politeness import HostGate, user_agent
from accessibility_audit.progress import Progress
from accessibility_audit.stand import reflow
from accessibility_audit.stand.audio import AudioChecks
from accessibility_audit.stand.auditor import ORIENTATIONS, StandAuditor
from accessibility_audit.stand.discovery import MODES, NotAStand, StandMap, discover
from accessibility_audit.store import Store
from accessibility_audit.store.repository import QueuedPage

STANDARD = "wcag22aa"


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

    def to_json(self, stand: StandMap) -> dict[str, Any]:
        data = asdict(self)
        data.update(kind="stand", stand=stand.address.base, standard=STANDARD,
                    best_practice=True, viewports=list(self.orientations),
                    found={"pages": list(stand.pages), "languages": list(stand.languages)})
        return data


@dataclass
class StandRun:
    store: Store
    options: StandOptions
    progress: Progress
    run_root: Path | None = None
    scan_id: int | None = None
    stand: StandMap | None = None
    warnings: list[str] = field(default_factory=list)

    def run(self) -> int:
        """Audit the stand and return the scan's id (KeyboardInterrupt keeps what was done)."""
        gate = HostGate(0.0)  # one's own stand: no polite delay
        fetcher = Fetcher(HttpSettings(user_agent(self.options.contact), {}, {}), gate)
        run_folder = Path(tempfile.mkdtemp(prefix="a11y-audit-stand-", dir=self.run_root))
        try:
            self.stand = discover(self.options.url, fetcher.get, self.options.max_pages)
            urls = self._urls(self.stand)
            self.scan_id = self.store.new_scan(
                standard=STANDARD, user_agent=user_agent(self.options.contact),
                tool_version=__version__, options=self.options.to_json(self.stand))
            queue = TaskQueue(gate)
            for url in urls:
                self.store.enqueue(self.scan_id, QueuedPage(url, self.stand.address.base, 0,
                                                            False))
                queue.put(Task(url, self.stand.address.base))
            self.progress.add(len(urls))
            pool = Pool(PoolSettings(workers=self.options.workers),
                        self._browser_settings(run_folder), self._auditor(fetcher), queue,
                        self._record)
            with self.store.running(self.scan_id):
                pool.run()
            return self.scan_id
        finally:
            self.progress.finish()
            fetcher.close()
            shutil.rmtree(run_folder, ignore_errors=True)

    def _urls(self, stand: StandMap) -> list[str]:
        options = self.options
        pages = _chosen(stand.pages, options.pages, "page")
        languages = _chosen(stand.languages, options.languages, "language")
        modes = _chosen(MODES, options.modes, "mode")
        return [stand.address.page_url(lang, page, mode)
                for page in pages for lang in languages for mode in modes]

    def _record(self, task: Task, results: list[PageAudit]) -> None:
        assert self.scan_id is not None
        self.store.save_pages(self.scan_id, results, task.site)
        self.progress.page(task.url, results)

    def _auditor(self, fetcher: Fetcher) -> StandAuditor:
        viewports = tuple(ORIENTATIONS[name] for name in self.options.orientations)
        # AAA only where a stand promises it: 44 px targets everywhere (the own check's
        # level, wcag21aaa, selects no axe rule), 7:1 contrast (axe's only wcag146 rule)
        # in the high-contrast modes; not all of AAA.
        tags = (*wcag.tags_for(STANDARD, best_practice=True), "wcag21aaa")
        axe = AxeScript()
        # Reflow runs in the stand checks, at the stand's screens only (stand/reflow.py).
        standard = AuditSettings(tags=tags, viewports=viewports, skip=(reflow.RULE,))
        high_contrast = AuditSettings(tags=(*tags, "wcag146"), viewports=viewports,
                                      skip=(reflow.RULE,))
        assert self.stand is not None
        return StandAuditor(PageAuditor(standard, axe, fetcher),
                            PageAuditor(high_contrast, axe, fetcher),
                            AudioChecks(lambda url: fetcher.get(url, polite=False)),
                            self.stand.address.origin)

    def _browser_settings(self, run_folder: Path) -> BrowserSettings:
        return BrowserSettings(contact=self.options.contact, grid_url=self.options.grid_url,
                               page_timeout=self.options.page_timeout, network_log=True,
                               run_folder=run_folder)


def _chosen(found: tuple[str, ...], wanted: tuple[str, ...], what: str) -> tuple[str, ...]:
    """The ``wanted`` subset of ``found`` (all of it if none is wanted), or a clear error."""
    missing = [name for name in wanted if name not in found]
    if missing:
        raise NotAStand(f"the stand has no {what} {', '.join(map(repr, missing))}; it has "
                        f"{', '.join(found)}")
    return tuple(name for name in found if name in wanted) if wanted else found

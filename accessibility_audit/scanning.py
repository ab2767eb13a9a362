"""One scan from start to end: discover pages, audit them in the pool, keep every
result in the store as it arrives (so Ctrl+C loses only pages in flight)."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from accessibility_audit import __version__, wcag
from accessibility_audit.discovery.crawl import Frontier
from accessibility_audit.discovery.robots import Robots
from accessibility_audit.discovery.sitemap import SitemapError, read_sitemap
from accessibility_audit.discovery.urls import origin
from accessibility_audit.engine.audit import AuditSettings, PageAuditor
from accessibility_audit.engine.frames import AxeScript
from accessibility_audit.engine.launch import VIEWPORTS, BrowserSettings
from accessibility_audit.engine.pool import Pool, PoolSettings, Task, TaskQueue
from accessibility_audit.fetching import Fetcher, HttpSettings
from accessibility_audit.model import PageAudit
from accessibility_audit.options import ScanOptions
from accessibility_audit.politeness import HostGate, user_agent
from accessibility_audit.progress import Progress
from accessibility_audit.store import Store
from accessibility_audit.store.repository import QueuedPage


class NothingToScan(RuntimeError):
    """Discovery found no page that may be audited."""


@dataclass
class ScanRun:
    store: Store
    options: ScanOptions
    progress: Progress
    scan_id: int | None = None
    # Where the browsers' profile folders go (the system's temporary folder if None).
    run_root: Path | None = None
    warnings: list[str] = field(default_factory=list)

    def run(self) -> int:
        """Scan, and return the scan's id. KeyboardInterrupt leaves it resumable."""
        gate = HostGate(self.options.delay)
        sites = frozenset(origin(target.url) for target in self.options.targets)
        fetcher = Fetcher(HttpSettings(user_agent(self.options.contact), self.options.headers,
                                       self.options.cookies, sites), gate)
        self.frontier = Frontier(self.options.limits, Robots(fetcher, self.options.respect_robots))
        self.queue = TaskQueue(gate)
        run_folder = Path(tempfile.mkdtemp(prefix="a11y-audit-run-", dir=self.run_root))
        try:
            if self.scan_id is None:
                self.scan_id = self._new_scan()
                self._discover(fetcher)
            else:
                self._requeue()
            self.store.set_status(self.scan_id, "running")
            if self.progress.total == 0:
                raise NothingToScan("no page to audit: " + ("; ".join(self.warnings)
                                    or "every address was excluded or disallowed by robots.txt"))
            pool = Pool(self._pool_settings(), self._browser_settings(run_folder),
                        self._auditor(fetcher), self.queue, self._record)
            with self.store.running(self.scan_id):
                pool.run()
            return self.scan_id
        finally:
            self.progress.finish()
            fetcher.close()
            shutil.rmtree(run_folder, ignore_errors=True)

    def _new_scan(self) -> int:
        return self.store.new_scan(standard=self.options.standard,
                                   user_agent=user_agent(self.options.contact),
                                   tool_version=__version__, options=self.options.to_json())

    def _discover(self, fetcher: Fetcher) -> None:
        for target in self.options.targets:
            if target.kind == "sitemap":
                try:
                    urls = read_sitemap(fetcher, target.url)
                except SitemapError as error:
                    self.warnings.append(str(error))
                    continue
                for url in urls:
                    self._offer(url, crawl=False, listed=False)
            else:
                self._offer(target.url, crawl=target.kind == "crawl", listed=True)

    def _offer(self, url: str, *, crawl: bool, listed: bool) -> None:
        if self.frontier.admit(url, explicit=True, listed=listed):
            self._queue(QueuedPage(url, origin(url), 0, crawl))
        elif not self.frontier.robots.allowed(url):
            self.warnings.append(f"{url} is disallowed by robots.txt (--ignore-robots)")

    def _queue(self, page: QueuedPage) -> None:
        self.store.enqueue(self.scan_id, page)
        self.queue.put(Task(page.url, page.site, page.depth, page.crawl))
        self.progress.add()

    def _requeue(self) -> None:
        done, pending = self.store.queued(self.scan_id)
        for page in done + pending:
            self.frontier.mark_seen(page.url)
        for page in pending:
            self.queue.put(Task(page.url, page.site, page.depth, page.crawl))
        self.progress.done = len(done)
        self.progress.add(len(done) + len(pending))

    def _record(self, task: Task, results: list[PageAudit]) -> None:
        self.store.save_pages(self.scan_id, results, task.site)
        self.progress.page(task.url, results)
        if task.crawl:
            for link in self.frontier.links(task.url, results[0].links, task.depth):
                self._queue(QueuedPage(link, task.site, task.depth + 1, True))

    def _auditor(self, fetcher: Fetcher) -> PageAuditor:
        options = self.options
        settings = AuditSettings(
            tags=wcag.tags_for(options.standard, options.best_practice),
            viewports=tuple(VIEWPORTS[name] for name in options.viewports),
            max_elements=options.max_elements, cookies=tuple(options.cookies.items()),
            media_loaded=not options.block_media, only=options.rules,
            skip=options.skip_rules)
        axe = AxeScript(Path(options.axe_script) if options.axe_script else None)
        return PageAuditor(settings, axe, fetcher)

    def _browser_settings(self, run_folder: Path) -> BrowserSettings:
        return BrowserSettings(contact=self.options.contact, grid_url=self.options.grid_url,
                               headers=self.options.headers,
                               page_timeout=self.options.page_timeout,
                               block_media=self.options.block_media, run_folder=run_folder)

    def _pool_settings(self) -> PoolSettings:
        return PoolSettings(workers=self.options.workers,
                            recycle_pages=self.options.recycle_pages,
                            recycle_mb=self.options.recycle_mb)

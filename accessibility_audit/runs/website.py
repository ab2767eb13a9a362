"""A website scan's plan: pages from URLs, URL files, sitemaps and crawls (robots.txt
obeyed, one visit per host every ``delay`` seconds), crawled pages' links followed
within the limits, the scan's options kept for ``--resume``."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accessibility_audit import wcag
from accessibility_audit.discovery.crawl import Frontier
from accessibility_audit.discovery.robots import Robots
from accessibility_audit.discovery.sitemap import SitemapError, read_sitemap
from accessibility_audit.engine.audit import AuditSettings, PageAuditor
from accessibility_audit.engine.frames import AxeScript
from accessibility_audit.engine.launch import BrowserSettings
from accessibility_audit.engine.pool import PoolSettings, Task
from accessibility_audit.fetching import Fetcher, HttpSettings
from accessibility_audit.model import VIEWPORTS, PageAudit
from accessibility_audit.options import ScanOptions, Target
from accessibility_audit.politeness import user_agent
from accessibility_audit.store.repository import QueuedPage
from accessibility_audit.urls import origin

# Sites whose robots.txt and sitemaps are read at once (a --sites file may list hundreds).
DISCOVERY_THREADS = 8


@dataclass
class WebsiteScan:
    options: ScanOptions
    frontier: Frontier | None = field(default=None, init=False)
    # Kept before its pages are found, so Ctrl+C during discovery loses nothing.
    resumable: bool = field(default=True, init=False)

    @property
    def contact(self) -> str | None:
        return self.options.contact

    @property
    def delay(self) -> float:
        return self.options.delay

    def http_settings(self) -> HttpSettings:
        sites = frozenset(origin(target.url) for target in self.options.targets)
        return HttpSettings(user_agent(self.options.contact), self.options.headers,
                            self.options.cookies, sites, self.options.fetch_timeout)

    def discover(self, fetcher: Fetcher, warnings: list[str],
                 found: Callable[[QueuedPage], None]) -> None:
        """The targets, site by site at once: each site's robots.txt and sitemaps are
        fetched in its own thread, so a slow host holds up only its own pages."""
        frontier = self._frontier(fetcher)
        by_site: dict[str, list[Target]] = {}
        for target in self.options.targets:
            by_site.setdefault(origin(target.url), []).append(target)
        lock = threading.Lock()

        def warn(text: str) -> None:
            with lock:
                warnings.append(text)

        def offer(url: str, *, crawl: bool, listed: bool) -> None:
            if frontier.admit(url, explicit=True, listed=listed):
                with lock:
                    found(QueuedPage(url, origin(url), 0, crawl))
            elif problem := frontier.robots.problem(url):
                warn(f"{url} is not audited: {problem}, which RFC 9309 reads as "
                     "disallowing the whole site (--ignore-robots to audit it anyway)")
            elif not frontier.robots.allowed(url):
                warn(f"{url} is disallowed by robots.txt (--ignore-robots)")

        def discover_site(targets: list[Target]) -> None:
            for target in targets:
                if target.kind != "sitemap":
                    offer(target.url, crawl=target.kind == "crawl", listed=True)
                    continue
                try:
                    listed = read_sitemap(fetcher, target.url)
                except SitemapError as error:
                    warn(str(error))
                    continue
                for text in listed.warnings:
                    warn(text)
                for url in listed.urls:
                    offer(url, crawl=False, listed=False)

        _each_at_once(discover_site, list(by_site.values()))

    def record(self) -> tuple[str, dict[str, Any]]:
        return self.options.standard, self.options.to_json()

    def resume(self, fetcher: Fetcher, done: list[QueuedPage],
               pending: list[QueuedPage]) -> None:
        frontier = self._frontier(fetcher)
        for page in done + pending:
            frontier.mark_seen(page.url)

    def task(self, page: QueuedPage) -> Task:
        return Task(page.url, page.site, page.depth, page.crawl)

    def follow(self, task: Task, results: list[PageAudit]) -> list[QueuedPage]:
        if not task.crawl or self.frontier is None:
            return []
        return [QueuedPage(link, task.site, task.depth + 1, True)
                for link in self.frontier.links(task.url, results[0].links, task.depth)]

    def auditor(self, fetcher: Fetcher) -> PageAuditor:
        options = self.options
        settings = AuditSettings(
            tags=wcag.tags_for(options.standard, options.best_practice),
            viewports=tuple(VIEWPORTS[name] for name in options.viewports),
            max_elements=options.max_elements, cookies=tuple(options.cookies.items()),
            media_loaded=not options.block_media, only=options.rules,
            skip=options.skip_rules, profile=options.profile)
        axe = AxeScript(Path(options.axe_script) if options.axe_script else None)
        return PageAuditor(settings, axe, fetcher)

    def browser_settings(self, run_folder: Path) -> BrowserSettings:
        return BrowserSettings(contact=self.options.contact, grid_url=self.options.grid_url,
                               headers=self.options.headers,
                               page_timeout=self.options.page_timeout,
                               block_media=self.options.block_media, run_folder=run_folder)

    def pool_settings(self) -> PoolSettings:
        return PoolSettings(workers=self.options.workers,
                            recycle_pages=self.options.recycle_pages,
                            recycle_mb=self.options.recycle_mb)

    def _frontier(self, fetcher: Fetcher) -> Frontier:
        if self.frontier is None:
            self.frontier = Frontier(self.options.limits,
                                     Robots(fetcher, self.options.respect_robots))
        return self.frontier


def _each_at_once(work: Callable[[list[Target]], None], groups: list[list[Target]]) -> None:
    """``work`` on every group, DISCOVERY_THREADS at a time; the first error is raised
    once all are done. Daemon threads: Ctrl+C never waits for a host's slow answer."""
    waiting: queue.SimpleQueue[list[Target]] = queue.SimpleQueue()
    for group in groups:
        waiting.put(group)
    errors: list[BaseException] = []

    def take_turns() -> None:
        while True:
            try:
                group = waiting.get_nowait()
            except queue.Empty:
                return
            try:
                work(group)
            except Exception as error:  # noqa: BLE001 - raised again below
                errors.append(error)

    threads = [threading.Thread(target=take_turns, name=f"a11y-audit-site-{n + 1}", daemon=True)
               for n in range(min(DISCOVERY_THREADS, len(groups)))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]

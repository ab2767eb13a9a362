"""A website scan's plan: pages from URLs, URL files, sitemaps and crawls (robots.txt
obeyed, one visit per host every ``delay`` seconds), crawled pages' links followed
within the limits, the scan's options kept for ``--resume``."""

from __future__ import annotations

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
from accessibility_audit.options import ScanOptions
from accessibility_audit.politeness import user_agent
from accessibility_audit.store.repository import QueuedPage
from accessibility_audit.urls import origin


@dataclass
class WebsiteScan:
    options: ScanOptions
    frontier: Frontier | None = field(default=None, init=False)

    @property
    def contact(self) -> str | None:
        return self.options.contact

    @property
    def delay(self) -> float:
        return self.options.delay

    def http_settings(self) -> HttpSettings:
        sites = frozenset(origin(target.url) for target in self.options.targets)
        return HttpSettings(user_agent(self.options.contact), self.options.headers,
                            self.options.cookies, sites)

    def discover(self, fetcher: Fetcher, warnings: list[str]) -> list[QueuedPage]:
        frontier = self._frontier(fetcher)
        pages: list[QueuedPage] = []
        for target in self.options.targets:
            if target.kind == "sitemap":
                try:
                    urls = read_sitemap(fetcher, target.url)
                except SitemapError as error:
                    warnings.append(str(error))
                    continue
                for url in urls:
                    self._offer(frontier, url, pages, warnings, crawl=False, listed=False)
            else:
                self._offer(frontier, target.url, pages, warnings,
                            crawl=target.kind == "crawl", listed=True)
        return pages

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

    def _offer(self, frontier: Frontier, url: str, pages: list[QueuedPage],
               warnings: list[str], *, crawl: bool, listed: bool) -> None:
        if frontier.admit(url, explicit=True, listed=listed):
            pages.append(QueuedPage(url, origin(url), 0, crawl))
        elif not frontier.robots.allowed(url):
            warnings.append(f"{url} is disallowed by robots.txt (--ignore-robots)")

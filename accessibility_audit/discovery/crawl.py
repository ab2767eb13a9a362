"""The scan's frontier: which discovered links are audited, within the limits given."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from accessibility_audit.discovery.robots import Robots
from accessibility_audit.options import CrawlLimits
from accessibility_audit.urls import BadUrl, check_url, origin

# Links to these are files, not pages; following them would fill the report with
# "not HTML" errors. Given explicitly, they are still checked (and reported).
FILE_SUFFIXES = frozenset((
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".rtf", ".zip",
    ".rar", ".7z", ".gz", ".tar", ".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".ico",
    ".mp3", ".mp4", ".avi", ".mov", ".webm", ".ogg", ".wav", ".exe", ".msi", ".dmg", ".apk",
    ".iso", ".xml", ".json", ".csv", ".txt",
))


@dataclass
class Frontier:
    """Decides which URLs enter the scan, per site, thread-safely.

    ``crawl`` sites grow from links found on audited pages; others are fixed lists."""

    limits: CrawlLimits
    robots: Robots
    _seen: set[str] = field(default_factory=set)
    _per_site: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._include, self._exclude = self.limits.compiled()

    def admit(self, url: str, *, explicit: bool = False, listed: bool = False) -> bool:
        """Take ``url`` into the scan if it is new and within the limits.

        Explicit URLs (given by the user or listed in a sitemap) skip the patterns;
        URLs the user listed one by one (``listed``) skip the page limit too. All
        obey robots.txt."""
        if not self.robots.allowed(url):
            return False
        if not explicit and not self._wanted(url):
            return False
        site = origin(url)
        with self._lock:
            if url in self._seen:
                return False
            if not listed and self._per_site.get(site, 0) >= self.limits.max_pages:
                return False
            self._seen.add(url)
            self._per_site[site] = self._per_site.get(site, 0) + 1
            return True

    def mark_seen(self, url: str) -> None:
        """Count a page scanned earlier (on ``--resume``) so it is not queued again."""
        with self._lock:
            if url not in self._seen:
                self._seen.add(url)
                site = origin(url)
                self._per_site[site] = self._per_site.get(site, 0) + 1

    def links(self, page: str, found: list[str], depth: int) -> list[str]:
        """The links of an audited page that should be audited next."""
        if depth >= self.limits.max_depth:
            return []
        admitted = []
        for link in found:
            try:
                url = check_url(link)
            except BadUrl:
                continue
            if origin(url) == origin(page) and self.admit(url):
                admitted.append(url)
        return admitted

    def _wanted(self, url: str) -> bool:
        if PurePosixPath(urlsplit(url).path).suffix.lower() in FILE_SUFFIXES:
            return False
        if self._include and not any(p.search(url) for p in self._include):
            return False
        return not any(p.search(url) for p in self._exclude)

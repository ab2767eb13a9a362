"""robots.txt as RFC 9309 reads it (parsed by Protego): a missing file allows all, a
server error or a file that does not arrive in time none.

Each site's file is fetched once per scan, under that site's own lock: a slow host
delays only the pages of that host."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import requests
from protego import Protego

from accessibility_audit.fetching import Fetcher, TooSlow
from accessibility_audit.politeness import TOOL
from accessibility_audit.urls import origin

MAX_BYTES = 500 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB, and allows no more


@dataclass(frozen=True)
class SiteRules:
    """One site's robots.txt: its rules, or why every page is disallowed."""

    rules: Protego | None
    # Set when the file could not be read and RFC 9309 says to assume "disallow all".
    problem: str | None = None

    def allowed(self, url: str) -> bool:
        if self.problem is not None:
            return False
        return self.rules is None or self.rules.can_fetch(url, TOOL)

    def sitemaps(self) -> list[str]:
        return [] if self.rules is None else list(self.rules.sitemaps)


class Robots:
    """Per-origin robots.txt rules, fetched once per scan."""

    def __init__(self, fetcher: Fetcher, respect: bool = True) -> None:
        self.fetcher = fetcher
        self.respect = respect
        self._sites: dict[str, SiteRules] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._locks_lock = threading.Lock()

    def allowed(self, url: str) -> bool:
        if not self.respect:
            return True
        return self._site(origin(url)).allowed(url)

    def problem(self, url: str) -> str | None:
        """Why robots.txt of ``url``'s site disallows all of it, if it could not be read."""
        if not self.respect:
            return None
        return self._site(origin(url)).problem

    def sitemaps(self, site: str) -> list[str]:
        return self._site(origin(site)).sitemaps()

    def _site(self, site: str) -> SiteRules:
        with self._locks_lock:
            lock = self._locks.setdefault(site, threading.Lock())
        with lock:
            if site not in self._sites:
                self._sites[site] = self._fetch(site)
            return self._sites[site]

    def _fetch(self, site: str) -> SiteRules:
        url = site + "/robots.txt"
        try:
            response = self.fetcher.get(url, max_bytes=MAX_BYTES, truncate=True)
        except (TooSlow, requests.ReadTimeout):
            return SiteRules(None, f"its robots.txt did not arrive within "
                                   f"{self.fetcher.settings.timeout:g} s")
        except requests.RequestException:
            # An unreachable host: its pages will fail with their own reason (DNS,
            # TLS …), which says more than "disallowed" would.
            return SiteRules(None)
        if response.status_code >= 500:
            return SiteRules(None, f"its robots.txt answered HTTP {response.status_code}")
        if response.status_code >= 400:
            return SiteRules(None)
        return SiteRules(Protego.parse(response.content.decode("utf-8", "replace")))

"""robots.txt as RFC 9309 reads it: a missing file allows all, a server error none."""

from __future__ import annotations

import threading
import urllib.robotparser

import requests

from accessibility_audit.fetching import Fetcher
from accessibility_audit.politeness import TOOL
from accessibility_audit.urls import origin

MAX_BYTES = 500 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB


class Robots:
    """Per-origin robots.txt rules, fetched once per scan."""

    def __init__(self, fetcher: Fetcher, respect: bool = True) -> None:
        self.fetcher = fetcher
        self.respect = respect
        self._parsers: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._lock = threading.Lock()

    def allowed(self, url: str) -> bool:
        if not self.respect:
            return True
        return self._parser(origin(url)).can_fetch(TOOL, url)

    def sitemaps(self, site: str) -> list[str]:
        return list(self._parser(origin(site)).site_maps() or [])

    def _parser(self, site: str) -> urllib.robotparser.RobotFileParser:
        with self._lock:
            if site not in self._parsers:
                self._parsers[site] = self._fetch(site)
            return self._parsers[site]

    def _fetch(self, site: str) -> urllib.robotparser.RobotFileParser:
        parser = urllib.robotparser.RobotFileParser(site + "/robots.txt")
        try:
            response = self.fetcher.get(site + "/robots.txt")
        except requests.RequestException:
            # An unreachable host: its pages will fail with their own reason (DNS,
            # TLS …), which says more than "disallowed" would.
            parser.allow_all = True
            return parser
        if response.status_code >= 500:
            parser.disallow_all = True
        elif response.status_code >= 400:
            parser.allow_all = True
        else:
            parser.parse(response.content[:MAX_BYTES].decode("utf-8", "replace").splitlines())
        return parser

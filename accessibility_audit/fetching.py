"""Plain HTTP for robots.txt, sitemaps and the check made before a page is opened."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import requests

from accessibility_audit.politeness import HostGate, host_of
from accessibility_audit.urls import origin

MAX_REDIRECTS = 10


@dataclass(frozen=True)
class HttpSettings:
    user_agent: str
    headers: Mapping[str, str]
    cookies: Mapping[str, str]
    # Cookies are someone's session: sent only to the sites being scanned.
    cookie_sites: frozenset[str] = frozenset()
    timeout: float = 20.0


class Fetcher:
    """One requests session with the scan's identity, headers and cookies.

    Every request waits for its host's turn, so discovery is as polite as auditing."""

    def __init__(self, settings: HttpSettings, gate: HostGate) -> None:
        self.settings = settings
        self.gate = gate
        self.session = requests.Session()
        self.session.max_redirects = MAX_REDIRECTS
        self.session.headers["User-Agent"] = settings.user_agent
        self.session.headers.update(settings.headers)

    def get(self, url: str, *, stream: bool = False, polite: bool = True) -> requests.Response:
        if polite:
            self.gate.claim(host_of(url))
        cookies = self.settings.cookies if origin(url) in self.settings.cookie_sites else None
        return self.session.get(url, timeout=self.settings.timeout, stream=stream,
                                allow_redirects=True, cookies=cookies)

    def close(self) -> None:
        self.session.close()

"""Being a good guest on agency servers: who we say we are, and how often we knock."""

from __future__ import annotations

import threading
import time
from urllib.parse import urlsplit

from accessibility_audit.version import __version__

TOOL = "a11y-audit"


def user_agent(contact: str | None, browser_version: str | None = None) -> str:
    """A user agent that names the tool and how to reach whoever runs it.

    The Chrome part stays so that sites serve what their visitors get; without
    "HeadlessChrome" in it, because bot filters reject that word alone (GSA #97)."""
    reach = f"+{contact}" if contact else "no contact given"
    tool = f"{TOOL}/{__version__} (accessibility audit; {reach})"
    if browser_version is None:
        return tool
    major = browser_version.split(".")[0]
    return (f"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            f"Chrome/{major}.0.0.0 Safari/537.36 {tool}")


def host_of(url: str) -> str:
    return urlsplit(url).netloc.lower()


class HostGate:
    """At most one visit to a host every ``delay`` seconds, across all workers."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def ready_in(self, host: str) -> float:
        """Seconds until ``host`` may be visited again (0 when it may now)."""
        with self._lock:
            return max(0.0, self._next.get(host, 0.0) - time.monotonic())

    def try_claim(self, host: str) -> bool:
        """Book a visit to ``host`` now if its turn has come; never waits."""
        with self._lock:
            now = time.monotonic()
            if self._next.get(host, 0.0) > now:
                return False
            self._next[host] = now + self.delay
            return True

    def claim(self, host: str) -> None:
        """Wait for our turn at ``host`` and book the next one."""
        while True:
            with self._lock:
                now = time.monotonic()
                turn = self._next.get(host, 0.0)
                if turn <= now:
                    self._next[host] = now + self.delay
                    return
            time.sleep(turn - now)

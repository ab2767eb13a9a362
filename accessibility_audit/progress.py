"""Progress on stderr: a redrawn bar on a terminal, one line per page elsewhere
(CI logs), so both read well."""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

from accessibility_audit.model import PageAudit

BAR_WIDTH = 24


class Progress:
    def __init__(self, stream: TextIO = sys.stderr, enabled: bool = True) -> None:
        self.stream = stream
        self.enabled = enabled
        self.tty = stream.isatty()
        self.total = 0
        self.done = 0
        self.problems = 0
        self.started = time.monotonic()
        self._lock = threading.Lock()

    def add(self, count: int = 1) -> None:
        with self._lock:
            self.total += count
            self._draw(None, None)

    def page(self, url: str, results: list[PageAudit]) -> None:
        with self._lock:
            self.done += 1
            status = _worst(results)
            if status != "audited":
                self.problems += 1
            self._draw(url, _describe(results, status))

    def finish(self) -> None:
        if self.enabled and self.tty:
            self.stream.write("\n")
            self.stream.flush()

    def _draw(self, url: str | None, outcome: str | None) -> None:
        if not self.enabled:
            return
        if self.tty:
            share = self.done / self.total if self.total else 0
            filled = int(share * BAR_WIDTH)
            bar = "█" * filled + "░" * (BAR_WIDTH - filled)
            rate = self.done / max(time.monotonic() - self.started, 0.001) * 60
            line = (f"\r{bar} {self.done}/{self.total} pages, {self.problems} not audited, "
                    f"{rate:.0f}/min ")
            self.stream.write(line[:200].ljust(80))
        elif url is not None:
            self.stream.write(f"[{self.done}/{self.total}] {outcome}: {url}\n")
        self.stream.flush()


def _worst(results: list[PageAudit]) -> str:
    statuses = {result.status for result in results}
    return "blocked" if "blocked" in statuses else "failed" if "failed" in statuses \
        else "audited"


def _describe(results: list[PageAudit], status: str) -> str:
    if status != "audited":
        errors = [error for result in results for error in result.errors]
        return f"{status} ({errors[0].reason})" if errors else status
    rules = set().union(*(result.rules_violated for result in results))
    return f"audited, {len(rules)} rule{'s' if len(rules) != 1 else ''} violated"

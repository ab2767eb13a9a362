"""A small in-memory limit on how often one sender may do something.

Kept per server process: with several processes each counts on its own, which still
bounds what one sender can do. Enough for a stand's forms, which a person presses."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Hashable

MAX_SENDERS = 10_000  # beyond this, senders idle for a whole window are forgotten


class RateLimit:
    def __init__(self, limit: int, seconds: float) -> None:
        self.limit = limit
        self.seconds = seconds
        self._hits: dict[Hashable, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, sender: Hashable) -> bool:
        """Count one attempt by ``sender``; False once it made ``limit`` in ``seconds``."""
        now = time.monotonic()
        with self._lock:
            hits = self._hits.setdefault(sender, deque())
            while hits and now - hits[0] >= self.seconds:
                hits.popleft()
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            if len(self._hits) > MAX_SENDERS:
                self._forget_idle(now)
            return True

    def _forget_idle(self, now: float) -> None:
        idle = [key for key, hits in self._hits.items()
                if not hits or now - hits[-1] >= self.seconds]
        for key in idle:
            del self._hits[key]

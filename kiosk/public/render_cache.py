"""Rendered pages kept in memory, keyed by everything that changes what they show."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable


class RenderCache:
    """A small thread-safe LRU of rendered HTML; a key names content revision,
    location, page, language, mode and the time bucket the page depends on."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, str] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get_or_render(self, key: Hashable, render: Callable[[], str]) -> str:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]
        # Render outside the lock: two threads may render the same page once each,
        # which is cheaper than making every reader wait for one render.
        html = render()
        with self._lock:
            self.misses += 1
            self._items[key] = html
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return html

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

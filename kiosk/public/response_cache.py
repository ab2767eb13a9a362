"""Whole responses of stand pages kept in memory, served without entering Flask.

A stand page depends on the content revision, location, language, mode and the minute
(the masthead clock and the open/closed line). The view says so in an internal
header; this middleware keeps the response until the minute ends or a newer revision
of the location is published, and strips the header before it leaves the server.
Serving a hit costs a dictionary look-up instead of a Flask request, which is what
keeps latency low when many stands and phones ask at once.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from kiosk.store.reading import ContentReader

MARKER = "X-Kiosk-Cache"
# How long after its minute a page may still be served while its successor renders.
STALE_CLOCK_SECONDS = 60.0
REFRESH_PAUSE_SECONDS = 0.004
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


@dataclass(frozen=True)
class CachedResponse:
    status: str
    headers: list[tuple[str, str]]
    body: bytes
    gzipped: bytes  # compressed once, when kept: a page travels as a fifth of its size
    location: str
    revision: int
    expires: float  # time.monotonic()

    def respond(self, environ: dict[str, Any], start_response: Callable[..., Any]
                ) -> list[bytes]:
        if "gzip" in environ.get("HTTP_ACCEPT_ENCODING", ""):
            body = self.gzipped
            headers = [*self.headers, ("Content-Encoding", "gzip")]
        else:
            body, headers = self.body, list(self.headers)
        headers = [(n, v) for n, v in headers if n.lower() != "content-length"]
        headers += [("Content-Length", str(len(body))), ("Vary", "Accept-Encoding")]
        start_response(self.status, headers)
        return [body]


def cache_marker(location: str, revision: int, seconds: float) -> str:
    """The header value a view sets to let its response be cached for ``seconds``."""
    return f"{location} {revision} {seconds:.3f}"


class ResponseCache:
    def __init__(self, app: WSGIApp, content: ContentReader, size: int) -> None:
        self.app = app
        self.content = content
        self.size = size
        self._items: OrderedDict[tuple[str, str, str], CachedResponse] = OrderedDict()
        self._rendering: dict[tuple[str, str, str], threading.Event] = {}
        self._lock = threading.Lock()
        # One thread re-renders pages whose minute ended, one after another and with a
        # breath between them: requests never wait for it, and at the turn of the minute
        # it does not crowd them out of the interpreter (measured: p99 195 ms with two
        # threads, 50 ms with one, 33 ms with one that pauses; 200 stands, no editors).
        self._refresher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-refresh")

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]
                 ) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "GET":
            return self.app(environ, start_response)
        # The scheme is part of the page: its QR code may point at the page itself.
        key = (environ.get("wsgi.url_scheme", "http") + "://" + environ.get("HTTP_HOST", ""),
               environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", ""))
        hit = self._fresh(key)
        leader = False
        if hit is None and key[1].startswith("/stand/"):
            past_its_minute = self._past_its_minute(key)
            if past_its_minute is not None:
                self._refresh_in_background(key, environ)
                return past_its_minute.respond(environ, start_response)
            hit, leader = self._wait_for_other_render(key)
        if hit is not None:
            return hit.respond(environ, start_response)
        try:
            return self._pass_through(key, environ, start_response)
        finally:
            if leader:
                self._done_rendering(key)

    def _wait_for_other_render(self, key: tuple[str, str, str]
                               ) -> tuple[CachedResponse | None, bool]:
        """When a page expires, many stands ask for it at once: one renders (the leader),
        the rest get the previous version while it does (a few milliseconds old, and the
        stands' next poll brings them the new one), or wait when there is none."""
        with self._lock:
            rendering = self._rendering.get(key)
            if rendering is None:
                self._rendering[key] = threading.Event()
                return None, True
            previous = self._items.get(key)
        if previous is not None:
            return previous, False
        rendering.wait(timeout=5.0)
        return self._fresh(key), False

    def _past_its_minute(self, key: tuple[str, str, str]) -> CachedResponse | None:
        """A page whose content is current but whose minute (clock, open/closed line) has
        just ended. Every page ends its minute at the same moment; rendering them all
        while stands wait would stall the server at each minute, so the previous
        minute's page is served for the moment it takes to render the new one in the
        background (a stand's own script keeps its clock right meanwhile)."""
        with self._lock:
            entry = self._items.get(key)
        if entry is None or time.monotonic() - entry.expires > STALE_CLOCK_SECONDS:
            return None
        if not self._current(entry):
            return None
        return entry

    def _current(self, entry: CachedResponse) -> bool:
        """Whether the page still shows what its location's stands show now: nothing
        published since, and no scheduled change or announcement window begun."""
        published = self.content.for_location(entry.location)
        return published is not None and \
            published.version(entry.location, self.content.db.clock()) == entry.revision

    def _refresh_in_background(self, key: tuple[str, str, str],
                               environ: dict[str, Any]) -> None:
        with self._lock:
            if key in self._rendering:
                return
            self._rendering[key] = threading.Event()
        self._refresher.submit(self._refresh, key, dict(environ))

    def _refresh(self, key: tuple[str, str, str], environ: dict[str, Any]) -> None:
        try:
            for _chunk in self._pass_through(key, environ, lambda *args, **kwargs: None):
                pass
        finally:
            self._done_rendering(key)
        time.sleep(REFRESH_PAUSE_SECONDS)

    def _done_rendering(self, key: tuple[str, str, str]) -> None:
        with self._lock:
            rendering = self._rendering.pop(key, None)
        if rendering is not None:
            rendering.set()

    def _fresh(self, key: tuple[str, str, str]) -> CachedResponse | None:
        with self._lock:
            entry = self._items.get(key)
            if entry is not None:
                self._items.move_to_end(key)
        if entry is None or entry.expires <= time.monotonic() or not self._current(entry):
            return None
        return entry

    def _pass_through(self, key: tuple[str, str, str], environ: dict[str, Any],
                      start_response: Callable[..., Any]) -> Iterable[bytes]:
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
            captured.update(status=status, headers=headers, exc_info=exc_info)

        result = self.app(environ, capture)
        headers = captured["headers"]
        marker = next((value for name, value in headers if name == MARKER), None)
        if any(name.lower() == "set-cookie" for name, _ in headers):
            marker = None  # a response that sets a cookie belongs to one browser only
        if marker is None:
            headers = [(name, value) for name, value in headers if name != MARKER]
            start_response(captured["status"], headers, captured["exc_info"])
            return result
        try:
            body = b"".join(result)
        finally:
            close = getattr(result, "close", None)
            if close:
                close()
        headers = [(name, value) for name, value in headers if name != MARKER]
        entry = self._keep(key, captured["status"], headers, body, marker)
        return entry.respond(environ, start_response)

    def _keep(self, key: tuple[str, str, str], status: str, headers: list[tuple[str, str]],
              body: bytes, marker: str) -> CachedResponse:
        location, revision, seconds = marker.split(" ")
        entry = CachedResponse(status, headers, body, gzip.compress(body, 6), location,
                               int(revision), time.monotonic() + float(seconds))
        with self._lock:
            self._items[key] = entry
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return entry

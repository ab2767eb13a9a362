"""Whole responses of stand pages kept in memory, served without entering Flask.

A stand page depends on the content revision, location, language, mode and the minute
(the masthead clock and the open/closed line). The view says so in an internal
header; this middleware keeps the response until the minute ends, and strips the header
before it leaves the server. Serving a hit costs a dictionary look-up instead of a
Flask request, which is what keeps latency low when many stands and phones ask at once.

The minute is rendered ahead too: in the last ``AHEAD_SECONDS`` of a page's minute, the
background thread renders the page as it will be at the next minute (clock, open/closed
line, a reception that starts, a scheduled change or announcement that takes effect), and
the cache switches to it when that minute begins. A page is served only while its
version is the one the location's stands show at the moment of serving
(:meth:`~kiosk.store.reading.Published.version`), so a scheduled change switches on
time with nobody publishing.

Publishing never puts rendering on a reader's path. Each location has a *live*
revision: the one its stands are shown, and the one its pages and ``live.json`` are
rendered from. When a newer revision of the location is stored (published by this
process, or by another one and noticed by the regular look at the database, which a
checker thread makes so that serving a page reads memory only), one background thread
renders the location's kept pages from the new revision while readers keep
getting the live ones; then the pages and the live revision change together, under one
lock. A stand therefore never learns of a revision whose pages are not ready.

Under ``kiosk serve`` that thread has the pages rendered by a child process of lower
priority (:mod:`kiosk.public.render_process`), so rendering never holds the interpreter
lock the requests need, and a new revision's pages go to the child from a thread of
their own, taking turns with the next minute's; elsewhere (tests, ``RENDER_PROCESS=0``,
or until the child has started) one thread renders everything itself, pausing after
each page.
"""

from __future__ import annotations

import datetime as dt
import gzip
import logging
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from concurrent.futures import BrokenExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from kiosk.public.render_process import Rendered, RenderProcess
from kiosk.store.reading import ContentReader, Published

log = logging.getLogger(__name__)
MARKER = "X-Kiosk-Cache"
# The environ key of a background render: the revision to render the page from, when it
# is not (yet) the live one. Not a header, so no request can set it.
RENDER_REVISION = "kiosk.render_revision"
# The environ key of a page rendered ahead: the moment (aware UTC) it describes.
RENDER_AT = "kiosk.render_at"
# How long after its minute a page may still be served while its successor renders.
STALE_CLOCK_SECONDS = 60.0
# How long before its minute ends a page is rendered as it will be at the next one.
AHEAD_SECONDS = 20.0
# The background thread rests after each page at least as long as the page took, so it
# holds the interpreter at most half the time however much is published; the requests
# have the rest. A busy server shows a new revision a little later, never slower pages.
REFRESH_PAUSE_SECONDS = 0.004
# What of a request's environ a background render needs (the rest, such as the socket's
# input stream, belongs to the request that is over).
_WSGI_KEYS = ("wsgi.version", "wsgi.url_scheme", "wsgi.multithread", "wsgi.multiprocess",
              "wsgi.run_once")
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
Key = tuple[str, str, str]


@dataclass(frozen=True)
class CachedResponse:
    status: str
    headers: list[tuple[str, str]]
    body: bytes
    gzipped: bytes  # compressed once, when kept: a page travels as a fifth of its size
    location: str
    revision: int
    expires: float  # time.monotonic()
    starts: float = 0.0  # time.monotonic(); later than now for a page rendered ahead
    # When the page's minute ends (seconds since the epoch); None when the clock is
    # pinned (the NOW setting), which the next minute never comes to.
    boundary: float | None = None
    # The request the page was rendered for, to render it again in the background.
    environ: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def respond(self, environ: dict[str, Any], start_response: Callable[..., Any],
                started: float | None = None, source: str = "memory") -> list[bytes]:
        """Answer with the kept page; ``started`` (time.perf_counter() when the request
        reached the cache) adds a Server-Timing header with the server's time, and
        whether the page came from ``memory`` or was ``rendered`` for this request."""
        if "gzip" in environ.get("HTTP_ACCEPT_ENCODING", ""):
            body = self.gzipped
            headers = [*self.headers, ("Content-Encoding", "gzip")]
        else:
            body, headers = self.body, list(self.headers)
        headers = [(n, v) for n, v in headers if n.lower() != "content-length"]
        headers += [("Content-Length", str(len(body))), ("Vary", "Accept-Encoding")]
        if started is not None:
            took = (time.perf_counter() - started) * 1000
            headers.append(("Server-Timing", f'app;dur={took:.3f};desc="{source}"'))
        start_response(self.status, headers)
        return [body]


def cache_marker(location: str, revision: int, seconds: float,
                 boundary: dt.datetime | None = None) -> str:
    """The header value a view sets to let its response be cached for ``seconds``, until
    ``boundary`` (the next moment it will differ, when the clock is not pinned)."""
    ends = "-" if boundary is None else f"{boundary.timestamp():.3f}"
    return f"{location} {revision} {seconds:.3f} {ends}"


def render_environ(environ: dict[str, Any]) -> dict[str, Any]:
    """A GET request's environ, kept to render the same page again later."""
    # Without one visitor's cookies: the page rendered from it is served to everyone.
    kept: dict[str, Any] = {name: value for name, value in environ.items()
                            if isinstance(value, str)
                            and name not in ("HTTP_COOKIE", "HTTP_AUTHORIZATION")}
    kept.update({name: environ[name] for name in _WSGI_KEYS if name in environ})
    kept["wsgi.input"] = BytesIO(b"")
    kept["wsgi.errors"] = sys.stderr
    return kept


def rest(started: float) -> None:
    """The background thread's pause after a page it began rendering at ``started``."""
    time.sleep(max(REFRESH_PAUSE_SECONDS, time.monotonic() - started))


class ResponseCache:
    def __init__(self, app: WSGIApp, content: ContentReader, size: int,
                 timing: bool = False) -> None:
        self.app = app
        self.timing = timing  # the SERVER_TIMING setting
        # Where background renders run: here (a thread), or a child process.
        self.process: RenderProcess | None = None
        self.content = content
        self.size = size
        self._items: OrderedDict[Key, CachedResponse] = OrderedDict()
        self._rendering: dict[Key, threading.Event] = {}
        self._next: dict[Key, CachedResponse] = {}  # pages rendered for the next minute
        self._ahead: set[Key] = set()  # pages being rendered for the next minute
        self._live: dict[str, Published] = {}
        self._switching: set[str] = set()
        self._checking: set[str] = set()
        self._lock = threading.Lock()
        # One thread renders in the background (a new revision's pages, pages whose
        # minute ended), one page after another and with a breath between them:
        # requests never wait for it, and it does not crowd them out of the interpreter
        # (measured: p99 195 ms with two threads, 50 ms with one, 33 ms with one that
        # pauses; 200 stands, no editors).
        self._refresher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-refresh")
        # With a rendering process, a new revision's pages have a thread of their own
        # that hands them to it: the child then takes a switch's page and a next
        # minute's page in turn, so a publication never waits behind the hundreds of
        # pages rendered ahead in each minute's last seconds (measured: 23 s from
        # publication to the stands at load 18 behind them). Rendering here, one thread
        # does both, as two would crowd requests out of the interpreter.
        self._switcher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-switch")
        # Another looks at the database for new revisions, so that no request waits for
        # that look (nor for parsing a revision), and no look waits behind renders.
        self._checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-check")

    # -- the live revision --------------------------------------------------------------
    def live(self, location: str) -> Published | None:
        """The revision stands of ``location`` are shown now, from memory.

        The regular look at the database for a newer revision (reading the location
        index, parsing the revision, starting its pages' rendering) is the checker
        thread's, when due: no request waits for it. Only the first request for a
        location looks itself."""
        shown = self._live.get(location)
        if shown is None:
            return self._look(location)
        if self.content.due(location):
            with self._lock:
                if location in self._checking:
                    return shown
                self._checking.add(location)
            self._checker.submit(self._check, location)
        return shown

    def _check(self, location: str) -> None:
        try:
            self._look(location)
        except Exception:
            # Stands keep the live revision; the next request past the interval asks
            # again.
            log.exception("could not look for a new revision of %s", location)
        finally:
            with self._lock:
                self._checking.discard(location)

    def _look(self, location: str) -> Published | None:
        """Look at the database: a newer stored revision becomes live only once the
        location's kept pages have been rendered from it in the background; until then
        the previous one stays live."""
        latest = self.content.for_location(location)
        if latest is None:
            self._live.pop(location, None)
            return None
        shown = self._live.get(location)
        if shown is None or shown.base_version(location) == latest.base_version(location):
            # Not published again for this location (perhaps elsewhere in its
            # organisation): nothing to render. A scheduled change taking effect is not
            # a new revision: the pages of its minute are rendered ahead like any other.
            self._live[location] = latest
            return latest
        self._switch_in_background(location)
        return shown

    def _switch_in_background(self, location: str) -> None:
        with self._lock:
            if location in self._switching:
                return
            self._switching.add(location)
        elsewhere = self.process is not None and self.process.ready()
        (self._switcher if elsewhere else self._refresher).submit(self._switch, location)

    def _switch(self, location: str) -> None:
        """Render the location's kept pages from its newest revision, then make that
        revision live together with its pages."""
        try:
            latest = self.content.for_location(location)
            if latest is None:
                return
            with self._lock:
                keys = [(key, entry.environ) for key, entry in self._items.items()
                        if entry.location == location and entry.environ]
            rendered: list[tuple[Key, CachedResponse]] = []
            for key, environ in keys:
                started = time.monotonic()
                entry = self._render(key, {**render_environ(environ),
                                           RENDER_REVISION: latest}, location)
                # A page of another version (a scheduled change took effect while it
                # rendered) is left to be rendered on request.
                if entry is not None and entry.revision == latest.version(location,
                                                                          self._now()):
                    rendered.append((key, entry))
                self._rest(started)
            with self._lock:
                for key, entry in rendered:
                    self._put(key, entry)
                # Pages rendered ahead from the previous revision will not be shown.
                for key in [k for k, e in self._next.items() if e.location == location]:
                    del self._next[key]
                self._live[location] = latest
        except Exception:
            # The pages are then rendered on request, as after an eviction.
            log.exception("the pages of a new revision of %s could not be rendered ahead",
                          location)
            if latest is not None:
                self._live[location] = latest
        finally:
            with self._lock:
                self._switching.discard(location)

    def _current(self, entry: CachedResponse) -> bool:
        """Whether the page shows what its location's stands show now: nothing published
        live since, and no scheduled change or announcement window begun. A page rendered
        ahead is asked once its minute has begun, so it is judged at that minute."""
        live = self.live(entry.location)
        return live is not None and \
            live.version(entry.location, self._now()) == entry.revision

    def _now(self) -> dt.datetime:
        # The store's clock is the pages' one (the NOW setting pins both).
        return self.content.db.clock()

    # -- serving ------------------------------------------------------------------------
    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]
                 ) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "GET":
            return self.app(environ, start_response)
        started = time.perf_counter() if self.timing else None
        # The scheme is part of the page: its QR code may point at the page itself.
        key = (environ.get("wsgi.url_scheme", "http") + "://" + environ.get("HTTP_HOST", ""),
               environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", ""))
        hit = self._fresh(key)
        leader = False
        if hit is None and key[1].startswith("/stand/"):
            past_its_minute = self._past_its_minute(key)
            if past_its_minute is not None:
                self._refresh_in_background(key, environ, past_its_minute.location)
                return past_its_minute.respond(environ, start_response, started)
            hit, leader = self._wait_for_other_render(key)
        if hit is not None:
            return hit.respond(environ, start_response, started)
        try:
            return self._pass_through(key, environ, start_response, started)
        finally:
            if leader:
                self._done_rendering(key)

    def _wait_for_other_render(self, key: Key) -> tuple[CachedResponse | None, bool]:
        """A page nobody has asked for yet (or evicted) is rendered on request, once:
        one request renders it (the leader), the others wait for it or get the previous
        version when there is one."""
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

    def _past_its_minute(self, key: Key) -> CachedResponse | None:
        """A page whose content is live but whose minute (clock, open/closed line) has
        just ended. Every page ends its minute at the same moment; rendering them all
        while stands wait would stall the server at each minute, so the previous
        minute's page is served for the moment it takes to render the new one in the
        background (a stand's own script keeps its clock right meanwhile)."""
        with self._lock:
            entry = self._items.get(key)
        if entry is None or time.monotonic() - entry.expires > STALE_CLOCK_SECONDS:
            return None
        return entry if self._current(entry) else None

    def _refresh_in_background(self, key: Key, environ: dict[str, Any], location: str
                               ) -> None:
        with self._lock:
            if key in self._rendering:
                return
            self._rendering[key] = threading.Event()
        self._refresher.submit(self._refresh, key, render_environ(environ), location)

    def _refresh(self, key: Key, environ: dict[str, Any], location: str) -> None:
        started = time.monotonic()
        try:
            self._render(key, environ, location)
        except Exception:
            log.exception("the page %s could not be rendered again", key[1])
        finally:
            self._done_rendering(key)
        self._rest(started)

    def _rest(self, started: float) -> None:
        # A child process renders at a lower priority: the serving process's requests
        # never wait for its work, so it need not pause.
        if self.process is None or not self.process.ready():
            rest(started)

    def _render(self, key: Key, environ: dict[str, Any], location: str
                ) -> CachedResponse | None:
        """Render a page of ``location`` in the background; kept unless it renders
        another revision than the live one or another minute than this one (those are
        kept by the switch to the revision, or until their minute begins)."""
        rendered = None
        if self.process is not None and self.process.ready():
            rendered = self._render_elsewhere(environ, location)
        status, headers, body, gzipped = rendered or self._render_here(environ)
        marker = self._marker(headers)
        if marker is None:
            return None
        entry = self._entry(status, headers, body, marker, environ, gzipped)
        # Kept only if still of the live revision: a switch to a newer one may have
        # ended while it rendered (a page of the old one would only be rendered again).
        if RENDER_REVISION not in environ and RENDER_AT not in environ and \
                self._current(entry):
            with self._lock:
                self._put(key, entry)
        return entry

    def _render_here(self, environ: dict[str, Any]) -> Rendered:
        return render_wsgi(self.app, environ)

    def _render_elsewhere(self, environ: dict[str, Any], location: str) -> Rendered | None:
        """Render in the child process, from the revision named here (the one being
        switched to, or the live one): None when the child cannot (the page is then
        rendered here), and from now on when the child has gone."""
        assert self.process is not None
        revision = environ.get(RENDER_REVISION) or self.live(location)
        try:
            return self.process.render(environ, revision.revision_id if revision else None,
                                       environ.get(RENDER_AT))
        except BrokenExecutor:
            log.exception("the rendering process failed; pages are rendered in the "
                          "server's own process from now on")
            self.process = None
            return None

    def _done_rendering(self, key: Key) -> None:
        with self._lock:
            rendering = self._rendering.pop(key, None)
        if rendering is not None:
            rendering.set()

    def _fresh(self, key: Key) -> CachedResponse | None:
        now = time.monotonic()
        with self._lock:
            entry = self._items.get(key)
            if entry is not None:
                self._items.move_to_end(key)
            ahead = None
            if entry is not None and entry.expires <= now:
                entry, ahead = None, self._next_minute(key, now)
        if ahead is not None and self._current(ahead):
            with self._lock:
                self._put(key, ahead)
            entry = ahead
        if entry is None or not self._current(entry):
            return None
        if entry.boundary is not None and entry.expires - now < AHEAD_SECONDS:
            self._render_ahead(key, entry)
        return entry

    def _next_minute(self, key: Key, now: float) -> CachedResponse | None:
        """The page rendered ahead for the minute that has begun (the caller holds the
        lock)."""
        ahead = self._next.get(key)
        if ahead is None or ahead.starts > now:
            return None
        del self._next[key]
        return ahead if ahead.expires > now else None

    def _render_ahead(self, key: Key, entry: CachedResponse) -> None:
        with self._lock:
            if key in self._ahead or key in self._next:
                return
            self._ahead.add(key)
        self._refresher.submit(self._ahead_render, key, entry)

    def _ahead_render(self, key: Key, entry: CachedResponse) -> None:
        assert entry.boundary is not None
        started = time.monotonic()
        try:
            ahead = self._render(key, {**render_environ(entry.environ), RENDER_AT:
                                       dt.datetime.fromtimestamp(entry.boundary, dt.UTC)},
                                 entry.location)
            if ahead is not None:
                with self._lock:
                    if key in self._items:
                        self._next[key] = ahead
        except Exception:
            log.exception("the page %s could not be rendered for the next minute", key[1])
        finally:
            with self._lock:
                self._ahead.discard(key)
        self._rest(started)

    @staticmethod
    def _marker(headers: list[tuple[str, str]]) -> str | None:
        if any(name.lower() == "set-cookie" for name, _ in headers):
            return None  # a response that sets a cookie belongs to one browser only
        return next((value for name, value in headers if name == MARKER), None)

    def _pass_through(self, key: Key, environ: dict[str, Any],
                      start_response: Callable[..., Any], started: float | None
                      ) -> Iterable[bytes]:
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
            captured.update(status=status, headers=headers, exc_info=exc_info)

        result = self.app(environ, capture)
        headers = captured["headers"]
        marker = self._marker(headers)
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
        entry = self._entry(captured["status"], headers, body, marker, render_environ(environ))
        with self._lock:
            self._put(key, entry)
        return entry.respond(environ, start_response, started, "rendered")

    @staticmethod
    def _entry(status: str, headers: list[tuple[str, str]], body: bytes, marker: str,
               environ: dict[str, Any], gzipped: bytes | None = None) -> CachedResponse:
        location, revision, seconds, ends = marker.split(" ")
        starts = time.monotonic()
        render_at = environ.get(RENDER_AT)
        if render_at is not None:
            starts += render_at.timestamp() - time.time()
        environ = {name: value for name, value in environ.items()
                   if name not in (RENDER_REVISION, RENDER_AT)}
        return CachedResponse(status, [(n, v) for n, v in headers if n != MARKER], body,
                              gzipped if gzipped is not None else gzip.compress(body, 6),
                              location, int(revision),
                              starts + float(seconds), starts,
                              None if ends == "-" else float(ends), environ)

    def _put(self, key: Key, entry: CachedResponse) -> None:
        """Keep ``entry`` (the caller holds the lock)."""
        self._items[key] = entry
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            evicted, _entry = self._items.popitem(last=False)
            self._next.pop(evicted, None)


def render_wsgi(app: Any, environ: dict[str, Any]) -> Rendered:
    """Call the WSGI application ``app`` for ``environ``: its status, headers, body and
    the body gzipped (as the cache keeps a page)."""
    captured: dict[str, Any] = {}

    def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        captured.update(status=status, headers=headers)

    result = app(environ, capture)
    try:
        body = b"".join(result)
    finally:
        close = getattr(result, "close", None)
        if close:
            close()
    return captured["status"], list(captured["headers"]), body, gzip.compress(body, 6)

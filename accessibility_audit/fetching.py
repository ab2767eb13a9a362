"""Plain HTTP for robots.txt, sitemaps, the check made before a page is opened and the
links to a page's other language version.

Every body read here is bounded twice: in time, by a deadline for the whole fetch (a
server that sends one line every few seconds never trips a per-read timeout), and in
size, by a byte cap checked while the body streams in (nothing is read whole first)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from accessibility_audit.politeness import HostGate, host_of
from accessibility_audit.urls import origin

MAX_REDIRECTS = 10
CHUNK = 64 * 1024
# A page, a sound or a robots.txt read whole; sitemaps set their own (larger) cap.
MAX_BODY = 20 * 1024 * 1024


class TooSlow(requests.Timeout):
    """The fetch ran past its deadline, however steadily the bytes were trickling."""


class TooLarge(requests.RequestException):
    """The body is larger than this fetch may read."""


@dataclass(frozen=True)
class HttpSettings:
    user_agent: str
    headers: Mapping[str, str]
    cookies: Mapping[str, str]
    # Cookies are someone's session: sent only to the sites being scanned.
    cookie_sites: frozenset[str] = frozenset()
    # Seconds for one fetch as a whole, from the request to the last byte.
    timeout: float = 20.0


class Body:
    """A response's body as it streams in, within its fetch's deadline and byte cap."""

    def __init__(self, response: requests.Response, deadline: float, max_bytes: int,
                 timeout: float) -> None:
        self.response = response
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.read = 0

    def chunks(self, *, truncate: bool = False) -> Iterator[bytes]:
        """The body's bytes (any Content-Encoding undone), chunk by chunk as they come.

        Raises TooSlow at the deadline and TooLarge past the cap; with ``truncate``,
        the body simply ends at the cap instead."""
        raw = self.response.raw
        while True:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise TooSlow(f"{self.response.url} took longer than {self.timeout:g} s")
            self._limit_wait(left)
            try:
                chunk = raw.read1(CHUNK, decode_content=True)
            except Exception as error:  # the socket's, urllib3's (protocol, decoding) …
                # The socket waits no longer than the deadline: its timeout is that.
                if isinstance(error, TimeoutError | urllib3.exceptions.TimeoutError) \
                        or time.monotonic() >= self.deadline:
                    raise TooSlow(f"{self.response.url} took longer than "
                                  f"{self.timeout:g} s") from error
                raise requests.ConnectionError(f"{self.response.url}: {error}") from error
            if not chunk:
                if time.monotonic() >= self.deadline:
                    # The end came from the deadline cutting the connection: a body
                    # cut short is no body.
                    raise TooSlow(f"{self.response.url} took longer than {self.timeout:g} s")
                return
            room = self.max_bytes - self.read
            if len(chunk) > room:
                if truncate:
                    if room:
                        yield chunk[:room]
                    self.read = self.max_bytes
                    return
                raise TooLarge(f"{self.response.url} is larger than "
                               f"{_size(self.max_bytes)}")
            self.read += len(chunk)
            yield chunk

    def _limit_wait(self, left: float) -> None:
        # One read must not outlast the deadline either: the socket waits at most
        # what is left of it.
        connection = getattr(self.response.raw, "connection", None)
        sock = getattr(connection, "sock", None)
        if sock is not None:
            sock.settimeout(max(0.01, min(left, self.timeout)))


@dataclass
class _Deadline:
    """Ends a fetch at its deadline even while it waits for the status line and headers
    (which a server can trickle too): the connections it uses are shut down then."""

    seconds: float
    connections: list[Any] = field(default_factory=list)
    passed: bool = False

    def __post_init__(self) -> None:
        self._timer = threading.Timer(self.seconds, self._cut)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        _CURRENT.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        _CURRENT.deadline = None
        self._timer.cancel()

    def _cut(self) -> None:
        self.passed = True
        for connection in list(self.connections):
            sock = getattr(connection, "sock", None)
            if sock is not None:
                with contextlib.suppress(OSError):  # already closed: nothing left to cut
                    sock.shutdown(socket.SHUT_RDWR)


_CURRENT = threading.local()


def _watched(pool_class: type[HTTPConnectionPool]) -> type[HTTPConnectionPool]:
    class Watched(pool_class):  # type: ignore[valid-type,misc]
        """Tells the fetch under way (in this thread) which connection it got."""

        def _get_conn(self, timeout: float | None = None) -> Any:
            connection = super()._get_conn(timeout)
            deadline = getattr(_CURRENT, "deadline", None)
            if deadline is not None:
                deadline.connections.append(connection)
            return connection
    return Watched


_WATCHED_POOLS = {"http": _watched(HTTPConnectionPool), "https": _watched(HTTPSConnectionPool)}


class _Adapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_WATCHED_POOLS)


class Fetcher:
    """One requests session with the scan's identity, headers and cookies.

    Every request waits for its host's turn, so discovery is as polite as auditing.
    Only that host's turn: nothing here is shared between hosts while a body downloads."""

    def __init__(self, settings: HttpSettings, gate: HostGate) -> None:
        self.settings = settings
        self.gate = gate
        self.session = requests.Session()
        self.session.max_redirects = MAX_REDIRECTS
        for scheme in ("http://", "https://"):
            self.session.mount(scheme, _Adapter())
        self.session.headers["User-Agent"] = settings.user_agent
        self.session.headers.update(settings.headers)

    def get(self, url: str, *, polite: bool = True, max_bytes: int = MAX_BODY,
            truncate: bool = False) -> requests.Response:
        """The response at ``url`` with its body read, within the fetch's deadline and
        ``max_bytes`` (TooSlow, TooLarge; cut at the cap with ``truncate``)."""
        with self.open(url, polite=polite, max_bytes=max_bytes) as body:
            content = b"".join(body.chunks(truncate=truncate))
            response = body.response
        # What requests itself does once it has read a body: .content and .text then
        # answer from these bytes.
        response._content = content
        response._content_consumed = True  # type: ignore[attr-defined]
        return response

    @contextmanager
    def open(self, url: str, *, polite: bool = True,
             max_bytes: int = MAX_BODY) -> Iterator[Body]:
        """The response at ``url`` with its body still to stream, bounded as ``get``'s."""
        if polite:
            self.gate.claim(host_of(url))
        # The wait for the host's turn is politeness, not the server's slowness.
        deadline = time.monotonic() + self.settings.timeout
        with _Deadline(self.settings.timeout) as cut:
            try:
                response = self._send(url)
            except requests.RequestException as error:
                if cut.passed:
                    raise TooSlow(f"{url} took longer than {self.settings.timeout:g} s"
                                  ) from error
                raise
            try:
                yield Body(response, deadline, max_bytes, self.settings.timeout)
            except requests.RequestException as error:
                if cut.passed and not isinstance(error, TooSlow | TooLarge):
                    raise TooSlow(f"{url} took longer than {self.settings.timeout:g} s"
                                  ) from error
                raise
            finally:
                response.close()

    def _send(self, url: str) -> requests.Response:
        cookies = (dict(self.settings.cookies) if origin(url) in self.settings.cookie_sites
                   else None)
        return self.session.get(url, timeout=self.settings.timeout, stream=True,
                                allow_redirects=True, cookies=cookies)

    def close(self) -> None:
        self.session.close()


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:g} MB" if count >= 1024 * 1024 else f"{count / 1024:g} KB"

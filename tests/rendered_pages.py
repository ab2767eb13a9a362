"""Every HTML page a test app sends is checked on its way out (tests/html_checks.py).

``tests/conftest.py::make_app`` wraps each test app in :class:`PageCheck`, so pages read
through the Flask test client and pages a browser loads from a live server are checked
alike, as the bytes that leave the app. What is wrong is collected here, with the page's
address, and the running test fails with it (the hooks in ``tests/conftest.py``): a live
server's thread cannot fail a test by raising.

Only full pages are checked, known by their content type: JSON, CSV, audio, images, SVG
and files are not pages, whatever their address."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Callable, Iterable
from typing import Any

from tests.html_checks import page_problems

PAGE_TYPES = ("text/html", "application/xhtml+xml")

_lock = threading.Lock()
_found: list[str] = []
# Text the running test typed into the content itself (its ``typed_text`` marker).
_typed: tuple[str, ...] = ()


def expect_typed(typed: tuple[str, ...]) -> None:
    """Pages may show ``typed`` as it is, until the next call (tests/html_checks.py)."""
    global _typed
    _typed = typed


def take() -> list[str]:
    """The problems found since the last call, and forget them."""
    with _lock:
        found = list(_found)
        _found.clear()
    return found


def _record(problem: str) -> None:
    with _lock:
        _found.append(problem)


def _header(headers: list[tuple[str, str]], wanted: str) -> str:
    for name, value in headers:
        if name.lower() == wanted:
            return value
    return ""


def _media_type(headers: list[tuple[str, str]]) -> str:
    return _header(headers, "content-type").split(";")[0].strip().lower()


def _address(environ: dict[str, Any]) -> str:
    query = environ.get("QUERY_STRING")
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    return f"{environ.get('REQUEST_METHOD', 'GET')} {path}" + (f"?{query}" if query else "")


class PageCheck:
    """WSGI middleware: reads each HTML response whole and checks it before passing it on.

    Pages are never streamed by the app, so buffering them changes nothing a client sees;
    any other response passes through untouched, streaming or not."""

    def __init__(self, wsgi_app: Callable[..., Iterable[bytes]]) -> None:
        self.wsgi_app = wsgi_app

    def __call__(self, environ: dict[str, Any],
                 start_response: Callable[..., Any]) -> Iterable[bytes]:
        sent: dict[str, Any] = {}

        def remember(status: str, headers: list[tuple[str, str]],
                     exc_info: object = None) -> Callable[[bytes], object]:
            sent["status"], sent["headers"] = status, headers
            return start_response(status, headers, exc_info)

        body = self.wsgi_app(environ, remember)
        if (environ.get("REQUEST_METHOD") == "HEAD"
                or _media_type(sent.get("headers", [])) not in PAGE_TYPES):
            return body
        try:
            data = b"".join(body)
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
        if data:
            self.check(environ, sent["status"], data,
                       _header(sent["headers"], "content-encoding").lower())
        return [data]

    @staticmethod
    def check(environ: dict[str, Any], status: str, data: bytes, encoding: str) -> None:
        try:
            html = (gzip.decompress(data) if encoding == "gzip" else data).decode("utf-8")
        except (UnicodeDecodeError, OSError, EOFError) as error:
            _record(f"{_address(environ)} ({status}): cannot be read as UTF-8 HTML "
                    f"(Content-Encoding: {encoding or 'none'}): {error}")
            return
        problems = page_problems(html, _typed)
        if problems:
            _record(f"{_address(environ)} ({status}):\n    " + "\n    ".join(problems))

"""Checking and normalising the URLs people give, and reading files of them."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urldefrag, urlsplit, urlunsplit


class BadUrl(ValueError):
    """A URL the scanner cannot audit, with the reason in words."""


def check_url(url: str) -> str:
    """The URL normalised, or :class:`BadUrl` saying what is wrong with it."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise BadUrl(f"{url!r} is not an http:// or https:// address")
    if not parts.hostname:
        raise BadUrl(f"{url!r} has no host name")
    return normalise(url)


def web_link(url: object) -> str | None:
    """``url`` if a link to it can only open a web page (http:// or https:// with a
    host), else None.

    Every report template links help URLs through this (the ``web_link`` filter): they
    come from axe's results, which a hostile page can tamper with, and an href of
    ``javascript:`` or ``data:`` would run in the reader's page."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return url


def normalise(url: str) -> str:
    """One spelling per page: no fragment, lower-case host, no default port, a path."""
    url, _fragment = urldefrag(url)
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    default = {"http": 80, "https": 443}.get(parts.scheme)
    netloc = host if parts.port in (None, default) else f"{host}:{parts.port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))


def origin(url: str) -> str:
    parts = urlsplit(normalise(url))
    return f"{parts.scheme}://{parts.netloc}"


def read_url_file(path: Path) -> list[str]:
    """URLs from a file, one a line; blank lines and ``#`` comments are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise BadUrl(f"cannot read {path}: {error.strerror}") from error
    urls = []
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            urls.append(check_url(line))
        except BadUrl as error:
            raise BadUrl(f"{path}, line {number}: {error}") from error
    return urls

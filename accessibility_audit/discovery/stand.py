"""Finding a stand's pages and languages by following its links, GET only.

A stand's pages live under ``/stand/<location>/<language>/``. Starting from the address
given, every link to the same location is followed in every language the language
switcher offers (its ``hreflang`` links). Forms are never sent: the call for assistance
would call staff to the stand."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal, overload
from urllib.parse import urljoin, urlsplit

import requests

from accessibility_audit.urls import BadUrl, check_url, origin

STAND_PATH = re.compile(r"^/stand/(?P<location>[^/]+)(?:/(?:(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]+)?)"
                        r"(?:/(?P<page>[^?#]*))?)?)?$")
# The stand's display modes, as the ``mode`` parameter spells them ("" is standard).
MODES = ("standard", "large", "contrast", "large-contrast")
HOME = "home"


class NotAStand(BadUrl):
    """The address is not a stand, or the stand cannot be read."""


@dataclass(frozen=True)
class StandAddress:
    origin: str
    location: str

    @property
    def base(self) -> str:
        """The stand's base URL, as stand audits are filed under (``…/stand/main/``)."""
        return f"{self.origin}/stand/{self.location}/"

    def page_url(self, lang: str, page: str, mode: str = "standard") -> str:
        path = "" if page == HOME else page
        query = "" if mode == "standard" else f"?mode={mode}"
        return f"{self.base}{lang}/{path}{query}"


@dataclass(frozen=True)
class StandPage:
    """Where one page of the stand is: its name (``home``, ``hours`` …), language and mode."""

    page: str
    lang: str
    mode: str


def parse(url: str) -> tuple[StandAddress, str | None, str | None]:
    """(stand, language or None, page or None) of a stand address."""
    url = check_url(url)
    match = STAND_PATH.match(urlsplit(url).path)
    if not match:
        raise NotAStand(f"{url!r} is not a stand address: give one such as "
                        "http://127.0.0.1:8080/stand/main/ or …/stand/main/kk/")
    page = match["page"]
    return (StandAddress(origin(url), match["location"]), match["lang"],
            None if page is None else page.strip("/") or HOME)


def locate(url: str) -> StandPage | None:
    """The page, language and mode a URL of a stand shows (None if it is no stand page)."""
    parts = urlsplit(url)
    match = STAND_PATH.match(parts.path)
    if not match or match["lang"] is None:
        return None
    mode = dict(p.partition("=")[::2] for p in parts.query.split("&") if p).get("mode", "")
    return StandPage((match["page"] or "").strip("/") or HOME, match["lang"], mode or "standard")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append((values["href"] or "", values.get("hreflang")))


@dataclass(frozen=True)
class StandMap:
    address: StandAddress
    languages: tuple[str, ...]
    pages: tuple[str, ...]


def discover(url: str, get: Callable[[str], requests.Response], max_pages: int = 100) -> StandMap:
    """Every page (by name) and language of the stand at ``url``."""
    address, _lang, _page = parse(url)
    start = _fetch(get, url)
    first = locate(start.url)
    if first is None:
        raise NotAStand(f"{url} led to {start.url}, which is not a page of a stand")
    languages = [first.lang]
    pages = [first.page]
    waiting = [(first.lang, first.page, start)]
    seen = {(first.lang, first.page)}
    while waiting:
        lang, page, response = waiting.pop(0)
        for target, hreflang in _links(response):
            found = _same_stand(address, target)
            if found is None:
                continue
            if hreflang and found.lang not in languages:
                languages.append(found.lang)
            if found.page not in pages and len(pages) < max_pages:
                pages.append(found.page)
        for other_lang in languages:
            for other_page in pages:
                if (other_lang, other_page) not in seen:
                    seen.add((other_lang, other_page))
                    other = _fetch(get, address.page_url(other_lang, other_page), quiet=True)
                    if other is not None:
                        waiting.append((other_lang, other_page, other))
    return StandMap(address, tuple(languages), tuple(pages))


@overload
def _fetch(get: Callable[[str], requests.Response], url: str,
           quiet: Literal[False] = False) -> requests.Response: ...
@overload
def _fetch(get: Callable[[str], requests.Response], url: str,
           quiet: Literal[True]) -> requests.Response | None: ...
def _fetch(get: Callable[[str], requests.Response], url: str,
           quiet: bool = False) -> requests.Response | None:
    """The page, if it is HTML; None for another page that cannot be read (the audit
    itself then says why), an error for the start page."""
    try:
        response = get(url)
    except requests.RequestException as error:
        if quiet:
            return None
        raise NotAStand(f"cannot reach the stand at {url}: {error}") from error
    html = response.headers.get("Content-Type", "").startswith("text/html")
    if response.status_code == 200 and html:
        return response
    if quiet:
        return None
    raise NotAStand(f"{url} answered HTTP {response.status_code} "
                    f"({response.headers.get('Content-Type', 'no type')}), not a stand page")


def _links(response: requests.Response) -> list[tuple[str, str | None]]:
    parser = _Links()
    parser.feed(response.text)
    return [(urljoin(response.url, href), hreflang) for href, hreflang in parser.links]


def _same_stand(address: StandAddress, url: str) -> StandPage | None:
    if not url.startswith(("http://", "https://")) or origin(url) != address.origin:
        return None
    found = locate(url)
    if found is None or not urlsplit(url).path.startswith(f"/stand/{address.location}/"):
        return None
    return found

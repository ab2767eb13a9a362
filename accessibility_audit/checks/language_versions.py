"""Versions in the other state language: a page in Russian that offers a link to
Kazakh (by hreflang or lang, or named "Қазақша"), or the other way round, must
lead to this page's counterpart — not to an error page, not to the home page of
the other language, which leaves the visitor to search again, and not to a page
still written in the first language (an untranslated fallback).

Kazakhstan's law on languages asks for both; WCAG does not, so the rule is a
best practice. The links are followed with plain HTTP, reading at most the first
256 KB of each page within the fetch's deadline, each address once per scan."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urldefrag, urlsplit

import requests

from accessibility_audit.checks.language import primary, weigh
from accessibility_audit.checks.results import Node, Outcomes
from accessibility_audit.fetching import Body, Fetcher

NAMES = {"kk": "Kazakh", "ru": "Russian"}
# Path parts that name a language, not a page: /kk/, /ru/index.html …
LANGUAGE_PARTS = frozenset({"kk", "ru", "en", "kz", "qq", "kaz", "rus", "eng", "kk-kz", "ru-ru"})
READ_LIMIT = 256 * 1024
_CHARSET = re.compile(r"charset=[\"']?([\w-]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Arrival:
    """Where following a link ended: the final address and status, or the error."""

    url: str
    status: int | None = None
    error: str | None = None
    # The language the page's text is written in, when it tells one.
    language: str | None = None


class _Text(HTMLParser):
    """The text of an HTML page, without scripts and styles."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in ("script", "style", "noscript", "template")

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("script", "style", "noscript", "template") and self.hidden > 0

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def text_language(html: str) -> str | None:
    parser = _Text()
    parser.feed(html)
    return weigh(" ".join(parser.parts)).language


def follow(fetcher: Fetcher, url: str) -> Arrival:
    try:
        with fetcher.open(url, max_bytes=READ_LIMIT) as body:
            response = body.response
            try:
                html = _start_of_page(body)
            except (requests.RequestException, OSError) as error:
                return Arrival(response.url, response.status_code, error=type(error).__name__)
    except requests.RequestException as error:
        return Arrival(url, error=type(error).__name__)
    return Arrival(response.url, response.status_code,
                   language=text_language(html) if html else None)


def _start_of_page(body: Body) -> str:
    response = body.response
    content_type = response.headers.get("Content-Type", "")
    if not response.ok or "html" not in content_type:
        return ""
    start = b"".join(body.chunks(truncate=True))
    # Not requests' guess: HTTP's old default (Latin-1) would garble Cyrillic.
    charset = _CHARSET.search(content_type)
    try:
        return start.decode(charset.group(1) if charset else "utf-8", errors="replace")
    except LookupError:  # a charset Python does not know
        return start.decode("utf-8", errors="replace")


def is_home(url: str) -> bool:
    parts = [part.lower() for part in urlsplit(url).path.split("/") if part]
    return not [part for part in parts
                if part not in LANGUAGE_PARTS and not part.startswith(("index.", "default."))]


def links_to_check(gathered: dict[str, Any]) -> list[dict[str, Any]]:
    """The page's links to the other state language, other than back to itself or
    to a script (a switch made by JavaScript cannot be followed here)."""
    here = urldefrag(gathered["url"])[0]
    page_lang = primary(gathered["lang"])
    return [link for link in gathered["links"]
            if link["language"] != page_lang and urldefrag(link["href"])[0] != here
            and urlsplit(link["href"]).scheme in ("http", "https")]


def evaluate(gathered: dict[str, Any], arrivals: dict[str, Arrival]) -> Outcomes:
    outcomes = Outcomes()
    home_here = is_home(gathered["url"])
    for link in links_to_check(gathered):
        node = Node(link["target"], link["html"])
        arrival, language = arrivals[link["href"]], NAMES[link["language"]]
        if arrival.error:
            outcomes.review.append(Node(node.target, node.html, (
                f"The link to the {language} version could not be followed ({arrival.error}): "
                "check that it opens this page in " + language)))
        elif arrival.status and arrival.status >= 400:
            outcomes.failed.append(Node(node.target, node.html, (
                f"The link to the {language} version leads to an error page (HTTP "
                f"{arrival.status}): publish this page in {language} or link to it")))
        elif is_home(arrival.url) and not home_here:
            outcomes.failed.append(Node(node.target, node.html, (
                f"The link to the {language} version leads to the home page ({arrival.url}), "
                f"not to this page in {language}")))
        elif arrival.language and arrival.language != link["language"]:
            outcomes.failed.append(Node(node.target, node.html, (
                f"The link to the {language} version leads to a page written in "
                f"{NAMES[arrival.language]} ({arrival.url}): translate it")))
        else:
            outcomes.passed.append(node)
    return outcomes

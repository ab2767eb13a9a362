"""Versions in the other state language: a page in Russian that offers a link to
Kazakh (by hreflang or lang, or named "Қазақша"), or the other way round, must
lead to this page's counterpart — not to an error page, and not to the home page
of the other language, which leaves the visitor to search again.

Kazakhstan's law on languages asks for both; WCAG does not, so the rule is a
best practice. The links are followed with plain HTTP (headers only), each
address once per scan."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urldefrag, urlsplit

import requests

from accessibility_audit.checks.language import primary
from accessibility_audit.checks.results import Node, Outcomes
from accessibility_audit.fetching import Fetcher

NAMES = {"kk": "Kazakh", "ru": "Russian"}
# Path parts that name a language, not a page: /kk/, /ru/index.html …
LANGUAGE_PARTS = frozenset({"kk", "ru", "en", "kz", "qq", "kaz", "rus", "eng", "kk-kz", "ru-ru"})


@dataclass(frozen=True)
class Arrival:
    """Where following a link ended: the final address and status, or the error."""

    url: str
    status: int | None = None
    error: str | None = None


def follow(fetcher: Fetcher, url: str) -> Arrival:
    try:
        response = fetcher.get(url, stream=True)
    except requests.RequestException as error:
        return Arrival(url, error=type(error).__name__)
    response.close()
    return Arrival(response.url, response.status_code)


def is_home(url: str) -> bool:
    parts = [part.lower() for part in urlsplit(url).path.split("/") if part]
    return not [part for part in parts
                if part not in LANGUAGE_PARTS and not part.startswith(("index.", "default."))]


def links_to_check(gathered: dict[str, Any]) -> list[dict[str, Any]]:
    """The page's links to the other state language, other than back to itself."""
    here = urldefrag(gathered["url"])[0]
    page_lang = primary(gathered["lang"])
    return [link for link in gathered["links"]
            if link["language"] != page_lang and urldefrag(link["href"])[0] != here]


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
        else:
            outcomes.passed.append(node)
    return outcomes

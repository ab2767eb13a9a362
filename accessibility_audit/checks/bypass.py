"""Bypass blocks (WCAG 2.4.1): content repeated on the site's pages (a menu, a
banner, a sidebar) that comes before a page's own content must be skippable — by a
landmark or a heading at the page's own content, which screen readers jump to, or a
link to it, which keyboard users follow.

What is repeated is learnt as a person would: by opening another page of the site that
the page links to and comparing pieces of text and images' alternatives. The page
chosen is the one most pages share (the shortest address in the same part of the
site, usually its home page), so that a scan fetches it once (plain HTTP, each
address once per scan, in the host's turn like every visit). axe's ``bypass`` cannot know it,
and only asks for review on a page with no heading, landmark or same-page link; this
check decides, as the W3C's ACT rules for bypass blocks (cf77f2 and its parts) do:

- the page's own content after repeated content lies in a landmark, or starts with a
  heading, seen and exposed to assistive technology (one off the screen or under
  ``aria-hidden`` is no heading for a sighted keyboard user, nor for a screen reader);
- or a same-page link leads past the repeated content, to where the page's own content
  begins (not to an element that does not exist, nor into the repeated content).

A control that runs a script (a button, a toggle) may hide the repeated block or move
the focus: then it needs review, not a failure. It fetches pages, so it is costly."""

from __future__ import annotations

import re
from functools import partial
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import requests

from accessibility_audit.checks.check import Check
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.language_versions import READ_LIMIT, start_of_page
from accessibility_audit.checks.results import Node, Outcomes
from accessibility_audit.fetching import Fetcher

RULE = "bypass-blocks"
SCRIPT = gatherer("bypass")
# Pieces of content read from the page.
MAX_UNITS = 3000
# A piece with no letter or digit (a separator, an icon) says nothing of repetition.
WORD = re.compile(r"[^\W_]")
_SPACE = re.compile(r"\s+")


class _Pieces(HTMLParser):
    """The pieces of text of an HTML page and its images' alternatives, as the
    gatherer reads them from the page in the browser."""

    SKIPPED = ("script", "style", "noscript", "template", "head", "title")

    def __init__(self) -> None:
        super().__init__()
        self.pieces: set[str] = set()
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in ("img", "input"):
            self._add(dict(attrs).get("alt") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self._add(data)

    def _add(self, text: str) -> None:
        text = _SPACE.sub(" ", text).strip()
        if text:
            self.pieces.add(text)


def pieces_of(html: str) -> frozenset[str]:
    parser = _Pieces()
    parser.feed(html)
    parser.close()
    return frozenset(parser.pieces)


def read(fetcher: Fetcher, url: str) -> frozenset[str]:
    """The pieces of the page at ``url``; none for a page that could not be read."""
    try:
        with fetcher.open(url, max_bytes=READ_LIMIT) as body:
            html = start_of_page(body)
    except (requests.RequestException, OSError):
        return frozenset()
    return pieces_of(html)


def gather(page: PageContext) -> dict[str, Any]:
    gathered = page.run_script(SCRIPT, MAX_UNITS)
    others: list[frozenset[str]] = []
    other = comparison_page(gathered["url"], gathered["pages"])
    if page.fetcher is not None and other is not None:
        fetcher = page.fetcher
        others.append(page.memo.get(("page-pieces", other), partial(read, fetcher, other)))
    return {"page": gathered, "others": others}


def comparison_page(url: str, pages: list[str]) -> str | None:
    """The page of the site to learn repeated content from: of those ``url`` links to
    (other than itself in another query), one in the same part of the site (the first
    folder of the path), with the shortest path — the page most pages link to."""
    here = urlsplit(url)
    section = here.path.strip("/").split("/")[0]
    candidates = [(urlsplit(p).path.strip("/").split("/")[0] != section,
                   len(urlsplit(p).path), n, p)
                  for n, p in enumerate(pages) if urlsplit(p).path != here.path]
    return min(candidates)[3] if candidates else None


def evaluate(facts: dict[str, Any]) -> dict[str, Outcomes]:
    outcomes = Outcomes()
    others = [pieces for pieces in facts["others"] if pieces]
    units = facts["page"]["units"]
    content = [i for i, unit in enumerate(units)
               if not unit["neutral"] and WORD.search(unit["text"])]
    repeated = {i for i in content if any(units[i]["text"] in pieces for pieces in others)}
    first = next((i for i in content if i in repeated), None)
    if first is None:
        return {RULE: outcomes}  # nothing known to be repeated: nothing to bypass
    start = next((i for i in content if i > first and i not in repeated), None)
    if start is None:
        outcomes.passed.append(Node("html", "<html>"))  # no own content after it
        return {RULE: outcomes}
    own = [i for i in content if i >= start and i not in repeated]
    if any(units[i]["landmark"] or units[i]["heading"] for i in own) or any(
            _skips(link, start, content, repeated) for link in facts["page"]["skipLinks"]):
        outcomes.passed.append(Node("html", "<html>"))
        return {RULE: outcomes}
    block, begin = units[first], units[start]
    message = (f"The content from {block['target']} on is repeated on other pages of the "
               f"site, and nothing lets a visitor skip it to where this page's own content "
               f"begins ({begin['target']}): no landmark or heading there that is seen and "
               "exposed to screen readers, and no working link to it. Put the page's own "
               "content in <main>, start it with a heading, and add a “Skip to content” "
               "link to it.")
    controls = [c for c in facts["page"]["controls"] if c["position"] < start]
    doubt = (f"A control before it ({controls[0]['target']}) runs a script that may hide "
             "the repeated content or move the focus past it: check whether it does."
             if controls else "")
    outcomes.fail(Node(block["target"], block["html"]), message, doubt)
    return {RULE: outcomes}


def _skips(link: dict[str, Any], start: int, content: list[int], repeated: set[int]) -> bool:
    """Whether a same-page link leads past the repeated content: to an element with no
    repeated content between it and the start of the page's own."""
    to = link["to"]
    if to is None:
        return False
    return not any(to <= i < start for i in content if i in repeated)


CHECK = Check((RULE,), gather, evaluate, when="once", budget=20.0)

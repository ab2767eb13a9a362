"""Findings people can follow: a stable id per problem, and one entry per template.

An id is a hash of the site, the rule, the outcome and the element with its
volatile parts (numbers, ids, text, tokens) taken out, so the same problem keeps its
id from scan to scan while the page's text changes. The outcome is part of the
identity: an element that fails a rule on one page and only needs review on another
(axe can tell a colour against a plain background, not against a photo) is two
findings, a violation and a needs-review item, each with its own pages.

The page's template is in the element itself: a shared layout puts the same
header, menu and footer, with the same selector and HTML, on every page, and every
page of one template (each news item) renders its parts the same way up to the
numbers that normalising removes.
Such repeats therefore share one id: one finding, listing the pages it affects
and their URL templates. The page's address is deliberately not in the id: it
would split a header problem into one finding per page."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

_NUMBER = re.compile(r"\d+")
_HEX_ID = re.compile(r"\b[0-9a-f]{8,}(?:-[0-9a-f]{4,}){0,4}\b", re.I)
_SPACE = re.compile(r"\s+")
# Attributes whose values change on every load without the element changing.
_VOLATILE = re.compile(
    r'\s(?:nonce|data-csrf[\w-]*|data-token|data-reactid|data-v-[\w-]+|jsessionid|'
    r'style|value|data-timestamp)="[^"]*"', re.I)
_TEXT = re.compile(r">[^<]*<")


def normalise_element(selector: str, html: str) -> str:
    """Selector and opening HTML with numbers, ids, text and volatile attributes removed."""
    html = _VOLATILE.sub("", html)
    html = _TEXT.sub("><", html)
    text = f"{selector}|{html}"
    text = _HEX_ID.sub("#", text)
    text = _NUMBER.sub("0", text)
    return _SPACE.sub(" ", text).strip().lower()


def page_template(url: str) -> str:
    """The path with its variable parts replaced: ``/news/2024/17`` becomes ``/news/0/0``.

    Pages of one template (every news item) then share their findings' ids."""
    path = urlsplit(url).path or "/"
    path = _HEX_ID.sub("#", path)
    return _NUMBER.sub("0", path)


def finding_id(site: str, rule: str, outcome: str, selector: str, html: str) -> str:
    element = normalise_element(selector, html)
    return hashlib.sha256(f"{site}\n{rule}\n{outcome}\n{element}".encode()).hexdigest()[:16]


def finding_id_without_outcome(site: str, rule: str, selector: str, html: str) -> str:
    """The id stores made before the outcome was part of it (schema version 0): what
    reviews stored then are keyed by, until the store's upgrade moves them."""
    element = normalise_element(selector, html)
    return hashlib.sha256(f"{site}\n{rule}\n{element}".encode()).hexdigest()[:16]

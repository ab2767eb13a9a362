"""Gathers the page's text and language links for the language rules, and evaluates
them (language.py, language_versions.py)."""

from __future__ import annotations

from accessibility_audit.checks import language, language_versions
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.results import Outcomes

SCRIPT = gatherer("language")
MAX_CHARS = 200_000  # enough text to judge any page; more only costs time


def run(page: PageContext, rules: frozenset[str]) -> dict[str, Outcomes]:
    gathered = page.gather(SCRIPT, MAX_CHARS)
    whole, parts = language.evaluate(gathered)
    found = {"page-language-matches-text": whole, "part-language-matches-text": parts}
    if "language-version-exists" in rules and page.fetcher is not None:
        arrivals = {}
        for link in language_versions.links_to_check(gathered):
            href = link["href"]
            if href not in page.cache:
                page.cache[href] = language_versions.follow(page.fetcher, href)
            arrivals[href] = page.cache[href]
        found["language-version-exists"] = language_versions.evaluate(gathered, arrivals)
    return found

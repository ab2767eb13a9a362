"""Gathers the page's text for the language rules and evaluates it (language.py)."""

from __future__ import annotations

from accessibility_audit.checks import language
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.results import Outcomes

SCRIPT = gatherer("language")
MAX_CHARS = 200_000  # enough text to judge any page; more only costs time


def run(page: PageContext, rules: frozenset[str]) -> dict[str, Outcomes]:
    gathered = page.gather(SCRIPT, MAX_CHARS)
    whole, parts = language.evaluate(gathered)
    return {"page-language-matches-text": whole, "part-language-matches-text": parts}

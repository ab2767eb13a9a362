"""The language rules' check: gathers the page's text and language links, follows the
links to the other state language (each address once per scan), and evaluates them
with ``language_match.py`` and ``language_versions.py``."""

from __future__ import annotations

from functools import partial
from typing import Any

from accessibility_audit.checks import language_match, language_versions
from accessibility_audit.checks.check import Check
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.results import Outcomes

SCRIPT = gatherer("language")
MAX_CHARS = 200_000  # enough text to judge any page; more only costs time
VERSIONS = "language-version-exists"


def gather(page: PageContext) -> dict[str, Any]:
    gathered = page.run_script(SCRIPT, MAX_CHARS)
    arrivals = None
    if VERSIONS in page.rules and page.fetcher is not None:
        fetcher = page.fetcher
        arrivals = {link["href"]: page.memo.get(("language-version", link["href"]),
                                                partial(language_versions.follow, fetcher,
                                                        link["href"]))
                    for link in language_versions.links_to_check(gathered)}
    return {"page": gathered, "arrivals": arrivals}


def evaluate(facts: dict[str, Any]) -> dict[str, Outcomes]:
    whole, parts = language_match.evaluate(facts["page"])
    found = {"page-language-matches-text": whole, "part-language-matches-text": parts}
    if facts["arrivals"] is not None:
        found[VERSIONS] = language_versions.evaluate(facts["page"], facts["arrivals"])
    return found


CHECK = Check(("page-language-matches-text", "part-language-matches-text", VERSIONS),
              gather, evaluate, when="once")

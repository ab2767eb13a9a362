"""What an own rule is, as data apart from the code that decides it (axe-core keeps its
rules so, ``lib/rules/*.json``): id, impact, tags, help, description and help page.

Tags are axe's: the level first (``wcag2a`` … ``wcag22aaa``, ``best-practice``), which
selects the rule for a standard, then WCAG criteria (``wcag1410``) and EN 301 549
clauses (``EN-9.2.1.1``). ``audits`` names the audits a rule belongs to: a website scan
(``site``), a stand audit (``stand``) or both. A rule made for one kind of audit only
(the stand's keypad and speech) runs in every audit of that kind, whatever the level.
``costly`` marks a rule whose check drives the page or reaches beyond it (key
presses, resizing, reloading, fetching other pages): the thorough profile and every
stand audit run it, a default scan does not (``selection.py``).

The help texts are English, as axe's; ``N_`` marks them for the scanner's catalogs, so
reports in Kazakh and Russian translate them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Audit = Literal["site", "stand"]
UNDERSTANDING = "https://www.w3.org/WAI/WCAG22/Understanding/"
# Closed functionality (speech) has no WCAG criterion: its requirements are EN 301 549's.
EN_301_549 = ("https://www.etsi.org/deliver/etsi_en/301500_301599/301549/03.02.01_60/"
              "en_301549v030201p.pdf")


def N_(text: str) -> str:  # the gettext convention for "translate later"
    """Marks a message for extraction; it is translated where it is shown."""
    return text


def understanding(page: str) -> str:
    """The W3C Understanding page of a criterion, e.g. ``understanding("reflow")``."""
    return f"{UNDERSTANDING}{page}.html"


@dataclass(frozen=True)
class Rule:
    id: str
    impact: str
    # The first tag is the level (what selects the rule), then criteria and clauses.
    tags: tuple[str, ...]
    help: str
    description: str
    help_url: str
    audits: tuple[Audit, ...] = ("site", "stand")
    costly: bool = False

    @property
    def level(self) -> str:
        return self.tags[0]

    def selected(self, audit: Audit, tags: tuple[str, ...]) -> bool:
        """Whether ``audit`` at the standard with ``tags`` runs this rule."""
        if audit not in self.audits:
            return False
        return self.level in tags or self.audits == (audit,)

"""The stand's own rules, described as data in axe's result shape so that they are
stored, grouped and reported exactly like axe's (rule ids start with ``stand-``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accessibility_audit.checks.rules import N_
from accessibility_audit.engine.audit import issues_from
from accessibility_audit.model import Issue

UNDERSTANDING = "https://www.w3.org/WAI/WCAG22/Understanding/"
# Closed functionality (speech) has no WCAG criterion: its requirements are EN 301 549's.
EN_301_549 = ("https://www.etsi.org/deliver/etsi_en/301500_301599/301549/03.02.01_60/"
              "en_301549v030201p.pdf")


@dataclass(frozen=True)
class StandRule:
    id: str
    impact: str
    # axe's tag style: WCAG criteria as "wcag211", EN 301 549 clauses as "EN-9.2.1.1".
    tags: tuple[str, ...]
    help: str
    help_url: str


RULES: dict[str, StandRule] = {rule.id: rule for rule in (
    StandRule("stand-keypad-reach", "serious",
              ("wcag2a", "wcag211", "EN-301-549", "EN-5.1.6.1", "EN-9.2.1.1"),
              N_("Every visible control must be reachable with the keypad's arrow keys and "
                 "with Tab"), UNDERSTANDING + "keyboard.html"),
    StandRule("stand-keypad-trap", "critical",
              ("wcag2a", "wcag212", "EN-301-549", "EN-5.1.6.2", "EN-9.2.1.2"),
              N_("Keypad focus must be able to move away from every control"),
              UNDERSTANDING + "no-keyboard-trap.html"),
    StandRule("stand-speech-key", "serious",
              ("EN-301-549", "EN-5.1.3.1", "EN-5.1.3.6"),
              N_("Every visible text and control must have speech (a data-say key)"),
              EN_301_549),
    StandRule("stand-speech-audio", "serious",
              ("EN-301-549", "EN-5.1.3.1", "EN-5.1.3.14"),
              N_("The speech audio of every text and control must exist, play and be "
                 "audible"),
              EN_301_549),
    StandRule("stand-idle-warning", "serious",
              ("wcag2a", "wcag221", "EN-301-549", "EN-9.2.2.1"),
              N_("The idle reset must warn, with a control to extend and at least 20 "
                 "seconds to use it"), UNDERSTANDING + "timing-adjustable.html"),
    StandRule("stand-outside-request", "serious",
              # No criterion requires it; a stand that needs the internet stops working
              # offline, and every outside request tells a third party a visitor is there.
              ("best-practice",),
              N_("A stand page must make no request outside the stand's own server"), ""),
)}


@dataclass(frozen=True)
class Node:
    """One element that fails a stand rule: its selector, its HTML and why."""

    target: str
    html: str
    summary: str


def result(rule_id: str, nodes: list[Node]) -> dict[str, Any]:
    """The rule's failures as one axe violation entry (``{}`` when there are none)."""
    rule = RULES[rule_id]
    return {"id": rule.id, "impact": rule.impact, "tags": list(rule.tags), "help": rule.help,
            "helpUrl": rule.help_url, "description": rule.help,
            "nodes": [{"target": [node.target], "html": node.html[:500],
                       "failureSummary": node.summary, "impact": rule.impact}
                      for node in nodes]}


def issues(rule_id: str, nodes: list[Node]) -> list[Issue]:
    return issues_from({"violations": [result(rule_id, nodes)]}) if nodes else []

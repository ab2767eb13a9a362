"""What a check's evaluation finds, and the same in axe-core's result shape.

``evaluate`` returns, for each rule it decides, :class:`Outcomes`: the failing,
passing and doubtful elements (:class:`Node`). The engine turns them into axe entries
(violations, passes, incomplete, inapplicable) and merges them into axe's own result,
so everything after the audit (issues, store, finding ids, diff, reporters) treats
the own rules as axe rules."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal

from accessibility_audit.checks.rule import Rule
from accessibility_audit.checks.rules import RULES

Outcome = Literal["violations", "passes", "incomplete", "inapplicable"]
OUTCOMES: tuple[Outcome, ...] = ("violations", "passes", "incomplete", "inapplicable")
# axe's excerpts stay short; so do ours, whatever a gatherer hands back.
MAX_HTML = 500


@dataclass(frozen=True)
class Node:
    """One element a check looked at: axe's target (a selector), its HTML, and for
    failures and doubts what is wrong with it."""

    target: str
    html: str
    message: str = ""


@dataclass
class Outcomes:
    """What one rule found on one page: failing, passing and doubtful elements."""

    failed: list[Node] = field(default_factory=list)
    passed: list[Node] = field(default_factory=list)
    review: list[Node] = field(default_factory=list)

    def fail(self, node: Node, message: str, doubt: str = "") -> None:
        """``node`` fails, told by ``message``; with a ``doubt`` (why it may not fail
        after all), it needs review instead, told by both."""
        if doubt:
            self.review.append(Node(node.target, node.html, f"{message} {doubt}"))
        else:
            self.failed.append(Node(node.target, node.html, message))

    def extend(self, other: Outcomes) -> None:
        self.failed += other.failed
        self.passed += other.passed
        self.review += other.review


# Rule id -> outcomes, for one page at one viewport.
OwnResults = dict[str, Outcomes]


def combine(*results: OwnResults) -> OwnResults:
    """One page result from several looks at it (each viewport, and once per page)."""
    combined: OwnResults = defaultdict(Outcomes)
    for result in results:
        for rule, outcomes in result.items():
            combined[rule].extend(outcomes)
    return dict(combined)


def rule_results(rule: Rule, outcomes: Outcomes) -> dict[Outcome, dict[str, Any]]:
    """axe's entries for ``rule``: as axe does, a rule with failing elements is a
    violation, one with doubtful elements needs review, one with passing elements
    passes, and one that found nothing to check is inapplicable."""
    results: dict[Outcome, dict[str, Any]] = {}
    # An element found at several sizes is one failure, told as first seen.
    first_seen: dict[tuple[str, str], Node] = {}
    for node in outcomes.failed:
        first_seen.setdefault((node.target, node.html), node)
    failed = list(first_seen.values())
    # As the scan asks of axe (resultTypes), one passing element stands for all.
    groups: tuple[tuple[Outcome, list[Node], str], ...] = (
        ("violations", failed, "Fix the following:"),
        ("incomplete", outcomes.review, "Check the following:"),
        ("passes", outcomes.passed[:1], ""))
    for key, nodes, heading in groups:
        if nodes:
            results[key] = _entry(rule, [_node(rule, n, heading, key) for n in nodes])
    if not results:
        results["inapplicable"] = _entry(rule, [])
    return results


def axe_entries(results: OwnResults) -> dict[Outcome, list[dict[str, Any]]]:
    """The rules' entries under axe's four keys, in the order of the rule metadata."""
    entries: dict[Outcome, list[dict[str, Any]]] = defaultdict(list)
    for rule_id in RULES:
        if rule_id in results:
            for key, entry in rule_results(RULES[rule_id], results[rule_id]).items():
                entries[key].append(entry)
    return dict(entries)


def merge(raw: dict[str, Any], own: dict[Outcome, list[dict[str, Any]]]) -> None:
    """Add the own rules' entries to axe's result ``raw``, in place."""
    for key in OUTCOMES:
        raw.setdefault(key, []).extend(own.get(key, []))


def _entry(rule: Rule, nodes: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": rule.id, "impact": rule.impact if nodes else None, "tags": list(rule.tags),
            "description": rule.description, "help": rule.help, "helpUrl": rule.help_url,
            "nodes": nodes, "source": "a11y-audit"}


def _node(rule: Rule, node: Node, heading: str, key: str) -> dict[str, Any]:
    failing = key != "passes"
    return {"target": [node.target], "html": node.html[:MAX_HTML],
            "impact": rule.impact if failing else None,
            "any": [], "all": [], "none": [],
            "failureSummary": f"{heading}\n  {node.message}" if failing else None}

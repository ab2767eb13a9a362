"""Own check outcomes in axe-core's result shape, merged into axe's own result, so
that everything after the audit (issues, store, finding ids, diff, reporters)
treats them as axe rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from accessibility_audit.checks.rules import Rule

Outcome = Literal["violations", "passes", "incomplete", "inapplicable"]
OUTCOMES: tuple[Outcome, ...] = ("violations", "passes", "incomplete", "inapplicable")


@dataclass(frozen=True)
class Node:
    """One element a check looked at: axe's target (a list of selectors), its HTML,
    and for failures what is wrong with it."""

    target: str
    html: str
    message: str = ""


@dataclass
class Outcomes:
    """What one rule found on one page: failing, passing and doubtful elements."""

    failed: list[Node] = field(default_factory=list)
    passed: list[Node] = field(default_factory=list)
    review: list[Node] = field(default_factory=list)

    def extend(self, other: Outcomes) -> None:
        self.failed += other.failed
        self.passed += other.passed
        self.review += other.review


def rule_results(rule: Rule, outcomes: Outcomes) -> dict[Outcome, dict[str, Any]]:
    """axe's entries for ``rule``: as axe does, a rule with failing elements is a
    violation, one with doubtful elements needs review, one with passing elements
    passes, and one that found nothing to check is inapplicable."""
    results: dict[Outcome, dict[str, Any]] = {}
    # An element found at several sizes is one failure, told as first seen.
    first_seen: dict[str, Node] = {}
    for node in outcomes.failed:
        first_seen.setdefault(node.target, node)
    failed = list(first_seen.values())
    # As the scan asks of axe (resultTypes), one passing element stands for all.
    for key, nodes, heading in (("violations", failed, "Fix the following:"),
                                ("incomplete", outcomes.review, "Check the following:"),
                                ("passes", outcomes.passed[:1], "")):
        if nodes:
            results[key] = _entry(rule, [_node(rule, n, heading, key) for n in nodes])
    if not results:
        results["inapplicable"] = _entry(rule, [])
    return results


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
    return {"target": [node.target], "html": node.html,
            "impact": rule.impact if failing else None,
            "any": [], "all": [], "none": [],
            "failureSummary": f"{heading}\n  {node.message}" if failing else None}

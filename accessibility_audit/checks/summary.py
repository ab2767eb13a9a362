"""Summary name (WCAG 4.1.2): the summary of a details element is the button that opens
and closes it, and a button needs a name. The ACT rule 2t702h; axe-core has no rule
for it (its button-name leaves summary alone).

A details element's first summary child is its control (a later summary is ordinary
content); with an explicit role other than none or presentation (which a focusable
element cannot take) it is another widget, which axe's rules for that role check. Its
name comes from aria-labelledby, aria-label, its text and images' alternatives, or
title; where it has none, but an image without alt, an SVG or generated content may
draw one, it needs review instead of failing."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks.results import Node, Outcomes

RULE = "summary-name"
# Roles that a focusable summary cannot take: it keeps its own.
IGNORED_ROLES = ("", "none", "presentation")



def evaluate(summaries: list[dict[str, Any]]) -> dict[str, Outcomes]:
    outcomes = Outcomes()
    for summary in summaries:
        if summary["role"] not in IGNORED_ROLES:
            continue
        node = Node(summary["target"], summary["html"])
        if summary["named"]:
            outcomes.passed.append(node)
            continue
        outcomes.fail(node, (
            "This summary, the control that opens and closes its details, has no name: "
            "screen readers announce an unnamed button. Write its text (“Opening "
            "hours”), or give it aria-label."), (
            "An image without alt, an SVG or generated content in it may show a name that "
            "is not in its text: check what a screen reader announces.")
            if summary["drawn"] else "")
    return {RULE: outcomes}


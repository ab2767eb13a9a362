"""The stand's primary controls on its first screen: the languages, the display modes,
speech and the call for assistance must be on the screen a visitor is shown, without
scrolling and with nothing lying on them, at each orientation, in every mode — a
visitor who cannot read small type looks for large type where the page starts, not at
its end (EN 301 549 5.1.4 and 8.3; WCAG 2.4.11 for what lies on them).

It scrolls every box to its top to look, so it runs after every passive look, and puts
the scroll back."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks.check import Check
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.results import Node, Outcomes

RULE = "stand-controls-first-screen"
SCRIPT = gatherer("stand/first_screen", "stand")
KINDS = {"language": "language", "mode": "display mode", "speech": "speech",
         "assistance": "call for assistance"}


def gather(page: PageContext) -> dict[str, Any]:
    viewport = page.viewport
    return {"where": f"{viewport.width} × {viewport.height} CSS px ({viewport.name})",
            "controls": page.run_script(SCRIPT)}


def evaluate(facts: dict[str, Any]) -> dict[str, Outcomes]:
    outcomes = Outcomes()
    where = facts["where"]
    for control in facts["controls"]:
        node = Node(control["target"], control["html"])
        if control["onScreen"]:
            outcomes.passed.append(node)
            continue
        what = f"The {KINDS[control['kind']]} control"
        if control["name"]:
            what += f" “{control['name']}”"
        if control["cover"]:
            why = f"lies under {control['cover']} on the first screen"
        elif control["top"] >= control["screen"]:
            why = (f"is not on the first screen: it starts {control['top']} px down, below "
                   f"the screen's {control['screen']} px")
        else:
            why = "is only partly on the first screen"
        outcomes.failed.append(Node(node.target, node.html, (
            f"At {where}, {what[0].lower()}{what[1:]} {why}. A visitor must find the "
            "languages, display modes, speech and the call for assistance without "
            "scrolling: keep them on every screen.")))
    if not facts["controls"]:
        outcomes.review.append(Node("html", "<html>", (
            f"At {where} no language, display mode, speech or assistance control was "
            "found on this page: check that the stand offers them on every page.")))
    return {RULE: outcomes}


CHECK = Check((RULE,), gather, evaluate, interacts=True, budget=10.0)

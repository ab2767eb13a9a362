"""Target size (enhanced), WCAG 2.5.5: pointer targets at least 44 by 44 CSS px,
with the criterion's exceptions that a page can show — a link inside a sentence
(inline), a control the browser draws and the author did not size (user agent
control), and a target with an equivalent of full size on the page (same name
and destination). The "essential" exception needs a person: such targets fail
here, and the auditor may set the finding aside.

The minimum (2.5.8, 24 px or spacing) is axe-core's own ``target-size`` rule."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks.check import Check
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.results import Node, Outcomes

SCRIPT = gatherer("targets")
MINIMUM = 44.0
# Sub-pixel layout: a 44 px button may measure 43.99.
TOLERANCE = 0.05


def large_enough(target: dict[str, Any]) -> bool:
    return bool(min(target["width"], target["height"]) >= MINIMUM - TOLERANCE)


def evaluate(targets: list[dict[str, Any]]) -> Outcomes:
    outcomes = Outcomes()
    # An equivalent is a full-size target with the same name leading to the same place.
    full_size = {(t["name"], t["href"]) for t in targets if large_enough(t) and t["name"]}
    for target in targets:
        node = Node(target["target"], target["html"])
        if large_enough(target) or target["inSentence"] or target["userAgent"] or (
                target["name"] and (target["name"], target["href"]) in full_size):
            outcomes.passed.append(node)
        else:
            outcomes.failed.append(Node(node.target, node.html, _message(target)))
    return outcomes


def _message(target: dict[str, Any]) -> str:
    return (f"The target is {target['width']:.0f} × {target['height']:.0f} CSS px; make it at "
            f"least {MINIMUM:.0f} × {MINIMUM:.0f} (padding counts), or offer an equivalent "
            "that large")


def gather(page: PageContext) -> list[dict[str, Any]]:
    targets: list[dict[str, Any]] = page.run_script(SCRIPT)
    return targets


CHECK = Check(("target-size-enhanced",), gather,
              lambda targets: {"target-size-enhanced": evaluate(targets)})

"""Orientation, WCAG 1.3.4: content is not locked to portrait or landscape. A page
locks it when, in one orientation, it turns its content a quarter turn (a CSS
``transform`` or ``rotate`` under an ``orientation`` media query), so that the text
lies sideways unless the device is turned — the W3C's ACT rule b33eff.

The page is looked at in the orientation it is audited in and, with the viewport's
width and height swapped, in the other, and put back. What is compared is the angle
of the root, the body and the elements that fill most of the viewport (a wrapper
holding the page): one turned by 90° (or 270°) more in one orientation than in the
other fails. A page turned the same way in both (a design choice) or by other angles
is not locked by orientation; small turned elements (icons, arrows) are not content
locked at all.

A stand's screen is fixed in one orientation, and a stand audit shows every page at
both of its screens; the rule is a website's (``audits=("site",)``)."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks.check import Check
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.results import Node, Outcomes
from accessibility_audit.model import Viewport

RULE = "orientation-locked"
SCRIPT = gatherer("orientation")
# Degrees a turn may differ from a quarter turn and still be one.
SLACK = 5.0


def _name(width: int, height: int) -> str:
    return f"{'portrait' if height >= width else 'landscape'} ({width} × {height} CSS px)"


def evaluate(first: dict[str, Any], second: dict[str, Any]) -> Outcomes:
    outcomes = Outcomes()
    if not (first["content"] and second["content"]):
        return outcomes
    other = {element["target"]: element for element in second["elements"]}
    for element in first["elements"]:
        twin = other.get(element["target"])
        if twin is None:
            continue
        node = Node(element["target"], element["html"])
        turn = (twin["angle"] - element["angle"]) % 180
        if abs(turn - 90) <= SLACK:
            outcomes.fail(node, (
                f"In {_name(second['width'], second['height'])} this element is turned "
                f"{twin['angle'] % 360:.0f}°, in {_name(first['width'], first['height'])} "
                f"{element['angle'] % 360:.0f}°: the content is shown in one orientation only. "
                "Remove the rotation from the orientation media query, and let the layout "
                "follow the screen instead"))
        else:
            outcomes.passed.append(node)
    return outcomes


def gather(page: PageContext) -> dict[str, Any]:
    shown = page.viewport
    # CSS calls a square viewport portrait: its other orientation is a wider one.
    width, height = ((shown.height, shown.width) if shown.width != shown.height
                     else (shown.width * 3 // 2, shown.height))
    turned = Viewport(f"{shown.name}-turned", width, height, shown.mobile)
    first = page.run_script(SCRIPT)
    try:
        page.resize(turned)
        second = page.run_script(SCRIPT)
    finally:
        page.resize(shown)
    return {"first": first, "second": second}


CHECK = Check((RULE,), gather, lambda facts: {RULE: evaluate(facts["first"], facts["second"])},
              when="once", interacts=True, narrow=True, budget=15)

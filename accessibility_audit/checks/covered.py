"""Text and controls covered by fixed or sticky elements, found by scrolling the page
(and each box that scrolls on its own) through at the audited viewport and testing what
lies on top with ``elementFromPoint``.

On a website a cover is part of the design while the content scrolls beneath it: what
fails is text or a control that is in view only under a cover, at every scroll position
(the end of a page under a fixed footer, text under a fixed side panel) — it can never
be read or operated (``content-obscured``). A cover that looks like something a visitor
can close (a dialog, a banner with several controls) makes that a question for an
auditor instead. A stand shows its screens to visitors who do not scroll to uncover
what a button lies on: there anything drawn over text or a control, at any stop of the
scroll-through, fails (``stand-content-covered``, WCAG 2.4.11 and reading in large type).
It scrolls the page, so it runs after every passive look, and puts the scroll back."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks.check import Check
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.results import Node, Outcomes

OBSCURED, STAND = "content-obscured", "stand-content-covered"
SCRIPT = gatherer("covered")
# Stops per scroller: a page 120 half-screens long is scrolled through in full; beyond,
# only what the stops passed is judged.
MAX_STOPS = 120
PAGE = Node("html", "<html>")


def gather(page: PageContext) -> dict[str, Any]:
    viewport = page.viewport
    return {"where": f"{viewport.width} × {viewport.height} CSS px ({viewport.name})",
            "found": page.run_script(SCRIPT, MAX_STOPS)}


def evaluate(facts: dict[str, Any]) -> dict[str, Outcomes]:
    where, found = facts["where"], facts["found"]
    obscured, stand = Outcomes(), Outcomes()
    for item in found["covered"]:
        node = Node(item["target"], item["html"])
        what = "control" if item["control"] else "text"
        cover = item["cover"]
        by = f"the {cover['position']} element {cover['target']} ({_excerpt(cover['html'])})"
        if item["never"]:
            message = (f"At {where} this {what} is covered by {by} wherever the page is "
                       f"scrolled: it can never be {'operated' if item['control'] else 'read'}"
                       ". Leave room for the covering element (padding or margin as large as "
                       "it) or take it out of the way.")
            obscured.fail(node, message, (
                "The covering element may be one a visitor can close: if it closes and "
                "stays closed, this is no failure.") if cover["dialog"] else "")
        stand.failed.append(Node(node.target, node.html, (
            f"At {where} this {what} lies under {by}"
            + (" on the first screen" if item["firstScreen"] else " when the page is scrolled")
            + ": a stand must never draw over its content. Give the covering element a "
            "place of its own on the screen.")))
    if not obscured.failed and not obscured.review:
        obscured.passed.append(PAGE)
    if not stand.failed:
        stand.passed.append(PAGE)
    return {OBSCURED: obscured, STAND: stand}


def _excerpt(html: str) -> str:
    opening = html.split(">", 1)[0] + ">"
    return opening if len(opening) <= 120 else opening[:117] + "..."


CHECK = Check((OBSCURED, STAND), gather, evaluate, interacts=True, budget=20.0)

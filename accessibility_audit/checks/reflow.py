"""Reflow, WCAG 1.4.10: no scrolling in two directions at 320 CSS px wide (a
1280 px screen at 400 % zoom), nor at the viewports audited (such as a stand's
1080 × 1920 portrait and 1920 × 1080 landscape screens).

A page fails when it scrolls sideways; the findings name the outermost elements
that reach past the right edge. A box that scrolls sideways on its own fails too.
Neither fails when what is wide needs two dimensions — a data table, a map, an
image, a video, code — which is the criterion's exception (Understanding 1.4.10:
"images, maps, diagrams, video, games, presentations, data tables"). A frame is judged
by what it shows; one of another origin, which cannot be looked into, needs review."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks.check import Check
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.results import Node, Outcomes
from accessibility_audit.model import Viewport

SCRIPT = gatherer("overflow")
# WCAG's width for reflow; the height matters only for vertical text.
NARROW = Viewport("reflow-320", 320, 256)


def evaluate(gathered: dict[str, Any], where: str) -> Outcomes:
    """``where`` says at what size the page was seen, for the messages."""
    outcomes = Outcomes()
    page_wide = gathered["scrollWidth"] > gathered["width"] + 1
    for element in gathered["outermost"]:
        if element["twoD"]:
            # An image, a video, a map or a data table may need both dimensions: the
            # criterion's exception lets the page scroll sideways for it.
            outcomes.passed.append(Node(element["target"], element["html"]))
            continue
        if element["twoD"] is None:
            outcomes.review.append(Node(element["target"], element["html"], (
                f"At {where} the page scrolls sideways ({gathered['scrollWidth']} CSS px "
                f"wide for {gathered['width']}) for this frame of another site, which "
                "cannot be looked into: if it shows a video, a map or other content that "
                "needs two dimensions it may; otherwise let it shrink")))
            continue
        outcomes.failed.append(Node(element["target"], element["html"], (
            f"At {where} the page scrolls sideways ({gathered['scrollWidth']} CSS px wide "
            f"for {gathered['width']}): this element reaches {element['right']:.0f} px; let it "
            "wrap or shrink")))
    if page_wide and not outcomes.failed and not outcomes.passed:
        outcomes.review.append(Node("html", "<html>", (
            f"At {where} the page scrolls sideways ({gathered['scrollWidth']} CSS px wide for "
            f"{gathered['width']}), but no element could be named: check what overflows")))
    for box in gathered["boxes"]:
        node = Node(box["target"], box["html"])
        if box["twoD"]:
            outcomes.passed.append(node)
        elif box["twoD"] is None:
            outcomes.review.append(Node(node.target, node.html, (
                f"At {where} this box scrolls sideways for a frame of another site, which "
                "cannot be looked into: if it shows content that needs two dimensions "
                "(a video, a map) it may; otherwise let it wrap")))
        else:
            outcomes.failed.append(Node(node.target, node.html, (
                f"At {where} this box scrolls sideways, but its content needs no two "
                "dimensions: let the text wrap")))
    if not page_wide and not gathered["boxes"]:
        outcomes.passed.append(Node("html", "<html>"))
    return outcomes


def at_viewport(page: PageContext) -> dict[str, Any]:
    viewport = page.viewport
    return {"where": f"{viewport.width} × {viewport.height} CSS px ({viewport.name})",
            "overflow": page.run_script(SCRIPT)}


def at_320(page: PageContext) -> dict[str, Any]:
    page.resize(NARROW)
    return {"where": f"{NARROW.width} CSS px wide", "overflow": page.run_script(SCRIPT)}


def _evaluate(facts: dict[str, Any]) -> dict[str, Outcomes]:
    return {"reflow": evaluate(facts["overflow"], facts["where"])}


AT_VIEWPORT = Check(("reflow",), at_viewport, _evaluate)
# It leaves the page at 320 px wide, so it runs after the checks that only read it.
AT_320 = Check(("reflow",), at_320, _evaluate, when="once", interacts=True, narrow=True)

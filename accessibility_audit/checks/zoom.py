"""Resize text, WCAG 1.4.4: text zoomed to 200 % must not be cut off. Text is zoomed
as a reader zooms it, with the browser's zoom (WCAG's technique G142, what Chromium
offers): at 200 % a page is laid out in half as many CSS pixels each way, so the
check shows it at half the audited viewport's width and height (not narrower than
320 CSS px, which the reflow check covers), with the media queries and viewport units
that size brings, and puts it back. Enlarging only the root font size would leave
pixel-sized text as it was and no media query would answer, which is neither what a
reader sees nor fair to a page built for zoom.

What fails: text a box cuts off at 200 % (``clipping.py`` says when), whether or not
it was cut at 100 % already, as the W3C's ACT rule 59br37 decides it; boxes of a few
pixels hide text for screen readers on purpose."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks.check import Check
from accessibility_audit.checks.clipping import Text, judge
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.results import Outcomes
from accessibility_audit.model import Viewport

RULE = "text-zoom-clipped"
SCRIPT = gatherer("clipped")
NARROWEST = 320


def evaluate(normal: list[Text], zoomed: list[Text], where: str) -> Outcomes:
    return judge(normal, zoomed, f"At 200 % ({where})",
                 "Let it grow with its text (min-height, no fixed width) or scroll.",
                 earlier="at 100 %")


def zoomed(shown: Viewport) -> Viewport:
    """The viewport a browser zoomed to 200 % lays the page out in."""
    return Viewport("zoom-200", max(NARROWEST, shown.width // 2),
                    max(NARROWEST * 4 // 5, shown.height // 2), shown.mobile)


def gather(page: PageContext) -> dict[str, Any]:
    shown = page.viewport
    normal = page.run_script(SCRIPT, True)
    larger = zoomed(shown)
    try:
        page.resize(larger)
        after = page.run_script(SCRIPT, False)
    finally:
        page.resize(shown)
    return {"normal": normal, "zoomed": after,
            "where": f"the page shown at {larger.width} × {larger.height} CSS px"}


CHECK = Check((RULE,), gather,
              lambda facts: {RULE: evaluate(facts["normal"], facts["zoomed"], facts["where"])},
              when="once", interacts=True, narrow=True, budget=15)

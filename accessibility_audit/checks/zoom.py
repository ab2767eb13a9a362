"""Resize text, WCAG 1.4.4: text zoomed to 200 % must not be cut off. Text is zoomed
as a reader zooms it, with the browser's zoom (WCAG's technique G142, what Chromium
offers): at 200 % a page is laid out in half as many CSS pixels each way, so the
check shows it at half the audited viewport's width and height (not narrower than
320 CSS px, which the reflow check covers), with the media queries and viewport units
that size brings, and puts it back. Enlarging only the root font size would leave
pixel-sized text as it was and no media query would answer, which is neither what a
reader sees nor fair to a page built for zoom.

What fails: text a box cuts off — a box that hides what overflows it (``overflow:
hidden`` or ``clip``) and does not scroll on that axis — by more than half a
character across or more than 0.4 of a line down, as the W3C's ACT rule 59br37
decides it. Text hidden at 100 % as well as at 200 % (a carousel's other slides) is
hidden by design and not judged; boxes of a few pixels hide text for screen readers
on purpose. Text cut with an ellipsis, or with a link or button beside its box that
may lead to the whole text, needs review instead: the criterion allows truncated text
whose whole is available."""

from __future__ import annotations

from itertools import zip_longest
from typing import Any

from accessibility_audit.checks.check import Check
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.results import Node, Outcomes
from accessibility_audit.model import Viewport

RULE = "text-zoom-clipped"
SCRIPT = gatherer("clipped")
# How much a box may cut off a text, in multiples of its font size: across, half a
# character (glyphs overhang their boxes); down, under half a line (a line box is
# often lower than its glyphs).
ACROSS, DOWN = 0.5, 0.4
NARROWEST = 320


def cut_off(text: dict[str, Any] | None) -> bool:
    return bool(text and "target" in text and (text["cutX"] > ACROSS * text["fontSize"]
                                               or text["cutY"] > DOWN * text["fontSize"]))


def evaluate(normal: list[dict[str, Any] | None], zoomed: list[dict[str, Any] | None],
             where: str) -> Outcomes:
    outcomes = Outcomes()
    judged: set[str] = set()
    # Texts found at 200 % only (in a box a media query makes) come last.
    for before, after in zip_longest(normal, zoomed):
        if after is None:
            continue
        if not cut_off(after) or (after["hidden"] and (before is None or before["hidden"])):
            continue
        if after["target"] in judged:
            continue
        judged.add(after["target"])
        how = [f"{after[key]:.0f} px {axis}" for key, axis in (("cutX", "across"), ("cutY", "down"))
               if after[key] > 0]
        message = (f"At 200 % ({where}) this box cuts off {' and '.join(how)} of its text "
                   f"(“{after['text']}”), as it hides what overflows it (overflow: "
                   f"{after['overflow']})" + (", already at 100 %" if cut_off(before) else "")
                   + ". Let it grow with its text (min-height, no fixed width) or scroll.")
        doubt = ""
        if after["ellipsis"] and after["cutY"] <= DOWN * after["fontSize"]:
            doubt = "It ends the text with an ellipsis: check the whole text is available."
        elif after["linked"]:
            doubt = "A link or button beside it may lead to the whole text: check that it does."
        outcomes.fail(Node(after["target"], after["html"]), message, doubt)
    if not judged and any(text is not None for text in zoomed):
        outcomes.passed.append(Node("html", "<html>"))
    return outcomes


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

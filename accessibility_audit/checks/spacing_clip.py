"""Text spacing, WCAG 1.4.12: no loss of content when a reader sets line height to
1.5 times the font size, paragraph spacing to 2 times, letter spacing to 0.12 times
and word spacing to 0.16 times. The check puts that spacing on the page as a reader's
bookmarklet or extension does (a style sheet, every declaration ``!important``),
measures what each box that hides its overflow cuts off, and takes it away again.

Only text the spacing cuts off fails (``clipping.py`` says when a box cuts text
off, and when it needs review instead); text cut off without it is the page's as it
is, not the spacing's. Spacing kept by ``!important`` in a style attribute, which the
reader's style sheet cannot replace, is ``text-spacing-important``'s finding.

A stand's visitors cannot bring a style sheet (closed functionality): the rule is a
website's (``audits=("site",)``)."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks.check import Check
from accessibility_audit.checks.clipping import Text, judge
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.results import Outcomes

RULE = "text-spacing-clipped"
MEASURE = gatherer("clipped")
SPACE = gatherer("spaced")


def evaluate(plain: list[Text], spaced: list[Text]) -> Outcomes:
    return judge(plain, spaced, "With WCAG's text spacing (line height 1.5, letters 0.12 em, "
                 "words 0.16 em, paragraphs 2 em apart)",
                 "Let it grow with its text (min-height, no fixed height or width) or scroll.",
                 only_new=True)


def gather(page: PageContext) -> dict[str, Any]:
    plain = page.run_script(MEASURE, True)
    if not any(plain):
        return {"plain": plain, "spaced": plain}  # no box that hides its overflow
    page.run_script(SPACE, True)
    try:
        spaced = page.run_script(MEASURE, False)
    finally:
        page.run_script(SPACE, False)
    return {"plain": plain, "spaced": spaced}


CHECK = Check((RULE,), gather, lambda facts: {RULE: evaluate(facts["plain"], facts["spaced"])},
              when="once", interacts=True, budget=10)

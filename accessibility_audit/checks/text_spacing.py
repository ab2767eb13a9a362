"""Text spacing a reader cannot change, WCAG 1.4.12: a style attribute that declares
letter-spacing, word-spacing or line-height with ``!important`` wins over every
style sheet of the author's origin — and a browser extension or bookmarklet that
sets a reader's spacing is one — so the text keeps the page's spacing. That is a
failure when the spacing kept is below what the criterion asks a page to bear:
letters 0.12 times the font size apart, words 0.16 times, lines 1.5 times (the
latter only for text that runs over more than one line). As the W3C's ACT rules
24afc2, 9e45ec and 78fd32 decide it, the value is the one the text gets, measured
against the font size of the text itself; ``normal`` counts as too little (browsers
use 0 and about 1.2).

Values taken from the parent (``inherit``, ``unset``) are left to the parent's own
declaration. Whether spacing a reader applies then hides text is the render check
``text-spacing-clipped``."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks.check import Check
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.results import Node, Outcomes

RULE = "text-spacing-important"
SCRIPT = gatherer("spacing")
# WCAG 1.4.12's spacing, in multiples of the font size.
MINIMUM = {"letter-spacing": 0.12, "word-spacing": 0.16, "line-height": 1.5}
# Sub-pixel rounding: 0.12 em of 25 px is 3 px.
TOLERANCE = 0.01


def evaluate(found: list[dict[str, Any]]) -> Outcomes:
    outcomes = Outcomes()
    for element in found:
        node = Node(element["target"], element["html"])
        minimum = MINIMUM[element["property"]]
        value = element["value"]
        size = element["fontSize"]
        if value is not None and size > 0 and value >= minimum * size - TOLERANCE:
            outcomes.passed.append(node)
            continue
        kept = ("normal" if value is None
                else f"{value:g} px for text of {size:g} px ({value / size:.2f} times its size)")
        outcomes.fail(node, (
            f"The style attribute sets {element['property']}: {element['declared']} "
            f"!important, which gives {kept}; a reader's own spacing ({minimum:g} times "
            "the font size) cannot replace it. Remove !important, or make it at least "
            f"{minimum:g} em"))
    return outcomes


def gather(page: PageContext) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.run_script(SCRIPT)
    return found


CHECK = Check((RULE,), gather, lambda found: {RULE: evaluate(found)}, when="once")

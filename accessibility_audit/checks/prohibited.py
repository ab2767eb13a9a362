"""ARIA global properties where the role prohibits them (WAI-ARIA 1.2; the ACT rule
kb1m8s): roles that cannot be named — generic (a div, a span), paragraph, code,
emphasis and the other text-level roles — ignore aria-label and aria-labelledby (and
aria-braillelabel), and generic ignores aria-roledescription (and its braille form).
What the author meant a screen reader to say is then not said.

An element marked none or presentation keeps its own role when it is focusable or
carries a global property (the ARIA conflict resolution), which depends on the
property: it needs review, not a failure. axe-core's aria-prohibited-attr asks for
review where such an element has text; the ACT rule fails it all the same."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks.results import Node, Outcomes

RULE = "aria-prohibited-global"
# Roles that prohibit naming (aria-label, aria-labelledby), from WAI-ARIA 1.2.
UNNAMED = frozenset({"caption", "code", "deletion", "emphasis", "generic", "insertion",
                     "paragraph", "strong", "subscript", "superscript"})
PRESENTATIONAL = frozenset({"none", "presentation"})



def evaluate(elements: list[dict[str, Any]]) -> dict[str, Outcomes]:
    outcomes = Outcomes()
    for element in elements:
        role = element["role"]
        node = Node(element["target"], element["html"])
        prohibited = [*(element["naming"] if role in UNNAMED else ()),
                      *(element["describing"] if role == "generic" else ())]
        if role in PRESENTATIONAL and (element["naming"] or element["describing"]):
            outcomes.review.append(Node(node.target, node.html, (
                f"This element is marked {role} but carries "
                f"{', '.join(element['naming'] + element['describing'])}, a global property "
                "that makes browsers keep its own role: check which role it is exposed with, "
                "and whether the property is allowed on it.")))
        elif prohibited:
            kind = "an explicit" if element["explicit"] else "the implicit"
            outcomes.failed.append(Node(node.target, node.html, (
                f"{', '.join(prohibited)} is not allowed on this element, which has "
                f"{kind} role {role}: screen readers ignore it. Put the text in the "
                "element's content, or give the element a role that may be named (or no "
                "such property).")))
        else:
            outcomes.passed.append(node)
    return {RULE: outcomes}


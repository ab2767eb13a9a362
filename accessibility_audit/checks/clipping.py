"""Text a box cuts off once the page is shown differently — zoomed to 200 % (``zoom``)
or with a reader's text spacing (``spacing``): the judgement both share, on what
``gather/clipped.js`` measured before and after the change.

A box cuts a text off when it hides what overflows it (``overflow: hidden`` or
``clip``, not scrolling on that axis) and more than half a character lies beyond it
across, or more than 0.4 of a line down (glyphs overhang their line boxes a little).
Text hidden before and after alike (a carousel's other slides) is hidden by design.
Text cut with an ellipsis, or whose box has a link or button beside it that may lead
to the whole text, needs review: truncated text whose whole is available passes."""

from __future__ import annotations

from itertools import zip_longest
from typing import Any

from accessibility_audit.checks.results import Node, Outcomes

# How much a box may cut off a text, in multiples of its font size.
ACROSS, DOWN = 0.5, 0.4

Text = dict[str, Any] | None


def cut_off(text: Text) -> bool:
    return bool(text and "target" in text and (text["cutX"] > ACROSS * text["fontSize"]
                                               or text["cutY"] > DOWN * text["fontSize"]))


def judge(before: list[Text], after: list[Text], situation: str, fix: str,
          earlier: str = "", only_new: bool = False) -> Outcomes:
    """``situation`` opens each message ("At 200 % (…)"), ``fix`` ends it, ``earlier``
    names the page before the change ("at 100 %"); with ``only_new``, text cut off
    before the change is not the change's doing."""
    outcomes = Outcomes()
    judged: set[str] = set()
    # Texts found only after the change (in a box a media query makes) come last.
    for old, new in zip_longest(before, after):
        if new is None or not cut_off(new) or (new["hidden"] and (old is None or old["hidden"])):
            continue
        if (only_new and cut_off(old)) or new["target"] in judged:
            continue
        judged.add(new["target"])
        how = [f"{new[key]:.0f} px {axis}" for key, axis in (("cutX", "across"), ("cutY", "down"))
               if new[key] > 0]
        already = f", already {earlier}" if earlier and cut_off(old) else ""
        message = (f"{situation} this box cuts off {' and '.join(how)} of its text "
                   f"(“{new['text']}”), as it hides what overflows it (overflow: "
                   f"{new['overflow']}){already}. {fix}")
        doubt = ""
        if new["ellipsis"] and new["cutY"] <= DOWN * new["fontSize"]:
            doubt = "It ends the text with an ellipsis: check the whole text is available."
        elif new["linked"]:
            doubt = "A link or button beside it may lead to the whole text: check that it does."
        outcomes.fail(Node(new["target"], new["html"]), message, doubt)
    if not judged and any(text is not None for text in after):
        outcomes.passed.append(Node("html", "<html>"))
    return outcomes

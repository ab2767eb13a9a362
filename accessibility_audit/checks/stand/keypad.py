"""Keypad reachability with real key presses: the arrows a stand's keypad has, and Tab.

Every visible control must take the focus on the way down with the Down arrow and on
the way through with Tab, and wherever the arrows stop, some key must move the focus
on (WCAG 2.1.1 and 2.1.2; EN 301 549 5.1.6). Enter and Space are never pressed, so no
link is followed and no form is sent. It drives the page, so it runs after every other
look at it (``interacts``)."""

from __future__ import annotations

from typing import Any

from selenium.webdriver.common.keys import Keys

from accessibility_audit.checks.check import Check
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.results import Node, Outcomes

REACH, TRAP = "stand-keypad-reach", "stand-keypad-trap"
CONTROLS = gatherer("stand/controls", "stand")
FOCUS_LOG = "var log = window.__standFocus || []; window.__standFocus = []; return log;"
FOCUSED = "return (window.__standControls || []).indexOf(document.activeElement);"
BLUR = ("if (document.activeElement && document.activeElement !== document.body) "
        "{ document.activeElement.blur(); }")
# Where the arrows stopped, these must move the focus away: (key held, key pressed).
WAYS_OUT = ((None, Keys.ARROW_UP), (None, Keys.TAB), (Keys.SHIFT, Keys.TAB))
PAGE = Node("html", "<html>")


def gather(page: PageContext) -> dict[str, Any]:
    """The controls (selector, HTML, radio group), the indexes each key reached, and the
    index of the control the focus could not leave (None if none)."""
    controls = page.run_script(CONTROLS)
    if not controls:
        return {"controls": [], "arrows": [], "tab": [], "trapped": None}
    presses = len(controls) + 2
    arrows = _walk(page, Keys.ARROW_DOWN * presses)
    trapped = _trapped(page, len(controls))
    page.run_script(BLUR)
    # Tab goes on from where the focus last was, not from the top, and leaves the page
    # after the last control before it comes back to the first: twice round is enough.
    tab = _walk(page, Keys.TAB * (2 * presses))
    page.run_script(BLUR)
    return {"controls": controls, "arrows": sorted(arrows), "tab": sorted(tab),
            "trapped": trapped}


def evaluate(facts: dict[str, Any]) -> dict[str, Outcomes]:
    controls = facts["controls"]
    arrows, tab = set(facts["arrows"]), set(facts["tab"])
    unreachable = []
    for index, (selector, html, _group) in enumerate(controls):
        missed = []
        if index not in arrows:
            missed.append("the arrow keys")
        if not _reached(index, controls, tab):
            missed.append("Tab")
        if missed:
            unreachable.append(Node(selector, html, f"Not reached with {' nor with '.join(missed)}"
                                    ": a keypad user cannot get to this control."))
    traps = []
    if facts["trapped"] is not None:
        selector, html, _group = controls[facts["trapped"]]
        traps.append(Node(selector, html,
                          "The focus cannot leave this control with Up, Tab or Shift+Tab."))
    return {REACH: Outcomes(failed=unreachable, passed=[] if unreachable else [PAGE]),
            TRAP: Outcomes(failed=traps, passed=[] if traps else [PAGE])}


def _walk(page: PageContext, keys: str) -> set[int]:
    page.run_script(FOCUS_LOG)
    page.press(keys)
    return {index for index in page.run_script(FOCUS_LOG) if index >= 0}


def _trapped(page: PageContext, controls: int) -> int | None:
    stuck: int = page.run_script(FOCUSED)
    if stuck < 0 or controls < 2:
        return None
    for held, key in WAYS_OUT:
        page.press(key, holding=held)
        if page.run_script(FOCUSED) != stuck:
            return None
    return stuck


def _reached(index: int, controls: list[list[str]], reached: set[int]) -> bool:
    group = controls[index][2]  # radio buttons of one name: Tab stops at one of them
    if not group:
        return index in reached
    return any(controls[other][2] == group for other in reached)


CHECK = Check((REACH, TRAP), gather, evaluate, interacts=True)

"""Checks made by pressing Tab through the page with real key presses, as a keyboard
user does: each element that takes the focus must show it (2.4.7 Focus visible), must
not be entirely hidden by fixed or sticky content once scrolled into view (2.4.11 Focus
not obscured), and the focus must never get stuck (2.1.2 No keyboard trap).

Focus visible: the element's look — its own, its pseudo-elements', three ancestors' and
its first descendants' outline, shadow, border, background, colour, decoration,
transform — is compared unfocused and focused. Where nothing changed, two screenshots of
the screen are compared (focused, after a moment for transitions, and unfocused): only
if they are the same does it fail, and only a need for review if the page's own focus
handlers may show an indicator a moment later.

No keyboard trap: the focus is stuck when, pressing Tab, it comes back to an element
without having left the page (past its last element). Then Shift+Tab, Escape and the key
combinations the page's text names (“Ctrl+M”) are tried; a trap none of them leaves
fails, unless a link in it may lead out or it is a dialog (which a control may close).

It drives the page, so it runs after every passive look, once per page at the last
viewport, and blurs what it focused."""

from __future__ import annotations

import re
import time
from typing import Any

from selenium.webdriver.common.keys import Keys

from accessibility_audit.checks.check import Check
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.results import Node, Outcomes

VISIBLE, OBSCURED, TRAP = "focus-visible", "focus-not-obscured", "keyboard-trap"
SCRIPT = gatherer("focus")
# Tab presses beyond the number of focusable elements, and at most in all.
EXTRA_PRESSES, MAX_PRESSES = 3, 150
# What a page does "a moment later" (a focus moved back by a timer), in seconds.
PAUSE = 0.04
SETTLE = 0.2
# Elements whose look did not change that are compared on screenshots, at most.
MAX_SHOTS = 8
LEFT, UNKNOWN = -2, -1
MODIFIERS = {"ctrl": Keys.CONTROL, "control": Keys.CONTROL, "alt": Keys.ALT,
             "shift": Keys.SHIFT, "cmd": Keys.META, "meta": Keys.META}
NAMED = {"esc": Keys.ESCAPE, "escape": Keys.ESCAPE, "tab": Keys.TAB, "enter": Keys.ENTER}
COMBINATION = re.compile(
    r"\b(ctrl|control|alt|shift|cmd|meta)\s*\+\s*(esc(?:ape)?|tab|enter|f\d{1,2}|[a-z0-9])\b",
    re.IGNORECASE)
FUNCTION_KEYS = {f"f{n}": getattr(Keys, f"F{n}") for n in range(1, 13)}


def settled(log: list[Any], start: int | None = None) -> list[int | None]:
    """Where the focus was after each key press of a logged walk ("key" marks a key's
    end, its keyup; "down" a keydown, which a page may swallow): where it was when the
    next key began (what the page did a moment later included), or at the end."""
    states: list[int | None] = []
    current = start
    pending = False
    for entry in log:
        if entry == "down":
            if pending:
                states.append(current)
                pending = False
        elif entry == "key":
            if pending:
                states.append(current)
            pending = True
        else:
            current = entry
    if pending:
        states.append(current)
    return states


def find_cycle(log: list[Any], frames: set[int]) -> list[int] | None:
    """The elements the focus went round without leaving the page, if it came back to
    one — by a key or a moment later, by the page's doing — or the element a key did
    not move it from at all; an element it could not tell (a frame, an element it did
    not number) ends the round. "key" marks the end of each key (its keyup)."""
    seen: dict[int, int] = {}
    events: list[int] = []
    current: int | None = None
    moved = False
    for entry in log:
        if entry == "down":
            continue
        if entry == "key":
            if not moved and current is not None:
                return [current]  # the key was swallowed: Tab always moves the focus
            moved = False
            continue
        moved = True
        state = entry
        if state < 0 or state in frames:
            seen.clear()
            current = None
            continue
        current = state
        if state in seen:
            return sorted(set(events[seen[state]:]))
        seen[state] = len(events)
        events.append(state)
    return None


def combinations(text: str) -> list[tuple[str, str]]:
    """The key combinations a page's text names, as (modifier, key) to press."""
    found: list[tuple[str, str]] = []
    for modifier, key in COMBINATION.findall(text):
        lowered = key.lower()
        pressed = FUNCTION_KEYS.get(lowered) or NAMED.get(lowered) or lowered
        combination = (MODIFIERS[modifier.lower()], pressed)
        if combination not in found:
            found.append(combination)
    return found[:5]


def gather(page: PageContext) -> dict[str, Any]:
    elements = page.run_script(SCRIPT, "setup")
    facts: dict[str, Any] = {"elements": elements, "states": [], "looks": {}, "hidden": {},
                             "shots": {}, "trap": None}
    if not elements:
        return facts
    try:
        presses = min(len(elements) + EXTRA_PRESSES, MAX_PRESSES)
        page.press(Keys.TAB * presses, pause=PAUSE)
        time.sleep(SETTLE)
        walked = page.run_script(SCRIPT, "log")
        facts["states"] = states = settled(walked["log"])
        facts["looks"] = {int(k): v for k, v in walked["looks"].items()}
        facts["hidden"] = {int(k): v for k, v in walked["hidden"].items()}
        frames = {i for i, element in enumerate(elements) if element["frame"]}
        unchanged = [i for i, changed in facts["looks"].items() if not changed]
        for index in unchanged[:MAX_SHOTS]:
            facts["shots"][index] = _shows_focus(page, index)
        # Last, as a way out (Escape) may change the page.
        cycle = find_cycle(walked["log"], frames)
        if cycle:
            entered = next((n for n, state in enumerate(states) if state in cycle), 0)
            before = {state for state in states[:entered] if state is not None and state >= 0}
            page.run_script(SCRIPT, "focus", cycle[0])
            facts["trap"] = {"cycle": cycle, "way_out": _way_out(page, set(cycle), before)}
    finally:
        page.run_script("if (document.activeElement && document.activeElement !== document.body)"
                        " { document.activeElement.blur(); } window.scrollTo(0, 0);")
    return facts


def _left(page: PageContext, cycle: set[int], to: set[int] | None = None) -> bool:
    """Whether the focus went to another element of the page (one of ``to``, if given),
    or the round's elements are gone (a dialog closed), and stays so: a page may send
    it back a moment later, later still on a busy machine. Leaving the page for the
    browser's own controls is no way out: Tab brings the focus back into the round."""
    for wait in (SETTLE, 2 * SETTLE):
        time.sleep(wait)
        active = page.run_script(SCRIPT, "active", sorted(cycle))
        if active in cycle or active == LEFT or (to is not None and active not in to):
            return False
    return True


def _way_out(page: PageContext, cycle: set[int], before: set[int]) -> str | None:
    """The key that moves the focus out of ``cycle``, or None. Shift+Tab must bring it
    back to an element the walk passed before the round (not round the browser's
    controls to the page's end, which may be caught as well)."""
    for _ in range(len(cycle) + 2):
        page.press(Keys.TAB, holding=Keys.SHIFT)
        if _left(page, cycle, before):
            return "Shift+Tab"
    tries: list[tuple[str | None, str, str]] = [(None, Keys.ESCAPE, "Escape")]
    text = page.run_script(SCRIPT, "text")
    tries += [(modifier, key, "the key combination the page names")
              for modifier, key in combinations(text)]
    for modifier, key, name in tries:
        page.press(key, holding=modifier)
        if _left(page, cycle):
            return name
        page.press(Keys.TAB)
        if _left(page, cycle):
            return f"{name}, then Tab"
    return None


def _shows_focus(page: PageContext, index: int) -> str:
    """Whether the screen differs with the element focused and not: "visible",
    "invisible", or "moving" (it differs between two unfocused shots)."""
    page.run_script(SCRIPT, "focus", index)
    time.sleep(0.3)  # transitions of the focus style
    focused = page.screenshot()
    page.run_script(SCRIPT, "blur", index)
    time.sleep(0.3)
    unfocused = page.screenshot()
    if focused != unfocused:
        time.sleep(0.1)
        # The screen may change by itself (an animation, a carousel): no judgement then.
        return "moving" if page.screenshot() != unfocused else "visible"
    return "invisible"


def evaluate(facts: dict[str, Any]) -> dict[str, Outcomes]:
    elements = facts["elements"]
    visible, obscured, trap = Outcomes(), Outcomes(), Outcomes()
    reached = [i for i in dict.fromkeys(facts["states"]) if i is not None and i >= 0]
    for index in reached:
        element = elements[index]
        node = Node(element["target"], element["html"])
        changed = facts["looks"].get(index)
        shot = facts["shots"].get(index)
        if changed or shot == "visible":
            visible.passed.append(node)
        elif shot == "invisible":
            message = ("This element shows no sign of having the keyboard focus: nothing on "
                       "the screen changes when it takes it. Give it a visible focus style "
                       "(an outline, for instance) in :focus-visible.")
            visible.fail(node, message, (
                "The page's own focus handlers on it or around it may show an indicator "
                "that did not appear here: check with the keyboard.")
                if element["handlers"] else "")
        cover = facts["hidden"].get(index)
        if cover:
            obscured.failed.append(Node(node.target, node.html, (
                f"With the keyboard focus, this element is entirely hidden by "
                f"{cover['target']} ({cover['html'][:120]}), which is fixed or sticky: "
                "keep room for it (scroll-padding as large as the covering element) or move "
                "it out of the way.")))
        elif index in facts["hidden"]:
            obscured.passed.append(node)
    if facts["trap"]:
        # The elements of the round that kept the focus (others had it only a moment).
        stayed = set(facts["states"])
        cycle = [i for i in facts["trap"]["cycle"] if i in stayed] or facts["trap"]["cycle"]
        way_out = facts["trap"]["way_out"]
        first = elements[cycle[0]]
        node = Node(first["target"], first["html"])
        others = ", ".join(elements[i]["target"] for i in cycle[1:4])
        where = f" (with {others})" if others else ""
        if way_out:
            trap.passed.append(node)
        else:
            message = (f"The keyboard focus is caught here{where}: Tab only goes round "
                       "within, and neither Shift+Tab, Escape nor a key combination the page "
                       "names moves it elsewhere. Let Tab and Shift+Tab leave, or say on the "
                       "page which key does.")
            doubt = ""
            # Round the whole page: perhaps a screen that keeps the focus on purpose.
            if len(cycle) >= len(elements):
                doubt = ("The round takes in every element of the page: check whether the "
                         "page means to keep the focus (a kiosk screen) and says how to "
                         "leave.")
            elif any(elements[i]["link"] or elements[i]["dialog"] for i in cycle):
                doubt = ("A link in it may lead out, or a control in the dialog close it: "
                         "check whether one does.")
            trap.fail(node, message, doubt)
    elif reached:
        trap.passed.append(Node("html", "<html>"))
    return {VISIBLE: visible, OBSCURED: obscured, TRAP: trap}


CHECK = Check((VISIBLE, OBSCURED, TRAP), gather, evaluate, when="once", interacts=True,
              budget=25.0)

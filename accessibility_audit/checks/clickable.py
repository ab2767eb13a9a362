"""Elements that act on a click but that a keyboard cannot reach (WCAG 2.1.1 Keyboard):
a ``<div>`` or an image a script listens on for clicks, which Tab never stops at.

Finding what acts on click: a page's own listeners are invisible to a script, even in the
scanner's isolated world; the browser's debugger sees them. One DevTools command,
``DOMDebugger.getEventListeners`` on the document with ``depth: -1``, lists the page's
listeners on every node (``onclick`` attributes and properties included) with the node
each is on; each listening element is then resolved into the isolated world, where the
gatherer (``gather/clicks.js``) reads what a keyboard has of it. The listeners are asked
of the page's own world: asked from the isolated one across worlds (``pierce``),
Chromium's tab crashed later in the audit. Listeners on the window, the document,
``<html>`` or ``<body>`` act for the whole page (a menu closed by a click anywhere, a
framework's delegation): they are no evidence about any one element, so only what looks
clickable under them — a pointer cursor of its own, and no keyboard way — is given for
review, a few per page.

Judged, for an element with a listener of its own, seen and not inert, disabled or
behind a modal dialog:

- It passes if it is in the Tab order itself (focusable and tabindex ≥ 0), lies inside
  an element that is (a span in a button, a label's text and its control), holds one (a
  card whose link goes where its click does, a list that delegates to its links), or is
  an item of a composite widget (tabs, menu, listbox) Tab reaches, whose items the
  arrow keys move between. tabindex="-1" takes an element out of the Tab order.
- It fails if it is made to be clicked — a pointer cursor or a widget role — and a
  click, mouse or pointer listener is on it: nothing else on the page can be told to do
  what it does.
- It needs review where the keyboard way may exist but cannot be told without acting:
  a custom element (its controls may be in a closed shadow tree); role="presentation";
  a link of the same name (or, for a picture, the one link) in its card or row; an area
  as large as half the screen (“click anywhere to continue”; with a dialog open, it is
  the dialog's backdrop, which the dialog's own controls stand for, and is not judged);
  only touch listeners; or no sign that a click is meant to do anything (an analytics
  listener looks the same).

False failures are worse than misses: what a listener does is never run, so an element
fails only where every sign says a visitor is meant to click it and a keyboard cannot.
The check reads the page and never clicks, once per page; it costs a few DevTools
commands and one per listening element (at most ``MAX_ELEMENTS``, for ``RESOLVING``
seconds at most: then the elements found so far are judged)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from selenium.common.exceptions import WebDriverException

from accessibility_audit.checks.check import Check
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.results import Node, Outcomes

RULE = "click-keyboard-reachable"
SCRIPT = gatherer("clicks")
# The events by which an element acts on a pointer: a click, or its parts.
MOUSE = ("click", "mousedown", "mouseup", "pointerdown", "pointerup", "dblclick")
TOUCH = ("touchstart", "touchend")
# Listening elements looked at per page, in document order; elements with many
# listeners are few on most pages, thousands on a page that listens on every cell.
MAX_ELEMENTS = 300
# Seconds spent finding listening elements again, one DevTools command each (4 ms on a
# loaded machine); the rest of the elements are not judged.
RESOLVING = 3.0
# An element as large as this share of the screen is an area, not a control.
AREA = 0.5
OBJECTS = "a11y-audit-clicks"


def listening(listeners: list[dict[str, Any]]) -> dict[int, list[str]]:
    """The pointer events listened for on each node (by backend node id), in the order
    the browser lists them: document order."""
    found: dict[int, list[str]] = {}
    for listener in listeners:
        kind, node = listener.get("type"), listener.get("backendNodeId")
        if node and kind in MOUSE + TOUCH:
            kinds = found.setdefault(node, [])
            if kind not in kinds:
                kinds.append(kind)
    return found


def page_nodes(tree: dict[str, Any]) -> set[int]:
    """The backend node ids of the document, ``<html>``, ``<head>`` and ``<body>`` in
    ``tree`` (``DOM.getDocument``'s root, two levels deep)."""
    found = {tree.get("backendNodeId", 0)}
    for child in tree.get("children", ()):
        if child.get("nodeType") == 1:
            found.add(child["backendNodeId"])
            found.update(c["backendNodeId"] for c in child.get("children", ())
                         if c.get("nodeType") == 1)
    return found


def gather(page: PageContext) -> dict[str, Any]:
    cdp, context = _devtools(page)
    facts: dict[str, Any] = {"elements": [], "pointers": [], "listening": 0}
    try:
        # The page's listeners are its own world's: asked there, of the whole tree
        # (depth -1). Asked from the isolated world (pierce), the browser wraps the
        # page's functions for it, and the tab crashes later in the audit.
        # ``document`` cannot be redefined by a page ([LegacyUnforgeable]).
        document = cdp("Runtime.evaluate", {"expression": "document",
                                            "objectGroup": OBJECTS})["result"]["objectId"]
        found = listening(cdp("DOMDebugger.getEventListeners", {
            "objectId": document, "depth": -1, "pierce": False})["listeners"])
        facts["listening"] = len(found)
        if not found:
            return facts
        whole = page_nodes(cdp("DOM.getDocument", {"depth": 2})["root"])
        window = cdp("Runtime.evaluate", {"expression": "window",
                                          "objectGroup": OBJECTS})["result"]["objectId"]
        delegated = any(listener.get("type") == "click" for listener in cdp(
            "DOMDebugger.getEventListeners", {"objectId": window, "depth": 0})["listeners"])
        delegated = delegated or any(
            "click" in kinds for node, kinds in found.items() if node in whole)
        kinds: list[list[str]] = []
        handles: list[dict[str, str]] = []
        # One command per element (the whole tree in one costs seconds on a large page).
        started = time.monotonic()
        for node, events in found.items():
            if node in whole:
                continue
            if len(handles) >= MAX_ELEMENTS or time.monotonic() - started > RESOLVING:
                break
            resolve: dict[str, Any] = {"backendNodeId": node, "objectGroup": OBJECTS}
            if context is not None:
                resolve["executionContextId"] = context
            try:
                handle = cdp("DOM.resolveNode", resolve).get("object", {}).get("objectId")
            except WebDriverException:
                handle = None
            if handle is not None:  # else a node of another document (a frame's)
                kinds.append(events)
                handles.append({"objectId": handle})
        page.check_time()
        where = {"executionContextId": context} if context is not None else {
            "objectId": document}
        answer = cdp("Runtime.callFunctionOn", {
            "functionDeclaration": f"function () {{\n{SCRIPT}\n}}", **where,
            "arguments": [{"value": delegated}, {"value": kinds}, *handles],
            "returnByValue": True})
    finally:
        cdp("Runtime.releaseObjectGroup", {"objectGroup": OBJECTS})
    if "exceptionDetails" in answer:
        details = answer["exceptionDetails"]
        text = (details.get("exception") or {}).get("description") or details.get("text")
        raise WebDriverException(f"the gathering script failed: {text}")
    facts.update(answer["result"]["value"])
    return facts


def _devtools(page: PageContext) -> tuple[Callable[[str, dict[str, Any]], Any], int | None]:
    """DevTools commands for the page, and the scanner's isolated world's context (None
    for the page's own, on a page the scanner does not audit)."""
    if page.world is not None:
        return page.world.cdp, page.world.context()
    return page.cdp, None


def evaluate(facts: dict[str, Any]) -> dict[str, Outcomes]:
    outcomes = Outcomes()
    for element in facts["elements"]:
        node = Node(element["target"], element["html"])
        if element["focusable"] or element["within"] or element["holds"] or element["roving"]:
            outcomes.passed.append(node)
            continue
        mouse = [kind for kind in element["types"] if kind in MOUSE]
        listens = _listens(element["types"])
        if element["share"] >= AREA:
            if not element["dialog"]:  # else the backdrop of a dialog, closed by its own way
                outcomes.review.append(Node(node.target, node.html, (
                    f"A script acts on {listens} anywhere on this area, as large as "
                    f"{element['share']:.0%} of the screen, which the keyboard cannot reach. "
                    "If a click on it does something (a “click anywhere to continue”), give "
                    "the keyboard a control that does the same.")))
            continue
        message = _message(element, listens)
        if element["custom"]:
            outcomes.review.append(Node(node.target, node.html, (
                f"{message} It is a custom element whose own controls may lie in a closed "
                "shadow tree the scanner cannot see: check with the keyboard.")))
        elif element["role"] in ("presentation", "none"):
            outcomes.review.append(Node(node.target, node.html, (
                f"{message} Its role says it is no control: check whether a click on it "
                "does something.")))
        elif element["near"]:
            near = element["near"]
            outcomes.review.append(Node(node.target, node.html, (
                f"{message} {near['target']} ({near['html'][:120]}) near it may be the "
                "keyboard's way to do the same: check that it does.")))
        elif mouse and (element["pointer"] or element["widget"]):
            outcomes.failed.append(Node(node.target, node.html, message))
        elif mouse:
            outcomes.review.append(Node(node.target, node.html, (
                f"{message} Nothing shows it is meant to be clicked (no pointer cursor, no "
                "role): check whether a click on it does something.")))
        else:
            outcomes.review.append(Node(node.target, node.html, (
                f"{message} Only touch is listened for, perhaps to swipe: check whether a "
                "touch on it does something a key cannot.")))
    for item in facts["pointers"]:
        outcomes.review.append(Node(item["target"], item["html"], (
            "This element looks clickable (a pointer cursor of its own) and a script listens "
            "for clicks on the whole page, which may act for it, but the keyboard cannot "
            "reach it. If a click on it does something, make it a button or link, or give "
            "it tabindex=\"0\" and handle Enter and Space.")))
    return {RULE: outcomes}


def _listens(types: list[str]) -> str:
    return "clicks" if "click" in types else " and ".join(types[:3]) + " events"


def _message(element: dict[str, Any], listens: str) -> str:
    what = f"role=\"{element['role']}\" " if element["role"] else ""
    why = ("tabindex=\"-1\" takes it out of the Tab order"
           if element["negative"] else "it is not focusable")
    return (f"A script acts on {listens} on this {what}<{element['tag']}>, but the keyboard "
            f"cannot reach it: {why}, and it is neither inside nor around a control. Make it "
            "a <button> or a link, or give it tabindex=\"0\" and act on Enter and Space as "
            "on a click.")


CHECK = Check((RULE,), gather, evaluate, when="once", budget=10.0)

"""The idle reset warns first: a dialog with a control that extends the time, and at
least 20 seconds to use it (WCAG 2.2.1 Timing Adjustable)."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks.check import Check
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.results import Node, Outcomes

RULE = "stand-idle-warning"
SCRIPT = gatherer("stand/idle", "stand")
MIN_COUNTDOWN = 20  # seconds, WCAG 2.2.1
PAGE = Node("html", "<html>")


def gather(page: PageContext) -> dict[str, Any]:
    found: dict[str, Any] = page.run_script(SCRIPT)
    return found


def problems(found: dict[str, Any]) -> list[Node]:
    settings, dialog, extend = found["settings"], found["dialog"], found["extend"]
    if settings is None:
        return [Node("html", "<html>", "The page has no stand settings (#kiosk-settings), "
                     "so it has no idle reset with a warning.")]
    if settings.get("preview"):
        return []  # a preview of a draft never resets: there is nothing to warn of
    found_problems = []
    if dialog is None:
        found_problems.append(Node("body", "<body>", "The stand resets after "
                                   f"{settings.get('idle')} s without a warning dialog."))
    elif extend is None:
        found_problems.append(Node(dialog[0], dialog[1], "The idle warning has no control to "
                                   "extend the time (data-idle=\"extend\")."))
    else:
        selector, html, operable, text, spoken = extend
        if not operable or not text:
            found_problems.append(Node(selector, html, "The control that extends the time is "
                                       "not a button or link with a name."))
        elif not spoken:
            found_problems.append(Node(selector, html, "The control that extends the time has "
                                       "no speech key (data-say)."))
    countdown = settings.get("countdown") or 0
    if countdown < MIN_COUNTDOWN:
        where = dialog or ("#kiosk-settings", "<script id=\"kiosk-settings\">")
        found_problems.append(Node(where[0], where[1], f"The warning counts down {countdown} s; "
                                   f"a visitor needs at least {MIN_COUNTDOWN} s to ask for more "
                                   "time."))
    return found_problems


def evaluate(found: dict[str, Any]) -> dict[str, Outcomes]:
    failed = problems(found)
    return {RULE: Outcomes(failed=failed, passed=[] if failed else [PAGE])}


CHECK = Check((RULE,), gather, evaluate)

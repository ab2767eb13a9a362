"""Keypad reachability with real key presses: the arrows a stand's keypad has, and Tab.

Every visible control must take the focus on the way down with the Down arrow and on
the way through with Tab, and wherever the arrows stop, some key must move the focus
on (WCAG 2.1.1 and 2.1.2; EN 301 549 5.1.6). Enter and Space are never pressed, so no
link is followed and no form is sent."""

from __future__ import annotations

from dataclasses import dataclass

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit.stand.rules import Node
from accessibility_audit.stand.scripts import script

FOCUS_LOG = "var log = window.__standFocus || []; window.__standFocus = []; return log;"
FOCUSED = "return (window.__standControls || []).indexOf(document.activeElement);"
BLUR = ("if (document.activeElement && document.activeElement !== document.body) "
        "{ document.activeElement.blur(); }")


@dataclass(frozen=True)
class Control:
    selector: str
    html: str
    group: str  # radio buttons of one name share a group: Tab stops at one of them


def check(driver: WebDriver) -> tuple[list[Node], list[Node]]:
    """(unreachable controls, traps) on the page as it is now."""
    controls = [Control(*row) for row in driver.execute_script(script("controls"))]
    if not controls:
        return [], []
    presses = len(controls) + 2
    by_arrows = _walk(driver, Keys.ARROW_DOWN * presses)
    trap = _trap(driver, controls)
    driver.execute_script(BLUR)
    # Tab goes on from where the focus last was, not from the top, and leaves the page
    # after the last control before it comes back to the first: twice round is enough.
    by_tab = _walk(driver, Keys.TAB * (2 * presses))
    driver.execute_script(BLUR)
    unreachable = []
    for index, control in enumerate(controls):
        missed = []
        if index not in by_arrows:
            missed.append("the arrow keys")
        if not _reached(index, controls, by_tab):
            missed.append("Tab")
        if missed:
            unreachable.append(Node(control.selector, control.html,
                                    f"Not reached with {' nor with '.join(missed)}: a keypad "
                                    "user cannot get to this control."))
    return unreachable, [trap] if trap else []


def _walk(driver: WebDriver, keys: str) -> set[int]:
    driver.execute_script(FOCUS_LOG)
    ActionChains(driver).send_keys(keys).perform()
    return {index for index in driver.execute_script(FOCUS_LOG) if index >= 0}


def _trap(driver: WebDriver, controls: list[Control]) -> Node | None:
    """Where the arrows stopped, Up, Tab or Shift+Tab must move the focus away."""
    stuck = driver.execute_script(FOCUSED)
    if stuck < 0 or len(controls) < 2:
        return None
    for modifier, key in ((None, Keys.ARROW_UP), (None, Keys.TAB), (Keys.SHIFT, Keys.TAB)):
        actions = ActionChains(driver)
        if modifier:
            actions.key_down(modifier)
        actions.send_keys(key)
        if modifier:
            actions.key_up(modifier)
        actions.perform()
        if driver.execute_script(FOCUSED) != stuck:
            return None
    control = controls[stuck]
    return Node(control.selector, control.html,
                "The focus cannot leave this control with Up, Tab or Shift+Tab.")


def _reached(index: int, controls: list[Control], reached: set[int]) -> bool:
    group = controls[index].group
    if not group:
        return index in reached
    return any(controls[other].group == group for other in reached)

"""axe-core in every frame, cross-origin ones included.

axe-selenium-python injects axe into the top document only, so iframes (embedded
forms, maps, widgets) would go unaudited. As Deque's own WebDriver integrations do
since axe 4.3, we switch into each frame with WebDriver (which may enter any
origin), inject axe there and run ``axe.runPartial``; ``axe.finishRun`` then
combines the parts, and results inside frames carry the frame's selector in their
target. A frame that cannot be entered is passed on as ``null``, which axe reports
through its ``frame-tested`` rule instead of staying silent.

The axe-core build is the one ``make install`` fetches from the npm registry
(``INSTALLED_AXE``, the current release); only when that file is absent (a scanner
installed without ``make install``) does the older build bundled in
axe-selenium-python stand in. Every result names the version that made it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from axe_selenium_python.axe import _DEFAULT_SCRIPT
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit.checks.selection import axe_rule_ids

BUNDLED_AXE = Path(_DEFAULT_SCRIPT)
# Where the Makefile installs axe-core (its AXE_VERSION) in a checkout.
INSTALLED_AXE = (Path(__file__).resolve().parents[2] / ".tools" / "axe-core" / "node_modules"
                 / "axe-core" / "axe.min.js")
WHOLE_PAGE: dict[str, Any] = {"exclude": []}
MAX_FRAME_DEPTH = 8  # frames within frames; deeper nesting is almost always a trap

_FRAMES = "return axe.utils.getFrameContexts(arguments[0], arguments[1])"
_RUN_PARTIAL = """
const [context, options, done] = arguments;
axe.runPartial(context, options).then(done, (error) => done({__error: String(error)}));
"""
# One round trip: a page without frames is audited at once; a page with frames
# answers {__frames: true} and is audited frame by frame instead.
_RUN_UNLESS_FRAMES = """
const [context, options, done] = arguments;
if (axe.utils.getFrameContexts(context, options).length) {
  done({__frames: true});
} else {
  axe.run(context, options).then(done, (error) => done({__error: String(error)}));
}
"""
_FINISH_RUN = """
const [partials, options, done] = arguments;
axe.finishRun(partials, options).then(done, (error) => done({__error: String(error)}));
"""


# axe's color-contrast-enhanced (1.4.6) leaves out text under 4.5:1 (3:1 large),
# assuming color-contrast (1.4.3) reports it. Such text fails 1.4.6 as well, and a
# check of 7:1 alone (a stand's high-contrast mode) must not pass it.
_WHOLE_AAA_CONTRAST = """
const enhanced = axe._audit && axe._audit.checks["color-contrast-enhanced"];
const ratios = enhanced && enhanced.options && enhanced.options.contrastRatio;
if (ratios) {
  for (const size of Object.keys(ratios)) delete ratios[size].minThreshold;
}
"""


class AxeFailed(RuntimeError):
    """axe-core itself reported an error on this page."""


def default_axe() -> Path:
    """The axe-core build a scan runs unless told otherwise."""
    return INSTALLED_AXE if INSTALLED_AXE.is_file() else BUNDLED_AXE


class AxeScript:
    """The axe-core build a scan uses, read once."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_axe()
        self.source = self.path.read_text(encoding="utf-8")

    @property
    def version(self) -> str:
        """The version the build's banner names ("4.14.1"), or "unknown"."""
        match = re.search(r"axe v(\S+)", self.source[:200])
        return match.group(1) if match else "unknown"

    def rule_ids(self) -> tuple[str, ...]:
        """The ids of the rules in this build."""
        return axe_rule_ids(self.source)

    def inject(self, driver: WebDriver) -> None:
        driver.execute_script(
            "if (!window.axe || !window.axe.runPartial) {" + self.source + "\n}"
            + _WHOLE_AAA_CONTRAST)


def run_everywhere(driver: WebDriver, axe: AxeScript, options: dict[str, Any]) -> dict:
    """axe results for the page in ``driver``'s top document and all its frames."""
    driver.switch_to.default_content()
    axe.inject(driver)
    # Without frames, one plain axe.run gives the same result as the parts would,
    # without sending partial results back and forth.
    result = driver.execute_async_script(_RUN_UNLESS_FRAMES, WHOLE_PAGE, options)
    if isinstance(result, dict) and result.get("__frames"):
        partials = _partials(driver, axe, WHOLE_PAGE, options, depth=0)
        driver.switch_to.default_content()
        result = driver.execute_async_script(_FINISH_RUN, partials, options)
    if isinstance(result, dict) and "__error" in result:
        raise AxeFailed(result["__error"])
    return result


def _partials(driver: WebDriver, axe: AxeScript, context: Any, options: dict[str, Any],
              depth: int) -> list[Any]:
    axe.inject(driver)
    # The frame list must be taken before runPartial, as axe expects.
    frames = driver.execute_script(_FRAMES, context, options)
    partial = driver.execute_async_script(_RUN_PARTIAL, context, options)
    if isinstance(partial, dict) and "__error" in partial:
        raise AxeFailed(partial["__error"])
    partials: list[Any] = [partial]
    for frame in frames:
        partials.extend(_frame_partials(driver, axe, frame, options, depth + 1))
    return partials


def _frame_partials(driver: WebDriver, axe: AxeScript, frame: dict[str, Any],
                    options: dict[str, Any], depth: int) -> list[Any]:
    if depth > MAX_FRAME_DEPTH:
        return [None]
    try:
        element = driver.execute_script(
            "return axe.utils.shadowSelect(arguments[0])", frame["frameSelector"])
        driver.switch_to.frame(element)
    except WebDriverException:
        return [None]
    try:
        return _partials(driver, axe, frame["frameContext"], options, depth)
    except (WebDriverException, AxeFailed):
        return [None]
    finally:
        driver.switch_to.parent_frame()

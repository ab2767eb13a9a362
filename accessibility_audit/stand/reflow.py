"""Reflow on a stand: no sideways scrolling on the stand's own screens, in every mode.

The scanner's reflow check (WCAG 1.4.10) also looks at 320 CSS px wide, as a website
must reflow for a phone or 400 % zoom. A stand is closed functionality with fixed
screens and no zoom: WCAG2ICT notes that kiosks often cannot reflow, and EN 301 549
asks for a large-type mode instead (5.1.4). So on a stand the same check runs at the
stand's portrait and landscape screens only."""

from __future__ import annotations

from typing import Any

from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit.checks import reflow
from accessibility_audit.checks.context import PageContext
from accessibility_audit.checks.runner import axe_entries
from accessibility_audit.engine.launch import Viewport
from accessibility_audit.fetching import Fetcher

RULE = "reflow"


def check(driver: WebDriver, url: str, viewport: Viewport,
          fetcher: Fetcher) -> dict[str, list[dict[str, Any]]]:
    """The reflow rule's axe entries for the page as shown now, at ``viewport``."""

    def stay(_other: Viewport) -> None:
        raise AssertionError("the stand's reflow check never changes the screen size")

    page = PageContext(driver, url, viewport, fetcher, stay)
    return axe_entries(reflow.at_viewport(page, frozenset({RULE})))

"""What a check is given: the page in the browser, the viewport it is shown at,
the way to show it at another, and plain HTTP for what lies beyond the page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit.engine.launch import Viewport
from accessibility_audit.fetching import Fetcher

_GATHER = files("accessibility_audit.checks").joinpath("gather")
_COMMON = _GATHER.joinpath("common.js").read_text()


def gatherer(name: str) -> str:
    """A gathering script, with the helpers all of them share."""
    return _COMMON + "\n" + _GATHER.joinpath(f"{name}.js").read_text()


@dataclass
class PageContext:
    driver: WebDriver
    url: str
    viewport: Viewport
    fetcher: Fetcher | None
    # Shows the page at another viewport and waits for it to settle.
    resize: Callable[[Viewport], None]
    # What checks learn beyond the page (where a link leads), kept for the whole scan.
    cache: dict[str, Any] = field(default_factory=dict)

    def gather(self, script: str, *arguments: Any) -> Any:
        self.driver.switch_to.default_content()
        return self.driver.execute_script(script, *arguments)

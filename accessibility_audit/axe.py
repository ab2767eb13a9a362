"""Running axe-core on the page a driver shows, as a scan does: the build a scan runs
(engine.frames.AxeScript: the release `make install` fetched), in every frame."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit.engine.frames import AxeScript, run_everywhere

# WCAG 2.2 A and AA (every version's tags) plus axe's best practices.
STANDARD_TAGS: tuple[str, ...] = (
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice",
)


@dataclass(frozen=True)
class Finding:
    rule: str
    impact: str | None
    help: str
    targets: tuple[str, ...]

    def describe(self) -> str:
        return f"{self.rule} ({self.impact}): {self.help} at {', '.join(self.targets)}"


@functools.cache
def _axe() -> AxeScript:
    return AxeScript()


def run_axe(driver: WebDriver, tags: tuple[str, ...] = STANDARD_TAGS,
            rules: tuple[str, ...] = ()) -> dict[str, Any]:
    """Run axe on the current page, limited to ``rules`` if given, else to ``tags``."""
    only = {"type": "rule", "values": list(rules)} if rules else {
        "type": "tag", "values": list(tags)}
    return run_everywhere(driver, _axe(), {"runOnly": only, "resultTypes": ["violations"]})


def violations(driver: WebDriver, tags: tuple[str, ...] = STANDARD_TAGS,
               rules: tuple[str, ...] = ()) -> list[Finding]:
    results = run_axe(driver, tags, rules)
    return [
        Finding(item["id"], item.get("impact"), item["help"],
                tuple(" ".join(map(str, node["target"])) for node in item["nodes"]))
        for item in results["violations"]
    ]

"""Running axe-core (as bundled with axe-selenium-python) on the page a driver shows."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from axe_selenium_python import Axe
from selenium.webdriver.remote.webdriver import WebDriver

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


def run_axe(driver: WebDriver, tags: tuple[str, ...] = STANDARD_TAGS) -> dict[str, Any]:
    axe = Axe(driver)
    axe.inject()
    options = {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]}
    return axe.run(options=json.dumps(options))


def violations(driver: WebDriver, tags: tuple[str, ...] = STANDARD_TAGS) -> list[Finding]:
    results = run_axe(driver, tags)
    return [
        Finding(item["id"], item.get("impact"), item["help"],
                tuple(" ".join(map(str, node["target"])) for node in item["nodes"]))
        for item in results["violations"]
    ]

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


def run_axe(driver: WebDriver, tags: tuple[str, ...] = STANDARD_TAGS,
            rules: tuple[str, ...] = ()) -> dict[str, Any]:
    """Run axe on the current page, limited to ``rules`` if given, else to ``tags``."""
    axe = Axe(driver)
    axe.inject()
    only = {"type": "rule", "values": list(rules)} if rules else {
        "type": "tag", "values": list(tags)}
    options = {"runOnly": only, "resultTypes": ["violations"]}
    return axe.run(options=json.dumps(options))


def violations(driver: WebDriver, tags: tuple[str, ...] = STANDARD_TAGS,
               rules: tuple[str, ...] = ()) -> list[Finding]:
    results = run_axe(driver, tags, rules)
    return [
        Finding(item["id"], item.get("impact"), item["help"],
                tuple(" ".join(map(str, node["target"])) for node in item["nodes"]))
        for item in results["violations"]
    ]

"""Runs the selected own checks on a page: gathers within each check's time budget,
evaluates, and keeps the outcomes of the selected rules.

A check that fails with a script error or runs out of time costs only its own rules:
the page keeps axe's results and the others', and the error is reported with the page
(kind "check-error"). A browser that is gone is not a check's error: it is raised, for
the page auditor to replace the browser."""

from __future__ import annotations

import time

from selenium.common.exceptions import WebDriverException

from accessibility_audit.browser import browser_gone
from accessibility_audit.checks.check import Check
from accessibility_audit.checks.context import OutOfTime, PageContext
from accessibility_audit.checks.registry import CHECKS
from accessibility_audit.checks.results import OwnResults
from accessibility_audit.checks.rule import Rule
from accessibility_audit.model import PageError


class CheckRunner:
    def __init__(self, rules: tuple[Rule, ...], narrow: bool = True) -> None:
        self.rule_ids = frozenset(rule.id for rule in rules)
        self.checks = [check for check in CHECKS if self.rule_ids.intersection(check.rules)
                       and (narrow or not check.narrow)]

    def __bool__(self) -> bool:
        return bool(self.checks)

    @property
    def reading(self) -> list[Check]:
        """Checks that read the page at each viewport, right after axe."""
        return [c for c in self.checks if c.when == "each-viewport" and not c.interacts]

    @property
    def driving(self) -> list[Check]:
        """Checks that drive the page at each viewport, after every reading look."""
        return [c for c in self.checks if c.when == "each-viewport" and c.interacts]

    @property
    def once(self) -> list[Check]:
        return [c for c in self.checks if c.when == "once"]

    def time_needed(self, viewports: int) -> float:
        """The most seconds the checks that drive the page at each viewport may add to
        it (the others take about as long as axe, whose time a page has already)."""
        return sum(c.budget for c in self.driving) * viewports

    def run(self, checks: list[Check], page: PageContext, errors: list[PageError]) -> OwnResults:
        found: OwnResults = {}
        page.rules = self.rule_ids
        for check in checks:
            page.deadline = time.monotonic() + check.budget
            try:
                outcomes = check.run(page)
            except (WebDriverException, OutOfTime) as error:
                if isinstance(error, WebDriverException) and (
                        browser_gone(error) or "renderer" in (error.msg or "")):
                    raise  # the browser stopped answering: the page auditor replaces it
                _report(check, error, errors)
                continue
            found.update((rule, o) for rule, o in outcomes.items() if rule in self.rule_ids)
        return found


def _report(check: Check, error: Exception, errors: list[PageError]) -> None:
    if isinstance(error, OutOfTime):
        reason = f"it ran out of its {check.budget:g} s time budget"
    else:
        reason = (getattr(error, "msg", None) or str(error)).strip()
    problem = PageError("check-error", f"the own check of {', '.join(check.rules)} "
                        f"failed: {reason}")
    if problem not in errors:
        errors.append(problem)

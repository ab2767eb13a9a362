"""Runs the selected own checks on a page and turns their outcomes into axe entries.

A check that fails with a script error or runs out of time costs only its own
rules: the page keeps axe's results and the others', and the error is reported
with the page (kind "check-error")."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from selenium.common.exceptions import JavascriptException, TimeoutException

from accessibility_audit.checks.context import PageContext
from accessibility_audit.checks.registry import CHECKS, Check
from accessibility_audit.checks.results import Outcome, Outcomes, rule_results
from accessibility_audit.checks.rules import RULES, Rule
from accessibility_audit.model import PageError

OwnResults = dict[str, Outcomes]


class CheckRunner:
    def __init__(self, rules: tuple[Rule, ...], narrow: bool = True) -> None:
        self.rule_ids = frozenset(rule.id for rule in rules)
        self.checks = [check for check in CHECKS if self.rule_ids.intersection(check.rules)
                       and (narrow or not check.narrow)]
        # Shared by all pages (and worker threads) of a scan; one address, one answer.
        self.cache: dict[str, Any] = {}

    def __bool__(self) -> bool:
        return bool(self.checks)

    def at_viewport(self, page: PageContext, errors: list[PageError]) -> OwnResults:
        return self._run([c for c in self.checks if c.when == "each-viewport"], page, errors)

    def once(self, page: PageContext, errors: list[PageError]) -> OwnResults:
        return self._run([c for c in self.checks if c.when == "once"], page, errors)

    def _run(self, checks: list[Check], page: PageContext,
             errors: list[PageError]) -> OwnResults:
        found: OwnResults = {}
        for check in checks:
            try:
                outcomes = check.run(page, self.rule_ids)
            except (JavascriptException, TimeoutException) as error:
                if "renderer" in (error.msg or ""):
                    raise  # the browser stopped answering: the page auditor replaces it
                problem = PageError("check-error", f"the own check of {', '.join(check.rules)} "
                                    f"failed: {error.msg}")
                if problem not in errors:
                    errors.append(problem)
                continue
            found.update((rule, o) for rule, o in outcomes.items() if rule in self.rule_ids)
        return found


def combine(*results: OwnResults) -> OwnResults:
    """One page result from several looks at it (each viewport, and once per page)."""
    combined: OwnResults = defaultdict(Outcomes)
    for result in results:
        for rule, outcomes in result.items():
            combined[rule].extend(outcomes)
    return dict(combined)


def axe_entries(results: OwnResults) -> dict[Outcome, list[dict[str, Any]]]:
    """The rules' entries under axe's four keys, in the order of the rule metadata."""
    entries: dict[Outcome, list[dict[str, Any]]] = defaultdict(list)
    for rule_id in RULES:
        if rule_id in results:
            for key, entry in rule_results(RULES[rule_id], results[rule_id]).items():
                entries[key].append(entry)
    return dict(entries)

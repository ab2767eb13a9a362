"""The checks that only read the page's markup, once per page: summary names
(``summary.py``), table header cells (``headers.py``) and ARIA properties where the
role prohibits them (``prohibited.py``). One script gathers the facts of all three, as
every call to the browser is a round trip that each page of a scan pays; each rule
keeps its own evaluation."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks import headers, prohibited, summary
from accessibility_audit.checks.check import Check
from accessibility_audit.checks.context import PageContext, gatherers
from accessibility_audit.checks.results import Outcomes

SCRIPT = gatherers("summary", "headers", "prohibited")


def gather(page: PageContext) -> dict[str, Any]:
    facts: dict[str, Any] = page.run_script(SCRIPT)
    return facts


def evaluate(facts: dict[str, Any]) -> dict[str, Outcomes]:
    return {**summary.evaluate(facts["summary"]), **headers.evaluate(facts["headers"]),
            **prohibited.evaluate(facts["prohibited"])}


CHECK = Check((summary.RULE, headers.RULE, prohibited.RULE), gather, evaluate, when="once")

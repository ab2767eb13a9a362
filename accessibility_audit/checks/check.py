"""A check: the code that decides one or more own rules, in two parts, as Lighthouse
splits gathering from scoring.

``gather(page)`` looks at the page in the browser (a script, key presses, a resize, a
request for what a link leads to) and returns plain facts; ``evaluate(facts)`` is pure
Python that turns the facts into outcomes per rule, so the judgement is unit-tested
without a browser, on facts written by hand.

When it runs: a check looks at each audited viewport (``each-viewport``) or once per
page (``once``). Checks that only read the page run right after axe-core at each
viewport; checks that drive it (``interacts``: keys, sizes, styles) run after every
viewport has been read, so that they change nothing another check or axe sees; checks
made once per page run last, in the registry's order. ``budget`` bounds the seconds a
gatherer may take, checked between its steps (``PageContext.check_time``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from accessibility_audit.checks.context import PageContext
from accessibility_audit.checks.results import Outcomes

When = Literal["each-viewport", "once"]


@dataclass(frozen=True)
class Check:
    rules: tuple[str, ...]
    gather: Callable[[PageContext], Any]
    evaluate: Callable[[Any], dict[str, Outcomes]]
    when: When = "each-viewport"
    interacts: bool = False
    budget: float = 30.0
    # Outcomes of a check made once per page belong to the first viewport's result (a
    # fact of the page), or to every viewport's (what the whole visit did).
    every_viewport: bool = False
    # Looks at the page at 320 CSS px wide, which a fixed screen (a stand) may forgo.
    narrow: bool = False

    def run(self, page: PageContext) -> dict[str, Outcomes]:
        return self.evaluate(self.gather(page))

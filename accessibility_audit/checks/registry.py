"""Every own check: which rules it decides, and whether it looks at the page at each
audited viewport or once per page (after the viewports, as it may resize)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from accessibility_audit.checks import language_check, reflow, target_size
from accessibility_audit.checks.context import PageContext
from accessibility_audit.checks.results import Outcomes


@dataclass(frozen=True)
class Check:
    rules: tuple[str, ...]
    when: Literal["each-viewport", "once"]
    run: Callable[[PageContext, frozenset[str]], dict[str, Outcomes]]
    # Looks at the page at 320 CSS px wide, which a fixed screen (a stand) may forgo.
    narrow: bool = False


CHECKS: tuple[Check, ...] = (
    Check(("page-language-matches-text", "part-language-matches-text",
           "language-version-exists"), "once",
          language_check.run),
    Check(("target-size-enhanced",), "each-viewport", target_size.run),
    Check(("reflow",), "each-viewport", reflow.at_viewport),
    # Last: it leaves the page at 320 px wide.
    Check(("reflow",), "once", reflow.narrow, narrow=True),
)

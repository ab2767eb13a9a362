"""The one shape every part of the scanner shares: what a page audit found, and at
what size it was looked at.

Engines produce these, the store keeps them, reporters only format them (pa11y's
runner/reporter split), so a new report format or engine touches one module. Value
types only: this module imports nothing of the scanner, so every layer may use it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Outcome = Literal["violation", "incomplete"]
PageStatus = Literal["audited", "failed", "blocked"]
IMPACTS: tuple[str, ...] = ("critical", "serious", "moderate", "minor")
# The error kind of a page that interfered with its audit (engine/interference.py):
# failed, and never excused as a page that merely could not be reached.
INTERFERED = "interfered"


@dataclass(frozen=True)
class Viewport:
    name: str
    width: int
    height: int
    mobile: bool = False


VIEWPORTS = {
    "desktop": Viewport("desktop", 1280, 800),
    "mobile": Viewport("mobile", 375, 667, mobile=True),
}


@dataclass(frozen=True)
class Issue:
    """One element that fails (or needs review against) one axe rule on one page."""

    rule: str
    outcome: Outcome
    impact: str | None
    criteria: tuple[str, ...]
    selector: str
    html: str
    summary: str
    help: str
    help_url: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageError:
    """Why a page could not be audited (or audited only with a caveat)."""

    kind: str
    reason: str


@dataclass
class PageAudit:
    url: str
    viewport: str
    status: PageStatus
    final_url: str | None = None
    http_status: int | None = None
    title: str | None = None
    seconds: float = 0.0
    axe_version: str | None = None
    issues: list[Issue] = field(default_factory=list)
    passes: int = 0
    passed_rules: tuple[str, ...] = ()
    inapplicable: int = 0
    errors: list[PageError] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    raw: dict[str, Any] | None = None

    @property
    def violations(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.outcome == "violation"]

    @property
    def rules_violated(self) -> set[str]:
        return {issue.rule for issue in self.violations}


def failed(url: str, viewport: str, kind: str, reason: str, *,
           status: PageStatus = "failed", http_status: int | None = None) -> PageAudit:
    """A page that was not audited, with the one reason why."""
    return PageAudit(url=url, viewport=viewport, status=status, http_status=http_status,
                     errors=[PageError(kind, reason)])

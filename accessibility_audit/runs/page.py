"""One page in a browser someone else drives — a test's — through the scanner's real
engine: the settle wait, axe-core in every frame (with the scanner's fix that holds all
text to 7:1 for enhanced contrast), and, if asked, the own checks that fit a page shown
as it is (none that resizes it). The kiosk's browser tests use ``violations``::

    assert not violations(driver), "\\n".join(f.describe() for f in violations(driver))
"""

from __future__ import annotations

from functools import cache

from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit import wcag
from accessibility_audit.checks.selection import own_rule_ids
from accessibility_audit.engine.audit import AuditSettings, PageAuditor
from accessibility_audit.engine.frames import AxeScript
from accessibility_audit.evaluation import Finding, findings_of
from accessibility_audit.model import PageAudit, Viewport
from accessibility_audit.options import Profile
from accessibility_audit.store.repository import StoredPage
from accessibility_audit.urls import origin

SIZE = "return [window.innerWidth, window.innerHeight]"


class PageNotAudited(RuntimeError):
    """axe-core (or a required check) could not audit the page: nothing may be
    concluded from it, least of all that it has no violations."""


@cache
def _axe() -> AxeScript:
    return AxeScript()


def audit_page(driver: WebDriver, *, standard: str = "wcag22aa", best_practice: bool = True,
               rules: tuple[str, ...] = (), skip: tuple[str, ...] = (),
               own_checks: bool = False, profile: Profile = "default") -> PageAudit:
    """The page ``driver`` shows, audited as it is at its current size: axe-core's rules
    of ``standard`` (and best practice) in ``profile``, or only ``rules``, without
    ``skip``; with ``own_checks``, the scanner's own checks of that standard too."""
    if not own_checks:
        skip = (*skip, *(rule for rule in own_rule_ids() if rule not in rules))
    width, height = driver.execute_script(SIZE)
    viewport = Viewport("shown", width, height)
    settings = AuditSettings(tags=wcag.tags_for(standard, best_practice), viewports=(viewport,),
                             only=rules, skip=skip, media_loaded=True, reflow_320=False,
                             profile=profile)
    return PageAuditor(settings, _axe(), None).audit_shown(driver, viewport,
                                                           origin(driver.current_url))


def violations(driver: WebDriver, *, rules: tuple[str, ...] = (), standard: str = "wcag22aa",
               best_practice: bool = True, own_checks: bool = False) -> list[Finding]:
    """The violation findings of the page ``driver`` shows (see :func:`audit_page`), one
    per rule and element; :class:`PageNotAudited` if axe-core could not run."""
    page = audit_page(driver, standard=standard, best_practice=best_practice, rules=rules,
                      own_checks=own_checks)
    if page.status != "audited":
        raise PageNotAudited("; ".join(f"{e.kind}: {e.reason}" for e in page.errors))
    stored = StoredPage.of(page, origin(page.url))
    return [finding for finding in findings_of([stored]) if finding.counts_as_violation]

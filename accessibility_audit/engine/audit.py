"""Auditing one page in one browser: open it, let it settle, check it is the real
page, run axe in every frame and the own checks (accessibility_audit.checks), and say
plainly what went wrong.

Everything the scanner runs in the page — the settle wait, the page's facts, axe and
the own checks' gathering scripts — runs in the scanner's isolated world
(:mod:`accessibility_audit.engine.world`), out of the page's scripts' reach; a page
that changes the shared DOM under the audit fails as ``interfered``
(:mod:`accessibility_audit.engine.interference`), never passes as clean.

At each viewport, axe runs and then the own checks that read the page; then, at each
viewport again, the checks that drive it (key presses); then the checks made once per
page. Website scans and stand audits alike go through here: what differs is data in
:class:`AuditSettings` — the tags of a standard, e.g. ``wcag.tags_for("wcag22aaa")``,
which select axe's rules and the own checks alike, optionally ``only``/``skip`` rule
ids, the kind of audit (``"stand"`` adds the stand's own checks), ``reflow_320=False``
for a fixed screen, and whether a check that fails fails the page::

    settings = AuditSettings(tags=wcag.tags_for("wcag22aaa", best_practice=True),
                             viewports=(Viewport("portrait", 1080, 1920),))
    pages = PageAuditor(settings, AxeScript(), fetcher).audit(browser, url, site, False)
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from importlib.resources import files
from typing import Any

from selenium.common.exceptions import (
    JavascriptException,
    TimeoutException,
    UnexpectedAlertPresentException,
    WebDriverException,
)
from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit import wcag
from accessibility_audit.browser import browser_gone
from accessibility_audit.checks.check import Check
from accessibility_audit.checks.context import PageContext, ScanMemo
from accessibility_audit.checks.results import OwnResults, axe_entries, combine, merge
from accessibility_audit.checks.rule import Audit, Rule
from accessibility_audit.checks.runner import CheckRunner
from accessibility_audit.checks.selection import axe_selection, own_rules
from accessibility_audit.engine import interference, preflight
from accessibility_audit.engine.blocking import blocked_reason
from accessibility_audit.engine.frames import WATCH_SCRIPT, AxeFailed, AxeScript, run_everywhere
from accessibility_audit.engine.launch import Browser
from accessibility_audit.engine.world import AuditWorld, DocumentReplaced
from accessibility_audit.fetching import Fetcher
from accessibility_audit.model import (
    Issue,
    Outcome,
    PageAudit,
    PageError,
    PageStatus,
    Viewport,
    failed,
)
from accessibility_audit.options import Profile

SETTLE_SCRIPT = files("accessibility_audit.engine").joinpath("settle.js").read_text()
FACTS_SCRIPT = files("accessibility_audit.engine").joinpath("facts.js").read_text()
XML_SOURCE_SCRIPT = files("accessibility_audit.engine").joinpath("xml_source.js").read_text()
NET_ERRORS = {"ERR_NAME_NOT_RESOLVED": "dns", "ERR_CONNECTION_REFUSED": "connection",
              "ERR_TOO_MANY_REDIRECTS": "redirect-loop", "ERR_CERT_": "tls",
              "ERR_SSL_": "tls"}


class BrowserGone(RuntimeError):
    """The browser crashed, hung and was killed, or lost its session."""


@dataclass(frozen=True)
class AuditSettings:
    tags: tuple[str, ...]
    viewports: tuple[Viewport, ...]
    max_elements: int = 30_000
    settle_quiet_ms: int = 50
    settle_limit_ms: int = 5_000
    cookies: tuple[tuple[str, str], ...] = ()
    media_loaded: bool = False
    # Rule ids, axe's and the own checks' alike: run only these, or all but these.
    only: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    # Reflow is also checked at 320 CSS px wide; a fixed screen (a stand) whose
    # only sizes are its viewports may turn that off.
    reflow_320: bool = True
    # A website scan, or a stand audit, which adds the stand's own checks.
    audit: Audit = "site"
    # An own check that cannot run fails the page (a certification must not pass what
    # was not checked), instead of costing only its own rules.
    checks_required: bool = False
    # Which rules the tags select (checks/selection.py): "default" or "thorough".
    profile: Profile = "default"

    def own_rules(self) -> tuple[Rule, ...]:
        return own_rules(self.tags, self.only, self.skip, self.audit, self.profile)

    def with_tags(self, tags: tuple[str, ...]) -> AuditSettings:
        """These settings with more tags, e.g. 7:1 contrast for a high-contrast page."""
        return replace(self, tags=(*self.tags, *tags)) if tags else self

    def axe_options(self, axe_rules: dict[str, tuple[str, ...]] | None = None
                    ) -> dict[str, Any] | None:
        """axe's options, or None when only own checks were asked for; ``axe_rules``
        (the build's rules and tags) for the thorough profile."""
        selection = axe_selection(self.tags, self.only, self.skip, self.profile, axe_rules)
        if selection is None:
            return None
        options: dict[str, Any] = {**selection, "resultTypes": ["violations", "incomplete"]}
        if not self.media_loaded:
            # axe would wait 10 s for the metadata of audio and video the browser
            # does not fetch; its one rule that needs them (no-autoplay-audio) then
            # says "needs review" instead.
            options["preload"] = {"assets": ["cssom"]}
        return options


class PageAuditor:
    def __init__(self, settings: AuditSettings, axe: AxeScript, fetcher: Fetcher | None) -> None:
        self.settings = settings
        self.axe = axe
        self.fetcher = fetcher
        # What the checks learn beyond the page, for every page and worker of the scan.
        self.memo = ScanMemo()
        self._runners: dict[tuple[str, ...], CheckRunner] = {}
        self._runs_axe = settings.axe_options(axe.rules()) is not None

    def runner(self, tags: tuple[str, ...] = ()) -> CheckRunner:
        """The own checks of these settings (with ``tags`` added)."""
        if tags not in self._runners:
            settings = self.settings.with_tags(tags)
            self._runners[tags] = CheckRunner(settings.own_rules(), narrow=settings.reflow_320)
        return self._runners[tags]

    def time_needed(self) -> float:
        """Seconds a page may take beyond loading and axe: the own checks' budgets."""
        return self.runner().time_needed(len(self.settings.viewports))

    def audit(self, browser: Browser, url: str, site: str, want_links: bool,
              tags: tuple[str, ...] = ()) -> list[PageAudit]:
        """One result per viewport; ``tags`` adds to the settings' for this page. Raises
        :class:`BrowserGone` only for a dead browser."""
        problem = preflight.check(self.fetcher, url) if self.fetcher is not None else None
        if problem is not None:
            status: PageStatus = "blocked" if problem.blocked else "failed"
            return [failed(url, v.name, problem.kind, problem.reason, status=status,
                           http_status=problem.http_status) for v in self.settings.viewports]
        browser.pages += 1
        try:
            browser.clean(site)
        except WebDriverException as error:
            raise BrowserGone(error.msg or str(error)) from error
        try:
            return self._in_browser(browser, url, site, want_links, tags)
        except DocumentReplaced as error:
            return [failed(url, v.name, interference.KIND, interference.error(str(error)).reason)
                    for v in self.settings.viewports]
        except WebDriverException as error:
            if browser_gone(error):
                raise BrowserGone(error.msg or str(error)) from error
            return [failed(url, v.name, *_classify(error)) for v in self.settings.viewports]

    def _in_browser(self, browser: Browser, url: str, site: str, want_links: bool,
                    tags: tuple[str, ...]) -> list[PageAudit]:
        started = time.monotonic()
        if self._runs_axe:
            browser.preload(self.axe.preload_name, self.axe.preload_source)
        browser.set_viewport(self.settings.viewports[0])
        for name, value in self.settings.cookies:
            browser.cdp("Network.setCookie", {"name": name, "value": value, "url": site})
        try:
            browser.driver.get(url)
        except TimeoutException:
            self._check_responsive(browser)
            timeout = browser.settings.page_timeout
            return [failed(url, v.name, "endless-loading",
                           f"the page did not finish loading within {timeout:g} s")
                    for v in self.settings.viewports]
        except UnexpectedAlertPresentException as error:
            # A dialog the guard could not reach (one opened by a frame from
            # another process); it was dismissed, so the audit can go on.
            opening = [PageError("dialog", f"the page opened a dialog: {error.alert_text!r}")]
        else:
            opening = []
        with AuditWorld.of(browser.driver, browser.settings.page_timeout) as world:
            return self._views(browser, world, url, site, want_links, tags, opening, started)

    def _views(self, browser: Browser, world: AuditWorld, url: str, site: str,
               want_links: bool, tags: tuple[str, ...], opening: list[PageError],
               started: float) -> list[PageAudit]:
        """The page, loaded, at each viewport."""
        settings = self.settings.with_tags(tags)
        results: list[PageAudit] = []
        facts: dict[str, Any] = {}
        runner = self.runner(tags)
        own: list[OwnResults] = []
        for viewport in self.settings.viewports:
            self._show(browser, world, viewport)
            if not facts:
                world.run(XML_SOURCE_SCRIPT)
                facts = world.run(FACTS_SCRIPT, want_links)
                refusal = self._refusal(url, facts)
                if refusal is not None:
                    return [_as(refusal, v.name) for v in self.settings.viewports]
            page = self._axe(world, url, viewport, facts, opening, settings,
                             browser.settings.page_timeout)
            results.append(page)
            own.append(self._own(runner, runner.reading, browser, world, url, site, viewport,
                                 page))
        if runner.driving:
            for index, viewport in enumerate(self.settings.viewports):
                self._show(browser, world, viewport)
                own[index] = combine(own[index], self._own(
                    runner, runner.driving, browser, world, url, site, viewport,
                    results[index]))
        for check in runner.once:
            self._once(runner, check, browser, world, url, site, results, own)
        extra = _event_errors(facts.get("events", []))
        elapsed = time.monotonic() - started
        for result, found in zip(results, own, strict=True):
            if result.raw is not None:
                merge(result.raw, axe_entries(found))
                _tally(result)
                self._require_checks(result)
            result.errors.extend(extra)
            result.seconds = elapsed / len(results)
        results[0].links = facts.get("links", [])
        return results

    def audit_shown(self, driver: WebDriver, viewport: Viewport, site: str) -> PageAudit:
        """The page ``driver`` shows now, as it is, in a browser someone else started
        (a test's): no preflight, no navigation, no resizing. axe runs in every frame,
        then the selected own checks that need no other size."""
        timeout = driver.timeouts.script or 30.0
        try:
            with AuditWorld.of(driver, timeout) as world:
                return self._shown(driver, world, viewport, site, timeout)
        except DocumentReplaced as error:
            return failed(driver.current_url, viewport.name, interference.KIND,
                          interference.error(str(error)).reason)

    def _shown(self, driver: WebDriver, world: AuditWorld, viewport: Viewport, site: str,
               timeout: float) -> PageAudit:
        self._settle(world)
        facts = world.run(FACTS_SCRIPT, False)
        url = facts.get("url") or driver.current_url
        page = self._axe(world, url, viewport, facts, [], self.settings, timeout)
        runner = self.runner()
        if runner and page.raw is not None:

            def stay(_other: Viewport) -> None:
                raise RuntimeError("an own check asked for another size of a page shown "
                                   "in someone else's browser; give reflow_320=False")

            context = PageContext(driver, url, site, viewport, self.fetcher, stay, self.memo,
                                  world=world)
            merge(page.raw, axe_entries(combine(*(runner.run(checks, context, page.errors)
                                                  for checks in (runner.reading, runner.driving,
                                                                 runner.once)))))
        if page.raw is not None:
            _tally(page)
            self._require_checks(page)
        page.errors.extend(_event_errors(facts.get("events", [])))
        return page

    def _show(self, browser: Browser, world: AuditWorld, viewport: Viewport) -> None:
        browser.set_viewport(viewport)
        self._settle(world)

    def _own(self, runner: CheckRunner, checks: list[Check], browser: Browser,
             world: AuditWorld, url: str, site: str, viewport: Viewport,
             page: PageAudit) -> OwnResults:
        """The outcomes of ``checks`` on the page shown at ``viewport``."""
        if not checks or page.raw is None:
            return {}
        context = PageContext(browser.driver, url, site, viewport, self.fetcher,
                              lambda other: self._show(browser, world, other), self.memo,
                              world=world, media_blocked=browser.settings.block_media)
        return runner.run(checks, context, page.errors)

    def _once(self, runner: CheckRunner, check: Check, browser: Browser, world: AuditWorld,
              url: str, site: str, results: list[PageAudit], own: list[OwnResults]) -> None:
        """A check made once per page, at the last viewport: a fact of the page, kept with
        the first viewport's result, or of the whole visit, kept with every one's (its
        error too)."""
        first = results[0]
        known = len(first.errors)
        outcomes = self._own(runner, [check], browser, world, url, site,
                             self.settings.viewports[-1], first)
        shares = range(len(results)) if check.every_viewport else range(1)
        for index in shares:
            own[index] = combine(own[index], outcomes)
            if index:
                results[index].errors.extend(first.errors[known:])

    def _require_checks(self, page: PageAudit) -> None:
        if self.settings.checks_required and page.status == "audited" and any(
                error.kind == "check-error" for error in page.errors):
            page.status = "failed"

    def _check_responsive(self, browser: Browser) -> None:
        """After a load timeout: a page still arriving can be stopped; a page whose
        scripts hang the browser cannot, and then the browser must be replaced."""
        try:
            browser.driver.execute_script("window.stop()")
        except WebDriverException as error:
            raise BrowserGone("the page made the browser stop responding") from error

    def _settle(self, world: AuditWorld) -> None:
        world.run_async(SETTLE_SCRIPT, self.settings.settle_quiet_ms,
                        self.settings.settle_limit_ms,
                        timeout=self.settings.settle_limit_ms / 1000 + world.timeout)

    def _refusal(self, url: str, facts: dict[str, Any]) -> PageAudit | None:
        status = facts.get("status")
        reason = blocked_reason(status, facts.get("head", ""), facts.get("textLength", 0))
        if reason:
            return failed(url, "", "blocked", reason, status="blocked", http_status=status)
        if status and status >= 400:
            return failed(url, "", "http", f"HTTP {status}", http_status=status)
        if facts["elements"] > self.settings.max_elements:
            return failed(url, "", "huge-page",
                          f"the page has {facts['elements']:,} elements, more than the "
                          f"limit of {self.settings.max_elements:,} (--max-elements)",
                          http_status=status)
        return None

    def _axe(self, world: AuditWorld, url: str, viewport: Viewport, facts: dict[str, Any],
             opening: list[PageError], settings: AuditSettings, timeout: float) -> PageAudit:
        """axe's result at ``viewport``, watched for the page changing under it. (The own
        checks' scripts each read the page at once, while the page's scripts wait, and
        some resize the page, which a responsive page may answer by rebuilding itself.)"""
        _watch(world)
        page = self._run_axe(world, url, viewport, facts, opening, settings, timeout)
        _watched(world, page)
        return page

    def _run_axe(self, world: AuditWorld, url: str, viewport: Viewport,
                 facts: dict[str, Any], opening: list[PageError], settings: AuditSettings,
                 timeout: float) -> PageAudit:
        page = PageAudit(url=url, viewport=viewport.name, status="audited",
                         final_url=facts.get("url"), http_status=facts.get("status"),
                         title=facts.get("title"), errors=list(opening))
        options = settings.axe_options(self.axe.rules())
        frames: list[str] = []
        try:
            raw = (run_everywhere(world, self.axe, options, frames) if options is not None
                   else {key: [] for key in ("violations", "passes", "incomplete",
                                             "inapplicable")})
        except TimeoutException:
            page.status = "failed"
            page.errors.append(PageError("axe-timeout", "axe-core did not finish within "
                                         f"{timeout:g} s"))
            return page
        except (AxeFailed, JavascriptException) as error:
            page.status = "failed"
            page.errors.append(PageError("axe-error", f"axe-core failed: {error}"))
            return page
        page.axe_version = raw.get("testEngine", {}).get("version")
        page.raw = raw
        if frames:
            _interfered(page, frames[0])
        return page


def _watch(world: AuditWorld) -> None:
    """Start watching the top document for the page changing it under the audit."""
    world.install("watch", WATCH_SCRIPT)
    world.run("__a11yAuditWatch.start();")


def _watched(world: AuditWorld, page: PageAudit) -> None:
    """Stop watching; a page that interfered gets no result."""
    found = interference.reason(world.run("return __a11yAuditWatch.stop();"))
    if found:
        _interfered(page, found)


def _interfered(page: PageAudit, reason: str) -> None:
    page.status = "failed"
    page.raw = None
    page.issues = []
    error = interference.error(reason)
    if error not in page.errors:
        page.errors.append(error)


def _tally(page: PageAudit) -> None:
    """The page's issues and counts, from axe's result with the own checks merged in."""
    raw = page.raw or {}
    page.issues = list(issues_from(raw))
    page.passed_rules = tuple(rule["id"] for rule in raw.get("passes", []))
    page.passes = len(page.passed_rules)
    page.inapplicable = len(raw.get("inapplicable", []))


def issues_from(raw: dict[str, Any]) -> list[Issue]:
    """The violations and needs-review items of an axe result, one per element."""
    found = []
    kinds: tuple[tuple[Outcome, str], ...] = (("violation", "violations"),
                                              ("incomplete", "incomplete"))
    for outcome, key in kinds:
        for rule in raw.get(key, []):
            tags = tuple(rule.get("tags", ()))
            for node in rule.get("nodes", []):
                found.append(Issue(
                    rule=rule["id"], outcome=outcome,
                    impact=node.get("impact") or rule.get("impact"),
                    criteria=wcag.criteria(tags), selector=selector_text(node.get("target", [])),
                    html=node.get("html", ""), summary=node.get("failureSummary") or "",
                    help=rule.get("help", ""), help_url=rule.get("helpUrl", ""), tags=tags))
    return found


def selector_text(target: list[Any]) -> str:
    """axe's target as one string: frames joined by ``>>>``, shadow roots by ``>>``."""
    return " >>> ".join(" >> ".join(part) if isinstance(part, list) else str(part)
                        for part in target)


def _as(template: PageAudit, viewport: str) -> PageAudit:
    return PageAudit(url=template.url, viewport=viewport, status=template.status,
                     http_status=template.http_status, errors=list(template.errors))


def _event_errors(events: list[list[str]]) -> list[PageError]:
    errors = []
    for kind, text in events:
        if kind == "beforeunload":
            reason = "the page asks visitors to confirm before leaving (beforeunload)"
        else:
            reason = f"the page opened a dialog ({kind}: {text!r})"
        error = PageError("beforeunload" if kind == "beforeunload" else "dialog", reason)
        if error not in errors:
            errors.append(error)
    return errors


def _classify(error: WebDriverException) -> tuple[str, str]:
    text = error.msg or str(error)
    for marker, kind in NET_ERRORS.items():
        if marker in text:
            return kind, f"the browser could not open the page ({marker.rstrip('_')})"
    return "browser-error", f"the browser reported: {text.splitlines()[0] if text else error}"

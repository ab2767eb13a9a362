"""Auditing one page in one browser: open it, let it settle, check it is the real
page, run axe in every frame and the own checks (accessibility_audit.checks) at
each viewport, and say plainly what went wrong.

Another component audits with its own settings by building :class:`AuditSettings`
(the tags of a standard, e.g. ``wcag.tags_for("wcag22aaa")``, which select axe's
rules and the own checks alike, and optionally ``only``/``skip`` rule ids, and
``reflow_320=False`` for a fixed screen) and a :class:`PageAuditor`; the own checks
then run by themselves::

    settings = AuditSettings(tags=wcag.tags_for("wcag22aaa", best_practice=True),
                             viewports=(Viewport("portrait", 1080, 1920),))
    pages = PageAuditor(settings, AxeScript(), fetcher).audit(browser, url, site, False)
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from selenium.common.exceptions import (
    JavascriptException,
    TimeoutException,
    UnexpectedAlertPresentException,
    WebDriverException,
)

from accessibility_audit import wcag
from accessibility_audit.checks.context import PageContext
from accessibility_audit.checks.results import merge
from accessibility_audit.checks.rules import Rule
from accessibility_audit.checks.runner import CheckRunner, OwnResults, axe_entries, combine
from accessibility_audit.checks.selection import axe_selection, own_rules
from accessibility_audit.engine import preflight
from accessibility_audit.engine.blocking import blocked_reason
from accessibility_audit.engine.frames import AxeFailed, AxeScript, run_everywhere
from accessibility_audit.engine.launch import Browser, Viewport
from accessibility_audit.fetching import Fetcher
from accessibility_audit.model import Issue, PageAudit, PageError, failed

SETTLE_SCRIPT = files("accessibility_audit.engine").joinpath("settle.js").read_text()
FACTS_SCRIPT = files("accessibility_audit.engine").joinpath("facts.js").read_text()
XML_SOURCE_SCRIPT = files("accessibility_audit.engine").joinpath("xml_source.js").read_text()
# Browser errors that mean the browser itself is gone, not the page.
BROWSER_GONE = ("invalid session id", "session deleted", "disconnected", "tab crashed",
                "chrome not reachable", "no such window", "target window already closed",
                "Connection refused", "Max retries exceeded", "RemoteDisconnected",
                "target frame detached",
                # A renderer that does not answer a command outside a page load.
                "Timed out receiving message from renderer")
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

    def own_rules(self) -> tuple[Rule, ...]:
        return own_rules(self.tags, self.only, self.skip)

    def axe_options(self) -> dict[str, Any] | None:
        """axe's options, or None when only own checks were asked for."""
        selection = axe_selection(self.tags, self.only, self.skip)
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
    def __init__(self, settings: AuditSettings, axe: AxeScript, fetcher: Fetcher) -> None:
        self.settings = settings
        self.axe = axe
        self.fetcher = fetcher
        self.checks = CheckRunner(settings.own_rules(), narrow=settings.reflow_320)

    def audit(self, browser: Browser, url: str, site: str, want_links: bool) -> list[PageAudit]:
        """One result per viewport. Raises :class:`BrowserGone` only for a dead browser."""
        problem = preflight.check(self.fetcher, url)
        if problem is not None:
            status = "blocked" if problem.blocked else "failed"
            return [failed(url, v.name, problem.kind, problem.reason, status=status,
                           http_status=problem.http_status) for v in self.settings.viewports]
        browser.pages += 1
        try:
            browser.clean(site)
        except WebDriverException as error:
            raise BrowserGone(error.msg or str(error)) from error
        try:
            return self._in_browser(browser, url, site, want_links)
        except WebDriverException as error:
            if _browser_gone(error):
                raise BrowserGone(error.msg or str(error)) from error
            return [failed(url, v.name, *_classify(error)) for v in self.settings.viewports]

    def _in_browser(self, browser: Browser, url: str, site: str,
                    want_links: bool) -> list[PageAudit]:
        started = time.monotonic()
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
        results, own = [], []
        facts: dict[str, Any] = {}
        for viewport in self.settings.viewports:
            browser.set_viewport(viewport)
            self._settle(browser)
            if not facts:
                browser.driver.execute_script(XML_SOURCE_SCRIPT)
                facts = browser.driver.execute_script(FACTS_SCRIPT, want_links)
                refusal = self._refusal(url, facts)
                if refusal is not None:
                    return [_as(refusal, v.name) for v in self.settings.viewports]
            page = self._axe(browser, url, viewport, facts, opening)
            results.append(page)
            own.append(self._own(browser, url, viewport, page, once=False))
        # Checks made once per page come last: they may show it at other sizes.
        own[0] = combine(own[0], self._own(browser, url, self.settings.viewports[-1],
                                           results[0], once=True))
        extra = _event_errors(facts.get("events", []))
        elapsed = time.monotonic() - started
        for result, found in zip(results, own, strict=True):
            if result.raw is not None:
                merge(result.raw, axe_entries(found))
                _tally(result)
            result.errors.extend(extra)
            result.seconds = elapsed / len(results)
        results[0].links = facts.get("links", [])
        return results

    def _own(self, browser: Browser, url: str, viewport: Viewport, page: PageAudit, *,
             once: bool) -> OwnResults:
        if not self.checks or page.raw is None:
            return {}

        def resize(other: Viewport) -> None:
            browser.set_viewport(other)
            self._settle(browser)

        context = PageContext(browser.driver, url, viewport, self.fetcher, resize,
                              self.checks.cache)
        run = self.checks.once if once else self.checks.at_viewport
        return run(context, page.errors)

    def _check_responsive(self, browser: Browser) -> None:
        """After a load timeout: a page still arriving can be stopped; a page whose
        scripts hang the browser cannot, and then the browser must be replaced."""
        try:
            browser.driver.execute_script("window.stop()")
        except WebDriverException as error:
            raise BrowserGone("the page made the browser stop responding") from error

    def _settle(self, browser: Browser) -> None:
        browser.driver.execute_async_script(
            SETTLE_SCRIPT, self.settings.settle_quiet_ms, self.settings.settle_limit_ms)

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

    def _axe(self, browser: Browser, url: str, viewport: Viewport, facts: dict[str, Any],
             opening: list[PageError]) -> PageAudit:
        page = PageAudit(url=url, viewport=viewport.name, status="audited",
                         final_url=facts.get("url"), http_status=facts.get("status"),
                         title=facts.get("title"), errors=list(opening))
        options = self.settings.axe_options()
        try:
            raw = (run_everywhere(browser.driver, self.axe, options) if options is not None
                   else {key: [] for key in ("violations", "passes", "incomplete",
                                             "inapplicable")})
        except TimeoutException:
            page.status = "failed"
            page.errors.append(PageError("axe-timeout", "axe-core did not finish within "
                                         f"{browser.settings.page_timeout:g} s"))
            return page
        except (AxeFailed, JavascriptException) as error:
            page.status = "failed"
            page.errors.append(PageError("axe-error", f"axe-core failed: {error}"))
            return page
        page.axe_version = raw.get("testEngine", {}).get("version")
        page.raw = raw
        return page


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
    for outcome, key in (("violation", "violations"), ("incomplete", "incomplete")):
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


def _browser_gone(error: WebDriverException) -> bool:
    text = f"{type(error).__name__} {error.msg or ''} {error}"
    return any(marker in text for marker in BROWSER_GONE)


def _classify(error: WebDriverException) -> tuple[str, str]:
    text = error.msg or str(error)
    for marker, kind in NET_ERRORS.items():
        if marker in text:
            return kind, f"the browser could not open the page ({marker.rstrip('_')})"
    return "browser-error", f"the browser reported: {text.splitlines()[0] if text else error}"

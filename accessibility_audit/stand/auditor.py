"""One stand page through the scanner's own engine, then the stand's own checks in the
same browser: axe (and the scanner's other checks) by :class:`PageAuditor`, then reflow,
speech, the idle warning and the keypad at each orientation, then the requests it made."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from selenium.common.exceptions import WebDriverException

from accessibility_audit.checks.results import merge
from accessibility_audit.engine.audit import (
    BROWSER_GONE,
    AuditSettings,
    BrowserGone,
    PageAuditor,
    issues_from,
)
from accessibility_audit.engine.launch import Browser, Viewport
from accessibility_audit.model import PageAudit, PageError
from accessibility_audit.stand import idle, keypad, network, reflow, rules, speech
from accessibility_audit.stand.audio import AudioChecks
from accessibility_audit.stand.discovery import locate

PORTRAIT = Viewport("portrait", 1080, 1920)
LANDSCAPE = Viewport("landscape", 1920, 1080)
ORIENTATIONS = {"portrait": PORTRAIT, "landscape": LANDSCAPE}


@dataclass
class StandAuditor:
    """Pages in a high-contrast mode are held to 7:1 contrast; the others to the usual."""

    standard: PageAuditor
    high_contrast: PageAuditor
    audio: AudioChecks
    stand_origin: str

    @property
    def settings(self) -> AuditSettings:
        return self.standard.settings

    def audit(self, browser: Browser, url: str, site: str, want_links: bool) -> list[PageAudit]:
        where = locate(url)
        contrast = where is not None and "contrast" in where.mode
        auditor = self.high_contrast if contrast else self.standard
        try:
            network.drain(browser.driver)
        except WebDriverException as error:
            raise BrowserGone(error.msg or str(error)) from error
        results = auditor.audit(browser, url, site, want_links)
        if any(result.status != "audited" for result in results):
            return results
        try:
            self._stand_checks(browser, results)
        except WebDriverException as error:
            if any(marker in str(error) for marker in BROWSER_GONE):
                raise BrowserGone(error.msg or str(error)) from error
            for result in results:
                result.status = "failed"
                result.errors.append(PageError("stand-check", "the stand checks could not "
                                               f"run: {(error.msg or str(error)).strip()}"))
        return results

    def _stand_checks(self, browser: Browser, results: list[PageAudit]) -> None:
        driver = browser.driver
        for viewport, result in zip(self.settings.viewports, results, strict=True):
            browser.set_viewport(viewport)
            _add_entries(result, reflow.check(driver, result.url, viewport,
                                              self.standard.fetcher))
            unspoken, silent = speech.check(driver, self.audio)
            unreachable, traps = keypad.check(driver)
            _add(result, "stand-speech-key", unspoken)
            _add(result, "stand-speech-audio", silent)
            _add(result, "stand-idle-warning", idle.check(driver))
            _add(result, "stand-keypad-reach", unreachable)
            _add(result, "stand-keypad-trap", traps)
        outside = network.check(driver, self.stand_origin, network.requested(driver))
        for result in results:
            _add(result, "stand-outside-request", outside)


def _add_entries(result: PageAudit, entries: dict[str, list[dict[str, Any]]]) -> None:
    """An own check's axe entries join the page's result as the engine's would."""
    if result.raw is not None:
        merge(result.raw, entries)  # type: ignore[arg-type]
    result.issues.extend(issues_from(entries))
    passed = tuple(entry["id"] for entry in entries.get("passes", []))
    result.passed_rules = (*result.passed_rules, *passed)
    result.passes += len(passed)
    result.inapplicable += len(entries.get("inapplicable", []))


def _add(result: PageAudit, rule_id: str, nodes: list[rules.Node]) -> None:
    """The rule's outcome joins the page's axe result: issues if it failed, a pass if not."""
    if nodes:
        result.issues.extend(rules.issues(rule_id, nodes))
        if result.raw is not None:
            result.raw.setdefault("violations", []).append(rules.result(rule_id, nodes))
    else:
        result.passed_rules = (*result.passed_rules, rule_id)
        result.passes += 1
        if result.raw is not None:
            result.raw.setdefault("passes", []).append(rules.result(rule_id, []))

"""Broken pages and broken browsers: the scan records why and goes on, and leaves
no browser process behind."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from accessibility_audit.engine import pool as pool_module
from accessibility_audit.engine import processes
from accessibility_audit.engine.launch import PROFILE_PREFIX, Browser
from accessibility_audit.runs import website
from accessibility_audit.store import Store
from tests.audit.conftest import run_scan, scanner_processes
from tests.audit.fixture_site import FixtureSite

# Alone: deadlines of a few seconds (a 2 s page must finish last, a frozen browser is
# killed after its grace) mean nothing while another worker's browsers share the cores.
pytestmark = [pytest.mark.browser, pytest.mark.alone]


def statuses(summary) -> dict[str, tuple[str, list[str]]]:
    return {page.url: (page.status, [e.kind for e in page.errors]) for page in summary.pages}


def browser_requests(site: FixtureSite, path: str) -> int:
    return sum(1 for _r, p, ua in site.requests if p == path and "Chrome/" in ua)


def test_network_failures_and_endless_loading(store: Store, site: FixtureSite) -> None:
    port = site.main.server_address[1]
    summary = run_scan(store, site, ["/endless", "http://nonexistent.invalid/",
                                     f"https://127.0.0.1:{port}/", "/other"], page_timeout=4)
    found = statuses(summary)
    assert len(found) == 4, found
    assert found[site.url("/endless")] == ("failed", ["endless-loading"])
    assert found["http://nonexistent.invalid/"] == ("failed", ["dns"])
    assert found[f"https://127.0.0.1:{port}/"] == ("failed", ["tls"])
    assert found[site.url("/other")] == ("audited", [])
    assert scanner_processes() == []


def test_a_page_that_hangs_the_browser_is_given_up_after_one_retry(
        store: Store, site: FixtureSite) -> None:
    summary = run_scan(store, site, ["/hang", "/other"], workers=1, page_timeout=3)
    found = statuses(summary)
    assert found[site.url("/hang")] == ("failed", ["browser-crash"])
    hang = next(page for page in summary.pages if page.url.endswith("/hang"))
    assert hang.errors[0].reason == "the page made the browser stop responding, twice"
    assert found[site.url("/other")] == ("audited", [])
    assert scanner_processes() == []


def test_a_crashed_browser_is_replaced_and_the_page_retried(
        store: Store, site: FixtureSite) -> None:
    before = browser_requests(site, "/slow")

    def crash_the_browser_during_the_slow_page() -> None:
        deadline = time.monotonic() + 20
        while browser_requests(site, "/slow") == before and time.monotonic() < deadline:
            time.sleep(0.05)
        processes.kill([p for p in scanner_processes() if "chromium" in p.name()])

    killer = threading.Thread(target=crash_the_browser_during_the_slow_page)
    killer.start()
    summary = run_scan(store, site, ["/slow"], workers=1)
    killer.join()
    assert statuses(summary)[site.url("/slow")] == ("audited", [])
    assert browser_requests(site, "/slow") - before == 2
    assert scanner_processes() == []


def test_the_watchdog_kills_a_frozen_browser(store: Store, site: FixtureSite,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    before = browser_requests(site, "/slow")
    monkeypatch.setattr(website, "PoolSettings", _with_grace(1.0))

    def freeze_chromedriver() -> None:
        deadline = time.monotonic() + 20
        while browser_requests(site, "/slow") == before and time.monotonic() < deadline:
            time.sleep(0.05)
        for process in scanner_processes():
            if process.name() == "chromium":
                os.kill(process.pid, signal.SIGSTOP)

    freezer = threading.Thread(target=freeze_chromedriver)
    freezer.start()
    started = time.monotonic()
    summary = run_scan(store, site, ["/slow"], workers=1, page_timeout=3)
    freezer.join()
    assert statuses(summary)[site.url("/slow")] == ("audited", [])
    # Killed after 3 s (load) + 3 s (axe) + 1 s grace, then a fresh browser's 4 s; a
    # frozen browser nobody kills would hold the scan for ever. The margin is for a
    # loaded CI machine, where starting Chromium alone can take 10 s.
    assert time.monotonic() - started < 60
    assert scanner_processes() == []


def _with_grace(grace: float) -> type:
    original = pool_module.PoolSettings

    def make(**kwargs: object) -> object:
        return original(**kwargs, watchdog_grace=grace)
    return make


def test_browsers_are_recycled_after_pages_and_memory(
        store: Store, site: FixtureSite, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[Browser] = []

    class Counting(Browser):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            started.append(self)

    monkeypatch.setattr(pool_module, "Browser", Counting)
    pages = ["/", "/other", "/missing-alt", "/low-contrast", "/empty-link"]
    summary = run_scan(store, site, pages, workers=1, recycle_pages=2)
    assert len(started) == 3 and all(p.status == "audited" for p in summary.pages)
    started.clear()
    # Memory is read every MEMORY_CHECK_EVERY pages: five pages, then a new browser.
    run_scan(store, site, [*pages, "/news/1"], workers=1, recycle_mb=50)
    assert pool_module.MEMORY_CHECK_EVERY == 5 and len(started) == 2
    assert not any(PROFILE_PREFIX in str(b.profile) and b.profile.exists() for b in started)
    assert scanner_processes() == []


def test_a_fault_of_the_scanner_on_one_page_is_recorded_and_the_scan_goes_on(
        store: Store, site: FixtureSite, monkeypatch: pytest.MonkeyPatch) -> None:
    audit = pool_module.PageAuditor.audit

    def faulty(self, browser, url, *args):
        if url.endswith("/other"):
            raise ValueError("a bug")
        return audit(self, browser, url, *args)

    monkeypatch.setattr(pool_module.PageAuditor, "audit", faulty)
    summary = run_scan(store, site, ["/other", "/missing-alt"], workers=1)
    found = statuses(summary)
    assert found[site.url("/other")] == ("failed", ["scanner-error"])
    assert found[site.url("/missing-alt")] == ("audited", [])
    assert scanner_processes() == []


def test_each_page_starts_with_a_clean_browser(store: Store, site: FixtureSite) -> None:
    summary = run_scan(store, site, ["/remember", "/recall"], workers=1)
    found = {page.url.rsplit("/", 1)[1]: page for page in summary.pages}
    assert found["remember"].status == found["recall"].status == "audited"
    assert found["recall"].issues == []      # the cookie and storage did not carry over


def test_a_slow_page_does_not_hold_up_the_others(store: Store, site: FixtureSite) -> None:
    fast = ["/", "/other", "/missing-alt", "/empty-link", "/low-contrast"]
    summary = run_scan(store, site, ["/slow", *fast], workers=2)
    finished = [page.url.removeprefix(site.base) for page in summary.pages]  # stored order
    assert finished[-1] == "/slow" and sorted(finished[:-1]) == sorted(fast)

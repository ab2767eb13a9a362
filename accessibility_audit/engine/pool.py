"""Workers, each with its own browser, taking pages from one host-aware queue.

A worker takes the next page as soon as it is free, so one slow page never idles
the others; the queue hands out the host whose polite delay has run out first.
Browsers are reused across pages (each page starts clean) and replaced after a
number of pages, when their memory grows, or when they crash or hang; a watchdog
kills a browser that overruns the per-page limit, and the page is tried once more."""

from __future__ import annotations

import contextlib
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from accessibility_audit.engine.audit import BrowserGone, PageAuditor
from accessibility_audit.engine.launch import Browser, BrowserFailed, BrowserSettings
from accessibility_audit.model import PageAudit, failed
from accessibility_audit.politeness import HostGate, host_of

MEMORY_CHECK_EVERY = 5  # pages


@dataclass(frozen=True)
class Task:
    url: str
    site: str
    depth: int = 0
    crawl: bool = False
    # Tags this page is held to beyond the scan's (7:1 contrast in a high-contrast mode).
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class PoolSettings:
    workers: int = 2
    recycle_pages: int = 50
    recycle_mb: float = 400.0
    # Seconds past the page's own time limits before its browser counts as hung.
    watchdog_grace: float = 10.0


class TaskQueue:
    """Pages waiting, per host; ``take`` returns None once nothing is left to do."""

    def __init__(self, gate: HostGate) -> None:
        self.gate = gate
        self._hosts: dict[str, deque[Task]] = {}
        self._busy = 0
        self._cond = threading.Condition()
        self.stopped = False

    def put(self, task: Task) -> None:
        with self._cond:
            self._hosts.setdefault(host_of(task.url), deque()).append(task)
            self._cond.notify()

    def take(self) -> Task | None:
        with self._cond:
            while not self.stopped:
                waiting = [host for host, tasks in self._hosts.items() if tasks]
                if not waiting:
                    if self._busy == 0:
                        return None
                    self._cond.wait(0.5)
                    continue
                host = min(waiting, key=self.gate.ready_in)
                if not self.gate.try_claim(host):
                    self._cond.wait(min(self.gate.ready_in(host), 0.5) or 0.01)
                    continue
                self._busy += 1
                return self._hosts[host].popleft()
            return None

    def hold(self) -> None:
        """Keep ``take`` waiting for more pages, however empty the queue, until
        ``release``: pages are still being found (discovery runs beside the audits)."""
        with self._cond:
            self._busy += 1

    def release(self) -> None:
        self.done()

    def done(self) -> None:
        with self._cond:
            self._busy -= 1
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self.stopped = True
            self._cond.notify_all()


class Worker(threading.Thread):
    def __init__(self, number: int, pool: Pool) -> None:
        super().__init__(name=f"a11y-audit-worker-{number}")
        self.pool = pool
        self.browser: Browser | None = None
        self.busy_since: float | None = None
        self.killed_for: str | None = None
        self._lock = threading.Lock()

    def run(self) -> None:
        try:
            while (task := self.pool.queue.take()) is not None:
                try:
                    self._audit(task)
                finally:
                    self.pool.queue.done()
        except BrowserFailed as error:
            self.pool.fail(error)
        finally:
            self._drop_browser()

    def watch(self, limit: float) -> None:
        """Kill this worker's browser if its page has run past ``limit`` seconds."""
        with self._lock:
            since, browser = self.busy_since, self.browser
        if since is not None and browser is not None and time.monotonic() - since > limit:
            self.killed_for = f"the page took longer than {limit:g} s and the browser was stopped"
            browser.kill()

    def stop_browser(self) -> None:
        with self._lock:
            browser = self.browser
        if browser is not None:
            browser.kill()

    def _audit(self, task: Task) -> None:
        results: list[PageAudit] | None = None
        reason = ""
        for _attempt in range(2):
            browser = self._ensure_browser()
            self.killed_for = None
            with self._lock:
                self.busy_since = time.monotonic()
            try:
                results = self.pool.auditor.audit(browser, task.url, task.site, task.crawl,
                                                  task.tags)
                break
            except Exception as error:  # noqa: BLE001 - a dead browser fails in many ways
                if not isinstance(error, BrowserGone | OSError) and self.killed_for is None \
                        and not _looks_dead(error):
                    # Not the browser: a fault of ours on this page. Record it with
                    # its text and go on, rather than lose the worker.
                    results = [failed(task.url, v.name, "scanner-error",
                                      f"unexpected error: {type(error).__name__}: {error}")
                               for v in self.pool.auditor.settings.viewports]
                    self._drop_browser()
                    break
                reason = self.killed_for or _first_line(error)
                self._drop_browser(broken=True)
            finally:
                with self._lock:
                    self.busy_since = None
            if self.pool.stopping.is_set():
                return
        if self.pool.stopping.is_set():
            return
        if results is None:
            kind = "page-timeout" if self.killed_for else "browser-crash"
            results = [failed(task.url, v.name, kind, f"{reason}, twice")
                       for v in self.pool.auditor.settings.viewports]
        self.pool.report(task, results)
        self._maybe_recycle()

    def _ensure_browser(self) -> Browser:
        """This worker's browser, started if needed; a second failed start in a row
        means no browser can be had, and stops the scan (BrowserFailed)."""
        if self.browser is None:
            try:
                browser = Browser(self.pool.browser_settings)
            except BrowserFailed:
                browser = Browser(self.pool.browser_settings)
            with self._lock:
                self.browser = browser
        return self.browser

    def _maybe_recycle(self) -> None:
        browser = self.browser
        if browser is None:
            return
        settings = self.pool.settings
        if browser.pages >= settings.recycle_pages or browser.pages % MEMORY_CHECK_EVERY == 0 and \
                (browser.memory_mb() or 0) > settings.recycle_mb:
            self._drop_browser()

    def _drop_browser(self, broken: bool = False) -> None:
        """Close this worker's browser; a broken one is killed first, as asking a hung
        browser to quit costs chromedriver's own long wait."""
        with self._lock:
            browser, self.browser = self.browser, None
        if browser is not None:
            if broken:
                browser.kill()
            browser.close()


class Pool:
    """Runs tasks from ``queue`` through ``workers`` browsers until none are left."""

    def __init__(self, settings: PoolSettings, browser_settings: BrowserSettings,
                 auditor: PageAuditor, queue: TaskQueue,
                 on_result: Callable[[Task, list[PageAudit]], None]) -> None:
        self.settings = settings
        self.browser_settings = browser_settings
        self.auditor = auditor
        self.queue = queue
        self.on_result = on_result
        self.stopping = threading.Event()
        self.error: BrowserFailed | None = None
        self._report_lock = threading.Lock()
        self.workers = [Worker(n + 1, self) for n in range(settings.workers)]

    @property
    def page_limit(self) -> float:
        """Seconds a page may take before its browser counts as hung: loading, axe at
        each viewport, and the time budgets of the own checks that drive the page."""
        views = len(self.auditor.settings.viewports)
        return (self.browser_settings.page_timeout * (1 + views) + self.auditor.time_needed()
                + self.settings.watchdog_grace)

    def run(self) -> None:
        """Audit until the queue is empty. Ctrl+C stops the workers and re-raises."""
        for worker in self.workers:
            worker.start()
        try:
            while any(worker.is_alive() for worker in self.workers):
                for worker in self.workers:
                    worker.watch(self.page_limit)
                    worker.join(timeout=0.2)
        except BaseException:
            self.stop()
            raise
        if self.error is not None:
            raise self.error

    def stop(self) -> None:
        """Stop at once: in-flight pages are dropped (``--resume`` redoes them)."""
        self.stopping.set()
        self.queue.stop()
        for worker in self.workers:
            worker.stop_browser()
        for worker in self.workers:
            with contextlib.suppress(RuntimeError):
                worker.join(timeout=30)

    def fail(self, error: BrowserFailed) -> None:
        self.error = error
        self.stopping.set()
        self.queue.stop()

    def report(self, task: Task, results: list[PageAudit]) -> None:
        with self._report_lock:
            self.on_result(task, results)


def _first_line(error: Exception) -> str:
    """BrowserGone says what happened; other errors get a prefix saying what it means."""
    text = (str(error).strip().splitlines() or [type(error).__name__])[0]
    return text if isinstance(error, BrowserGone) else f"the browser crashed ({text})"


def _looks_dead(error: Exception) -> bool:
    text = f"{type(error).__name__}: {error}"
    return any(word in text for word in ("Connection", "MaxRetry", "RemoteDisconnected",
                                         "ProtocolError", "session"))

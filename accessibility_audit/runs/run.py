"""One run from start to end, for a website scan and a stand audit alike: discover the
pages, keep the queue in the store, audit in the pool of browsers, keep each result in
the store as it arrives (so Ctrl+C loses only pages in flight), and report progress.

What differs between a website scan and a stand audit is a :class:`Plan`: how pages
are found and followed, how the scan is recorded, and the settings of the fetcher,
browsers, pool and page auditor."""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from accessibility_audit.engine.audit import PageAuditor
from accessibility_audit.engine.launch import BrowserSettings
from accessibility_audit.engine.pool import Pool, PoolSettings, Task, TaskQueue
from accessibility_audit.fetching import Fetcher, HttpSettings
from accessibility_audit.model import PageAudit
from accessibility_audit.politeness import HostGate, user_agent
from accessibility_audit.progress import Progress
from accessibility_audit.store import Store
from accessibility_audit.store.repository import QueuedPage
from accessibility_audit.version import __version__


class NothingToScan(RuntimeError):
    """Discovery found no page that may be audited."""


class Plan(Protocol):
    """What a kind of run decides; :class:`Run` does the rest."""

    @property
    def contact(self) -> str | None: ...

    @property
    def delay(self) -> float:
        """Seconds between two visits to one host, across all workers."""

    def http_settings(self) -> HttpSettings: ...

    # Whether the scan is kept before its pages are found, so that Ctrl+C at any
    # moment (discovery included) can be taken up with --resume; discovery then runs
    # beside the audits. Otherwise the pages are all found first and the scan recorded
    # with what discovery learnt (a stand's languages and pages).
    resumable: bool

    def discover(self, fetcher: Fetcher, warnings: list[str],
                 found: Callable[[QueuedPage], None]) -> None:
        """Give ``found`` each page to start with (on resume: each page not yet queued);
        what could not be used goes to ``warnings``."""

    def record(self) -> tuple[str, dict[str, Any]]:
        """The standard and the options the scan is kept with (after discovery unless
        ``resumable``)."""

    def resume(self, fetcher: Fetcher, done: list[QueuedPage],
               pending: list[QueuedPage]) -> None:
        """Take up a scan interrupted with these pages done and pending (discovery
        then runs again, for the pages it had not yet found)."""

    def task(self, page: QueuedPage) -> Task: ...

    def follow(self, task: Task, results: list[PageAudit]) -> list[QueuedPage]:
        """More pages to audit, found on an audited one (a crawl's links)."""

    def auditor(self, fetcher: Fetcher) -> PageAuditor: ...

    def browser_settings(self, run_folder: Path) -> BrowserSettings: ...

    def pool_settings(self) -> PoolSettings: ...


@dataclass
class Run:
    store: Store
    plan: Plan
    progress: Progress
    # Set to take up an interrupted scan; set by run() for a new one.
    scan_id: int | None = None
    # Where the browsers' profile folders go (the system's temporary folder if None).
    run_root: Path | None = None
    warnings: list[str] = field(default_factory=list)
    _discovery_error: Exception | None = field(default=None, init=False)
    # Pages are queued from the discovery thread and from the workers (a crawl's links).
    _queue_lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    def __post_init__(self) -> None:
        self._resumed = self.scan_id is not None

    def run(self) -> int:
        """Audit, and return the scan's id. KeyboardInterrupt keeps what was done."""
        gate = HostGate(self.plan.delay)
        fetcher = Fetcher(self.plan.http_settings(), gate)
        self.queue = TaskQueue(gate)
        self._stopping = threading.Event()
        self._queued = 0
        run_folder = Path(tempfile.mkdtemp(prefix="a11y-audit-run-", dir=self.run_root))
        try:
            if not self.plan.resumable:
                self._discover_first(fetcher)
            elif self.scan_id is None:
                self._new_scan()
            assert self.scan_id is not None
            self.store.set_status(self.scan_id, "running")
            pool = Pool(self.plan.pool_settings(), self.plan.browser_settings(run_folder),
                        self.plan.auditor(fetcher), self.queue, self._record)
            with self.store.running(self.scan_id):
                if self.plan.resumable:
                    self._discover_beside(fetcher)
                pool.run()
                if self._discovery_error is not None:
                    raise self._discovery_error
            if self._queued == 0:
                self._nothing_found()
            return self.scan_id
        finally:
            self._stopping.set()
            self.progress.finish()
            fetcher.close()
            shutil.rmtree(run_folder, ignore_errors=True)

    def _discover_first(self, fetcher: Fetcher) -> None:
        pages: list[QueuedPage] = []
        self.plan.discover(fetcher, self.warnings, pages.append)
        if not pages:
            raise NothingToScan(self._why_nothing())
        self._new_scan()
        for page in pages:
            self._queue(page)

    def _new_scan(self) -> None:
        standard, options = self.plan.record()
        self.scan_id = self.store.new_scan(standard=standard,
                                           user_agent=user_agent(self.plan.contact),
                                           tool_version=__version__, options=options)

    def _discover_beside(self, fetcher: Fetcher) -> None:
        """Find pages while the browsers audit those already found: the first page is
        audited as soon as it is known, and a slow host holds up no other. A scan
        taken up finds again what its discovery had not reached."""
        assert self.scan_id is not None
        self._discovery_error = None
        if self._resumed:
            done, pending = self.store.queued(self.scan_id)
            self.plan.resume(fetcher, done, pending)
            for page in pending:
                self.queue.put(self.plan.task(page))
            self._queued = len(done) + len(pending)
            self.progress.done = len(done)
            self.progress.add(len(done) + len(pending))
        self.queue.hold()

        def discover() -> None:
            try:
                self.plan.discover(fetcher, self.warnings, self._found)
            except Exception as error:  # noqa: BLE001 - raised again in the main thread
                self._discovery_error = error
                self.queue.stop()
            finally:
                self.queue.release()

        # A daemon: on Ctrl+C the main thread leaves at once; a fetch still in flight
        # ends at its own deadline, and what it finds is no longer queued.
        threading.Thread(target=discover, name="a11y-audit-discovery", daemon=True).start()

    def _found(self, page: QueuedPage) -> None:
        if not self._stopping.is_set():
            self._queue(page)

    def _nothing_found(self) -> None:
        assert self.scan_id is not None
        self.store.discard_empty(self.scan_id)
        self.scan_id = None
        raise NothingToScan(self._why_nothing())

    def _why_nothing(self) -> str:
        return "no page to audit: " + ("; ".join(self.warnings)
                                       or "every address was excluded or disallowed by robots.txt")

    def _queue(self, page: QueuedPage) -> None:
        assert self.scan_id is not None
        with self._queue_lock:
            self.store.enqueue(self.scan_id, page)
            self._queued += 1
            self.queue.put(self.plan.task(page))
            self.progress.add()

    def _record(self, task: Task, results: list[PageAudit]) -> None:
        assert self.scan_id is not None
        self.store.save_pages(self.scan_id, results, task.site)
        self.progress.page(task.url, results)
        for page in self.plan.follow(task, results):
            self._queue(page)

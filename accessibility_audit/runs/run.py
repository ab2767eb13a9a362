"""One run from start to end, for a website scan and a stand audit alike: discover the
pages, keep the queue in the store, audit in the pool of browsers, keep each result in
the store as it arrives (so Ctrl+C loses only pages in flight), and report progress.

What differs between a website scan and a stand audit is a :class:`Plan`: how pages
are found and followed, how the scan is recorded, and the settings of the fetcher,
browsers, pool and page auditor."""

from __future__ import annotations

import shutil
import tempfile
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

    contact: str | None
    # Seconds between two visits to one host, across all workers.
    delay: float

    def http_settings(self) -> HttpSettings: ...

    def discover(self, fetcher: Fetcher, warnings: list[str]) -> list[QueuedPage]:
        """The pages to start with; what could not be used goes to ``warnings``."""

    def record(self) -> tuple[str, dict[str, Any]]:
        """The standard and the options the scan is kept with (after discovery)."""

    def resume(self, fetcher: Fetcher, done: list[QueuedPage],
               pending: list[QueuedPage]) -> None:
        """Take up a scan interrupted with these pages done and pending."""

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

    def run(self) -> int:
        """Audit, and return the scan's id. KeyboardInterrupt keeps what was done."""
        gate = HostGate(self.plan.delay)
        fetcher = Fetcher(self.plan.http_settings(), gate)
        self.queue = TaskQueue(gate)
        run_folder = Path(tempfile.mkdtemp(prefix="a11y-audit-run-", dir=self.run_root))
        try:
            if self.scan_id is None:
                self._start(fetcher)
            else:
                self._take_up(fetcher)
            assert self.scan_id is not None
            self.store.set_status(self.scan_id, "running")
            pool = Pool(self.plan.pool_settings(), self.plan.browser_settings(run_folder),
                        self.plan.auditor(fetcher), self.queue, self._record)
            with self.store.running(self.scan_id):
                pool.run()
            return self.scan_id
        finally:
            self.progress.finish()
            fetcher.close()
            shutil.rmtree(run_folder, ignore_errors=True)

    def _start(self, fetcher: Fetcher) -> None:
        pages = self.plan.discover(fetcher, self.warnings)
        if not pages:
            raise NothingToScan("no page to audit: " + ("; ".join(self.warnings)
                                or "every address was excluded or disallowed by robots.txt"))
        standard, options = self.plan.record()
        self.scan_id = self.store.new_scan(standard=standard,
                                           user_agent=user_agent(self.plan.contact),
                                           tool_version=__version__, options=options)
        for page in pages:
            self._queue(page)

    def _take_up(self, fetcher: Fetcher) -> None:
        assert self.scan_id is not None
        done, pending = self.store.queued(self.scan_id)
        self.plan.resume(fetcher, done, pending)
        for page in pending:
            self.queue.put(self.plan.task(page))
        self.progress.done = len(done)
        self.progress.add(len(done) + len(pending))

    def _queue(self, page: QueuedPage) -> None:
        assert self.scan_id is not None
        self.store.enqueue(self.scan_id, page)
        self.queue.put(self.plan.task(page))
        self.progress.add()

    def _record(self, task: Task, results: list[PageAudit]) -> None:
        assert self.scan_id is not None
        self.store.save_pages(self.scan_id, results, task.site)
        self.progress.page(task.url, results)
        for page in self.plan.follow(task, results):
            self._queue(page)

"""Discovery within a whole scan, in real Chromium: a slow host holds up only its own
pages, and Ctrl+C during discovery loses none of the addresses given (``--resume``)."""

from __future__ import annotations

import datetime as dt
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from accessibility_audit.exitcodes import Exit
from accessibility_audit.options import ScanOptions, Target
from accessibility_audit.progress import Progress
from accessibility_audit.runs.run import Run
from accessibility_audit.runs.website import WebsiteScan
from accessibility_audit.store import Store
from accessibility_audit.store import tables as t
from tests.audit.conftest import SCANNER_TEMP, scanner_environment, scanner_processes
from tests.audit.hostile_server import Answer, HostileServer, fixed, lines, trickle
from tests.audit.test_cli import SCRIPT, _interruptible, audit

pytestmark = pytest.mark.browser

ALLOW_ALL = fixed(b"User-agent: *\nAllow: /\n", "text/plain")


def page(title: str) -> bytes:
    return (f'<!doctype html><html lang="en"><head><title>{title}</title></head>'
            f"<body><main><h1>{title}</h1><p>A page of the test.</p></main></body></html>"
            ).encode()


@pytest.fixture
def servers() -> Iterator[list[HostileServer]]:
    started: list[HostileServer] = []
    yield started
    for server in started:
        server.close()


def test_a_slow_hosts_robots_txt_holds_up_only_its_own_pages(
        tmp_path: Path, servers: list[HostileServer]) -> None:
    gave_up: list[float] = []
    slow = HostileServer({"/robots.txt": trickle(list(lines(120)), every=1.0,
                                                 note=gave_up.append)})
    fast = HostileServer({"/robots.txt": ALLOW_ALL, "/one": fixed(page("One"), "text/html"),
                          "/two": fixed(page("Two"), "text/html")})
    servers.extend((slow, fast))
    store = Store(str(tmp_path / "scans.sqlite3"))
    # The slow host comes first, as it would in a --sites file.
    targets = tuple(Target("page", url) for url in (slow.url("/page"), fast.url("/one"),
                                                     fast.url("/two")))
    # The fetch timeout (20 s by default) is the test's own: long enough for the fast
    # host's pages to be audited on a loaded machine, short enough not to hold a worker.
    run = Run(store, WebsiteScan(ScanOptions(targets=targets, workers=1, delay=0.0,
                                             page_timeout=15.0, fetch_timeout=10.0)),
              Progress(enabled=False), run_root=SCANNER_TEMP)
    scan_id = run.run()
    with store.engine.connect() as db:
        finished = {row.url: row.scanned for row in db.execute(
            select(t.pages.c.url, t.pages.c.scanned).where(t.pages.c.scan_id == scan_id))}
    assert sorted(finished) == [fast.url("/one"), fast.url("/two")]
    # The server's thread learns that the scanner left only at its next line, a second on.
    deadline = time.monotonic() + 5
    while not gave_up and time.monotonic() < deadline:
        time.sleep(0.1)
    assert gave_up, "the slow robots.txt was never left"
    slow_end = dt.datetime.fromtimestamp(gave_up[0], dt.UTC)
    for scanned in finished.values():
        scanned = scanned if scanned.tzinfo else scanned.replace(tzinfo=dt.UTC)
        assert scanned < slow_end       # done while the slow robots.txt was still coming
    assert run.warnings == [f"{slow.url('/page')} is not audited: its robots.txt did not "
                            "arrive within 10 s, which RFC 9309 reads as disallowing the "
                            "whole site (--ignore-robots to audit it anyway)"]
    assert scanner_processes() == []


def test_ctrl_c_during_discovery_keeps_the_addresses_given_for_resume(
        tmp_path: Path, servers: list[HostileServer]) -> None:
    slow_robots = {"on": True}

    def robots(answer: Answer) -> None:
        if slow_robots["on"]:
            trickle(list(lines(120)), every=1.0)(answer)
        else:
            ALLOW_ALL(answer)

    routes = {"/robots.txt": robots}
    routes.update({f"/p{n}": fixed(page(f"Page {n}"), "text/html") for n in range(3)})
    server = HostileServer(routes)
    servers.append(server)
    urls = [server.url(f"/p{n}") for n in range(3)]
    db = tmp_path / "scans.sqlite3"
    scan = subprocess.Popen([str(SCRIPT), "scan", *urls, "--workers", "1", "--delay", "0",
                             "--db", str(db)], stderr=subprocess.PIPE, text=True,
                            env=scanner_environment(), preexec_fn=_interruptible)
    ends = time.monotonic() + 60
    while not server.requested("/robots.txt"):     # discovery is under way
        assert time.monotonic() < ends and scan.poll() is None
        time.sleep(0.05)
    scan.send_signal(signal.SIGINT)
    rest = scan.communicate(timeout=60)[1]
    assert scan.returncode == Exit.INTERRUPTED, rest
    assert "continue with: a11y-audit scan --resume 1" in rest
    stored = Store(str(db)).load(1)
    assert (stored.status, stored.pages) == ("interrupted", [])
    assert [target["url"] for target in stored.options["targets"]] == urls
    slow_robots["on"] = False
    resumed = audit("scan", "--resume", "1", "--quiet", db=db)
    assert resumed.returncode == Exit.OK, resumed.stderr
    stored = Store(str(db)).load(1)
    assert stored.status == "finished"
    assert sorted({page.url for page in stored.pages}) == urls
    assert scanner_processes() == []


def test_a_resumed_scan_does_not_audit_a_page_twice(
        tmp_path: Path, servers: list[HostileServer]) -> None:
    server = HostileServer({"/robots.txt": ALLOW_ALL,
                            **{f"/p{n}": fixed(page(f"Page {n}"), "text/html")
                               for n in range(2)}})
    servers.append(server)
    store = Store(str(tmp_path / "scans.sqlite3"))
    targets = tuple(Target("page", server.url(f"/p{n}")) for n in range(2))
    plan = WebsiteScan(ScanOptions(targets=targets, workers=1, delay=0.0))
    first = Run(store, plan, Progress(enabled=False), run_root=SCANNER_TEMP).run()
    asked = len(server.requests)
    # Taken up again, discovery finds both addresses already queued and done.
    again = Run(store, WebsiteScan(plan.options), Progress(enabled=False), scan_id=first,
                run_root=SCANNER_TEMP)
    assert again.run() == first
    assert len(store.load(first).pages) == 2
    assert [path for _when, path in server.requests[asked:]] == ["/robots.txt"]


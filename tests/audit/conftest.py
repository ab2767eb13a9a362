"""The fixture site, a store per test, and the rule that no browser outlives a test."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from accessibility_audit.engine import processes
from accessibility_audit.options import ScanOptions, Target
from accessibility_audit.progress import Progress
from accessibility_audit.scanning import ScanRun
from accessibility_audit.store import Store
from accessibility_audit.summary import Summary, summarise
from tests.audit.fixture_site import FixtureSite

EXPECTED: dict[str, list[str]] = {
    path: rules for path, rules in
    json.loads((Path(__file__).parent / "expected.json").read_text()).items()
    if not path.startswith("_")}


# The scanner puts each browser's profile in a run folder under the temporary folder.
# For these tests that is a folder of their own, so its name marks every browser
# process these tests start and no one else's: other work on the machine may run
# Chromium, or these very tests from another checkout.


def scanner_processes(temp: str | None = None) -> list:
    """Browser processes started by these tests' scans."""
    return processes.with_marker(f"{temp or tempfile.gettempdir()}/a11y-audit-run-")


@pytest.fixture(scope="package", autouse=True)
def no_browser_left_at_the_end() -> Iterator[None]:
    """Package scope: the temporary folder changes for these tests only, and the
    check runs once the last of them is done."""
    saved = os.environ.get("TMPDIR"), tempfile.tempdir
    session_temp = tempfile.mkdtemp(prefix="a11y-audit-tests-")
    os.environ["TMPDIR"] = tempfile.tempdir = session_temp  # CLI subprocesses too
    try:
        yield
    finally:
        if saved[0] is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = saved[0]
        tempfile.tempdir = saved[1]
    left = scanner_processes(session_temp)
    shutil.rmtree(session_temp, ignore_errors=True)
    assert not left, f"scanner processes left after the tests: {[p.pid for p in left]}"


@pytest.fixture(scope="session")
def site() -> Iterator[FixtureSite]:
    fixture = FixtureSite()
    yield fixture
    fixture.close()


def run_scan(store: Store, site: FixtureSite, paths: list[str] | None = None,
             **options: object) -> Summary:
    targets = tuple(options.pop("targets", ())) or tuple(
        Target("page", path if path.startswith("http") else site.url(path))
        for path in paths or ())
    settings = {"workers": 2, "delay": 0.0, "page_timeout": 8.0, **options}
    scan_id = ScanRun(store, ScanOptions(targets=targets, **settings),
                      Progress(enabled=False)).run()
    return summarise(store.load(scan_id))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(str(tmp_path / "scans.sqlite3"))

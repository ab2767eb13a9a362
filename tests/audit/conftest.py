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
from accessibility_audit.evaluation import Summary, evaluate
from accessibility_audit.options import ScanOptions, Target
from accessibility_audit.progress import Progress
from accessibility_audit.runs.run import Run
from accessibility_audit.runs.website import WebsiteScan
from accessibility_audit.store import Store
from tests.audit.fixture_site import FixtureSite

EXPECTED: dict[str, list[str]] = {
    path: rules for path, rules in
    json.loads((Path(__file__).parent / "expected.json").read_text()).items()
    if not path.startswith("_")}


# The scanner puts each browser's profile in a run folder (under the temporary folder,
# or the folder Run is given). These tests give it a folder of their own, so its
# name marks every browser process they start and no one else's: other work on the
# machine may run Chromium, or these very tests from another checkout.
SCANNER_TEMP = Path(tempfile.gettempdir()) / f"a11y-audit-tests-{os.getpid()}"


def scanner_processes() -> list:
    """Browser processes started by these tests' scans."""
    return processes.with_marker(f"{SCANNER_TEMP}/a11y-audit-run-")


def scanner_environment() -> dict[str, str]:
    """The environment for a11y-audit run as a command by these tests."""
    return {**os.environ, "TMPDIR": str(SCANNER_TEMP)}


@pytest.fixture(scope="package", autouse=True)
def no_browser_left_at_the_end() -> Iterator[None]:
    SCANNER_TEMP.mkdir(exist_ok=True)
    yield
    left = scanner_processes()
    shutil.rmtree(SCANNER_TEMP, ignore_errors=True)
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
    # expected.json lists each page's violations at the standard alone.
    settings = {"workers": 2, "delay": 0.0, "page_timeout": 8.0, "best_practice": False,
                **options}
    scan_id = Run(store, WebsiteScan(ScanOptions(targets=targets, **settings)),
                  Progress(enabled=False), run_root=SCANNER_TEMP).run()
    return evaluate(store, scan_id)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(str(tmp_path / "scans.sqlite3"))

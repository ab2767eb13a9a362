"""Rules for every test of the suite, as a pytest plug-in (registered by tests/conftest.py).

- Every HTML page a test app renders is checked (tests/rendered_pages.py); a page that
  fails makes the test that rendered it fail, with its address and what is wrong.
- Only tests marked ``browser`` may start Chromium (tests/chromium_guard.py), so that
  ``make test-fast`` (``-m "not browser"``) needs no browser and stays fast.
- Under pytest-xdist (``make test``): the tests of a module with module-scoped fixtures
  share a worker (``--dist loadgroup``), tests marked ``alone`` run while no other
  test runs in any worker, and those and the tests marked ``long`` are handed out first
  (tests/scheduling.py).
"""

from __future__ import annotations

import fcntl
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import database_templates, rendered_pages, scheduling
from tests.chromium_guard import ChromiumGuard

LOCK_KEY = "kiosk_alone_lock"


class SuiteRules:
    def __init__(self, config: pytest.Config) -> None:
        # One folder per process: each pytest-xdist worker has its own.
        self.folder = Path(tempfile.mkdtemp(prefix="kiosk-tests-"))
        self.guard = ChromiumGuard(self.folder)
        worker_input = getattr(config, "workerinput", None)
        # The controller's lock file, shared by its workers; none without pytest-xdist.
        self.lock_path = self.folder / "alone.lock" if worker_input is None \
            else Path(worker_input[LOCK_KEY]) if LOCK_KEY in worker_input else None
        self.lock = self.lock_path.open("a") if worker_input is not None and self.lock_path \
            else None
        self.worker: str | None = worker_input["workerid"] if worker_input else None

    # -- the run ------------------------------------------------------------------------

    @pytest.hookimpl(optionalhook=True)
    def pytest_configure_node(self, node: Any) -> None:
        """pytest-xdist's controller, for each worker: the lock file all workers share."""
        if self.lock_path is not None:
            self.lock_path.touch()
            node.workerinput[LOCK_KEY] = str(self.lock_path)

    def pytest_unconfigure(self, config: pytest.Config) -> None:
        database_templates.remove()
        self.guard.allow()
        if self.lock is not None:
            self.lock.close()
        # The controller ends after its workers: its lock file goes last.
        shutil.rmtree(self.folder, ignore_errors=True)

    @pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
    def pytest_collection_modifyitems(self, config: pytest.Config,
                                      items: list[pytest.Item]) -> None:
        """Under ``--dist loadgroup``, the tests of a module with a module-scoped fixture (a
        live server, a browser without JavaScript, an app loaded with scans) run in one
        worker, so that the fixture is made once rather than once in each worker; the
        ``alone`` and ``long`` tests run first, in one worker (tests/scheduling.py)."""
        grouped = scheduling.groups(items, _module_group)
        for item, group in grouped.items():
            item.add_marker(pytest.mark.xdist_group(group))
        scheduling.first_in_line(items, grouped)

    @pytest.hookimpl(tryfirst=True)  # before the worker tells the controller its tests
    def pytest_collection_finish(self, session: pytest.Session) -> None:
        if self.worker is not None and self.lock_path is not None:
            scheduling.write_groups(self.lock_path.parent, self.worker, session.items)

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_make_scheduler(self, config: pytest.Config,
                                    log: Any) -> scheduling.FirstUnitFirst | None:
        """pytest-xdist's controller: ``--dist loadgroup`` by the workers' groups, the
        ``first`` unit first; any other mode is left as pytest-xdist makes it."""
        if config.getvalue("dist") != "loadgroup":
            return None
        return scheduling.FirstUnitFirst(config, log, self.folder)

    # -- each test ----------------------------------------------------------------------

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item,
                                nextitem: pytest.Item | None) -> Iterator[object]:
        """A test marked ``alone`` holds the workers' lock alone; the others share it.

        Such a test measures time or the order of events against a deadline (a page that
        takes 2 s must finish last; a frozen browser is killed within its grace), which
        another worker's browsers on the same two cores would make meaningless."""
        if self.lock is None:
            return (yield)
        alone = item.get_closest_marker("alone") is not None
        fcntl.flock(self.lock, fcntl.LOCK_EX if alone else fcntl.LOCK_SH)
        try:
            return (yield)
        finally:
            fcntl.flock(self.lock, fcntl.LOCK_UN)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> Iterator[None]:
        typed = item.get_closest_marker("typed_text")
        rendered_pages.expect_typed(tuple(typed.args) if typed else ())
        if item.get_closest_marker("browser"):
            self.guard.allow()
        else:
            self.guard.forbid()
        try:
            return (yield)
        finally:
            self._check_chromium_starts(item)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Iterator[None]:
        try:
            result = yield
        except BaseException:
            # A refused Chromium start makes the test fail in its own way: say why instead.
            self._check_chromium_starts(item)
            raise
        self._check_chromium_starts(item)
        # Pages rendered by fixtures while setting up count too: they are the test's pages.
        _check_rendered_pages(item, "the test")
        return result

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_teardown(self, item: pytest.Item,
                                nextitem: pytest.Item | None) -> Iterator[None]:
        try:
            return (yield)
        finally:
            # Requests a browser made after the test's last step (and those of a test whose
            # setup failed) are still checked, in the teardown of the test that made them.
            _check_rendered_pages(item, "the teardown")

    def _check_chromium_starts(self, item: pytest.Item) -> None:
        started = self.guard.attempts()
        if started:
            pytest.fail(f"{item.nodeid} starts Chromium but is not marked browser: add "
                        "@pytest.mark.browser (or pytestmark = pytest.mark.browser), so that "
                        "`make test-fast` leaves it out.\nRefused: " + "; ".join(started),
                        pytrace=False)


def _module_group(item: pytest.Item) -> str | None:
    """The item's module, if the item uses a module-scoped fixture."""
    definitions = getattr(item, "_fixtureinfo", None)
    if definitions is None:
        return None
    if any(definition.scope == "module"
           for chain in definitions.name2fixturedefs.values() for definition in chain):
        return str(item.module.__name__)
    return None


def _check_rendered_pages(item: pytest.Item, when: str) -> None:
    problems = rendered_pages.take()
    if problems:
        pytest.fail(f"pages rendered during {when} of {item.nodeid} are not well formed:\n  "
                    + "\n  ".join(problems), pytrace=False)

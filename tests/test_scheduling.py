"""The suite's own scheduling under pytest-xdist (tests/scheduling.py), run on a small
suite of its own with two workers: a module with a module-scoped fixture runs in one
worker, the ``alone`` and ``long`` tests are handed out first (the ``alone`` ones before
the ``long`` one), and the worker busy with a ``long`` test gets no group behind it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CONFTEST = """
from tests.suite_rules import SuiteRules

def pytest_configure(config):
    for marker in ("alone", "long", "browser", "typed_text"):
        config.addinivalue_line("markers", marker + ": see the kiosk's pyproject.toml")
    config.pluginmanager.register(SuiteRules(config), "kiosk-suite-rules")
"""

RECORD = """
import os, time
from pathlib import Path

def record(name):
    with open(Path(__file__).parent / "ran.log", "a") as log:
        log.write(f"{os.environ['PYTEST_XDIST_WORKER']} {name}\\n")
"""

SHARED = """
import pytest
from record import record

@pytest.fixture(scope="module")
def shared():
    return object()

@pytest.mark.parametrize("n", range(6))
def test_shared(shared, n):
    record(f"shared-{n}")
"""

SINGLES = """
import pytest, time
from record import record

@pytest.mark.parametrize("n", range(12))
def test_single(n):
    record(f"single-{n}")
    time.sleep(0.05)
"""

SPECIAL = """
import pytest, time
from record import record

@pytest.mark.long
def test_long():
    record("long")
    time.sleep(2)

@pytest.mark.alone
def test_alone():
    record("alone")
"""


def test_groups_reach_pytest_xdist_and_the_long_test_starts_first(tmp_path: Path) -> None:
    suite = tmp_path / "suite"
    suite.mkdir()
    # The long and alone tests come last in collection order: the scheduler, not the
    # order of the files, must hand them out first.
    for name, text in {"conftest.py": CONFTEST, "record.py": RECORD,
                       "test_a_shared.py": SHARED, "test_b_singles.py": SINGLES,
                       "test_z_special.py": SPECIAL}.items():
        (suite / name).write_text(text)
    # The small suite runs with its own options only, not those of the run around it.
    env = {name: value for name, value in os.environ.items()
           if name not in ("PYTEST_ADDOPTS", "PYTEST_PLUGINS")}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-q",
         "-p", "no:cacheprovider", "--rootdir", str(suite), str(suite)],
        cwd=suite, capture_output=True, text=True, timeout=300,
        env={**env, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stdout + result.stderr
    ran = [line.split() for line in (suite / "ran.log").read_text().splitlines()]
    workers = {name: worker for worker, name in ran}
    assert len(workers) == 6 + 12 + 2
    # One worker made the module fixture and ran every test of its module.
    assert len({workers[f"shared-{n}"] for n in range(6)}) == 1
    # The first unit went first, alone before long, in one worker.
    first = workers["long"]
    own = [name for worker, name in ran if worker == first]
    assert own[:2] == ["alone", "long"]
    # Behind the long test, that worker ran single tests, never the shared module.
    assert workers["shared-0"] != first

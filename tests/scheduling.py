"""The order in which pytest-xdist hands out the tests (``make test``: ``--dist loadgroup``).

pytest-xdist hands out work units: a group of tests that must share a worker, or a
single test. The groups are ours:

- A module-scoped fixture (a live server, an app loaded with scans) is made once per
  worker that runs a test of its module: such a module is one group.
- A test marked ``long`` takes minutes (the demo stand's audit: 192 page views). Started
  last, it keeps one worker busy while the others have nothing left to do; started
  first, the other workers run everything else meanwhile.
- A test marked ``alone`` runs while no other test runs (tests/suite_rules.py). Behind a
  ``long`` test in another worker it would hold its own worker idle for minutes.

So the ``alone`` and ``long`` tests (with any module group they belong to) form one unit,
``first``, handed out before any other, with the ``alone`` tests at its start; and while
a worker still has a ``long`` test to run, what else it is given comes from the end of
the queue, the single tests, so that no group waits behind the long test.

Each worker writes the group of each test into a file the controller reads. pytest-xdist
itself tells the controller by appending ``@group`` to the test IDs, which pytest 9.2's
structured test IDs silently ignore (pytest-dev/pytest-xdist#1386): every test became a
unit of its own, and a module's fixtures were made in every worker."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from xdist.scheduler import LoadGroupScheduling
from xdist.workermanage import WorkerController

FIRST = "first"


def groups(items: list[pytest.Item], module_group: Callable[[pytest.Item], str | None]
           ) -> dict[pytest.Item, str]:
    """The group of each item that needs one: ``first`` for the ``alone`` and ``long``
    tests and the module groups they belong to, else the item's module group."""
    own = {item: module_group(item) for item in items}
    first = {own[item] for item in items if own[item] is not None and _goes_first(item)}
    return {item: FIRST if _goes_first(item) or group in first else group
            for item, group in own.items() if group is not None or _goes_first(item)}


def first_in_line(items: list[pytest.Item], grouped: dict[pytest.Item, str]) -> None:
    """Put the ``first`` unit's tests at the start of the collection (the order a worker
    runs a unit in): the ``alone`` tests before the ``long`` ones, so that they need not
    wait for a ``long`` test to end. Every worker reorders alike, as pytest-xdist
    requires; the other tests keep their order."""
    first = [item for item in items if grouped.get(item) == FIRST]
    if not first:
        return
    first.sort(key=lambda item: item.get_closest_marker("long") is not None)
    rest = [item for item in items if grouped.get(item) != FIRST]
    items[:] = first + rest


def write_groups(folder: Path, worker: str, items: list[pytest.Item]) -> None:
    """A worker's groups, by test ID, for the controller (:class:`FirstUnitFirst`)."""
    found = {}
    for item in items:
        names = sorted({str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                        for mark in item.iter_markers("xdist_group")})
        if names:
            found[item.nodeid] = "_".join(names)
    path = folder / f"groups-{worker}.json"
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(found))
    os.replace(temporary, path)  # whole, before the worker reports its collection


def _goes_first(item: pytest.Item) -> bool:
    return any(item.get_closest_marker(name) is not None for name in ("alone", "long"))


class FirstUnitFirst(LoadGroupScheduling):
    """``--dist loadgroup`` with the groups the workers wrote, the ``first`` unit handed
    out first, and a worker busy with it given the smallest units (the queue's end:
    pytest-xdist sorts units by size, largest first) to run after it, rather than a group
    that would wait for it."""

    def __init__(self, config: pytest.Config, log: Any, folder: Path) -> None:
        super().__init__(config, log)
        self.folder = folder
        self.group_of: dict[str, str] = {}

    def schedule(self) -> None:
        if self.collection is None:  # the first call: every worker has collected
            for path in sorted(self.folder.glob("groups-*.json")):
                self.group_of.update(json.loads(path.read_text()))
        super().schedule()

    def _split_scope(self, nodeid: str) -> str:
        group = self.group_of.get(nodeid)
        return group if group is not None else super()._split_scope(nodeid)

    def _assign_work_unit(self, node: WorkerController) -> None:
        if FIRST in self.workqueue:
            self.workqueue.move_to_end(FIRST, last=False)
        elif self._runs_first_unit(node) and len(self.workqueue) > 1:
            self.workqueue.move_to_end(next(reversed(self.workqueue)), last=False)
        super()._assign_work_unit(node)

    def _runs_first_unit(self, node: WorkerController) -> bool:
        unit = self.assigned_work.get(node, {}).get(FIRST)
        return unit is not None and not all(unit.values())

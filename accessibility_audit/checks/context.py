"""What a check's gatherer is given: the page in the browser, the viewport it is shown
at, a way to show it at another, plain HTTP for what lies beyond it, a memory of what
the scan learnt already, and its time budget.

Scripts, key presses and DevTools commands go through :class:`PageContext`
(``run_script``, ``press``, ``cdp``), the one seam between the checks and the
browser. Scripts run in the scanner's
isolated world in the page (``world``, see ``accessibility_audit.engine.world``): the
page's own scripts cannot replace or patch what a gatherer calls, and a gatherer's
globals (``window.__name``) stay between its calls, hidden from the page."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any, Protocol, TypeVar

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit.fetching import Fetcher
from accessibility_audit.model import Viewport


class ScriptWorld(Protocol):
    """Where gathering scripts run: the engine's isolated world in the page."""

    # DevTools commands to the page, through the channel the world itself uses.
    cdp: Callable[[str, dict[str, Any]], Any]

    def call(self, script: str, *arguments: Any) -> Any: ...

    def context(self, frame: str | None = None) -> int:
        """The world's execution context in ``frame`` (the top document's by default),
        for DevTools commands that run in it."""
        ...

_GATHER = files("accessibility_audit.checks").joinpath("gather")
# The helpers each family of scripts shares, put in front of each script.
HELPERS = {"site": "common.js", "stand": "stand/selector.js"}


@cache
def gatherer(name: str, helpers: str = "site") -> str:
    """A gathering script (``gather/<name>.js``), with the helpers of its family."""
    return (_GATHER.joinpath(HELPERS[helpers]).read_text() + "\n"
            + _GATHER.joinpath(f"{name}.js").read_text())


T = TypeVar("T")


class OutOfTime(RuntimeError):
    """A gatherer ran past its check's time budget."""


class ScanMemo:
    """What checks learn beyond the page (where a link leads, whether an audio file is
    audible), once per scan: the first worker to ask finds out, the others wait for
    its answer. Shared by every page and worker thread of a scan."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._answers: dict[Hashable, Future[Any]] = {}

    def get(self, key: Hashable, find: Callable[[], T]) -> T:
        with self._lock:
            future = self._answers.get(key)
            mine = future is None
            if future is None:
                future = self._answers[key] = Future()
        if mine:
            try:
                future.set_result(find())
            except BaseException as error:  # noqa: BLE001 - raised again to every asker
                future.set_exception(error)
        # Each key is asked with the same ``find``, so its answer has that type.
        answer: T = future.result()
        return answer

    def __len__(self) -> int:
        return len(self._answers)


@dataclass
class PageContext:
    driver: WebDriver
    url: str
    # The site the page is audited for: an origin, or a stand's base URL.
    site: str
    viewport: Viewport
    fetcher: Fetcher | None
    # Shows the page at another viewport and waits for it to settle.
    resize: Callable[[Viewport], None]
    memo: ScanMemo = field(default_factory=ScanMemo)
    # The rules selected for this audit, for a check that decides several.
    rules: frozenset[str] = frozenset()
    deadline: float = math.inf
    # The scanner's isolated world in the page (the engine gives one); without it,
    # scripts run among the page's own (a page the scanner does not audit).
    world: ScriptWorld | None = None
    # Whether the browser blocks audio and video (``MEDIA_PATTERNS``), as a scan's do
    # unless --load-media.
    media_blocked: bool = False

    def check_time(self) -> None:
        """Raise :class:`OutOfTime` once the check's budget is spent."""
        if time.monotonic() > self.deadline:
            raise OutOfTime("it ran out of its time budget")

    def run_script(self, script: str, *arguments: Any) -> Any:
        """Run a gathering script — a function body reading ``arguments`` and
        ``return``ing plain data (JSON: no elements) — in the scanner's world of the
        top document (frames are left to axe)."""
        self.check_time()
        if self.world is not None:
            return self.world.call(script, *arguments)
        self.driver.switch_to.default_content()
        return self.driver.execute_script(script, *arguments)

    def press(self, keys: str, holding: str | None = None, pause: float = 0.0) -> None:
        """Press ``keys`` on whatever has the focus, with ``holding`` (Shift) held, and
        ``pause`` seconds after each key (for what the page does a moment later)."""
        self.check_time()
        actions = ActionChains(self.driver)
        if holding:
            actions.key_down(holding)
        if pause:
            for key in keys:
                actions.send_keys(key).pause(pause)
        else:
            actions.send_keys(keys)
        if holding:
            actions.key_up(holding)
        actions.perform()

    def cdp(self, command: str, params: dict[str, Any] | None = None) -> Any:
        """A DevTools command to the browser (as the engine sends them: through
        chromedriver locally, through the Grid remotely)."""
        return self.driver.execute("executeCdpCommand",
                                   {"cmd": command, "params": params or {}})["value"]

    def screenshot(self) -> bytes:
        """The viewport as a PNG: the same pixels give the same bytes."""
        self.check_time()
        return self.driver.get_screenshot_as_png()

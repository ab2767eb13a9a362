"""The scanner's own JavaScript world in the audited page, where the page's scripts
cannot reach.

A page's scripts can replace ``window.axe``, patch ``Array.prototype``, ``JSON`` or
``Element.prototype``, or define getters that throw; a scanner that ran axe-core and its
own checks among them would report whatever the page wished. Chromium gives every
frame, besides the page's own ("main") world, isolated worlds through the DevTools
protocol (``Page.createIsolatedWorld``), as it gives browser extensions their content
scripts: the DOM is shared, but every JavaScript object — globals, built-ins,
prototypes, the wrappers of DOM nodes — is the world's own. axe-core, the own checks'
gathering scripts, the settle wait and the page's facts all run there.

Scripts are written as WebDriver's are: the body of a function that reads
``arguments`` and ``return``s a value (or, run with :meth:`AuditWorld.run_async`, calls
the callback it gets as its last argument). Arguments and results travel as JSON.

What the isolated world cannot stop — the page changing the shared DOM while it is
audited — :mod:`accessibility_audit.engine.interference` watches for."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib.resources import files
from typing import Any

from selenium.common.exceptions import (
    JavascriptException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.chromium.webdriver import ChromiumDriver
from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit.engine.frame_sessions import FrameSession

# The one isolated world the scanner uses in every frame. A named world is made once
# per document: the script the browser runs in it at the start of every document
# (world_guard.js) and the scripts run later share its globals.
WORLD_NAME = "a11y-audit"
WORLD_GUARD_SCRIPT = files("accessibility_audit.engine").joinpath("world_guard.js").read_text()
_OBJECTS = "a11y-audit-objects"
_TIMED_OUT = "a11y-audit: out of time"

Cdp = Callable[[str, dict[str, Any]], Any]


class DocumentReplaced(RuntimeError):
    """The audited document went away during the audit (the page navigated, reloaded
    or replaced itself): nothing gathered can be trusted to belong to one page."""


class FrameUnreachable(RuntimeError):
    """A frame the scanner cannot give a world of its own (one in another renderer
    process, in a browser that isolates sites)."""


def cdp_of(driver: WebDriver) -> Cdp:
    """DevTools commands for ``driver``'s page, through chromedriver or a Grid."""

    def command(name: str, params: dict[str, Any]) -> Any:
        return driver.execute("executeCdpCommand", {"cmd": name, "params": params})["value"]

    return command


def function_call(script: str, arguments: tuple[Any, ...]) -> str:
    """``script`` (a function body) applied to ``arguments``, as one expression."""
    return f"(function () {{\n{script}\n}}).apply(null, {json.dumps(list(arguments))})"


def async_call(script: str, arguments: tuple[Any, ...], timeout: float) -> str:
    """A promise of the value ``script`` passes to its callback, rejected after
    ``timeout`` seconds."""
    return (
        "new Promise((resolve, reject) => {\n"
        f"const timer = setTimeout(() => reject(new Error({json.dumps(_TIMED_OUT)})), "
        f"{int(timeout * 1000)});\n"
        "const done = (value) => { clearTimeout(timer); resolve(value); };\n"
        f"(function () {{\n{script}\n}}).apply(null, [...{json.dumps(list(arguments))}, done]);\n"
        "})")


class AuditWorld:
    """The scanner's world in each frame of the document a browser shows now.

    Made after the page has loaded; a new document (another page, a reload) needs a
    new one, and :meth:`close` ends it. ``timeout`` bounds every asynchronous script,
    in seconds. ``debugger``, the local browser's DevTools address, reaches frames
    in other processes (frame_sessions.py)."""

    def __init__(self, cdp: Cdp, timeout: float, debugger: str | None = None) -> None:
        self.cdp = cdp
        self.timeout = timeout
        self.debugger = debugger
        self._contexts: dict[str, int] = {}
        # The DevTools session each frame is reached through (the page's by default).
        self._channels: dict[str, Cdp] = {}
        self._sessions: list[FrameSession] = []
        # What has been installed in which frame's world (see install).
        self._installed: set[tuple[str, str]] = set()
        # The scripts made functions of the world's (see call), by number.
        self._functions: dict[str, int] = {}
        try:
            self.top: str = cdp("Page.getFrameTree", {})["frameTree"]["frame"]["id"]
        except WebDriverException as error:
            raise _lost(error) from error

    @classmethod
    def of(cls, driver: WebDriver, timeout: float) -> AuditWorld:
        """The world of the page ``driver`` shows; a local Chromium's frames in other
        processes are reached through its DevTools port."""
        debugger = None
        if isinstance(driver, ChromiumDriver):
            debugger = driver.capabilities.get("goog:chromeOptions", {}).get("debuggerAddress")
        return cls(cdp_of(driver), timeout, debugger)

    def close(self) -> None:
        """End the sessions opened for frames in other processes."""
        for session in self._sessions:
            session.close()
        self._sessions.clear()

    def __enter__(self) -> AuditWorld:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def run(self, script: str, *arguments: Any, frame: str | None = None) -> Any:
        """Run ``script`` (a function body reading ``arguments``) in the top document,
        or in ``frame``, and return what it returns."""
        return self._evaluate(function_call(script, arguments), frame, wait=False)

    def call(self, script: str, *arguments: Any, frame: str | None = None) -> Any:
        """As :meth:`run`, for a script run many times on one page (a gatherer the
        keyboard walk calls after each step): it is sent and compiled once per document
        as a function of the world's, and then only called."""
        number = self._functions.setdefault(script, len(self._functions))
        self.install(f"function {number}", f"(window.__a11yAuditFunctions ||= [])[{number}] = "
                     f"function () {{\n{script}\n}};", frame)
        return self.run(f"return window.__a11yAuditFunctions[{number}].apply(null, arguments);",
                        *arguments, frame=frame)

    def install(self, name: str, source: str, frame: str | None = None,
                preloaded: str | None = None) -> None:
        """Run ``source`` (which defines what later scripts call: axe-core, watch.js) in
        the world of the top document or ``frame`` once: the world keeps it for as long
        as the document lasts. ``preloaded``, a script that returns true when it could
        set up the same from what the browser gave the document at its start (see
        :meth:`Browser.preload <accessibility_audit.engine.launch.Browser.preload>`),
        is tried first, so that a large ``source`` crosses the wire only where it must."""
        key = (name, frame or self.top)
        if key not in self._installed:
            if preloaded is None or self.run(preloaded, frame=frame) is not True:
                self.run(source, frame=frame)
            self._installed.add(key)

    def run_async(self, script: str, *arguments: Any, frame: str | None = None,
                  timeout: float | None = None) -> Any:
        """Run ``script``, which calls its last argument with the result; raise
        selenium's ``TimeoutException`` if it does not within the timeout."""
        expression = async_call(script, arguments, timeout or self.timeout)
        return self._evaluate(expression, frame, wait=True)

    def frame_of(self, expression: str, frame: str | None = None) -> str:
        """The frame id of the frame element ``expression`` (evaluated in ``frame``'s
        world) gives, e.g. ``axe.utils.shadowSelect(…)``."""
        channel = self._channel(frame)
        answer = self._command("Runtime.evaluate", {
            "expression": expression, "contextId": self.context(frame),
            "objectGroup": _OBJECTS}, channel)
        _raise_for(answer)
        try:
            handle = answer["result"].get("objectId")
            if handle is None:
                raise FrameUnreachable("the frame's element is gone")
            node = self._command("DOM.describeNode", {"objectId": handle}, channel)["node"]
        finally:
            self._command("Runtime.releaseObjectGroup", {"objectGroup": _OBJECTS}, channel)
        if not node.get("frameId"):
            raise FrameUnreachable("the element holds no frame")
        # A frame in the same process is reached through its parent's session.
        self._channels.setdefault(node["frameId"], channel)
        frame_id: str = node["frameId"]
        return frame_id

    def context(self, frame: str | None = None) -> int:
        """The execution context of the world in ``frame`` (the top document's by
        default), made on first use."""
        frame = frame or self.top
        if frame not in self._contexts:
            params = {"frameId": frame, "worldName": WORLD_NAME, "grantUniveralAccess": False}
            try:
                made = self._channel(frame)("Page.createIsolatedWorld", params)
            except WebDriverException as error:
                if frame == self.top:
                    raise _lost(error) from error
                made = self._own_session(frame, error)("Page.createIsolatedWorld", params)
            self._contexts[frame] = made["executionContextId"]
        return self._contexts[frame]

    def _channel(self, frame: str | None) -> Cdp:
        return self._channels.get(frame or self.top, self.cdp)

    def _own_session(self, frame: str, why: WebDriverException) -> Cdp:
        """A session of the frame's own, for a frame in another process."""
        if self.debugger is None:
            raise FrameUnreachable(why.msg or str(why)) from why
        try:
            session = FrameSession(self.debugger, frame, self.timeout)
        except WebDriverException as error:
            raise FrameUnreachable(error.msg or str(error)) from error
        self._sessions.append(session)
        self._channels[frame] = session
        return session

    def _evaluate(self, expression: str, frame: str | None, wait: bool) -> Any:
        answer = self._command("Runtime.evaluate", {
            "expression": expression, "contextId": self.context(frame),
            "returnByValue": True, "awaitPromise": wait}, self._channel(frame))
        _raise_for(answer)
        return answer["result"].get("value")

    def _command(self, name: str, params: dict[str, Any], channel: Cdp | None = None) -> Any:
        try:
            return (channel or self.cdp)(name, params)
        except WebDriverException as error:
            if "execution context" in (error.msg or "") or "Cannot find context" in (
                    error.msg or ""):
                raise _lost(error) from error
            raise


def _raise_for(answer: dict[str, Any]) -> None:
    details = answer.get("exceptionDetails")
    if not details:
        return
    exception = details.get("exception") or {}
    text = exception.get("description") or details.get("text") or "script error"
    if _TIMED_OUT in text:
        raise TimeoutException("the script did not finish in time")
    raise JavascriptException(text.splitlines()[0])


def _lost(error: WebDriverException) -> Exception:
    text = error.msg or str(error)
    if "execution context" in text or "Cannot find context" in text or "No frame" in text:
        return DocumentReplaced("the page replaced its document during the audit "
                                "(it navigated away or reloaded)")
    return error

"""axe-core in every frame, cross-origin ones included, each in the scanner's own
isolated world (world.py).

axe runs in the top document's world; when the page has frames, ``axe.runPartial``
runs in each frame's world (found by the frame element axe names, through DevTools)
and ``axe.finishRun`` combines the parts, so results inside frames carry the frame's
selector in their target, as Deque's own integrations do since axe 4.3. A frame that
cannot be given a world (one in another renderer process, when the browser isolates
sites — the scanner's browsers do not, see launch.py) is passed on as ``null``, which
axe reports through its ``frame-tested`` rule instead of staying silent. While axe
reads a frame, watch.js looks for the frame changing under it.

The axe-core build is the one ``make install`` fetches from the npm registry
(``INSTALLED_AXE``, the current release); only when that file is absent (a scanner
installed without ``make install``) does the older build bundled in
axe-selenium-python stand in. Every result names the version that made it. It is
injected into the scanner's world, where an ``axe`` the page defines is never seen,
let alone used. A browser is given the build once (``Browser.preload``), wrapped in a
function of the scanner's world that every document then holds, so that a page needs
only a call to set axe up, not 650 KB over the wire; a frame or a browser without it
(one someone else started) is sent the build itself."""

from __future__ import annotations

import hashlib
import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

from axe_selenium_python.axe import _DEFAULT_SCRIPT
from selenium.common.exceptions import JavascriptException

from accessibility_audit.checks.selection import axe_rule_ids, axe_rules
from accessibility_audit.engine import interference
from accessibility_audit.engine.world import AuditWorld, DocumentReplaced, FrameUnreachable

BUNDLED_AXE = Path(_DEFAULT_SCRIPT)
# Where the Makefile installs axe-core (its AXE_VERSION) in a checkout.
INSTALLED_AXE = (Path(__file__).resolve().parents[2] / ".tools" / "axe-core" / "node_modules"
                 / "axe-core" / "axe.min.js")
WHOLE_PAGE: dict[str, Any] = {"exclude": []}
MAX_FRAME_DEPTH = 8  # frames within frames; deeper nesting is almost always a trap

_FRAMES = "return axe.utils.getFrameContexts(arguments[0], arguments[1])"
# A frame's part, and what changed in the frame while axe read it.
_RUN_PARTIAL = """
const [context, options, done] = arguments;
__a11yAuditWatch.start();
axe.runPartial(context, options).then(
  (partial) => done({partial, watch: __a11yAuditWatch.stop()}),
  (error) => { __a11yAuditWatch.stop(); done({__error: String(error)}); });
"""
# One round trip: a page without frames is audited at once; a page with frames
# answers {__frames: true} and is audited frame by frame instead.
_RUN_UNLESS_FRAMES = """
const [context, options, done] = arguments;
if (axe.utils.getFrameContexts(context, options).length) {
  done({__frames: true});
} else {
  axe.run(context, options).then(done, (error) => done({__error: String(error)}));
}
"""
_FINISH_RUN = """
const [partials, options, done] = arguments;
axe.finishRun(partials, options).then(done, (error) => done({__error: String(error)}));
"""
WATCH_SCRIPT = files("accessibility_audit.engine").joinpath("watch.js").read_text()


# axe's color-contrast-enhanced (1.4.6) leaves out text under 4.5:1 (3:1 large),
# assuming color-contrast (1.4.3) reports it. Such text fails 1.4.6 as well, and a
# check of 7:1 alone (a stand's high-contrast mode) must not pass it.
_WHOLE_AAA_CONTRAST = """
const enhanced = axe._audit && axe._audit.checks["color-contrast-enhanced"];
const ratios = enhanced && enhanced.options && enhanced.options.contrastRatio;
if (ratios) {
  for (const size of Object.keys(ratios)) delete ratios[size].minThreshold;
}
"""


class AxeFailed(RuntimeError):
    """axe-core itself reported an error on this page."""


def default_axe() -> Path:
    """The axe-core build a scan runs unless told otherwise."""
    return INSTALLED_AXE if INSTALLED_AXE.is_file() else BUNDLED_AXE


class AxeScript:
    """The axe-core build a scan uses, read once."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_axe()
        self.source = self.path.read_text(encoding="utf-8")
        self._rules: dict[str, tuple[str, ...]] | None = None
        digest = hashlib.sha256(self.source.encode()).hexdigest()[:16]
        # Named for the build, so a browser given two builds keeps them apart.
        self.preload_name = f"axe {digest}"
        loader = f"window.__a11yAuditAxe_{digest}"
        setup = "if (!window.axe) {" + self.source + "\n}" + _WHOLE_AAA_CONTRAST
        self._injection = setup
        # Defined at the start of every document (V8 compiles a function's body only
        # when it is called): axe is set up only in the documents audited.
        self.preload_source = f"{loader} = function () {{\n{setup}\n}};"
        self._load = (f"if (typeof {loader} !== 'function') return false;\n"
                      f"{loader}();\nreturn true;")

    @property
    def version(self) -> str:
        """The version the build's banner names ("4.14.1"), or "unknown"."""
        match = re.search(r"axe v(\S+)", self.source[:200])
        return match.group(1) if match else "unknown"

    def rule_ids(self) -> tuple[str, ...]:
        """The ids of the rules in this build."""
        return axe_rule_ids(self.source)

    def rules(self) -> dict[str, tuple[str, ...]]:
        """The rules of this build with their tags (read once)."""
        if self._rules is None:
            self._rules = axe_rules(self.source)
        return self._rules

    def inject(self, world: AuditWorld, frame: str | None = None) -> None:
        """axe-core (and watch.js) in the scanner's world of the top document or
        ``frame``, once per document."""
        world.install("axe", self._injection, frame, preloaded=self._load)
        world.install("watch", WATCH_SCRIPT, frame)


def run_everywhere(world: AuditWorld, axe: AxeScript, options: dict[str, Any],
                   interfered: list[str] | None = None) -> dict[str, Any]:
    """axe results for the page's top document and all its frames. What a frame
    did to interfere while axe read it is added to ``interfered``."""
    axe.inject(world)
    # Without frames, one plain axe.run gives the same result as the parts would,
    # without sending partial results back and forth.
    result = world.run_async(_RUN_UNLESS_FRAMES, WHOLE_PAGE, options)
    if isinstance(result, dict) and result.get("__frames"):
        partials = _partials(world, axe, None, WHOLE_PAGE, options, 0,
                             interfered if interfered is not None else [])
        result = world.run_async(_FINISH_RUN, partials, options)
    if not isinstance(result, dict):
        raise AxeFailed(f"axe-core gave no result ({type(result).__name__})")
    if "__error" in result:
        raise AxeFailed(result["__error"])
    found: dict[str, Any] = result
    return found


def _partials(world: AuditWorld, axe: AxeScript, frame: str | None, context: Any,
              options: dict[str, Any], depth: int, interfered: list[str]) -> list[Any]:
    axe.inject(world, frame)
    # The frame list must be taken before runPartial, as axe expects.
    frames = world.run(_FRAMES, context, options, frame=frame)
    answer = world.run_async(_RUN_PARTIAL, context, options, frame=frame)
    if not isinstance(answer, dict) or "__error" in answer:
        raise AxeFailed(answer.get("__error") if isinstance(answer, dict) else "no result")
    if frame is not None:
        found = interference.reason(answer.get("watch"), "in a frame")
        if found:
            interfered.append(found)
    partials: list[Any] = [answer["partial"]]
    for inner in frames:
        partials.extend(_frame_partials(world, axe, frame, inner, options, depth + 1,
                                        interfered))
    return partials


def _frame_partials(world: AuditWorld, axe: AxeScript, parent: str | None,
                    inner: dict[str, Any], options: dict[str, Any], depth: int,
                    interfered: list[str]) -> list[Any]:
    if depth > MAX_FRAME_DEPTH:
        return [None]
    try:
        frame = world.frame_of(
            f"axe.utils.shadowSelect({json.dumps(inner['frameSelector'])})", parent)
        return _partials(world, axe, frame, inner["frameContext"], options, depth,
                         interfered)
    except (FrameUnreachable, DocumentReplaced, JavascriptException, AxeFailed):
        # axe reports the frame through frame-tested: never silently skipped.
        return [None]

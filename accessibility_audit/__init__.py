"""a11y-audit: accessibility audits of websites and information stands with axe-core
and the scanner's own checks, in real headless Chromium.

This package is the public API: other programs (the kiosk, tests) import from it and
from nothing below it — ``from accessibility_audit import Store, evaluate, report``.
The names are those of ``api.py`` (the store, the evaluation, reports and charts, the
physical checklist) and the engine's ``audit_page``/``violations``. They load on first
use (PEP 562), so a name costs only what it needs, and Selenium only the engine's.

Inside, modules are layers, each importing only from its own layer or those below
(``tests/audit/test_architecture.py`` holds them to it), from the bottom:

1. values: version, model, wcag, urls, options, findings, i18n, politeness, safe_yaml,
   and the checklist's pure parts (physical.model, .evaluation, .parsing, .texts …)
2. reaching out: fetching, browser, discovery
3. checks: the own-check framework and every own check
4. engine: one page in one browser, the pool of browsers
5. store: store, physical.storage
6. evaluation: evaluation, diff, exitcodes, physical.stand_audits, physical.report
7. reports: reporters, charts, physical.text_report
8. runs: runs, progress
9. API: api, this package
10. command line: cli
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

from accessibility_audit.version import __version__ as __version__

if TYPE_CHECKING:  # the same names, for type checkers and editors
    from accessibility_audit.api import *  # noqa: F403
    from accessibility_audit.runs.page import PageNotAudited as PageNotAudited
    from accessibility_audit.runs.page import audit_page as audit_page
    from accessibility_audit.runs.page import violations as violations

# The engine's part of the API: one page in a browser someone else drives.
_ENGINE = ("PageNotAudited", "audit_page", "violations")


def _api_names() -> list[str]:
    return list(import_module("accessibility_audit.api").__all__)


def __getattr__(name: str) -> Any:
    # A submodule (``from accessibility_audit import wcag`` inside the package) is left to
    # the import system: asking the API for it would import the API halfway through.
    if name.startswith("_") or find_spec(f"{__name__}.{name}") is not None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if name in _ENGINE:
        module = import_module("accessibility_audit.runs.page")
    elif name in _api_names():
        module = import_module("accessibility_audit.api")
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({"__version__", *_ENGINE, *_api_names()})

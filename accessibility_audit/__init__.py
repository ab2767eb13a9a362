"""a11y-audit: accessibility audits of websites and information stands with axe-core
and the scanner's own checks, in real headless Chromium.

This module is the public API: what other code (the kiosk, its tests) may use. Its
names load on first use (PEP 562), so importing one part costs nothing of the others,
and Selenium only for the engine's functions."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from accessibility_audit.version import __version__

if TYPE_CHECKING:
    from accessibility_audit.evaluation import Finding
    from accessibility_audit.runs.page import PageNotAudited, audit_page, violations

# Public name -> the module that defines it.
_PUBLIC = {
    "Finding": "accessibility_audit.evaluation",
    "PageNotAudited": "accessibility_audit.runs.page",
    "audit_page": "accessibility_audit.runs.page",
    "violations": "accessibility_audit.runs.page",
}
__all__ = ["Finding", "PageNotAudited", "__version__", "audit_page", "violations"]


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module 'accessibility_audit' has no attribute {name!r}")
    value = getattr(import_module(_PUBLIC[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)

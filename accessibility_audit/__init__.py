"""Accessibility audits with axe-core in real headless Chromium.

The stand's own tests use ``axe`` and ``browser``; auditors use the ``a11y-audit``
command (``cli``), which scans whole sites, keeps every scan and reports on them."""

__version__ = "0.1.0"

"""The auditors' area under /audit: scans of agency websites and stands kept by
``a11y-audit``, their review, and the physical checklists of stands.

It reads and writes the scanner's own store (the ``audit_*`` tables), which by default
shares the kiosk's database, so a scan run with ``a11y-audit scan --db <the same URL>``
appears here at once."""

from __future__ import annotations

from flask import Flask

from kiosk.auditing import (  # noqa: F401 - importing a view module registers it
    checklist_form,
    dashboard_pages,
    findings,
    league,
    overview,
    reviews,
    sites,
    stands,
    trends,
)
from kiosk.auditing.blueprint import bp


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)

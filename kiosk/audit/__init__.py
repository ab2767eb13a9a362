"""The auditors' area under /audit: scans of agency websites and stands kept by
``a11y-audit``, their review, and the physical checklists of stands.

It reads and writes the scanner's own store (the ``audit_*`` tables) through the
scanner's public API only (``from accessibility_audit import …``); by default the store
shares the kiosk's database, so a scan run with ``a11y-audit scan --db <the same URL>``
appears here at once.

Layout: ``views/`` holds one module per auditor's task (the routes); beside it, the
services they call (``figures``, ``finding_rows``, ``ranking``, ``trend_figures``,
``checklist_fields``, ``reading``) and the storage (``storage``, the scanner's store).
Views import services and storage; services import storage; nothing imports a view."""

from __future__ import annotations

from flask import Flask

from accessibility_audit import web_link
from kiosk.audit import views  # noqa: F401 - importing the views registers them
from kiosk.audit.blueprint import bp


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    # The scanner's own check of a help URL, so a report here links what its HTML
    # report links, and nothing else.
    app.jinja_env.filters["web_link"] = web_link

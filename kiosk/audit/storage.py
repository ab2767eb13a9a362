"""Where the auditors' area keeps its data: the scanner's own store (the ``audit_*``
tables), opened through the scanner's public API, by default in the kiosk's database."""

from __future__ import annotations

from flask import Flask, current_app

from accessibility_audit import Store
from kiosk.store import store


def audit_store(app: Flask | None = None) -> Store:
    """The scanner's store: ``KIOSK_AUDIT_DB``, or else the kiosk's own database."""
    app = app or current_app
    found = app.extensions.get("kiosk.audit_store")
    if found is None:
        url = app.config["AUDIT_DB"] or store(app).engine.url.render_as_string(
            hide_password=False)
        found = app.extensions["kiosk.audit_store"] = Store(url)
    return found

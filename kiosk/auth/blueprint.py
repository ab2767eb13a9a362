"""The sign-in blueprint: signing in and out, and the staff areas' language, under
``/admin/`` beside the admin area they open (and the auditors' area at ``/audit/``)."""

from __future__ import annotations

from flask import Blueprint, url_for

from kiosk.auth.csrf import require_csrf

bp = Blueprint("auth", __name__, url_prefix="/admin")
bp.before_request(require_csrf)

# Where a manager lands after signing in when no page asked for it.
LANDING_ENDPOINT = "admin.dashboard"
# Pages a sign-in may lead back to: the staff areas only.
STAFF_AREAS = ("/admin", "/audit")


def safe_next(target: str | None) -> str:
    """``target`` if it is a page of the staff areas, else the landing page: never an
    address an attacker put in the link."""
    if target and target.startswith(STAFF_AREAS) and not target.startswith("//"):
        return target
    return url_for(LANDING_ENDPOINT)

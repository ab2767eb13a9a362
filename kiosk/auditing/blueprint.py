"""The auditors' blueprint, who may use it, and the scanner store it works on."""

from __future__ import annotations

from flask import Blueprint, Flask, current_app, request

from accessibility_audit.store import Store
from kiosk.admin.accounts import Role
from kiosk.admin.blueprint import ADMIN_MAX_BYTES, ADMIN_MAX_FORM_PARTS, login_required
from kiosk.admin.csrf import require_csrf
from kiosk.store import store

bp = Blueprint("audit", __name__, url_prefix="/audit")

# Auditors certify; administrators run the server and may look over their shoulder.
auditor_required = login_required(Role.AUDITOR, Role.ADMINISTRATOR)
# Endpoint -> largest request it takes, for forms that bring photos; others take the
# admin area's size.
UPLOAD_BYTES: dict[str, int] = {}


@bp.before_request
def _allow_upload_sizes() -> None:
    request.max_content_length = UPLOAD_BYTES.get(request.endpoint or "", ADMIN_MAX_BYTES)
    request.max_form_parts = ADMIN_MAX_FORM_PARTS


bp.before_request(require_csrf)


def audit_store(app: Flask | None = None) -> Store:
    """The scanner's store: ``KIOSK_AUDIT_DB``, or else the kiosk's own database."""
    app = app or current_app
    found = app.extensions.get("kiosk.audit_store")
    if found is None:
        url = app.config["AUDIT_DB"] or store(app).engine.url.render_as_string(
            hide_password=False)
        found = app.extensions["kiosk.audit_store"] = Store(url)
    return found

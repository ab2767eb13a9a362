"""The auditors' blueprint (``/audit``) and who may use it."""

from __future__ import annotations

from flask import Blueprint, request

from kiosk.auth import Role, login_required, require_csrf
from kiosk.request_limits import ADMIN_MAX_BYTES, ADMIN_MAX_FORM_PARTS

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

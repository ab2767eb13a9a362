"""The admin blueprint: facility managers' pages under ``/admin/``."""

from __future__ import annotations

from flask import Blueprint

from kiosk.auth import require_csrf
from kiosk.request_limits import ADMIN_MAX_BYTES, ADMIN_MAX_FORM_PARTS, allow_larger_requests

bp = Blueprint("admin", __name__, url_prefix="/admin")
bp.before_request(require_csrf)
# A section form of a large building or an organisation's content file.
allow_larger_requests(bp, ADMIN_MAX_BYTES, ADMIN_MAX_FORM_PARTS)

"""What every dashboard page may use in its template, and the page shown when the
scanner's store cannot be read."""

from __future__ import annotations

import logging
from typing import Any

from flask import render_template
from sqlalchemy.exc import SQLAlchemyError

from accessibility_audit import StoreError
from kiosk.audit import reading
from kiosk.audit.blueprint import bp
from kiosk.auth import current_account
from kiosk.database_errors import database_page
from kiosk.store.faults import Fault, fault

log = logging.getLogger(__name__)


@bp.context_processor
def _helpers() -> dict[str, Any]:
    return {"moment_text": reading.moment_text, "short_date": reading.short_date,
            "share_text": reading.share_text, "per_page_text": reading.per_page_text,
            "impact_names": reading.impact_names(), "kind_name": reading.kind_name,
            "status_name": reading.status_name, "decision_name": reading.decision_name,
            "signed": reading.signed}


@bp.errorhandler(StoreError)
@bp.errorhandler(SQLAlchemyError)
def _unavailable(error: Exception) -> tuple[str, int]:
    log.error("audit store unavailable: %s", error)
    if isinstance(error, SQLAlchemyError) and fault(error) is not Fault.UNREACHABLE:
        return database_page(error, setting="KIOSK_AUDIT_DB")  # not "cannot be read"
    try:
        account = current_account()
    except SQLAlchemyError:  # the kiosk's own database is the one that failed
        account = None
    return render_template("audit/unavailable.html", account=account,
                           setting="KIOSK_AUDIT_DB"), 503

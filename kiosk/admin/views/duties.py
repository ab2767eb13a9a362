"""The duties dashboard (``/admin/duties``): each location's record against the
Standard's duties, and what is scheduled to change. Everyone signed in may read it,
editors for their own locations."""

from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue
from flask_babel import get_locale

from kiosk.admin.blueprint import bp
from kiosk.admin.duty_board import location_duties, timeliness_text
from kiosk.admin.update_duty import RECORD_MONTHS, UPDATE_BUSINESS_DAYS
from kiosk.auth import login_required, required_account
from kiosk.clock import now_utc


@bp.get("/duties")
@login_required()
def duties() -> ResponseReturnValue:
    account = required_account()
    return render_template("admin/duties.html", account=account,
                           rows=location_duties(account, str(get_locale()), now_utc()),
                           months=RECORD_MONTHS, allowed=UPDATE_BUSINESS_DAYS,
                           timeliness_text=timeliness_text)

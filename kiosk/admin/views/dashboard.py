"""The overview: every location the account may see, what its stands show, and since when."""

from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue
from flask_babel import get_locale

from kiosk.admin.blueprint import bp
from kiosk.admin.calls import open_count
from kiosk.admin.holders import dues
from kiosk.admin.overview import location_rows, stand_rows
from kiosk.auth import login_required, required_account
from kiosk.clock import now_utc


@bp.get("/")
@login_required()
def dashboard() -> ResponseReturnValue:
    account = required_account()
    lang = str(get_locale())
    return render_template("admin/dashboard.html", account=account,
                           open_calls=open_count(account),
                           engagement=[d for d in dues(account, lang) if d.due.warn],
                           rows=location_rows(account, lang, now_utc()),
                           stands=stand_rows(account, lang, now_utc()))

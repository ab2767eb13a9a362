"""Assistance requests: staff on duty see visitors' calls from the stands at once, and
acknowledge and close them.

The page updates itself through a small script polling ``assistance.json`` (the list
as the server draws it, so the page reads the same with and without the script). Its
forms are plain POSTs with the session's CSRF token. Administrators and auditors see
every location, editors their own; auditors only look."""

from __future__ import annotations

from flask import abort, jsonify, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale

from kiosk.admin.blueprint import bp
from kiosk.admin.calls import RECENT, call_row, desk, may_answer, visible_locations
from kiosk.auth import Account, Role, current_account, login_required
from kiosk.clock import now_utc
from kiosk.store.assistance import Call

POLL_SECONDS = 5


def _lists(account: Account) -> dict:
    lang, now = str(get_locale()), now_utc()
    locations = visible_locations(account)
    open_calls = desk().open_calls(locations)
    closed = desk().closed_since(now - RECENT, locations)
    return {"open": [call_row(call, lang, now) for call in open_calls],
            "closed": [call_row(call, lang, now) for call in closed],
            "may_act": account.role is not Role.AUDITOR}


@bp.get("/assistance")
@login_required()
def assistance() -> ResponseReturnValue:
    account = current_account()
    return render_template("admin/assistance.html", account=account,
                           poll_seconds=POLL_SECONDS, **_lists(account))


@bp.get("/assistance.json")
@login_required()
def assistance_state() -> ResponseReturnValue:
    lists = _lists(current_account())
    response = jsonify(
        html=render_template("admin/assistance_list.html", **lists),
        open=[{"id": row.id, "announcement": row.announcement} for row in lists["open"]])
    response.headers["Cache-Control"] = "no-store"
    return response


def _answerable(call_id: int) -> Call:
    call = desk().get(call_id)
    if call is None:
        abort(404)
    if not may_answer(current_account(), call):
        abort(403)
    return call


@bp.post("/assistance/<int:call_id>/acknowledge")
@login_required(Role.ADMINISTRATOR, Role.EDITOR)
def acknowledge_assistance(call_id: int) -> ResponseReturnValue:
    call = _answerable(call_id)
    desk().acknowledge(call.id, current_account().username, now_utc())
    return redirect(url_for("admin.assistance"), 303)


@bp.post("/assistance/<int:call_id>/close")
@login_required(Role.ADMINISTRATOR, Role.EDITOR)
def close_assistance(call_id: int) -> ResponseReturnValue:
    call = _answerable(call_id)
    desk().close(call.id, current_account().username, now_utc())
    return redirect(url_for("admin.assistance"), 303)

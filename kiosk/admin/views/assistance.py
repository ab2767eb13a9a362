"""Assistance requests: staff on duty see visitors' calls from the stands at once, and
acknowledge and close them.

The page updates itself through a small script polling ``assistance.json`` (the list
as the server draws it, so the page reads the same with and without the script). Its
forms are plain POSTs with the session's CSRF token. Administrators and auditors see
every location, editors their own; auditors only look.

The script also alerts: a tone (synthesised in the page with Web Audio, once the
manager has turned sound on with a press, as browsers ask) and a system notification
(once allowed) for each new call, and again when a call escalates. Whether the tone
plays is each account's setting, changed here. Administrators see escalated calls on
every admin page (:func:`escalations`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import abort, current_app, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from sqlalchemy.exc import SQLAlchemyError

from kiosk.admin.blueprint import bp
from kiosk.admin.calls import (
    RECENT,
    call_row,
    desk,
    escalated_count,
    may_answer,
    visible_locations,
)
from kiosk.auth import (
    Account,
    Role,
    login_required,
    required_account,
    set_sound_alerts,
    sound_alerts_on,
)
from kiosk.clock import now_utc
from kiosk.store import store
from kiosk.store.assistance import Call

POLL_SECONDS = 5


def _lists(account: Account) -> dict[str, Any]:
    lang, now = str(get_locale()), now_utc()
    locations = visible_locations(account)
    open_calls = desk().open_calls(locations)
    closed = desk().closed_since(now - RECENT, locations)
    return {"open": [call_row(call, lang, now) for call in open_calls],
            "closed": [call_row(call, lang, now) for call in closed],
            "may_act": account.role is not Role.AUDITOR}


@bp.context_processor
def escalations() -> dict[str, Callable[[], int]]:
    """How many calls have escalated, for the banner of an administrator's admin pages.

    A function the banner calls, so that only a page showing it asks the database: not
    the assistance page, nor its list that the page script fetches every few seconds."""
    return {"escalated_calls": _escalated_calls}


def _escalated_calls() -> int:
    account = required_account()
    if account is None or account.role is not Role.ADMINISTRATOR:
        return 0
    try:
        return escalated_count(account, now_utc())
    except SQLAlchemyError:
        return 0  # the page that says the database cannot be reached must still render


def _sound_on(account: Account) -> bool:
    with store(current_app).sessions() as db:
        return sound_alerts_on(db, account.id)


@bp.get("/assistance")
@login_required()
def assistance() -> ResponseReturnValue:
    account = required_account()
    return render_template("admin/assistance.html", account=account,
                           poll_seconds=POLL_SECONDS, sound_on=_sound_on(account),
                           **_lists(account))


@bp.post("/assistance/sound")
@login_required()
def assistance_sound() -> ResponseReturnValue:
    """Sound alerts on or off for the signed-in account, on every computer."""
    on = request.form.get("sound") == "on"
    with store(current_app).sessions.begin() as db:
        set_sound_alerts(db, required_account().id, on)
    return redirect(url_for("admin.assistance") + "#alerts-title", 303)


@bp.get("/assistance.json")
@login_required()
def assistance_state() -> ResponseReturnValue:
    lists = _lists(required_account())
    response = jsonify(
        html=render_template("admin/assistance_list.html", **lists),
        open=[{"id": row.id, "announcement": row.announcement, "escalated": row.escalated,
               "escalation": row.escalation_announcement} for row in lists["open"]])
    response.headers["Cache-Control"] = "no-store"
    return response


def _answerable(call_id: int) -> Call:
    call = desk().get(call_id)
    if call is None:
        abort(404)
    if not may_answer(required_account(), call):
        abort(403)
    return call


@bp.post("/assistance/<int:call_id>/acknowledge")
@login_required(Role.ADMINISTRATOR, Role.EDITOR)
def acknowledge_assistance(call_id: int) -> ResponseReturnValue:
    call = _answerable(call_id)
    desk().acknowledge(call.id, required_account().username, now_utc())
    return redirect(url_for("admin.assistance"), 303)


@bp.post("/assistance/<int:call_id>/close")
@login_required(Role.ADMINISTRATOR, Role.EDITOR)
def close_assistance(call_id: int) -> ResponseReturnValue:
    call = _answerable(call_id)
    desk().close(call.id, required_account().username, now_utc())
    return redirect(url_for("admin.assistance"), 303)

"""Assistance requests: staff on duty see visitors' calls from the stands at once, and
acknowledge and close them.

The page updates itself through a small script polling ``assistance.json`` (the list
as the server draws it, so the page reads the same with and without the script). Its
forms are plain POSTs with the session's CSRF token. Administrators and auditors see
every location, editors their own; auditors only look."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from flask import abort, current_app, jsonify, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _

from kiosk.admin.accounts import Account, Role
from kiosk.admin.blueprint import bp, current_account, login_required
from kiosk.formatting import long_date, time_text
from kiosk.i18n import LANGUAGES
from kiosk.public.labels import need_name
from kiosk.public.stand import now_utc
from kiosk.store import store
from kiosk.store.assistance import AssistanceDesk, Call, State

POLL_SECONDS = 5
RECENT = dt.timedelta(hours=12)  # how far back the list of closed calls goes
# For a call whose location has left the content: the zone of all of Kazakhstan.
_FALLBACK_ZONE = ZoneInfo("Asia/Almaty")


def desk() -> AssistanceDesk:
    return current_app.extensions["kiosk.assistance"]


def visible_locations(account: Account) -> tuple[str, ...] | None:
    """The locations whose calls the account sees; None means all of them."""
    return account.locations if account.role is Role.EDITOR else None


def may_answer(account: Account, call: Call) -> bool:
    if account.role is Role.AUDITOR:
        return False
    locations = visible_locations(account)
    return locations is None or call.location_id in locations


def open_count(account: Account) -> int:
    return desk().count_open(visible_locations(account))


@dataclass(frozen=True)
class CallRow:
    id: int
    stand: str
    location: str
    need: str
    lang: str
    language: str  # the visitor's language, named in itself
    sent: str
    waiting: str
    state: State
    state_text: str
    announcement: str  # what the live region says when the call first appears


def _place(call: Call, lang: str) -> tuple[str, str, dt.tzinfo]:
    """The stand's and the location's names in ``lang``, and the location's time zone."""
    published = store(current_app).for_location(call.location_id)
    if published is None or call.location_id not in published.content.locations:
        return call.stand_id or _("Stand not known"), call.location_id, _FALLBACK_ZONE
    location = published.content.locations[call.location_id]
    stand = next((s for s in location.stands if s.id == call.stand_id), None)
    stand_text = (f"{stand.name.get(lang)[0]} ({stand.id})" if stand
                  else call.stand_id or _("Stand not known"))
    return stand_text, location.name.get(lang)[0], published.content.zone


def _when(moment: dt.datetime, zone: dt.tzinfo, now: dt.datetime, lang: str) -> str:
    local = moment.astimezone(zone)
    if local.date() == now.astimezone(zone).date():
        return time_text(local)
    return f"{long_date(local.date(), lang)}, {time_text(local)}"


def _waiting(call: Call, now: dt.datetime) -> str:
    minutes = int((now - call.created_at).total_seconds() // 60)
    if minutes < 1:
        return _("less than a minute")
    return ngettext("%(num)d minute", "%(num)d minutes", minutes)


def _state_text(call: Call, zone: dt.tzinfo, now: dt.datetime, lang: str) -> str:
    if call.state is State.WAITING:
        return _("Waiting for staff")
    if call.state is State.ACKNOWLEDGED and call.acknowledged_at:
        return _("Acknowledged by %(who)s at %(time)s", who=call.acknowledged_by,
                 time=_when(call.acknowledged_at, zone, now, lang))
    closed = _when(call.closed_at or now, zone, now, lang)
    if call.state is State.DONE:
        return _("Closed by %(who)s at %(time)s", who=call.closed_by, time=closed)
    return _("Withdrawn at the stand at %(time)s", time=closed)


def call_row(call: Call, lang: str, now: dt.datetime) -> CallRow:
    stand, location, zone = _place(call, lang)
    names = {language.code: language.native_name for language in LANGUAGES}
    need = need_name(call.need)
    return CallRow(
        call.id, stand, location, need, call.lang, names.get(call.lang, call.lang),
        _when(call.created_at, zone, now, lang), _waiting(call, now), call.state,
        _state_text(call, zone, now, lang),
        _("New request for assistance: %(need)s, %(place)s.", need=need, place=stand))


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

"""Calls for assistance as staff see them: which calls an account sees and may answer,
and each call as a row of the list, in the admin area's language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from flask import Flask, current_app
from flask_babel import gettext as _
from flask_babel import ngettext

from kiosk.auth import Account, Role
from kiosk.formatting import long_date, time_text
from kiosk.i18n import LANGUAGES
from kiosk.public.labels import need_name
from kiosk.store import assistance_desk, reader
from kiosk.store.assistance import AssistanceDesk, Call, State

RECENT = dt.timedelta(hours=12)  # how far back the list of closed calls goes
# For a call whose location has left the content: the zone of all of Kazakhstan.
_FALLBACK_ZONE = ZoneInfo("Asia/Almaty")


def desk() -> AssistanceDesk:
    return assistance_desk(current_app)


def visible_locations(account: Account) -> tuple[str, ...] | None:
    """The locations whose calls the account sees; None means all of them."""
    return account.locations if account.role is Role.EDITOR else None


def may_answer(account: Account, call: Call) -> bool:
    if account.role is Role.AUDITOR:
        return False
    locations = visible_locations(account)
    return locations is None or call.location_id in locations


def escalate_after(app: Flask) -> dt.timedelta | None:
    minutes = app.config["CALL_ESCALATE_MINUTES"]
    return dt.timedelta(minutes=minutes) if minutes else None


def is_escalated(call: Call, now: dt.datetime, after: dt.timedelta | None) -> bool:
    """Waiting for longer than the set delay (or recorded so by the watcher)."""
    if call.acknowledged_at is not None or call.closed_at is not None or after is None:
        return False
    return call.escalated_at is not None or now - call.created_at >= after


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
    escalated: bool = False  # unacknowledged past KIOSK_CALL_ESCALATE_MINUTES
    escalation_text: str = ""  # what became of it: on the page, by e-mail
    mail_error: str = ""  # the mail server's own answer (English), when the e-mail failed
    escalation_announcement: str = ""


def _unidentified() -> str:
    # A call from a page without a stand's credential is the location's: staff should not
    # trust an id anyone can type, so they are told to look around the location.
    return _("Stand not identified (no stand credential): somewhere at this location")


def place(call: Call, lang: str) -> tuple[str, str, dt.tzinfo]:
    """The stand's and the location's names in ``lang``, and the location's time zone."""
    published = reader(current_app).for_location(call.location_id)
    if published is None or call.location_id not in published.content.locations:
        return call.stand_id or _unidentified(), call.location_id, _FALLBACK_ZONE
    location = published.content.locations[call.location_id]
    stand = next((s for s in location.stands if s.id == call.stand_id), None)
    stand_text = (f"{stand.name.get(lang)[0]} ({stand.id})" if stand
                  else call.stand_id or _unidentified())
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


def _escalation_text(call: Call, zone: dt.tzinfo, now: dt.datetime, lang: str) -> str:
    minutes = current_app.config["CALL_ESCALATE_MINUTES"]
    said = ngettext("Not acknowledged within %(num)d minute: escalated to the "
                    "administrators.",
                    "Not acknowledged within %(num)d minutes: escalated to the "
                    "administrators.", minutes)
    if call.mailed_at is not None:
        return " ".join((said, _("E-mailed at %(time)s.",
                                 time=_when(call.mailed_at, zone, now, lang))))
    if call.mail_error:
        # The mail server's own answer follows, as it gave it (see the template).
        return " ".join((said, _("The e-mail could not be sent:")))
    return said


def call_row(call: Call, lang: str, now: dt.datetime) -> CallRow:
    stand, location, zone = place(call, lang)
    names = {language.code: language.native_name for language in LANGUAGES}
    need = need_name(call.need)
    escalated = is_escalated(call, now, escalate_after(current_app))
    return CallRow(
        call.id, stand, location, need, call.lang, names.get(call.lang, call.lang),
        _when(call.created_at, zone, now, lang), _waiting(call, now), call.state,
        _state_text(call, zone, now, lang),
        _("New request for assistance: %(need)s, %(place)s.", need=need, place=stand),
        escalated, _escalation_text(call, zone, now, lang) if escalated else "",
        call.mail_error or "" if escalated and call.mailed_at is None else "",
        _("Nobody has acknowledged the request yet: %(need)s, %(place)s.", need=need,
          place=stand) if escalated else "")


def escalated_count(account: Account, now: dt.datetime) -> int:
    """Calls past the delay that the account sees; the banner of every admin page."""
    after = escalate_after(current_app)
    if after is None:
        return 0
    return sum(1 for call in desk().open_calls(visible_locations(account))
               if is_escalated(call, now, after))

"""The overview: every location the account may see, what its stands show, and since when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask import current_app, render_template
from flask.typing import ResponseReturnValue
from flask_babel import get_locale

from kiosk.admin.accounts import Account, Role
from kiosk.admin.blueprint import bp, current_account, login_required
from kiosk.formatting import long_date, time_text
from kiosk.public.stand import now_utc
from kiosk.store import store
from kiosk.store.stands import Contact


@dataclass(frozen=True)
class LocationRow:
    id: str
    name: str
    organisation: str
    stands: tuple[str, ...]
    revision: int
    published: str
    published_by: str


SILENT_AFTER = dt.timedelta(minutes=5)  # ten polls missed in a row


@dataclass(frozen=True)
class StandRow:
    id: str
    location: str
    last_contact: str
    state: str  # "ok", "silent", "never" or "outdated"


def _stand_state(contact: Contact | None, current_revision: int, now: dt.datetime) -> str:
    if contact is None:
        return "never"
    if now - contact.last_seen > SILENT_AFTER:
        return "silent"
    return "ok" if contact.revision_id == current_revision else "outdated"


def stand_rows(account: Account, lang: str, now: dt.datetime) -> list[StandRow]:
    content_store = store(current_app)
    contacts = current_app.extensions["kiosk.stands"].contacts()
    rows = []
    for org_id in content_store.organisation_ids():
        published = content_store.current(org_id)
        if published is None:
            continue
        zone = published.content.zone
        for location_id, location in published.content.locations.items():
            if not _may_see(account, location_id):
                continue
            for stand in location.stands:
                contact = contacts.get(stand.id)
                seen = contact.last_seen.astimezone(zone) if contact else None
                when = f"{long_date(seen.date(), lang)}, {time_text(seen)}" if seen else ""
                rows.append(StandRow(stand.id, location.name.get(lang)[0], when,
                                     _stand_state(contact, published.revision_id, now)))
    return rows


def _may_see(account: Account, location_id: str) -> bool:
    return account.role is not Role.EDITOR or location_id in account.locations


def location_rows(account: Account, lang: str) -> list[LocationRow]:
    content_store = store(current_app)
    rows = []
    for org_id in content_store.organisation_ids():
        published = content_store.current(org_id)
        if published is None:
            continue
        content = published.content
        moment = published.published_at.astimezone(content.zone)
        when = f"{long_date(moment.date(), lang)}, {time_text(moment)}"
        for location_id, location in content.locations.items():
            if _may_see(account, location_id):
                rows.append(LocationRow(
                    location_id, location.name.get(lang)[0], content.organisation.name.get(lang)[0],
                    tuple(stand.id for stand in location.stands), published.number, when,
                    published.published_by))
    return rows


@bp.get("/")
@login_required()
def dashboard() -> ResponseReturnValue:
    account = current_account()
    lang = str(get_locale())
    return render_template("admin/dashboard.html", account=account,
                           rows=location_rows(account, lang),
                           stands=stand_rows(account, lang, now_utc()))

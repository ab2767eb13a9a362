"""The overview: every location the account may see, what its stands show, and since when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from flask import current_app, render_template
from flask.typing import ResponseReturnValue
from flask_babel import get_locale

from kiosk.admin.accounts import Account, Role
from kiosk.admin.assistance import open_count
from kiosk.admin.blueprint import bp, current_account, login_required
from kiosk.admin.duties import review_overdue
from kiosk.admin.engagement import dues
from kiosk.content.model import Location
from kiosk.content.sections import SECTIONS
from kiosk.formatting import long_date, time_text
from kiosk.public.stand import now_utc
from kiosk.store import store
from kiosk.store.db import Published
from kiosk.store.drafts import DraftStore
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
    overdue_sections: int
    has_draft: bool


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


def _visible(account: Account) -> Iterator[tuple[Published, str, Location]]:
    """Every published location the account may see: all of them, except for an editor."""
    content_store = store(current_app)
    for org_id in content_store.organisation_ids():
        published = content_store.current(org_id)
        if published is None:
            continue
        for location_id, location in published.content.locations.items():
            if account.role is not Role.EDITOR or location_id in account.locations:
                yield published, location_id, location


def _moment(when: dt.datetime, published: Published, lang: str) -> str:
    local = when.astimezone(published.content.zone)
    return f"{long_date(local.date(), lang)}, {time_text(local)}"


def stand_rows(account: Account, lang: str, now: dt.datetime) -> list[StandRow]:
    contacts = current_app.extensions["kiosk.stands"].contacts()
    rows = []
    for published, location_id, location in _visible(account):
        for stand in location.stands:
            contact = contacts.get(stand.id)
            seen = _moment(contact.last_seen, published, lang) if contact else ""
            rows.append(StandRow(stand.id, location.name.get(lang)[0], seen,
                                 _stand_state(contact, published.version(location_id), now)))
    return rows


def location_rows(account: Account, lang: str, now: dt.datetime) -> list[LocationRow]:
    content_store = store(current_app)
    review_days = current_app.config["REVIEW_DAYS"]
    drafts = DraftStore(content_store)
    rows = []
    for published, location_id, location in _visible(account):
        stamps = content_store.section_stamps(location_id)
        overdue = sum(review_overdue(stamps[s].reviewed_at if s in stamps else None, now,
                                     review_days) for s in SECTIONS)
        rows.append(LocationRow(
            location_id, location.name.get(lang)[0],
            published.content.organisation.name.get(lang)[0],
            tuple(stand.id for stand in location.stands), published.number,
            _moment(published.published_at, published, lang), published.published_by,
            overdue, drafts.get(location_id, account.username) is not None))
    return rows


@bp.get("/")
@login_required()
def dashboard() -> ResponseReturnValue:
    account = current_account()
    lang = str(get_locale())
    return render_template("admin/dashboard.html", account=account,
                           open_calls=open_count(account),
                           engagement=[d for d in dues(account, lang) if d.due.warn],
                           rows=location_rows(account, lang, now_utc()),
                           stands=stand_rows(account, lang, now_utc()))

"""The overview of the admin area: every location the account may see, what its stands
show, and since when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from flask import current_app
from flask_babel import gettext as _

from kiosk.admin.duties import review_overdue
from kiosk.auth import Account, Role
from kiosk.content.model import Location
from kiosk.content.sections import SECTIONS
from kiosk.formatting import moment_text
from kiosk.store import publisher, reader, stand_credentials, stand_register
from kiosk.store.reading import Published
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
    state: str  # "ok", "silent", "never", "outdated" or "unregistered"


def _stand_state(contact: Contact | None, current_revision: int, now: dt.datetime) -> str:
    if contact is None:
        return "never"
    if now - contact.last_seen > SILENT_AFTER:
        return "silent"
    return "ok" if contact.revision_id == current_revision else "outdated"


def visible_locations(account: Account) -> Iterator[tuple[Published, str, Location]]:
    """Every published location the account may see: all of them, except for an editor."""
    content = reader(current_app)
    for org_id in content.organisation_ids():
        published = content.current(org_id)
        if published is None:
            continue
        for location_id, location in published.content.locations.items():
            if account.role is not Role.EDITOR or location_id in account.locations:
                yield published, location_id, location


def stand_rows(account: Account, lang: str, now: dt.datetime) -> list[StandRow]:
    contacts = stand_register(current_app).contacts()
    registered = stand_credentials(current_app).active()
    rows = []
    for published, location_id, location in visible_locations(account):
        for stand in location.stands:
            contact = contacts.get(stand.id)
            seen = moment_text(contact.last_seen, published.content.zone, lang) if contact else ""
            # A stand without a credential cannot check in: say why, not just "never".
            state = (_stand_state(contact, published.version(location_id, now), now)
                     if (location_id, stand.id) in registered else "unregistered")
            rows.append(StandRow(stand.id, location.name.get(lang)[0], seen, state))
    return rows


def location_rows(account: Account, lang: str, now: dt.datetime) -> list[LocationRow]:
    review_days = current_app.config["REVIEW_DAYS"]
    drafts = publisher(current_app).drafts
    stamps_of = publisher(current_app).stamps
    rows = []
    for published, location_id, location in visible_locations(account):
        stamps = stamps_of.section_stamps(location_id)
        overdue = sum(review_overdue(stamps[s].reviewed_at if s in stamps else None, now,
                                     review_days) for s in SECTIONS)
        rows.append(LocationRow(
            location_id, location.name.get(lang)[0],
            published.content.organisation.name.get(lang)[0],
            tuple(stand.id for stand in location.stands), published.number,
            moment_text(published.published_at, published.content.zone, lang),
            published.published_by,
            overdue, drafts.get(location_id, account.username) is not None))
    return rows


def stand_state_text(state: str) -> str:
    return {"ok": _("Shows the current information"),
            "outdated": _("Shows older information: it has not picked up the last publication"),
            "silent": _("Out of contact for more than 5 minutes: check the stand"),
            "never": _("Has never made contact"),
            "unregistered": _("Not registered: it has no credential, so its contact is not "
                              "recorded (Stands)")}[state]

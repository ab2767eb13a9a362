"""What the Standard's duties are checked against: when each section of a location last
changed and was last confirmed, each location's part of every publication with the date
its information changed, and the first day each announcement was shown with its
agenda."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.content.scheduled import effective_document
from kiosk.content.sections import changed_sections
from kiosk.store.database import Database, session_now
from kiosk.store.tables import AnnouncementNotice, PublicationRecord, SectionStamp

# How a publication came about; see PublicationRecord.
KINDS = ("edit", "restore", "import", "initial")


def announcement_key(item: dict[str, Any]) -> str:
    """An announcement by id and event time: moving the event makes it a new notice."""
    return f"{item.get('id')}@{item.get('event_at')}"[:80]


@dataclass(frozen=True)
class Publication:
    """Who publishes what, how, and what the editor said about when the information
    changed."""

    organisation_id: str
    revision_number: int
    author: str
    kind: str = "import"
    information_on: dt.date | None = None


def stamp_sections(session: Session, before: dict[str, Any], after: dict[str, Any],
                   publication: Publication,
                   zone: ZoneInfo) -> None:
    """Stamp every section a publication changed, from the locations ``before`` it to
    those ``after`` it; record each changed location's part of the publication, and note
    what the announcements show from now on.

    Both sides are compared as stands show them now: a scheduled change that has taken
    effect meanwhile is not a change made by this publication."""
    now = session_now(session)
    local = now.astimezone(zone)
    for location_id, location in after.items():
        old = before.get(location_id)
        changed = changed_sections(
            effective_document(old, local.replace(tzinfo=None)) if old is not None else None,
            effective_document(location, local.replace(tzinfo=None)))
        for section in changed:
            session.merge(SectionStamp(location_id=location_id, section=section,
                                       updated_at=now, updated_by=publication.author,
                                       reviewed_at=now, reviewed_by=publication.author))
        if changed:
            session.add(PublicationRecord(
                organisation_id=publication.organisation_id, location_id=location_id,
                revision_number=publication.revision_number, published_at=now,
                published_by=publication.author, sections=",".join(changed),
                kind="initial" if old is None else publication.kind,
                information_on=publication.information_on if old is not None else None))
        if "announcements" in changed:
            _note_announcements(session, location_id, location.get("announcements", []),
                                now, local.date())


def _note_announcements(session: Session, location_id: str, items: list[dict[str, Any]],
                        now: dt.datetime, today: dt.date) -> None:
    rows = {row.announcement: row for row in session.scalars(select(AnnouncementNotice).where(
        AnnouncementNotice.location_id == location_id))}
    published = {announcement_key(item): item for item in items}
    for key, row in rows.items():
        _settle(row, today)
        if key not in published:
            row.agenda_due_on = None  # withdrawn: it will not appear after all
    for key, item in published.items():
        found = rows.get(key)
        if found is None:
            row = AnnouncementNotice(location_id=location_id, announcement=key,
                                     first_published_at=now)
            session.add(row)
        else:
            row = found
        _publish_version(row, item, today)


def _settle(row: AnnouncementNotice, today: dt.date) -> None:
    """A version that was due to appear by ``today`` has appeared: that is now certain."""
    if row.agenda_shown_on is None and row.agenda_due_on is not None \
            and row.agenda_due_on <= today:
        row.agenda_shown_on = row.agenda_due_on
    if row.agenda_shown_on is not None:
        row.agenda_due_on = None


def _publish_version(row: AnnouncementNotice, item: dict[str, Any], today: dt.date) -> None:
    """The version published ``today`` is what the stands show from now on."""
    if row.agenda_shown_on is not None:
        return
    try:
        shown_from = dt.date.fromisoformat(str(item.get("display_from")))
        shown_until = dt.date.fromisoformat(str(item.get("display_until")))
    except ValueError:
        row.agenda_due_on = None
        return
    if not item.get("agenda") or shown_until < today:
        row.agenda_due_on = None
    elif shown_from <= today:
        row.agenda_shown_on = today
        row.agenda_due_on = None
    else:
        row.agenda_due_on = shown_from


@dataclass(frozen=True)
class NoticeRecord:
    """When an announcement (see :func:`announcement_key`) first reached the stands and
    when it was, or will be, first shown with its agenda."""

    first_published_at: dt.datetime
    agenda_shown_on: dt.date | None
    agenda_due_on: dt.date | None

    def shown_with_agenda(self, today: dt.date) -> dt.date | None:
        """The first day visitors saw it with its agenda, if they have by ``today``."""
        if self.agenda_shown_on is not None:
            return self.agenda_shown_on
        if self.agenda_due_on is not None and self.agenda_due_on <= today:
            return self.agenda_due_on
        return None


@dataclass(frozen=True)
class PublicationEntry:
    """A location's part of one publication, as the duties dashboard reads it."""

    location_id: str
    revision_number: int
    published_at: dt.datetime
    published_by: str
    sections: tuple[str, ...]
    kind: str
    information_on: dt.date | None


class Stamps:
    """The stamps of one database, as the admin area reads and confirms them."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def notices(self, location_id: str) -> dict[str, NoticeRecord]:
        """What is known of each announcement of the location that reached the stands."""
        with self.db.sessions() as session:
            return {row.announcement: NoticeRecord(row.first_published_at, row.agenda_shown_on,
                                                   row.agenda_due_on)
                    for row in session.scalars(select(AnnouncementNotice).where(
                        AnnouncementNotice.location_id == location_id))}

    def publications(self, location_ids: list[str], since: dt.datetime
                     ) -> list[PublicationEntry]:
        """The locations' parts of publications from ``since`` on, newest first."""
        with self.db.sessions() as session:
            rows = session.scalars(select(PublicationRecord).where(
                PublicationRecord.location_id.in_(location_ids),
                PublicationRecord.published_at >= since)
                .order_by(PublicationRecord.published_at.desc(), PublicationRecord.id.desc()))
            return [PublicationEntry(row.location_id, row.revision_number, row.published_at,
                                     row.published_by, tuple(row.sections.split(",")),
                                     row.kind, row.information_on) for row in rows]

    def mark_reviewed(self, location_id: str, section: str, who: str) -> None:
        with self.db.sessions.begin() as session:
            stamp = session.get(SectionStamp, (location_id, section))
            if stamp is not None:
                stamp.reviewed_at = session_now(session)
                stamp.reviewed_by = who

    def section_stamps(self, location_id: str) -> dict[str, SectionStamp]:
        with self.db.sessions() as session:
            return {row.section: row for row in session.scalars(
                select(SectionStamp).where(SectionStamp.location_id == location_id))}

"""What the Standard's duties are checked against: when each section of a location last
changed and was last confirmed, and when each announcement first reached the stands."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.content.sections import changed_sections
from kiosk.store.database import Database, session_now
from kiosk.store.tables import AnnouncementNotice, SectionStamp


def announcement_key(item: dict) -> str:
    """An announcement by id and event time: moving the event makes it a new notice."""
    return f"{item.get('id')}@{item.get('event_at')}"[:80]


def stamp_sections(session: Session, before: dict, after: dict, author: str) -> None:
    """Stamp every section a publication changed, from the locations ``before`` it to
    those ``after`` it, and note the announcements new to the stands."""
    now = session_now(session)
    for location_id, location in after.items():
        changed = changed_sections(before.get(location_id), location)
        for section in changed:
            session.merge(SectionStamp(location_id=location_id, section=section,
                                       updated_at=now, updated_by=author,
                                       reviewed_at=now, reviewed_by=author))
        if "announcements" in changed:
            _note_announcements(session, location_id, location.get("announcements", []), now)


def _note_announcements(session: Session, location_id: str, items: list[dict],
                        now: dt.datetime) -> None:
    known = set(session.scalars(select(AnnouncementNotice.announcement).where(
        AnnouncementNotice.location_id == location_id)))
    for item in items:
        key = announcement_key(item)
        if key not in known:
            known.add(key)
            session.add(AnnouncementNotice(location_id=location_id, announcement=key,
                                           first_published_at=now))


class Stamps:
    """The stamps of one database, as the admin area reads and confirms them."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def announcement_first_published(self, location_id: str) -> dict[str, dt.datetime]:
        """When each announcement of the location (see :func:`announcement_key`) first
        reached the stands."""
        with self.db.sessions() as session:
            return {row.announcement: row.first_published_at for row in session.scalars(
                select(AnnouncementNotice).where(AnnouncementNotice.location_id == location_id))}

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

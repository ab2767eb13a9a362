"""The disability-engagement register: meetings with representatives of people with
disabilities, what they decided to do, and what visitors found hard at the stands.

Meetings belong to an organisation (the information holder), feedback to the location
whose stand it was left at. Feedback is anonymous by design: the table has no column
that could hold an address or a session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, delete, func, select, true, update
from sqlalchemy.orm import Session

from kiosk.store.database import Database, changed_rows
from kiosk.store.tables import EngagementFollowUp, EngagementMeeting, VisitorFeedback

# What a visitor may write: a few sentences, not a letter (an appeal has its own way).
FEEDBACK_TEXT_MAX = 1000


class Difficulty(StrEnum):
    """What a visitor found hard, in the order the stand offers it."""

    READING = "reading"  # reading the text
    HEARING = "hearing"  # hearing or understanding speech
    REACHING = "reaching"  # reaching or touching the screen
    FINDING = "finding"  # finding the information
    LANGUAGE = "language"  # the language
    OTHER = "other"


@dataclass(frozen=True)
class FollowUp:
    action: str
    owner: str
    due_on: dt.date
    done: bool = False

    def overdue(self, today: dt.date) -> bool:
        return not self.done and self.due_on < today


@dataclass(frozen=True)
class MeetingRecord:
    """What is typed about a meeting: the same for a new one and for a change."""

    held_on: dt.date
    organisations: str
    attendees: int
    needs: str
    decisions: str = ""
    follow_ups: tuple[FollowUp, ...] = ()


@dataclass(frozen=True)
class Meeting:
    id: int
    organisation_id: str
    record: MeetingRecord
    recorded_at: dt.datetime
    recorded_by: str
    updated_at: dt.datetime
    updated_by: str
    feedback_considered: int = 0

    @property
    def held_on(self) -> dt.date:
        return self.record.held_on


@dataclass(frozen=True)
class Feedback:
    id: int
    location_id: str
    stand_id: str
    lang: str
    created_at: dt.datetime
    category: Difficulty
    text: str
    meeting_id: int | None


@dataclass(frozen=True)
class FeedbackFilter:
    """Which feedback to list: every field left empty means "any"."""

    locations: Collection[str] | None = None
    category: Difficulty | None = None
    since: dt.datetime | None = None  # inclusive
    before: dt.datetime | None = None  # exclusive
    considered: bool | None = None

    def clauses(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [true()]
        if self.locations is not None:
            found.append(VisitorFeedback.location_id.in_(list(self.locations)))
        if self.category is not None:
            found.append(VisitorFeedback.category == self.category.value)
        if self.since is not None:
            found.append(VisitorFeedback.created_at >= self.since)
        if self.before is not None:
            found.append(VisitorFeedback.created_at < self.before)
        if self.considered is not None:
            found.append(VisitorFeedback.meeting_id.is_not(None) if self.considered
                         else VisitorFeedback.meeting_id.is_(None))
        return found


def _record(row: EngagementMeeting, follow_ups: Sequence[EngagementFollowUp]) -> MeetingRecord:
    return MeetingRecord(
        row.held_on, row.organisations, row.attendees, row.needs, row.decisions,
        tuple(FollowUp(f.action, f.owner, f.due_on, f.done)
              for f in sorted(follow_ups, key=lambda f: f.position)))


def _feedback(row: VisitorFeedback) -> Feedback:
    return Feedback(row.id, row.location_id, row.stand_id, row.lang, row.created_at,
                    Difficulty(row.category), row.text, row.meeting_id)


class EngagementRegister:
    """Meetings and feedback, kept in the content store's database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # ---- Meetings

    def meetings(self, organisation_id: str) -> list[Meeting]:
        """The organisation's meetings, the latest first."""
        with self.db.sessions() as session:
            rows = session.scalars(
                select(EngagementMeeting)
                .where(EngagementMeeting.organisation_id == organisation_id)
                .order_by(EngagementMeeting.held_on.desc(), EngagementMeeting.id.desc())).all()
            ids = [row.id for row in rows]
            follow_ups: dict[int, list[EngagementFollowUp]] = {i: [] for i in ids}
            for item in session.scalars(select(EngagementFollowUp)
                                        .where(EngagementFollowUp.meeting_id.in_(ids))):
                follow_ups[item.meeting_id].append(item)
            considered = dict(session.execute(
                select(VisitorFeedback.meeting_id, func.count())
                .where(VisitorFeedback.meeting_id.in_(ids))
                .group_by(VisitorFeedback.meeting_id)).all())
            return [Meeting(row.id, row.organisation_id, _record(row, follow_ups[row.id]),
                            row.recorded_at, row.recorded_by, row.updated_at, row.updated_by,
                            considered.get(row.id, 0)) for row in rows]

    def meeting(self, meeting_id: int) -> Meeting | None:
        with self.db.sessions() as session:
            row = session.get(EngagementMeeting, meeting_id)
            if row is None:
                return None
            follow_ups = session.scalars(select(EngagementFollowUp).where(
                EngagementFollowUp.meeting_id == meeting_id)).all()
            considered = session.scalar(select(func.count()).select_from(VisitorFeedback)
                                        .where(VisitorFeedback.meeting_id == meeting_id)) or 0
            return Meeting(row.id, row.organisation_id, _record(row, follow_ups),
                           row.recorded_at, row.recorded_by, row.updated_at, row.updated_by,
                           considered)

    def last_meeting_on(self, organisation_id: str) -> dt.date | None:
        with self.db.sessions() as session:
            return session.scalar(select(func.max(EngagementMeeting.held_on)).where(
                EngagementMeeting.organisation_id == organisation_id))

    def add_meeting(self, organisation_id: str, record: MeetingRecord, who: str,
                    now: dt.datetime) -> int:
        with self.db.sessions.begin() as session:
            row = EngagementMeeting(organisation_id=organisation_id, recorded_at=now,
                                    recorded_by=who, updated_at=now, updated_by=who)
            self._fill(row, record)
            session.add(row)
            session.flush()
            self._add_follow_ups(session, row.id, record.follow_ups)
            return row.id

    def change_meeting(self, meeting_id: int, record: MeetingRecord, who: str,
                       now: dt.datetime) -> bool:
        """Replace what is recorded about a meeting, follow-ups included, in one go."""
        with self.db.sessions.begin() as session:
            row = session.get(EngagementMeeting, meeting_id)
            if row is None:
                return False
            self._fill(row, record)
            row.updated_at, row.updated_by = now, who
            session.execute(delete(EngagementFollowUp)
                            .where(EngagementFollowUp.meeting_id == meeting_id))
            self._add_follow_ups(session, meeting_id, record.follow_ups)
            return True

    @staticmethod
    def _fill(row: EngagementMeeting, record: MeetingRecord) -> None:
        row.held_on = record.held_on
        row.organisations = record.organisations
        row.attendees = record.attendees
        row.needs = record.needs
        row.decisions = record.decisions

    @staticmethod
    def _add_follow_ups(session: Session, meeting_id: int,
                        follow_ups: Sequence[FollowUp]) -> None:
        for position, item in enumerate(follow_ups):
            session.add(EngagementFollowUp(
                meeting_id=meeting_id, position=position, action=item.action,
                owner=item.owner, due_on=item.due_on, done=item.done))

    # ---- Feedback from the stands

    def add_feedback(self, location_id: str, stand_id: str, lang: str, category: Difficulty,
                     now: dt.datetime) -> Feedback:
        with self.db.sessions.begin() as session:
            row = VisitorFeedback(location_id=location_id, stand_id=stand_id, lang=lang,
                                  created_at=now, category=category.value, text="")
            session.add(row)
            session.flush()
            return _feedback(row)

    def feedback(self, feedback_id: int) -> Feedback | None:
        with self.db.sessions() as session:
            row = session.get(VisitorFeedback, feedback_id)
            return _feedback(row) if row else None

    def add_feedback_text(self, feedback_id: int, text: str) -> bool:
        """Add the visitor's words to their feedback, once: False if it already has some."""
        with self.db.sessions.begin() as session:
            return bool(changed_rows(session, (
                update(VisitorFeedback)
                .where(VisitorFeedback.id == feedback_id, VisitorFeedback.text == "")
                .values(text=text))))

    def feedback_list(self, where: FeedbackFilter, limit: int = 500) -> list[Feedback]:
        """Feedback matching ``where``, the most recent first."""
        with self.db.sessions() as session:
            rows = session.scalars(
                select(VisitorFeedback).where(*where.clauses())
                .order_by(VisitorFeedback.created_at.desc(), VisitorFeedback.id.desc())
                .limit(limit))
            return [_feedback(row) for row in rows]

    def feedback_counts(self, where: FeedbackFilter) -> dict[Difficulty, int]:
        """How many items of each kind match ``where``; every kind is present."""
        with self.db.sessions() as session:
            found = dict(session.execute(
                select(VisitorFeedback.category, func.count()).where(*where.clauses())
                .group_by(VisitorFeedback.category)).all())
        return {kind: found.get(kind.value, 0) for kind in Difficulty}

    def mark_considered(self, feedback_ids: Collection[int], meeting_id: int,
                        locations: Collection[str], meeting_ended: dt.datetime) -> int:
        """Record that these items were considered at the meeting; only items of
        ``locations`` given before ``meeting_ended`` change (a meeting cannot have
        considered feedback that came later). Returns how many did."""
        if not feedback_ids:
            return 0
        with self.db.sessions.begin() as session:
            return changed_rows(session, (
                update(VisitorFeedback)
                .where(VisitorFeedback.id.in_(list(feedback_ids)),
                       VisitorFeedback.location_id.in_(list(locations)),
                       VisitorFeedback.created_at < meeting_ended)
                .values(meeting_id=meeting_id)))

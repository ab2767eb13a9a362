"""Calls for assistance: a visitor at a stand asks for a person, staff acknowledge and close.

A call is open until it is closed, whether by staff or withdrawn at the stand. Each
stand has at most one open call (the database enforces it), so pressing the button
again shows the call already made instead of sending staff a second one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, func, or_, select, true, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.store.database import Database, changed_rows
from kiosk.store.tables import AssistanceRequest


class Need(StrEnum):
    """What the visitor asks for, in the order the stand offers it."""

    ENTRANCE = "entrance"  # the accessible entrance or the ramp opened, a hand at the door
    INTERPRETER = "interpreter"  # a sign-language interpreter
    FORM = "form"  # reading or filling in a form
    OTHER = "other"


class State(StrEnum):
    WAITING = "waiting"  # staff have been told; nobody has answered yet
    ACKNOWLEDGED = "acknowledged"  # someone is on the way
    DONE = "done"  # closed by staff
    WITHDRAWN = "withdrawn"  # withdrawn by the visitor at the stand


@dataclass(frozen=True)
class Call:
    id: int
    location_id: str
    stand_id: str  # empty: the page was not opened on a known stand
    need: Need
    lang: str
    created_at: dt.datetime
    acknowledged_at: dt.datetime | None = None
    acknowledged_by: str | None = None
    closed_at: dt.datetime | None = None
    closed_by: str | None = None
    escalated_at: dt.datetime | None = None
    mailed_at: dt.datetime | None = None
    mail_error: str | None = None

    @property
    def state(self) -> State:
        if self.closed_at is not None:
            return State.DONE if self.closed_by else State.WITHDRAWN
        return State.ACKNOWLEDGED if self.acknowledged_at is not None else State.WAITING

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


def _call(row: AssistanceRequest) -> Call:
    return Call(row.id, row.location_id, row.stand_id, Need(row.need), row.lang, row.created_at,
                row.acknowledged_at, row.acknowledged_by, row.closed_at, row.closed_by,
                row.escalated_at, row.mailed_at, row.mail_error)


def _open_row(session: Session, location_id: str, stand_id: str) -> AssistanceRequest | None:
    return session.scalar(select(AssistanceRequest).where(
        AssistanceRequest.location_id == location_id, AssistanceRequest.stand_id == stand_id,
        AssistanceRequest.closed_at.is_(None)))


# Unanswered: nobody has acknowledged it and it is still open.
_UNANSWERED = (AssistanceRequest.acknowledged_at.is_(None), AssistanceRequest.closed_at.is_(None))


def _in(locations: Collection[str] | None) -> ColumnElement[bool]:
    """A filter on the locations a manager may see; None means every location."""
    return true() if locations is None else AssistanceRequest.location_id.in_(list(locations))


class AssistanceDesk:
    """The calls of every stand, kept in the content store's database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def call(self, location_id: str, stand_id: str, need: Need, lang: str,
             now: dt.datetime) -> tuple[Call, bool]:
        """Open a call for the stand, or return the one it already has; True if new."""
        existing = self.open_call(location_id, stand_id)
        if existing is not None:
            return existing, False
        try:
            with self.db.sessions.begin() as session:
                row = AssistanceRequest(location_id=location_id, stand_id=stand_id,
                                        need=need.value, lang=lang, created_at=now)
                session.add(row)
                session.flush()
                return _call(row), True
        except IntegrityError:
            # Another press of the same stand got in first: that call is the one.
            found = self.open_call(location_id, stand_id)
            if found is None:
                raise
            return found, False

    def open_call(self, location_id: str, stand_id: str) -> Call | None:
        with self.db.sessions() as session:
            row = _open_row(session, location_id, stand_id)
            return _call(row) if row else None

    def get(self, call_id: int) -> Call | None:
        with self.db.sessions() as session:
            row = session.get(AssistanceRequest, call_id)
            return _call(row) if row else None

    def acknowledge(self, call_id: int, username: str, now: dt.datetime) -> Call | None:
        """Mark a waiting call as answered; the first answer stands, a closed call stays closed."""
        with self.db.sessions.begin() as session:
            row = session.get(AssistanceRequest, call_id)
            if row is not None and row.closed_at is None and row.acknowledged_at is None:
                row.acknowledged_at, row.acknowledged_by = now, username
            return _call(row) if row else None

    def close(self, call_id: int, username: str, now: dt.datetime) -> Call | None:
        """Close an open call; ``username`` empty means the visitor withdrew it at the stand."""
        with self.db.sessions.begin() as session:
            row = session.get(AssistanceRequest, call_id)
            if row is not None and row.closed_at is None:
                row.closed_at, row.closed_by = now, username
            return _call(row) if row else None

    def open_calls(self, locations: Collection[str] | None = None) -> list[Call]:
        """Open calls, oldest first: the visitor who has waited longest comes first."""
        with self.db.sessions() as session:
            rows = session.scalars(
                select(AssistanceRequest)
                .where(AssistanceRequest.closed_at.is_(None), _in(locations))
                .order_by(AssistanceRequest.created_at, AssistanceRequest.id))
            return [_call(row) for row in rows]

    def closed_since(self, since: dt.datetime, locations: Collection[str] | None = None,
                     limit: int = 20) -> list[Call]:
        """Calls closed after ``since``, the most recent first."""
        with self.db.sessions() as session:
            rows = session.scalars(
                select(AssistanceRequest)
                .where(AssistanceRequest.closed_at >= since, _in(locations))
                .order_by(AssistanceRequest.closed_at.desc()).limit(limit))
            return [_call(row) for row in rows]

    def count_open(self, locations: Collection[str] | None = None) -> int:
        with self.db.sessions() as session:
            return session.scalar(
                select(func.count()).select_from(AssistanceRequest)
                .where(AssistanceRequest.closed_at.is_(None), _in(locations))) or 0

    # Escalation. Every step is one conditional UPDATE, so several server processes (and a
    # restart half-way) agree on who does what: the row, not memory, says what happened.

    def escalate_due(self, created_before: dt.datetime, now: dt.datetime) -> list[Call]:
        """Mark as escalated every unanswered call made before ``created_before``; the
        calls this call marked (none a second time, whoever else is looking)."""
        with self.db.sessions.begin() as session:
            ids = list(session.scalars(update(AssistanceRequest).where(
                *_UNANSWERED, AssistanceRequest.escalated_at.is_(None),
                AssistanceRequest.created_at <= created_before,
            ).values(escalated_at=now).returning(AssistanceRequest.id)))
            if not ids:  # the usual tick: nothing came due
                return []
            rows = session.scalars(select(AssistanceRequest).where(
                AssistanceRequest.id.in_(ids)).order_by(AssistanceRequest.created_at))
            return [_call(row) for row in rows]

    def awaiting_mail(self, now: dt.datetime, lease: dt.timedelta, max_attempts: int
                      ) -> list[Call]:
        """Escalated calls, still unanswered, whose e-mail has not gone out and whom
        nobody is sending right now (no attempt, or the last one's lease has run out)."""
        with self.db.sessions() as session:
            rows = session.scalars(select(AssistanceRequest).where(
                *_UNANSWERED, AssistanceRequest.escalated_at.is_not(None),
                AssistanceRequest.mailed_at.is_(None),
                AssistanceRequest.mail_attempts < max_attempts,
                or_(AssistanceRequest.mail_attempt_at.is_(None),
                    AssistanceRequest.mail_attempt_at <= now - lease),
            ).order_by(AssistanceRequest.created_at))
            return [_call(row) for row in rows]

    def claim_mail(self, call_id: int, now: dt.datetime, lease: dt.timedelta) -> bool:
        """Take the sending of the call's e-mail for ``lease``; False if someone else has
        it, it went out already, or the call has been answered meanwhile."""
        with self.db.sessions.begin() as session:
            return changed_rows(session, update(AssistanceRequest).where(
                AssistanceRequest.id == call_id, *_UNANSWERED,
                AssistanceRequest.mailed_at.is_(None),
                or_(AssistanceRequest.mail_attempt_at.is_(None),
                    AssistanceRequest.mail_attempt_at <= now - lease),
            ).values(mail_attempt_at=now,
                     mail_attempts=AssistanceRequest.mail_attempts + 1)) == 1

    def mail_sent(self, call_id: int, now: dt.datetime) -> None:
        with self.db.sessions.begin() as session:
            row = session.get(AssistanceRequest, call_id)
            if row is not None:
                row.mailed_at, row.mail_error = now, None

    def mail_failed(self, call_id: int, error: str) -> None:
        with self.db.sessions.begin() as session:
            row = session.get(AssistanceRequest, call_id)
            if row is not None:
                row.mail_error = error[:2000]

    def created_between(self, start: dt.datetime, end: dt.datetime,
                        locations: Collection[str] | None = None) -> list[Call]:
        """Every call made in [start, end), for the register's time-to-acknowledge."""
        with self.db.sessions() as session:
            rows = session.scalars(
                select(AssistanceRequest)
                .where(AssistanceRequest.created_at >= start, AssistanceRequest.created_at < end,
                       _in(locations))
                .order_by(AssistanceRequest.created_at, AssistanceRequest.id))
            return [_call(row) for row in rows]

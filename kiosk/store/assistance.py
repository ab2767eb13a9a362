"""Calls for assistance: a visitor at a stand asks for a person, staff acknowledge and close.

A call is open until it is closed, whether by staff or withdrawn at the stand. Each
stand has at most one open call (the database enforces it), so pressing the button
again shows the call already made instead of sending staff a second one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, func, select, true
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.store.database import Database
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
                row.acknowledged_at, row.acknowledged_by, row.closed_at, row.closed_by)


def _open_row(session: Session, location_id: str, stand_id: str) -> AssistanceRequest | None:
    return session.scalar(select(AssistanceRequest).where(
        AssistanceRequest.location_id == location_id, AssistanceRequest.stand_id == stand_id,
        AssistanceRequest.closed_at.is_(None)))


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

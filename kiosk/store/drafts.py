"""Editors' drafts: what each editor has typed for a location and not yet published.

A draft belongs to one editor and one location, so two editors never overwrite each
other's typing; the revision it was started from tells a publication whether someone
else published in between."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select

from kiosk.store.database import Database, session_now
from kiosk.store.tables import Draft


@dataclass(frozen=True)
class DraftRecord:
    location_id: str
    username: str
    base_number: int
    document: dict[str, Any]
    updated_at: dt.datetime


def _record(row: Draft) -> DraftRecord:
    return DraftRecord(row.location_id, row.username, row.base_number, json.loads(row.document),
                       row.updated_at)


class DraftStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, location_id: str, username: str) -> DraftRecord | None:
        with self.db.sessions() as session:
            row = session.scalars(select(Draft).where(
                Draft.location_id == location_id, Draft.username == username)).first()
            return None if row is None else _record(row)

    def others(self, location_id: str, username: str) -> list[DraftRecord]:
        """Drafts other editors keep for the same location."""
        with self.db.sessions() as session:
            return [_record(row) for row in session.scalars(select(Draft).where(
                Draft.location_id == location_id, Draft.username != username)
                .order_by(Draft.updated_at))]

    def save(self, org_id: str, location_id: str, username: str, base_number: int,
             document: dict[str, Any]) -> None:
        text = json.dumps(document, ensure_ascii=False)
        with self.db.sessions.begin() as session:
            now = session_now(session)
            row = session.scalars(select(Draft).where(
                Draft.location_id == location_id, Draft.username == username)).first()
            if row is None:
                session.add(Draft(organisation_id=org_id, location_id=location_id,
                                  username=username, base_number=base_number, document=text,
                                  updated_at=now))
            else:
                row.base_number = base_number
                row.document = text
                row.updated_at = now

    def discard(self, location_id: str, username: str) -> None:
        with self.db.sessions.begin() as session:
            session.execute(delete(Draft).where(
                Draft.location_id == location_id, Draft.username == username))

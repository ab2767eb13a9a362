"""Stand heartbeats: each stand's poll for news says that it is alive and what it shows.

A stand polls every CONTENT_POLL_SECONDS; writing every poll of every stand would be
needless disk work, so a contact is written at most once per WRITE_EVERY_SECONDS."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from kiosk.store.database import Database
from kiosk.store.tables import StandContact

WRITE_EVERY_SECONDS = 20.0


@dataclass(frozen=True)
class Contact:
    stand_id: str
    location_id: str
    last_seen: dt.datetime
    revision_id: int


class StandRegister:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._written: dict[str, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def contact(self, stand_id: str, location_id: str, revision_id: int,
                now: dt.datetime) -> None:
        with self._lock:
            last = self._written.get(stand_id)
            if last and last[1] == revision_id and time.monotonic() - last[0] < WRITE_EVERY_SECONDS:
                return
            self._written[stand_id] = (time.monotonic(), revision_id)
        with self.db.sessions.begin() as session:
            session.execute(_upsert(session, {"stand_id": stand_id, "location_id": location_id,
                                              "last_seen": now, "revision_id": revision_id}))

    def contacts(self) -> dict[str, Contact]:
        with self.db.sessions() as session:
            rows = session.scalars(select(StandContact))
            return {row.stand_id: Contact(row.stand_id, row.location_id,
                                          row.last_seen, row.revision_id)
                    for row in rows}


def _upsert(session: Session, values: dict[str, object]) -> postgresql.Insert | sqlite.Insert:
    """Insert a stand's contact, or update it if the stand is known: one statement, so two
    server processes recording the same new stand at once cannot both insert it (a
    read-then-write such as ``Session.merge`` can, and one of them fails)."""
    # The settings accept no other database (kiosk.config.check).
    inserts: dict[str, Callable[[type[StandContact]], postgresql.Insert | sqlite.Insert]] = {
        "postgresql": postgresql.insert, "sqlite": sqlite.insert}
    insert = inserts[session.get_bind().dialect.name]
    statement = insert(StandContact).values(values)
    return statement.on_conflict_do_update(
        index_elements=[StandContact.stand_id],
        set_={name: statement.excluded[name] for name in values if name != "stand_id"})

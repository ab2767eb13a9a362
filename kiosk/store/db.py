"""Reading and publishing content revisions.

Stands read far more than managers publish, so the current revision of a location is
looked up at most every ``CHECK_SECONDS`` and parsed content is kept per revision id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, func, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.content import Content, ContentError
from kiosk.store import migrate
from kiosk.store.tables import LocationIndex, Organisation, Revision

if TYPE_CHECKING:
    from flask import Flask

CHECK_SECONDS = 2.0
PARSED_REVISIONS = 16


class StoreNotReady(RuntimeError):
    """The database has no tables yet: ``kiosk db upgrade`` (or ``make run``) creates them."""


@dataclass(frozen=True)
class Published:
    content: Content
    revision_id: int
    number: int
    organisation_id: str
    published_at: dt.datetime
    published_by: str = ""


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # WAL lets stands read while a manager publishes; foreign keys are off by default.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url)
    else:
        # A server database is shared by several processes of 16 waitress threads each,
        # plus the speech warm-up: up to 20 connections per process, 5 kept open between
        # requests, and a connection the server dropped (a restart, an idle timeout) is
        # noticed and replaced before use rather than failing a visitor's request.
        engine = create_engine(url, pool_size=5, max_overflow=15, pool_timeout=10,
                               pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def content_hash(document: dict) -> str:
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


class ContentStore:
    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._parsed: dict[int, Content] = {}
        self._current: dict[str, tuple[float, Published | None]] = {}
        self._lock = threading.Lock()

    # -- schema -------------------------------------------------------------------------
    def upgrade(self) -> None:
        migrate.upgrade(self.engine)

    def is_ready(self) -> bool:
        return inspect(self.engine).has_table("revisions")

    def is_empty(self) -> bool:
        with self.sessions() as session:
            return session.scalar(select(func.count()).select_from(Revision)) == 0

    # -- publishing ---------------------------------------------------------------------
    def publish(self, content: Content, author: str) -> tuple[Revision, bool]:
        """Store ``content`` as the organisation's newest revision, all or nothing.

        Returns the revision and whether it is new (identical content is not stored twice).
        """
        document = content.model_dump(mode="json")
        digest = content_hash(document)
        org_id = content.organisation.id
        with self.sessions.begin() as session:
            self._check_location_owners(session, content)
            latest = self._latest(session, org_id)
            if latest is not None and latest.content_hash == digest:
                return latest, False
            if session.get(Organisation, org_id) is None:
                session.add(Organisation(id=org_id))
                session.flush()
            revision = Revision(
                organisation_id=org_id,
                number=(latest.number + 1) if latest else 1,
                content=json.dumps(document, ensure_ascii=False),
                content_hash=digest,
                created_by=author,
            )
            session.add(revision)
            self._reindex_locations(session, content)
        self._forget()
        return revision, True

    def _check_location_owners(self, session: Session, content: Content) -> None:
        org_id = content.organisation.id
        rows = session.execute(
            select(LocationIndex).where(LocationIndex.id.in_(list(content.locations)))
        ).scalars()
        clashes = [f"locations.{row.id}: this location id already belongs to organisation "
                   f'"{row.organisation_id}"; choose another id'
                   for row in rows if row.organisation_id != org_id]
        if clashes:
            raise ContentError(f"organisation {org_id}", clashes)

    def _reindex_locations(self, session: Session, content: Content) -> None:
        org_id = content.organisation.id
        for row in session.execute(
            select(LocationIndex).where(LocationIndex.organisation_id == org_id)
        ).scalars():
            if row.id not in content.locations:
                session.delete(row)
        for location_id in content.locations:
            session.merge(LocationIndex(id=location_id, organisation_id=org_id))

    # -- reading ------------------------------------------------------------------------
    @staticmethod
    def _latest(session: Session, org_id: str) -> Revision | None:
        return session.scalars(
            select(Revision).where(Revision.organisation_id == org_id)
            .order_by(Revision.number.desc()).limit(1)
        ).first()

    def organisation_ids(self) -> list[str]:
        with self.sessions() as session:
            return list(session.scalars(select(Organisation.id).order_by(Organisation.created_at)))

    def current(self, org_id: str) -> Published | None:
        with self.sessions() as session:
            revision = self._latest(session, org_id)
            return None if revision is None else self._published(revision)

    def for_location(self, location_id: str) -> Published | None:
        """The published content that holds ``location_id``, re-checked every few seconds."""
        now = time.monotonic()
        cached = self._current.get(location_id)
        if cached and now - cached[0] < CHECK_SECONDS:
            return cached[1]
        with self.sessions() as session:
            org_id = session.scalar(
                select(LocationIndex.organisation_id).where(LocationIndex.id == location_id)
            )
            revision = self._latest(session, org_id) if org_id else None
            published = self._published(revision) if revision else None
        self._current[location_id] = (now, published)
        return published

    def _published(self, revision: Revision) -> Published:
        with self._lock:
            content = self._parsed.get(revision.id)
            if content is None:
                content = Content.model_validate(json.loads(revision.content))
                self._parsed[revision.id] = content
                while len(self._parsed) > PARSED_REVISIONS:
                    del self._parsed[min(self._parsed)]  # the oldest revision goes first
        return Published(content, revision.id, revision.number, revision.organisation_id,
                         revision.created_at, revision.created_by)

    def _forget(self) -> None:
        self._current.clear()


def default_url(instance_path: str) -> str:
    Path(instance_path).mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{Path(instance_path) / 'kiosk.sqlite3'}"


def init_app(app: Flask) -> None:
    url = app.config["DATABASE_URL"] or default_url(app.instance_path)
    app.extensions["kiosk.store"] = ContentStore(url)


def store(app: Flask) -> ContentStore:
    return app.extensions["kiosk.store"]

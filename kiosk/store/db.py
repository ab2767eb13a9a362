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

from pydantic import ValidationError
from sqlalchemy import Engine, create_engine, event, func, inspect, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.content import Content, ContentError
from kiosk.content.errors import describe_validation
from kiosk.content.sections import changed_sections
from kiosk.store import migrate
from kiosk.store.tables import LocationIndex, Organisation, Revision, SectionStamp

if TYPE_CHECKING:
    from flask import Flask

CHECK_SECONDS = 2.0
PARSED_REVISIONS = 16


PUBLISH_ATTEMPTS = 8


class PublishConflict(Exception):
    """Someone published a different version of the location after the editor's draft
    was started: publishing now would silently undo their work."""

    def __init__(self, base_number: int, latest_number: int, theirs: dict, base: dict | None
                 ) -> None:
        super().__init__(f"revision {latest_number} changed this location after revision "
                         f"{base_number}, which the draft was started from")
        self.base_number = base_number
        self.latest_number = latest_number
        self.theirs = theirs
        self.base = base


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
    engine = create_engine(url, future=True)
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
            revision = self._add_revision(session, org_id, latest, document, digest, author)
            self._reindex_locations(session, content)
        self._forget()
        return revision, True

    def publish_location(self, org_id: str, location_id: str, location: dict, base_number: int,
                         author: str) -> tuple[Revision, bool]:
        """Publish one location as edited from revision ``base_number``, keeping every
        other location as it is now.

        Raises :class:`PublishConflict` when a later revision changed this location, and
        :class:`ContentError` when the result does not validate. Concurrent publications
        are serialised by the unique revision number: a loser re-reads and tries again,
        so it sees the winner's revision and cannot overwrite it unknowingly."""
        for attempt in range(PUBLISH_ATTEMPTS):
            try:
                return self._publish_location_once(org_id, location_id, location, base_number,
                                                   author)
            except (IntegrityError, OperationalError):
                if attempt == PUBLISH_ATTEMPTS - 1:
                    raise
                time.sleep(0.02 * (attempt + 1))
        raise AssertionError("unreachable")

    def _publish_location_once(self, org_id: str, location_id: str, location: dict,
                               base_number: int, author: str) -> tuple[Revision, bool]:
        with self.sessions.begin() as session:
            latest = self._latest(session, org_id)
            if latest is None:
                raise ContentError(f"organisation {org_id}", ["nothing has been published yet"])
            current = json.loads(latest.content)
            theirs = current["locations"].get(location_id)
            if latest.number != base_number:
                base = self._location_at(session, org_id, base_number, location_id)
                if theirs != base and theirs != location:
                    raise PublishConflict(base_number, latest.number, theirs, base)
            current["locations"][location_id] = location
            try:
                content = Content.model_validate(current)
            except ValidationError as error:
                raise ContentError(f"location {location_id}", describe_validation(error)) from None
            document = content.model_dump(mode="json")
            digest = content_hash(document)
            if digest == latest.content_hash:
                return latest, False
            revision = self._add_revision(session, org_id, latest, document, digest, author)
        self._forget()
        return revision, True

    def _location_at(self, session: Session, org_id: str, number: int, location_id: str
                     ) -> dict | None:
        revision = session.scalars(select(Revision).where(
            Revision.organisation_id == org_id, Revision.number == number)).first()
        return None if revision is None else json.loads(revision.content)["locations"].get(
            location_id)

    def _add_revision(self, session: Session, org_id: str, latest: Revision | None,
                      document: dict, digest: str, author: str) -> Revision:
        revision = Revision(
            organisation_id=org_id,
            number=(latest.number + 1) if latest else 1,
            content=json.dumps(document, ensure_ascii=False),
            content_hash=digest,
            created_by=author,
        )
        session.add(revision)
        session.flush()  # a concurrent publication of the same number fails here
        before = json.loads(latest.content)["locations"] if latest else {}
        self._stamp_sections(session, before, document["locations"], author)
        return revision

    @staticmethod
    def _stamp_sections(session: Session, before: dict, after: dict, author: str) -> None:
        now = dt.datetime.now(dt.UTC)
        for location_id, location in after.items():
            for section in changed_sections(before.get(location_id), location):
                session.merge(SectionStamp(location_id=location_id, section=section,
                                           updated_at=now, updated_by=author,
                                           reviewed_at=now, reviewed_by=author))

    def mark_reviewed(self, location_id: str, section: str, who: str) -> None:
        with self.sessions.begin() as session:
            stamp = session.get(SectionStamp, (location_id, section))
            if stamp is not None:
                stamp.reviewed_at = dt.datetime.now(dt.UTC)
                stamp.reviewed_by = who

    def section_stamps(self, location_id: str) -> dict[str, SectionStamp]:
        with self.sessions() as session:
            return {row.section: row for row in session.scalars(
                select(SectionStamp).where(SectionStamp.location_id == location_id))}

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

    def revisions(self, org_id: str) -> list[Revision]:
        """Every revision of the organisation, newest first."""
        with self.sessions() as session:
            return list(session.scalars(select(Revision).where(
                Revision.organisation_id == org_id).order_by(Revision.number.desc())))

    def revision(self, org_id: str, number: int) -> Published | None:
        with self.sessions() as session:
            revision = session.scalars(select(Revision).where(
                Revision.organisation_id == org_id, Revision.number == number)).first()
            return None if revision is None else self._published(revision)

    def organisation_of(self, location_id: str) -> str | None:
        with self.sessions() as session:
            return session.scalar(
                select(LocationIndex.organisation_id).where(LocationIndex.id == location_id))

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

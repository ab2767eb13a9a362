"""Reading and publishing content revisions.

Stands read far more than managers publish, so the current revision of a location is
looked up at most every ``CHECK_SECONDS`` and parsed content is kept per revision id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError
from sqlalchemy import Engine, create_engine, event, func, inspect, select
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, defer, sessionmaker

from kiosk.content import Content, ContentError
from kiosk.content.errors import describe_validation
from kiosk.content.sections import changed_sections
from kiosk.store import migrate
from kiosk.store.tables import (
    AnnouncementNotice,
    LocationIndex,
    Organisation,
    Revision,
    SectionStamp,
)

if TYPE_CHECKING:
    from flask import Flask

log = logging.getLogger(__name__)
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


class _Stale(Exception):
    """Another revision was written while this one was being prepared."""


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
    versions: dict[str, int] = field(default_factory=dict, compare=False)

    def version(self, location_id: str) -> int:
        """What a stand of ``location_id`` shows, as a number that changes when it does.

        Publishing one location of an organisation leaves the others' versions alone, so
        their stands neither reload nor re-render."""
        found = self.versions.get(location_id)
        return found if found is not None else self.revision_id


def announcement_key(item: dict) -> str:
    """An announcement by id and event time: moving the event makes it a new notice."""
    return f"{item.get('id')}@{item.get('event_at')}"[:80]


def location_versions(content: Content) -> dict[str, int]:
    organisation = content.organisation.model_dump(mode="json")
    versions = {}
    for location_id, location in content.locations.items():
        digest = content_hash({"organisation": organisation,
                               "location": location.model_dump(mode="json")})
        versions[location_id] = int(digest[:8], 16) & 0x7FFFFFFF  # fits a SQL integer
    return versions


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


def _sqlite_writer(engine: Engine) -> Engine:
    """A second engine on the same SQLite file whose transactions take the write lock
    when they begin.

    A deferred transaction that reads and then writes fails at once with "database is
    locked" when another writer committed in between; one that begins IMMEDIATE waits
    its turn instead (up to the busy timeout), so concurrent editors queue, not fail."""
    writer = create_engine(engine.url, future=True, connect_args={"timeout": 30})
    event.listen(writer, "connect", _sqlite_pragmas)

    @event.listens_for(writer, "connect")
    def _manual_transactions(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # pysqlite must not BEGIN on its own

    @event.listens_for(writer, "begin")
    def _begin_immediate(connection) -> None:  # type: ignore[no-untyped-def]
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return writer


class Sessions(sessionmaker):  # type: ignore[type-arg]
    """Sessions for reading; ``begin()`` opens a writing transaction.

    Every write in this code base is a ``with sessions.begin()`` block, and every read a
    ``with sessions()`` block, so the two kinds go to engines tuned for each."""

    def __init__(self, engine: Engine, writer: Engine) -> None:
        super().__init__(engine, expire_on_commit=False)
        self._writes = sessionmaker(writer, expire_on_commit=False)

    def begin(self):  # type: ignore[no-untyped-def, override]
        return self._writes.begin()


def content_hash(document: dict) -> str:
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


class ContentStore:
    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        self.writer = _sqlite_writer(self.engine) if self.engine.dialect.name == "sqlite" \
            else self.engine
        self.sessions = Sessions(self.engine, self.writer)
        self._parsed: dict[int, tuple[Content, dict[str, int]]] = {}
        self._current: dict[str, tuple[float, Published | None]] = {}
        self._checking: set[str] = set()
        self._lock = threading.Lock()
        self.unreadable = False  # the last look at the database failed

    def dispose(self) -> None:
        """Close every pooled connection (both engines on SQLite)."""
        self.engine.dispose()
        if self.writer is not self.engine:
            self.writer.dispose()

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
        A publication that loses a race for the revision number is tried again on top of
        the winner's."""
        for attempt in range(PUBLISH_ATTEMPTS):
            try:
                return self._publish_once(content, author)
            except IntegrityError:
                if attempt == PUBLISH_ATTEMPTS - 1:
                    raise
                time.sleep(0.01 * attempt)
        raise AssertionError("unreachable")

    def _publish_once(self, content: Content, author: str) -> tuple[Revision, bool]:
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
            before = json.loads(latest.content)["locations"] if latest else {}
            revision = self._write(session, org_id, author, latest.number if latest else 0,
                                   document, digest, before, location_versions(content))
            for row in session.scalars(
                    select(LocationIndex).where(LocationIndex.organisation_id == org_id)):
                if row.id not in content.locations:
                    session.delete(row)
        self._forget()
        return revision, True

    def publish_location(self, org_id: str, location_id: str, location: dict, base_number: int,
                         author: str) -> tuple[Revision, bool]:
        """Publish one location as edited from revision ``base_number``, keeping every
        other location as it is now.

        Raises :class:`PublishConflict` when a later revision changed this location, and
        :class:`ContentError` when the result does not validate.

        The new revision is prepared without holding the write lock, then written only if
        no other revision appeared meanwhile; otherwise it is prepared again on top of
        that one (and so meets its changes, as a conflict if they touch this location).
        Nothing is ever written over a revision its author has not seen."""
        for attempt in range(PUBLISH_ATTEMPTS):
            # First without the write lock; if another revision was written meanwhile,
            # again while holding it, so a busy organisation cannot starve an editor.
            optimistic = attempt == 0
            try:
                if optimistic:
                    with self.sessions() as session:
                        prepared = self._prepare(session, org_id, location_id, location,
                                                 base_number)
                    if isinstance(prepared, Revision):
                        return prepared, False
                    with self.sessions.begin() as session:
                        revision = self._write(session, org_id, author, *prepared)
                else:
                    with self.sessions.begin() as session:
                        prepared = self._prepare(session, org_id, location_id, location,
                                                 base_number)
                        if isinstance(prepared, Revision):
                            return prepared, False
                        revision = self._write(session, org_id, author, *prepared)
            except (_Stale, IntegrityError, OperationalError):
                if attempt == PUBLISH_ATTEMPTS - 1:
                    raise
                time.sleep(0.01 * attempt)
                continue
            self._forget()
            return revision, True
        raise AssertionError("unreachable")

    def _prepare(self, session: Session, org_id: str, location_id: str, location: dict,
                 base_number: int) -> Revision | tuple[int, dict, str, dict, dict[str, int]]:
        """The new revision's document on top of the latest one, or the latest revision
        itself when nothing would change."""
        latest = self._latest(session, org_id)
        if latest is None:
            raise ContentError(f"organisation {org_id}", ["nothing has been published yet"])
        current = json.loads(latest.content)
        theirs = current["locations"].get(location_id)
        if latest.number != base_number:
            base = self._location_at(session, org_id, base_number, location_id)
            if theirs != base and theirs != location:
                raise PublishConflict(base_number, latest.number, theirs, base)
        before = dict(current["locations"])
        current["locations"][location_id] = location
        try:
            content = Content.model_validate(current)
        except ValidationError as error:
            raise ContentError(f"location {location_id}", describe_validation(error)) from None
        document = content.model_dump(mode="json")
        digest = content_hash(document)
        if digest == latest.content_hash:
            return latest
        return latest.number, document, digest, before, location_versions(content)

    def _location_at(self, session: Session, org_id: str, number: int, location_id: str
                     ) -> dict | None:
        revision = session.scalars(select(Revision).where(
            Revision.organisation_id == org_id, Revision.number == number)).first()
        return None if revision is None else json.loads(revision.content)["locations"].get(
            location_id)

    def _write(self, session: Session, org_id: str, author: str, latest_number: int,
               document: dict, digest: str, before: dict, versions: dict[str, int]
               ) -> Revision:
        """Add revision ``latest_number + 1``: the short part of a publication, under the
        write lock."""
        newest = session.scalar(select(func.max(Revision.number)).where(
            Revision.organisation_id == org_id)) or 0
        if newest != latest_number:
            raise _Stale
        revision = Revision(organisation_id=org_id, number=latest_number + 1,
                            content=json.dumps(document, ensure_ascii=False),
                            content_hash=digest, created_by=author)
        session.add(revision)
        session.flush()  # a concurrent publication of the same number fails here
        self._stamp_sections(session, before, document["locations"], author)
        for location_id, version in versions.items():
            session.merge(LocationIndex(id=location_id, organisation_id=org_id,
                                        version=version))
        return revision

    @staticmethod
    def _stamp_sections(session: Session, before: dict, after: dict, author: str) -> None:
        now = dt.datetime.now(dt.UTC)
        for location_id, location in after.items():
            changed = changed_sections(before.get(location_id), location)
            for section in changed:
                session.merge(SectionStamp(location_id=location_id, section=section,
                                           updated_at=now, updated_by=author,
                                           reviewed_at=now, reviewed_by=author))
            if "announcements" not in changed:
                continue
            known = set(session.scalars(select(AnnouncementNotice.announcement).where(
                AnnouncementNotice.location_id == location_id)))
            for item in location.get("announcements", []):
                key = announcement_key(item)
                if key not in known:
                    known.add(key)
                    session.add(AnnouncementNotice(location_id=location_id, announcement=key,
                                                   first_published_at=now))

    def announcement_first_published(self, location_id: str) -> dict[str, dt.datetime]:
        """When each announcement of the location (see :func:`announcement_key`) first
        reached the stands."""
        with self.sessions() as session:
            return {row.announcement: row.first_published_at for row in session.scalars(
                select(AnnouncementNotice).where(AnnouncementNotice.location_id == location_id))}

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

    # -- reading ------------------------------------------------------------------------
    @staticmethod
    def _latest(session: Session, org_id: str) -> Revision | None:
        # The content (a large document) is loaded only when it is not parsed already.
        return session.scalars(
            select(Revision).where(Revision.organisation_id == org_id)
            .options(defer(Revision.content))
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
        """The published content that holds ``location_id``, re-checked every few seconds.

        One thread re-checks a location at a time; the others meanwhile keep what was
        there (at most a moment older), so hundreds of stand requests arriving after a
        publication cause one database read, not hundreds. A publication elsewhere in
        the organisation leaves this location's version as it was; then the content
        already parsed still holds, and nothing is parsed again."""
        now = time.monotonic()
        cached = self._current.get(location_id)
        if cached and now - cached[0] < CHECK_SECONDS:
            return cached[1]
        with self._lock:
            if location_id in self._checking and cached is not None:
                return cached[1]
            self._checking.add(location_id)
        try:
            published = self._check(location_id, cached[1] if cached else None)
        except SQLAlchemyError as error:
            if cached is None:
                raise
            # The database cannot be read: the stands keep what they showed until it can.
            if not self.unreadable:
                log.error("the database cannot be read; stands keep the content they "
                          "have: %s", str(getattr(error, "orig", None) or error).strip())
            self.unreadable = True
            published = cached[1]
        else:
            if self.unreadable:
                log.warning("the database can be read again")
            self.unreadable = False
        finally:
            with self._lock:
                self._checking.discard(location_id)
        self._current[location_id] = (time.monotonic(), published)
        return published

    def _check(self, location_id: str, known: Published | None) -> Published | None:
        with self.sessions() as session:
            row = session.execute(
                select(LocationIndex.organisation_id, LocationIndex.version)
                .where(LocationIndex.id == location_id)).first()
            if row is None:
                return None
            if known is not None and row.version and known.version(location_id) == row.version:
                return known
            revision = self._latest(session, row.organisation_id)
            return self._published(revision) if revision else None

    def _published(self, revision: Revision) -> Published:
        with self._lock:
            parsed = self._parsed.get(revision.id)
        if parsed is None:
            # Parsed outside the lock: readers of other revisions never wait for it.
            content = Content.model_validate_json(revision.content)
            parsed = (content, location_versions(content))
            with self._lock:
                self._parsed[revision.id] = parsed
                while len(self._parsed) > PARSED_REVISIONS:
                    del self._parsed[min(self._parsed)]  # the oldest revision goes first
        content, versions = parsed
        return Published(content, revision.id, revision.number, revision.organisation_id,
                         revision.created_at, revision.created_by, versions)

    def _forget(self) -> None:
        # Expired rather than dropped: the next request re-checks, the rest keep the
        # previous answer for the moment that takes.
        for location_id, (_when, published) in list(self._current.items()):
            self._current[location_id] = (float("-inf"), published)


def default_url(instance_path: str) -> str:
    Path(instance_path).mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{Path(instance_path) / 'kiosk.sqlite3'}"


def init_app(app: Flask) -> None:
    url = app.config["DATABASE_URL"] or default_url(app.instance_path)
    app.extensions["kiosk.store"] = ContentStore(url)


def store(app: Flask) -> ContentStore:
    return app.extensions["kiosk.store"]

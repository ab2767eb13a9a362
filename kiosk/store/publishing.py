"""Publishing content, and its history: every publication is a new, immutable revision.

A publication of one location is merged with what others published meanwhile, or
refused as a :class:`PublishConflict` when they changed the same location; nothing is
ever written over a revision its author has not seen. The drafts that come before a
publication (:mod:`kiosk.store.drafts`) and the duty stamps that come after it
(:mod:`kiosk.store.stamps`) are reached through the publisher too.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from typing import Any
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from kiosk.content import Content, ContentError
from kiosk.content.errors import describe_validation
from kiosk.content.outdated_english import mark_outdated_english
from kiosk.store.database import Database, session_now
from kiosk.store.drafts import DraftStore
from kiosk.store.reading import (
    ContentReader,
    Published,
    content_hash,
    latest_revision,
    location_versions,
)
from kiosk.store.stamps import Publication, Stamps, stamp_sections
from kiosk.store.tables import LocationIndex, Organisation, Revision

PUBLISH_ATTEMPTS = 8


class PublishConflict(Exception):
    """Someone published a different version of the location after the editor's draft
    was started: publishing now would silently undo their work."""

    def __init__(self, base_number: int, latest_number: int, theirs: dict[str, Any],
                 base: dict[str, Any] | None) -> None:
        super().__init__(f"revision {latest_number} changed this location after revision "
                         f"{base_number}, which the draft was started from")
        self.base_number = base_number
        self.latest_number = latest_number
        self.theirs = theirs
        self.base = base


class _Stale(Exception):
    """Another revision was written while this one was being prepared."""


class ContentPublisher:
    def __init__(self, db: Database, reader: ContentReader) -> None:
        self.db = db
        self.reader = reader
        self.drafts = DraftStore(db)
        self.stamps = Stamps(db)

    # -- publishing ---------------------------------------------------------------------
    def publish(self, content: Content, author: str, *, information_on: dt.date | None = None,
                kind: str = "import") -> tuple[Revision, bool]:
        """Store ``content`` as the organisation's newest revision, all or nothing.

        Returns the revision and whether it is new (identical content is not stored twice).
        A publication that loses a race for the revision number is tried again on top of
        the winner's. ``information_on`` is when the information published changed or
        reached its publisher, as they recorded it (the Standard's update duty).

        English texts whose Kazakh or Russian changed against the latest revision while
        they did not are marked outdated, as an editor's draft marks them."""
        for attempt in range(PUBLISH_ATTEMPTS):
            try:
                return self._publish_once(content, author, information_on, kind)
            except IntegrityError:
                if attempt == PUBLISH_ATTEMPTS - 1:
                    raise
                time.sleep(0.01 * attempt)
        raise AssertionError("unreachable")

    def _publish_once(self, content: Content, author: str, information_on: dt.date | None,
                      kind: str) -> tuple[Revision, bool]:
        org_id = content.organisation.id
        with self.db.sessions.begin() as session:
            self._check_location_owners(session, content)
            latest = latest_revision(session, org_id)
            before = json.loads(latest.content)["locations"] if latest else {}
            document = content.model_dump(mode="json")
            marked = mark_outdated_english(before, document["locations"])
            if marked != document["locations"]:
                document["locations"] = marked
                content = Content.model_validate(document)
            digest = content_hash(document)
            if latest is not None and latest.content_hash == digest:
                return latest, False
            if session.get(Organisation, org_id) is None:
                session.add(Organisation(id=org_id, created_at=session_now(session)))
                session.flush()
            revision = self._write(session, org_id, author, latest.number if latest else 0,
                                   document, digest, before, location_versions(content),
                                   kind, information_on)
            for row in session.scalars(
                    select(LocationIndex).where(LocationIndex.organisation_id == org_id)):
                if row.id not in content.locations:
                    session.delete(row)
        self.reader.forget()
        return revision, True

    def publish_location(self, org_id: str, location_id: str, location: dict[str, Any],
                         base_number: int,
                         author: str, *, information_on: dt.date | None = None,
                         kind: str = "edit") -> tuple[Revision, bool]:
        """Publish one location as edited from revision ``base_number``, keeping every
        other location as it is now. ``information_on`` is when the information changed
        or reached the editor, as they recorded it.

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
                    with self.db.sessions() as session:
                        prepared = self._prepare(session, org_id, location_id, location,
                                                 base_number)
                    if isinstance(prepared, Revision):
                        return prepared, False
                    with self.db.sessions.begin() as session:
                        revision = self._write(session, org_id, author, *prepared, kind,
                                               information_on)
                else:
                    with self.db.sessions.begin() as session:
                        prepared = self._prepare(session, org_id, location_id, location,
                                                 base_number)
                        if isinstance(prepared, Revision):
                            return prepared, False
                        revision = self._write(session, org_id, author, *prepared, kind,
                                               information_on)
            except (_Stale, IntegrityError, OperationalError):
                if attempt == PUBLISH_ATTEMPTS - 1:
                    raise
                time.sleep(0.01 * attempt)
                continue
            self.reader.forget()
            return revision, True
        raise AssertionError("unreachable")

    def _prepare(self, session: Session, org_id: str, location_id: str, location: dict[str, Any],
                 base_number: int
                 ) -> Revision | tuple[int, dict[str, Any], str, dict[str, Any], dict[str, int]]:
        """The new revision's document on top of the latest one, or the latest revision
        itself when nothing would change."""
        latest = latest_revision(session, org_id)
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
                     ) -> dict[str, Any] | None:
        revision = session.scalars(select(Revision).where(
            Revision.organisation_id == org_id, Revision.number == number)).first()
        return None if revision is None else json.loads(revision.content)["locations"].get(
            location_id)

    def _write(self, session: Session, org_id: str, author: str, latest_number: int,
               document: dict[str, Any], digest: str, before: dict[str, Any],
               versions: dict[str, int],
               kind: str, information_on: dt.date | None) -> Revision:
        """Add revision ``latest_number + 1``: the short part of a publication, under the
        write lock."""
        newest = session.scalar(select(func.max(Revision.number)).where(
            Revision.organisation_id == org_id)) or 0
        if newest != latest_number:
            raise _Stale
        revision = Revision(organisation_id=org_id, number=latest_number + 1,
                            content=json.dumps(document, ensure_ascii=False),
                            content_hash=digest, created_by=author,
                            created_at=session_now(session))
        session.add(revision)
        session.flush()  # a concurrent publication of the same number fails here
        stamp_sections(session, before, document["locations"],
                       Publication(org_id, revision.number, author, kind, information_on),
                       ZoneInfo(document["organisation"]["time_zone"]))
        for location_id, version in versions.items():
            session.merge(LocationIndex(id=location_id, organisation_id=org_id,
                                        version=version))
        return revision

    def _check_location_owners(self, session: Session, content: Content) -> None:
        org_id = content.organisation.id
        rows = session.execute(
            select(LocationIndex).where(LocationIndex.id.in_(list(content.locations)))
        ).scalars()
        clashes = [_('locations.%(id)s: this location id already belongs to organisation '
                     '"%(owner)s"; choose another id', id=row.id, owner=row.organisation_id)
                   for row in rows if row.organisation_id != org_id]
        if clashes:
            raise ContentError(f"organisation {org_id}", clashes)

    # -- history ------------------------------------------------------------------------
    def revisions(self, org_id: str) -> list[Revision]:
        """Every revision of the organisation, newest first."""
        with self.db.sessions() as session:
            return list(session.scalars(select(Revision).where(
                Revision.organisation_id == org_id).order_by(Revision.number.desc())))

    def revision(self, org_id: str, number: int) -> Published | None:
        with self.db.sessions() as session:
            revision = session.scalars(select(Revision).where(
                Revision.organisation_id == org_id, Revision.number == number)).first()
            return None if revision is None else self.reader.published(revision)


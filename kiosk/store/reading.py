"""Reading published content: what stands show, and what the admin area lists.

Stands read far more than managers publish, so the current revision of a location is
looked up at most every ``CHECK_SECONDS`` and parsed content is kept per revision id.
The publisher calls :meth:`ContentReader.forget` after each publication.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, defer

from kiosk.content import Content
from kiosk.content.model import Location
from kiosk.content.scheduled import change_moments, effective_location
from kiosk.store.database import Database
from kiosk.store.tables import LocationIndex, Organisation, Revision

log = logging.getLogger(__name__)
CHECK_SECONDS = 2.0
PARSED_REVISIONS = 16


@dataclass(frozen=True)
class Published:
    content: Content
    revision_id: int
    number: int
    organisation_id: str
    published_at: dt.datetime
    published_by: str = ""
    versions: dict[str, int] = field(default_factory=dict, compare=False)
    # Per location, the moments at which what its stands show changes by itself.
    moments: dict[str, tuple[dt.datetime, ...]] = field(default_factory=dict, compare=False)
    _effective: dict[tuple[str, int], Location] = field(default_factory=dict, compare=False,
                                                        repr=False)

    def base_version(self, location_id: str) -> int:
        """The published version of ``location_id``, whatever the moment: what the
        location index holds."""
        found = self.versions.get(location_id)
        return found if found is not None else self.revision_id

    def version(self, location_id: str, at: dt.datetime) -> int:
        """What a stand of ``location_id`` shows at the moment ``at`` (aware), as a number
        that changes when it does: with each publication of the location, and at each
        moment a scheduled change takes effect or an announcement appears or leaves.

        Publishing one location of an organisation leaves the others' versions alone, so
        their stands neither reload nor re-render."""
        base = self.base_version(location_id)
        passed = bisect.bisect_right(self.moments.get(location_id, ()), at)
        if not passed:
            return base
        digest = hashlib.sha256(f"{base}:{passed}".encode()).hexdigest()
        return int(digest[:8], 16) & 0x7FFFFFFF  # fits a SQL integer

    def location_at(self, location_id: str, at: dt.datetime) -> Location:
        """The location as its stands show it at ``at`` (aware): its scheduled changes due
        by then applied. Worked out once per location and moment passed."""
        local = at.astimezone(self.content.zone).replace(tzinfo=None)
        location = self.content.locations[location_id]
        if location_id not in self.moments:  # content not read from the store: a preview
            return effective_location(location, local)
        key = (location_id, bisect.bisect_right(self.moments[location_id], at))
        found = self._effective.get(key)
        if found is None:
            found = self._effective[key] = effective_location(location, local)
        return found


def content_hash(document: dict[str, Any]) -> str:
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def location_versions(content: Content) -> dict[str, int]:
    organisation = content.organisation.model_dump(mode="json")
    versions = {}
    for location_id, location in content.locations.items():
        digest = content_hash({"organisation": organisation,
                               "location": location.model_dump(mode="json")})
        versions[location_id] = int(digest[:8], 16) & 0x7FFFFFFF  # fits a SQL integer
    return versions


def latest_revision(session: Session, org_id: str) -> Revision | None:
    # The content (a large document) is loaded only when it is not parsed already.
    return session.scalars(
        select(Revision).where(Revision.organisation_id == org_id)
        .options(defer(Revision.content))
        .order_by(Revision.number.desc()).limit(1)
    ).first()


class ContentReader:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._parsed: dict[int, tuple[Content, dict[str, int],
                                      dict[str, tuple[dt.datetime, ...]]]] = {}
        self._current: dict[str, tuple[float, Published | None]] = {}
        self._checking: set[str] = set()
        self._lock = threading.Lock()
        self.unreadable = False  # the last look at the database failed

    def organisation_of(self, location_id: str) -> str | None:
        with self.db.sessions() as session:
            return session.scalar(
                select(LocationIndex.organisation_id).where(LocationIndex.id == location_id))

    def organisation_ids(self) -> list[str]:
        with self.db.sessions() as session:
            return list(session.scalars(select(Organisation.id).order_by(Organisation.created_at)))

    def current(self, org_id: str) -> Published | None:
        with self.db.sessions() as session:
            revision = latest_revision(session, org_id)
            return None if revision is None else self.published(revision)

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
        with self.db.sessions() as session:
            row = session.execute(
                select(LocationIndex.organisation_id, LocationIndex.version)
                .where(LocationIndex.id == location_id)).first()
            if row is None:
                return None
            if known is not None and row.version and \
                    known.base_version(location_id) == row.version:
                return known
            revision = latest_revision(session, row.organisation_id)
            return self.published(revision) if revision else None

    def published(self, revision: Revision) -> Published:
        """A revision row as content, parsed once per revision and kept for a while."""
        with self._lock:
            parsed = self._parsed.get(revision.id)
        if parsed is None:
            # Parsed outside the lock: readers of other revisions never wait for it.
            content = Content.model_validate_json(revision.content)
            parsed = (content, location_versions(content),
                      {location_id: change_moments(location, content.zone)
                       for location_id, location in content.locations.items()})
            with self._lock:
                self._parsed[revision.id] = parsed
                while len(self._parsed) > PARSED_REVISIONS:
                    del self._parsed[min(self._parsed)]  # the oldest revision goes first
        content, versions, moments = parsed
        return Published(content, revision.id, revision.number, revision.organisation_id,
                         revision.created_at, revision.created_by, versions, moments)

    def forget(self) -> None:
        """Re-check every location at its next request: something was published.

        Expired rather than dropped: the next request re-checks, the rest keep the
        previous answer for the moment that takes."""
        for location_id, (_when, published) in list(self._current.items()):
            self._current[location_id] = (float("-inf"), published)

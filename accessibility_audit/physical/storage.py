"""Filled checklists in the scanner's store: every submission kept, the latest wins.
One submission is written in one transaction, with its answers and photos, or not at all."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Row, delete, insert, select, update

from accessibility_audit.physical.evaluation import Answer
from accessibility_audit.physical.photos import Photo
from accessibility_audit.store import Store
from accessibility_audit.store import tables as t


@dataclass
class Submission:
    stand_url: str
    label: str
    auditor: str
    checked_on: dt.date
    source: str  # form or yaml
    notes: str = ""
    answers: dict[str, Answer] = field(default_factory=dict)
    # item -> photo id: one uploaded with this form, or kept from the stand's earlier checklist
    photos: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class StoredPhoto:
    id: int
    item: str
    media_type: str
    width: int
    height: int


@dataclass
class StoredChecklist:
    id: int
    stand_url: str
    label: str
    auditor: str
    checked_on: dt.date
    submitted: dt.datetime
    source: str
    notes: str
    answers: dict[str, Answer] = field(default_factory=dict)
    photos: dict[str, StoredPhoto] = field(default_factory=dict)


def save(store: Store, submission: Submission, now: dt.datetime) -> int:
    with store.engine.begin() as db:
        _remember_stand(db, submission.stand_url, submission.label, now)
        checklist_id = t.inserted_id(db.execute(insert(t.checklists).values(
            stand_url=submission.stand_url, label=submission.label, auditor=submission.auditor,
            checked_on=submission.checked_on, submitted=now, source=submission.source,
            notes=submission.notes)))
        rows = [{"checklist_id": checklist_id, "item": item, "value": a.value,
                 "choice": a.choice, "note": a.note}
                for item, a in submission.answers.items() if a.given or a.note]
        if rows:
            db.execute(insert(t.checklist_items), rows)
        for item, photo_id in submission.photos.items():
            _attach_photo(db, checklist_id, submission.stand_url, item, photo_id, now)
    return checklist_id


def _attach_photo(db: Connection, checklist_id: int, stand: str, item: str, photo_id: int,
                  now: dt.datetime) -> None:
    """A pending photo joins the checklist; one of an earlier checklist of the same stand
    is copied, so every submission keeps its own evidence."""
    row = db.execute(select(t.checklist_photos, t.checklists.c.stand_url)
                     .outerjoin(t.checklists)
                     .where(t.checklist_photos.c.id == photo_id)).one_or_none()
    if row is None or row.item != item:
        return
    if row.checklist_id is None:
        db.execute(update(t.checklist_photos).where(t.checklist_photos.c.id == photo_id)
                   .values(checklist_id=checklist_id))
    elif row.stand_url == stand:
        db.execute(insert(t.checklist_photos).values(
            checklist_id=checklist_id, item=item, media_type=row.media_type, width=row.width,
            height=row.height, data=row.data, added=now))


def _remember_stand(db: Connection, url: str, label: str, now: dt.datetime) -> None:
    found = db.execute(select(t.stands.c.id).where(t.stands.c.url == url)).scalar()
    if found is None:
        db.execute(insert(t.stands).values(url=url, label=label, added=now))
    elif label:
        db.execute(update(t.stands).where(t.stands.c.id == found).values(label=label))


def remember_stand(store: Store, url: str, label: str, now: dt.datetime) -> None:
    """Add a stand to the list before anything is known of it (or give it a new label)."""
    with store.engine.begin() as db:
        _remember_stand(db, url, label, now)


# A form left uncorrected this long has been given up; its photos go.
PENDING_PHOTOS_KEPT = dt.timedelta(days=2)


def add_pending_photo(store: Store, item: str, photo: Photo, now: dt.datetime) -> int:
    """Keep an uploaded photo while its form is corrected; :func:`save` attaches it."""
    with store.engine.begin() as db:
        db.execute(delete(t.checklist_photos).where(
            t.checklist_photos.c.checklist_id.is_(None),
            t.checklist_photos.c.added < now - PENDING_PHOTOS_KEPT))
        return t.inserted_id(db.execute(insert(t.checklist_photos).values(
            checklist_id=None, item=item, media_type=photo.media_type, width=photo.width,
            height=photo.height, data=photo.data, added=now)))


def stored_photo(store: Store, photo_id: int, item: str) -> StoredPhoto | None:
    with store.engine.connect() as db:
        row = db.execute(select(t.checklist_photos).where(
            t.checklist_photos.c.id == photo_id, t.checklist_photos.c.item == item)).one_or_none()
    return _photo(row) if row is not None else None


def photo_data(store: Store, photo_id: int) -> tuple[str, bytes] | None:
    with store.engine.connect() as db:
        row = db.execute(select(t.checklist_photos.c.media_type, t.checklist_photos.c.data)
                         .where(t.checklist_photos.c.id == photo_id)).one_or_none()
    return (row.media_type, row.data) if row is not None else None


def latest(store: Store, stand: str) -> StoredChecklist | None:
    """The stand's latest submission, with its answers and photos."""
    with store.engine.connect() as db:
        row = db.execute(select(t.checklists).where(t.checklists.c.stand_url == stand)
                         .order_by(t.checklists.c.id.desc()).limit(1)).one_or_none()
        if row is None:
            return None
        found = StoredChecklist(row.id, row.stand_url, row.label, row.auditor, row.checked_on,
                                _aware(row.submitted), row.source, row.notes)
        for item in db.execute(select(t.checklist_items)
                               .where(t.checklist_items.c.checklist_id == row.id)):
            found.answers[item.item] = Answer(item.value, item.choice, item.note)
        for photo in db.execute(select(t.checklist_photos)
                                .where(t.checklist_photos.c.checklist_id == row.id)):
            found.photos[photo.item] = _photo(photo)
    return found


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    checked_on: dt.date
    submitted: dt.datetime
    auditor: str
    source: str


def history(store: Store, stand: str) -> list[HistoryEntry]:
    """Every submission for the stand, newest first."""
    with store.engine.connect() as db:
        rows = db.execute(select(t.checklists).where(t.checklists.c.stand_url == stand)
                          .order_by(t.checklists.c.id.desc())).all()
    return [HistoryEntry(r.id, r.checked_on, _aware(r.submitted), r.auditor, r.source)
            for r in rows]


def labelled_stands(store: Store) -> dict[str, str]:
    """Stand URL -> label, for every stand an auditor has named or checked."""
    with store.engine.connect() as db:
        return {r.url: r.label for r in db.execute(select(t.stands).order_by(t.stands.c.url))}


def _photo(row: Row[Any]) -> StoredPhoto:
    return StoredPhoto(row.id, row.item, row.media_type, row.width, row.height)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment

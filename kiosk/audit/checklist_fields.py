"""The checklist form's fields: filled from the stand's latest checklist, read back from
a submitted form with an error beside each field that is wrong, and turned into a
submission only when nothing is.

Uploaded photos are kept at once (as pending photos), so a form sent back for a
correction loses none of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from werkzeug.datastructures import FileStorage, MultiDict

from accessibility_audit import (
    PHOTO_MAX_BYTES,
    Answer,
    AnswerProblem,
    BadPhoto,
    Checklist,
    ChecklistItem,
    ChecklistProblem,
    Store,
    StoredChecklist,
    StoredPhoto,
    Submission,
    add_pending_photo,
    describe_problem,
    parse_answer,
    parse_date,
    process_photo,
    stored_photo,
)

LONGEST_TEXT = 2000


@dataclass
class ItemField:
    item: ChecklistItem
    text: str = ""  # a measurement as typed, or yes / no / n/a for a question
    not_applicable: bool = False
    note: str = ""
    photo: StoredPhoto | None = None
    errors: list[str] = field(default_factory=list)
    photo_errors: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"item-{self.item.id}"


@dataclass
class ChecklistForm:
    label: str = ""
    auditor: str = ""
    checked_on: str = ""
    notes: str = ""
    items: dict[str, ItemField] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)  # label, auditor, checked_on

    def summary(self) -> list[tuple[str, str | None, str]]:
        """(field id, the item's question or None, message) for the error summary, in
        the order of the page."""
        found: list[tuple[str, str | None, str]] = [
            (name, None, m) for name in ("label", "auditor", "checked_on")
            for m in self.errors.get(name, [])]
        for item_field in self.items.values():
            question = item_field.item.question
            found += [(item_field.id, question, m) for m in item_field.errors]
            found += [(f"{item_field.id}-photo", question, m) for m in item_field.photo_errors]
        return found


def from_latest(checklist: Checklist, latest: StoredChecklist | None, auditor: str,
                today: dt.date, label: str = "") -> ChecklistForm:
    """A new submission starts from the latest one: the auditor changes what changed."""
    form = ChecklistForm(label=latest.label if latest else label, auditor=auditor,
                         checked_on=today.isoformat())
    for item in checklist.items:
        answer = latest.answers.get(item.id, Answer()) if latest else Answer()
        text = answer.choice if answer.choice and item.kind == "yesno" else (
            _number_text(answer.value) if answer.value is not None else "")
        form.items[item.id] = ItemField(
            item, text=text, not_applicable=answer.choice == "n/a" and item.kind == "measure",
            note=answer.note, photo=latest.photos.get(item.id) if latest else None)
    return form


def _number_text(value: float) -> str:
    return f"{value:g}"


def from_request(checklist: Checklist, data: MultiDict[str, str],
                 files: MultiDict[str, FileStorage], store: Store, language: str, today: dt.date,
                 now: dt.datetime) -> tuple[ChecklistForm, dict[str, Answer], dict[str, int]]:
    """The form as sent, with its errors; and the answers and photos when it has none."""
    form = ChecklistForm(label=_text(data, "label"), auditor=_text(data, "auditor"),
                         checked_on=_text(data, "checked_on"), notes=_text(data, "notes"))
    if not form.auditor:
        form.errors["auditor"] = [describe_problem(ChecklistProblem("missing-auditor"),
                                                   language)]
    try:
        parse_date(form.checked_on, today)
    except AnswerProblem as error:
        form.errors["checked_on"] = [describe_problem(error.problem, language)]
    answers: dict[str, Answer] = {}
    photos: dict[str, int] = {}
    for item in checklist.items:
        item_field = _item_field(item, data)
        form.items[item.id] = item_field
        try:
            answers[item.id] = parse_answer(
                item, "n/a" if item_field.not_applicable else item_field.text, item_field.note)
        except AnswerProblem as error:
            item_field.errors.append(describe_problem(error.problem, language))
        _photo(item_field, data, files.get(f"photo-{item.id}"), store, language, now)
        if item_field.photo is not None:
            photos[item.id] = item_field.photo.id
    return form, answers, photos


def _text(data: MultiDict[str, str], name: str) -> str:
    return data.get(name, "").strip()[:LONGEST_TEXT]


def _item_field(item: ChecklistItem, data: MultiDict[str, str]) -> ItemField:
    return ItemField(item, text=_text(data, f"answer-{item.id}"),
                     not_applicable=item.kind == "measure" and item.optional
                     and data.get(f"na-{item.id}") == "yes",
                     note=_text(data, f"note-{item.id}"))


def _photo(item_field: ItemField, data: MultiDict[str, str], upload: FileStorage | None,
           store: Store, language: str, now: dt.datetime) -> None:
    """A new upload replaces the kept photo; "remove" drops it; else the kept one stays."""
    item = item_field.item.id
    kept = data.get(f"photo-keep-{item}", "")
    if kept.isdigit() and data.get(f"photo-remove-{item}") != "yes":
        item_field.photo = stored_photo(store, int(kept), item)
    if upload is None or not upload.filename:
        return
    try:
        photo = process_photo(upload.read(PHOTO_MAX_BYTES + 1))
    except BadPhoto as error:
        megabytes = str(PHOTO_MAX_BYTES // 1024 // 1024)
        item_field.photo_errors.append(describe_problem(
            ChecklistProblem(f"photo-{error.reason}", {"mb": megabytes}), language))
        return
    photo_id = add_pending_photo(store, item, photo, now)
    item_field.photo = stored_photo(store, photo_id, item)


def submission(form: ChecklistForm, stand: str, answers: dict[str, Answer],
               photos: dict[str, int], today: dt.date) -> Submission:
    return Submission(stand, form.label, form.auditor, parse_date(form.checked_on, today),
                      "form", form.notes, answers, photos)

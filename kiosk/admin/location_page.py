"""A location's page in the admin area, as the location view and a refused publication
both draw it: sections with their duties, the editor's draft and its publish form,
scheduled changes, announcements and holidays ahead."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from flask import current_app, render_template
from flask_babel import get_locale
from flask_babel import gettext as _

from kiosk.admin.duties import add_months, retired, review_overdue
from kiosk.admin.editing import Workspace
from kiosk.admin.field_errors import location_errors
from kiosk.admin.field_labels import section_title
from kiosk.admin.notices import draft_notices, missing_translations
from kiosk.admin.update_duty import RECORD_MONTHS, judge, summarise
from kiosk.content.scheduled import entry_start
from kiosk.content.sections import (
    SCHEDULABLE_SECTIONS,
    SCHEDULE,
    SECTIONS,
    changed_sections,
    scheduled_keys,
    section_for_path,
)
from kiosk.formatting import long_date, moment_text, time_text
from kiosk.hours import day_schedule, holiday_calendar
from kiosk.public.labels import day_hours
from kiosk.store import drafts, publisher

HOLIDAY_DAYS_AHEAD = 120


@dataclass(frozen=True)
class SectionRow:
    id: str
    title: str
    changed_in_draft: bool
    error_count: int
    updated: str
    updated_by: str
    reviewed: str
    reviewed_by: str
    review_overdue: bool


@dataclass(frozen=True)
class HolidayRow:
    day: str
    name: str
    hours: str
    overridden: bool


@dataclass(frozen=True)
class ScheduledRow:
    """A scheduled change as the location page lists it."""

    index: int
    when: str  # as the admin's language writes it, or the date as typed when invalid
    starts: dt.datetime | None
    sections: list[str]
    note: str
    error_count: int
    published: bool  # also in what the stands have (else only in the draft)


def entry_marker(entry: dict[str, Any]) -> str:
    """What identifies a scheduled change between showing its form and saving it: its
    date and time as they were, since its place in the list moves when one before it
    takes effect."""
    return f"{entry.get('effective_from') or ''}|{entry.get('effective_time') or ''}"


def moment_words(moment: dt.datetime, lang: str) -> str:
    if moment.time() == dt.time():
        return long_date(moment.date(), lang)
    return _("%(date)s, from %(time)s", date=long_date(moment.date(), lang),
             time=time_text(moment))


def scheduled_rows(space: Workspace, document: dict[str, Any], errors: dict[str, list[str]],
                   lang: str) -> list[ScheduledRow]:
    published = {entry_marker(entry) for entry in space.published_document.get(SCHEDULE, [])}
    rows = []
    for index, entry in enumerate(document.get(SCHEDULE) or []):
        if not isinstance(entry, dict):
            continue
        starts = entry_start(entry)
        sections = [section_title(section) for section in SCHEDULABLE_SECTIONS
                    if any(entry.get(key) is not None for key in scheduled_keys(section))]
        raw_note = entry.get("note")
        note: dict[str, Any] = raw_note if isinstance(raw_note, dict) else {}
        prefix = f"{SCHEDULE}.{index}"
        rows.append(ScheduledRow(
            index, moment_words(starts, lang) if starts else str(entry.get("effective_from")),
            starts, sections, str(note.get(lang) or note.get("ru") or ""),
            sum(1 for path in errors if path == prefix or path.startswith(prefix + ".")),
            entry_marker(entry) in published))
    return sorted(rows, key=lambda row: (row.starts is None, row.starts or dt.datetime.min))


def _holidays(space: Workspace, lang: str) -> list[HolidayRow]:
    calendar = holiday_calendar(current_app)
    hours = space.published_location.hours
    exceptions = {item.date for item in hours.exceptions}
    rows = []
    for offset in range(HOLIDAY_DAYS_AHEAD):
        day = space.today + dt.timedelta(days=offset)
        if calendar.is_holiday(day) or calendar.is_transferred_workday(day):
            name = calendar.holiday_name(day, lang) or _("Working day moved by government "
                                                        "decree")
            rows.append(HolidayRow(long_date(day, lang), name,
                                   day_hours(day_schedule(hours, day, calendar), lang),
                                   day in exceptions))
    return rows


def _section_rows(space: Workspace, errors: dict[str, list[str]], changed: set[str],
                  lang: str) -> list[SectionRow]:
    zone = space.content.zone
    stamps = publisher(current_app).stamps.section_stamps(space.location_id)
    review_days = current_app.config["REVIEW_DAYS"]
    rows = []
    for section in SECTIONS:
        stamp = stamps.get(section)
        rows.append(SectionRow(
            section, section_title(section), section in changed,
            sum(1 for path in errors if section_for_path(path) == section),
            moment_text(stamp.updated_at, zone, lang) if stamp else "",
            stamp.updated_by if stamp else "",
            moment_text(stamp.reviewed_at, zone, lang) if stamp else "",
            stamp.reviewed_by if stamp else "",
            review_overdue(stamp.reviewed_at if stamp else None, space.now, review_days)))
    return rows


def render_location(space: Workspace, *, publish_errors: dict[str, str] | None = None,
                    information_on: str = "") -> str:
    """The location page; with ``publish_errors`` (by field id), the publish form as it
    was sent and what is wrong with it."""
    lang = str(get_locale())
    zone = space.content.zone
    document = space.document
    errors = location_errors(document) if space.draft else {}
    changed = set(changed_sections(space.published_document, document)) if space.draft else set()
    calendar = holiday_calendar(current_app)
    published_announcements = space.published_document.get("announcements", [])
    since = months_before(space.now, RECORD_MONTHS)
    record = summarise(
        judge(entry.kind, entry.information_on, entry.published_at.astimezone(zone).date(),
              calendar)
        for entry in publisher(current_app).stamps.publications([space.location_id], since))
    return render_template(
        "admin/location.html", account=space.account, space=space,
        rows=_section_rows(space, errors, changed, lang), errors=errors,
        missing=missing_translations(document) if space.draft else [],
        outdated=[item for item in missing_translations(space.published_document)
                  if item.problem == "outdated"],
        notices=draft_notices(space, document, calendar),
        retired=retired(published_announcements, space.today),
        scheduled=scheduled_rows(space, document, errors, lang),
        others=[(d.username, moment_text(d.updated_at, zone, lang))
                for d in drafts(current_app).others(space.location_id, space.account.username)],
        draft_saved=moment_text(space.draft.updated_at, zone, lang) if space.draft else "",
        published_when=moment_text(space.published.published_at, zone, lang),
        holidays=_holidays(space, lang), review_days=current_app.config["REVIEW_DAYS"],
        record=record, record_months=RECORD_MONTHS,
        publish_errors=publish_errors or {}, information_on=information_on,
        preview_pages=("home", "hours", "appeals", "contacts", "accessibility",
                       "announcements"))


def months_before(moment: dt.datetime, months: int) -> dt.datetime:
    """The start of the same day ``months`` earlier, in ``moment``'s zone."""
    day = add_months(moment.date(), -months)
    return dt.datetime.combine(day, dt.time(), tzinfo=moment.tzinfo)

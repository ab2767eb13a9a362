"""The duties dashboard: for every location an account may see, how it met the
Standard's duties — updates published within three business days over the last six
months, open sessions announced with their agenda in time, English that is not
outdated — and what is scheduled to change."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext

from kiosk.admin.duties import NoticeProblem, notice_problems
from kiosk.admin.field_labels import section_title
from kiosk.admin.location_page import moment_words, months_before
from kiosk.admin.notices import missing_translations
from kiosk.admin.overview import visible_locations
from kiosk.admin.update_duty import (
    RECORD_MONTHS,
    Judgement,
    Timeliness,
    UpdateRecord,
    judge,
    summarise,
)
from kiosk.auth import Account
from kiosk.content.sections import SCHEDULABLE_SECTIONS, scheduled_keys
from kiosk.formatting import long_date, moment_text
from kiosk.hours import holiday_calendar
from kiosk.store import publisher
from kiosk.store.stamps import PublicationEntry, announcement_key


@dataclass(frozen=True)
class PublicationRow:
    """One publication of a location, judged against the update duty."""

    revision_number: int
    published: str
    published_by: str
    sections: str
    information_on: str
    judgement: Judgement
    published_at: dt.datetime  # local time of the organisation, for the CSV file
    information_day: dt.date | None


@dataclass(frozen=True)
class ScheduledItem:
    when: str
    sections: str


@dataclass(frozen=True)
class LocationDuties:
    id: str
    name: str
    organisation: str
    record: UpdateRecord
    publications: list[PublicationRow]  # the last six months, newest first
    notices: list[NoticeProblem]
    scheduled: list[ScheduledItem]
    outdated_english: int

    @property
    def attention(self) -> bool:
        return not self.record.clean or bool(self.notices) or bool(self.outdated_english)


def _sections(ids: tuple[str, ...]) -> str:
    return ", ".join(section_title(section) for section in ids if section)


def location_duties(account: Account, lang: str, now: dt.datetime) -> list[LocationDuties]:
    """Every location ``account`` may see, with its duties at the moment ``now``."""
    calendar = holiday_calendar(current_app)
    stamps = publisher(current_app).stamps
    visible = [(published, location_id, months_before(now.astimezone(published.content.zone),
                                                      RECORD_MONTHS))
               for published, location_id, _base in visible_locations(account)]
    # One query for every location's record, from the earliest start any of them needs.
    by_location: dict[str, list[PublicationEntry]] = {}
    if visible:
        for entry in stamps.publications([location_id for _p, location_id, _s in visible],
                                         min(since for _p, _l, since in visible)):
            by_location.setdefault(entry.location_id, []).append(entry)
    rows = []
    for published, location_id, since in visible:
        zone = published.content.zone
        today = now.astimezone(zone).date()
        location = published.location_at(location_id, now)
        publications = []
        for entry in by_location.get(location_id, []):
            if entry.published_at < since:
                continue
            judgement = judge(entry.kind, entry.information_on,
                              entry.published_at.astimezone(zone).date(), calendar)
            publications.append(PublicationRow(
                entry.revision_number, moment_text(entry.published_at, zone, lang),
                entry.published_by, _sections(entry.sections),
                long_date(entry.information_on, lang) if entry.information_on else "",
                judgement, entry.published_at.astimezone(zone), entry.information_on))
        records = stamps.notices(location_id)
        shown = {key: day for key, record in records.items()
                 if (day := record.shown_with_agenda(today)) is not None}
        document = location.model_dump(mode="json")
        notices = notice_problems(document.get("announcements", []), shown, today, calendar,
                                  key=announcement_key)
        scheduled = [ScheduledItem(moment_words(change.starts, lang), _sections(tuple(
            section for section in SCHEDULABLE_SECTIONS
            if any(getattr(change, key) is not None for key in scheduled_keys(section)))))
            for change in sorted(location.scheduled, key=lambda change: change.starts)]
        outdated = sum(item.problem == "outdated" for item in missing_translations(document))
        rows.append(LocationDuties(
            location_id, location.name.get(lang)[0],
            published.content.organisation.name.get(lang)[0],
            summarise(row.judgement for row in publications), publications, notices,
            scheduled, outdated))
    return rows


def timeliness_text(judgement: Judgement) -> str:
    """How a publication met the update duty, in a few words."""
    if judgement.timeliness is Timeliness.ON_TIME:
        return ngettext("On time: %(num)d business day", "On time: %(num)d business days",
                        judgement.business_days or 0)
    if judgement.timeliness is Timeliness.LATE:
        return ngettext("Late by %(num)d business day", "Late by %(num)d business days",
                        judgement.days_late)
    if judgement.timeliness is Timeliness.NOT_RECORDED:
        return _("The date the information changed was not recorded")
    return _("Not an update (first publication or a restore)")

"""Scheduling a change: the small form that starts one (what changes, from when), and
the place of a scheduled change in an editor's draft."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from kiosk.admin.location_page import entry_marker
from kiosk.admin.meeting_form import parse_date
from kiosk.content.scheduled import effective_document, entry_start
from kiosk.content.sections import SCHEDULABLE_SECTIONS, SCHEDULE, scheduled_keys


@dataclass
class NewChangeForm:
    """What changes and from when, as typed, with what is wrong with it by field id."""

    section: str = ""
    effective_from: str = ""
    effective_time: str = ""
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, form: MultiDict[str, str]) -> NewChangeForm:
        return cls(form.get("section", "").strip(), form.get("effective_from", "").strip(),
                   form.get("effective_time", "").strip())

    def moment(self, now: dt.datetime) -> dt.datetime | None:
        """The local moment the change takes effect (naive), or None with ``errors``
        saying why; ``now`` is the local time of the organisation."""
        if self.section not in SCHEDULABLE_SECTIONS:
            self.errors["f-section-general"] = _("Choose what changes.")
        day = parse_date(self.effective_from) if self.effective_from else None
        if not self.effective_from:
            self.errors["f-effective_from"] = _("Enter the date the change takes effect, for "
                                                "example 31.12.2026.")
        elif day is None:
            self.errors["f-effective_from"] = _('"%(value)s" is not a date: enter one, for '
                                                "example 31.12.2026.",
                                                value=self.effective_from)
        clock = dt.time()
        if self.effective_time:
            try:
                clock = dt.time.fromisoformat(self.effective_time)
            except ValueError:
                self.errors["f-effective_time"] = _('"%(value)s" is not a time of day: use '
                                                    "hours and minutes, for example 09:00.",
                                                    value=self.effective_time)
        if self.errors or day is None:
            return None
        moment = dt.datetime.combine(day, clock.replace(second=0, microsecond=0))
        if moment <= now.replace(tzinfo=None):
            self.errors["f-effective_from"] = _("That moment has passed. To change what the "
                                                "stands show now, edit the section itself.")
            return None
        return moment


def add_change(document: dict[str, Any], section: str,
               moment: dt.datetime) -> tuple[dict[str, Any], int]:
    """``document`` with ``section`` scheduled to change at ``moment``, starting from
    the version it will have by then; and the index of that scheduled change.

    A change already scheduled for the same moment takes the section too, so each
    moment has one change."""
    entries = [entry for entry in document.get(SCHEDULE) or []]
    keys = scheduled_keys(section)
    then = effective_document(document, moment)
    index = next((i for i, entry in enumerate(entries) if entry_start(entry) == moment), None)
    if index is None:
        entry: dict[str, Any] = {"effective_from": moment.date().isoformat()}
        if moment.time() != dt.time():
            entry["effective_time"] = moment.strftime("%H:%M")
        entries.append(entry)
        index = len(entries) - 1
    entry = dict(entries[index])
    for key in keys:
        if entry.get(key) is None:
            entry[key] = then.get(key)
    entries[index] = entry
    return {**document, SCHEDULE: entries}, index


def find_change(document: dict[str, Any], index: int, marker: str) -> int | None:
    """Where the scheduled change shown as ``index`` with ``marker`` (see
    :func:`~kiosk.admin.location_page.entry_marker`) is now: a change before it may have
    taken effect meanwhile, moving it up the list; None when it has taken effect itself."""
    entries = document.get(SCHEDULE) or []
    if 0 <= index < len(entries) and entry_marker(entries[index]) == marker:
        return index
    return next((i for i, entry in enumerate(entries) if entry_marker(entry) == marker), None)


def entry_sections(entry: dict[str, Any]) -> list[str]:
    """The sections a scheduled change as typed carries, in page order."""
    return [section for section in SCHEDULABLE_SECTIONS
            if any(entry.get(key) is not None for key in scheduled_keys(section))]

"""The form of a meeting in the engagement register: what was typed, read back into a
record, with a translated message beside every field that is wrong.

What was typed is always kept as typed (``values``), so a form with errors comes back
exactly as it was sent."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from kiosk.store.engagement import FollowUp, MeetingRecord

TEXT_MAX = 4000
NAME_MAX = 200
ORGANISATIONS_MAX = 2000  # several organisations, one a line
ATTENDEES_MAX = 10_000
FOLLOW_UPS_MAX = 50
_FOLLOW_UP = re.compile(r"follow_ups\.(\d{1,2})\.(action|owner|due_on|done)")


@dataclass
class MeetingForm:
    values: dict[str, str] = field(default_factory=dict)
    follow_ups: list[dict[str, str]] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)  # by field id

    @classmethod
    def blank(cls) -> MeetingForm:
        return cls({"held_on": "", "organisations": "", "attendees": "", "needs": "",
                    "decisions": ""}, [_blank_follow_up()])

    @classmethod
    def of(cls, record: MeetingRecord) -> MeetingForm:
        return cls({"held_on": record.held_on.isoformat(),
                    "organisations": record.organisations,
                    "attendees": str(record.attendees), "needs": record.needs,
                    "decisions": record.decisions},
                   [{"action": f.action, "owner": f.owner, "due_on": f.due_on.isoformat(),
                     "done": "true" if f.done else ""} for f in record.follow_ups]
                   or [_blank_follow_up()])

    @classmethod
    def read(cls, form: MultiDict[str, str]) -> MeetingForm:
        values = {name: form.get(name, "").replace("\r\n", "\n").strip()
                  for name in ("held_on", "organisations", "attendees", "needs", "decisions")}
        rows: dict[int, dict[str, str]] = {}
        for name, value in form.items(multi=True):
            match = _FOLLOW_UP.fullmatch(name)
            if match:
                row = rows.setdefault(int(match[1]), _blank_follow_up())
                row[match[2]] = value.strip()
        return cls(values, [rows[i] for i in sorted(rows)][:FOLLOW_UPS_MAX])

    def add_follow_up(self) -> str:
        """Add an empty follow-up row; returns the id of its first field."""
        self.follow_ups.append(_blank_follow_up())
        return f"f-follow_ups-{len(self.follow_ups) - 1}-action"

    def remove_follow_up(self, index: int) -> str | None:
        if not 0 <= index < len(self.follow_ups):
            return None
        del self.follow_ups[index]
        if not self.follow_ups:
            self.follow_ups.append(_blank_follow_up())
        return "f-follow_ups-add"

    def record(self, today: dt.date) -> MeetingRecord | None:
        """The meeting as typed, or None with ``errors`` filled in."""
        self.errors = {}
        held_on = self._date("held_on", self.values["held_on"], required=True)
        if held_on is not None and held_on > today:
            self.errors["f-held_on"] = _("The date is in the future: record a meeting once "
                                         "it has been held.")
        self._text("organisations", ORGANISATIONS_MAX, required=True)
        attendees = self._count()
        self._text("needs", TEXT_MAX, required=True)
        self._text("decisions", TEXT_MAX, required=False)
        follow_ups = []
        for index, row in enumerate(self.follow_ups):
            if not (row["action"] or row["owner"] or row["due_on"]):
                continue  # an empty row: nothing to record
            prefix = f"f-follow_ups-{index}"
            if not row["action"]:
                self.errors[f"{prefix}-action"] = _("Say what is to be done.")
            elif len(row["action"]) > TEXT_MAX:
                self.errors[f"{prefix}-action"] = _too_long(TEXT_MAX)
            if not row["owner"]:
                self.errors[f"{prefix}-owner"] = _("Say who will do it.")
            elif len(row["owner"]) > NAME_MAX:
                self.errors[f"{prefix}-owner"] = _too_long(NAME_MAX)
            due_on = self._date(f"follow_ups-{index}-due_on", row["due_on"], required=True)
            if due_on is not None and row["action"] and row["owner"]:
                follow_ups.append(FollowUp(row["action"], row["owner"], due_on,
                                           row["done"] == "true"))
        if self.errors or held_on is None or attendees is None:
            return None
        return MeetingRecord(held_on, self.values["organisations"], attendees,
                             self.values["needs"], self.values["decisions"], tuple(follow_ups))

    def _text(self, name: str, limit: int, required: bool) -> None:
        value = self.values[name]
        if required and not value:
            self.errors[f"f-{name}"] = _("Fill this in.")
        elif len(value) > limit:
            self.errors[f"f-{name}"] = _too_long(limit)

    def _count(self) -> int | None:
        value = self.values["attendees"]
        if not value:
            self.errors["f-attendees"] = _("Give the number of people who took part.")
            return None
        if not value.isdigit():
            self.errors["f-attendees"] = _('"%(value)s" is not a whole number.', value=value)
            return None
        number = int(value)
        if not 1 <= number <= ATTENDEES_MAX:
            self.errors["f-attendees"] = _("Give a number from 1 to %(n)d.", n=ATTENDEES_MAX)
            return None
        return number

    def _date(self, name: str, value: str, required: bool) -> dt.date | None:
        if not value:
            if required:
                self.errors[f"f-{name}"] = _("Enter a date, for example 31.12.2026.")
            return None
        day = parse_date(value)
        if day is None:
            self.errors[f"f-{name}"] = _('"%(value)s" is not a date: enter one, for example '
                                         '31.12.2026.', value=value)
        return day


def parse_date(value: str) -> dt.date | None:
    """A date as a date field sends it (2026-12-31) or as people type it (31.12.2026)."""
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    return None


def _too_long(limit: int) -> str:
    return _("Too long: at most %(n)s characters.", n=limit)


def _blank_follow_up() -> dict[str, str]:
    return {"action": "", "owner": "", "due_on": "", "done": ""}

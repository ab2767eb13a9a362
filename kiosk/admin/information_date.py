"""The date a publication's information changed or reached the editor, as the publish
forms ask for it: the Standard's update duty is counted from it."""

from __future__ import annotations

import datetime as dt

from flask_babel import gettext as _

from kiosk.admin.meeting_form import parse_date

FIELD = "information_on"
FIELD_ID = "f-information_on"


def read_information_date(value: str, today: dt.date) -> tuple[dt.date | None, str | None]:
    """The date typed, or what is wrong with it (in the admin's language)."""
    text = value.strip()
    if not text:
        return None, _("Enter the date the information changed or reached you, for example "
                       "31.12.2026.")
    day = parse_date(text)
    if day is None:
        return None, _('"%(value)s" is not a date: enter one, for example 31.12.2026.',
                       value=text)
    if day > today:
        return None, _("The date is in the future: give the day the information changed or "
                       "reached you, today at the latest.")
    return day, None

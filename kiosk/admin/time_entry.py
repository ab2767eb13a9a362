"""Times and dates with times as editors type them, read into what the content model
takes: "9", "0900", "9.00" and "6:30 pm" are 09:00, 09:00, 09:00 and 18:30, and
"22.12.2026 10:00" is 2026-12-22T10:00.

The admin's time fields are plain text fields with a 24-hour HH:MM hint, never the
browser's own time widget, whose format (AM/PM or not) follows the browser's locale
rather than the interface's language. What cannot be read is left as it was typed, so
the content model's error shows the editor's own words."""

from __future__ import annotations

import datetime as dt
import re

_TIME = re.compile(r"^(\d{1,2})(?:\s*[:.h ]\s*(\d{2})|(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?$",
                   re.IGNORECASE)
_DAY_FIRST = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})\s*[,T ]\s*(.+)$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})\s*[,T ]\s*(.+)$")


def _clock(text: str) -> tuple[int, int] | None:
    match = _TIME.match(text.strip())
    if not match:
        return None
    hour, minute = int(match[1]), int(match[2] or match[3] or 0)
    half = (match[4] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def time_of_day(text: str) -> str:
    """``text`` as HH:MM when it reads as a time of day, else unchanged."""
    clock = _clock(text)
    return f"{clock[0]:02d}:{clock[1]:02d}" if clock else text


def date_time(text: str) -> str:
    """``text`` (day.month.year or ISO, then a time) as ``YYYY-MM-DDTHH:MM``, else
    unchanged."""
    match = _DAY_FIRST.match(text.strip())
    if match:
        day, month, year, rest = int(match[1]), int(match[2]), int(match[3]), match[4]
    else:
        match = _ISO.match(text.strip())
        if not match:
            return text
        year, month, day, rest = int(match[1]), int(match[2]), int(match[3]), match[4]
    clock = _clock(rest)
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return text
    return f"{date.isoformat()}T{clock[0]:02d}:{clock[1]:02d}" if clock else text

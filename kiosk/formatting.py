"""Dates, times and phone numbers as each language writes them (CLDR data via Babel)."""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date, format_skeleton, get_day_names
from babel.units import format_unit


def time_text(value: dt.time | dt.datetime) -> str:
    # All three languages write times on a 24-hour clock with a colon in Kazakhstan.
    return f"{value.hour:02d}:{value.minute:02d}"


def span_text(start: dt.time, end: dt.time) -> str:
    # Word joiners keep "13:00–14:30" on one line in large type.
    return f"{time_text(start)}\u2060–\u2060{time_text(end)}"


def weekday_name(weekday: int, lang: str) -> str:
    return str(get_day_names("wide", context="format", locale=lang)[weekday])


def day_month(day: dt.date, lang: str) -> str:
    # A no-break space keeps "27 қараша" together on one line.
    return format_skeleton("MMMMd", day, locale=lang).replace(" ", "\u00a0")


def weekday_day_month(day: dt.date, lang: str) -> str:
    return f"{weekday_name(day.weekday(), lang)}, {day_month(day, lang)}"


def full_date(day: dt.date, lang: str) -> str:
    return format_date(day, "full", locale=lang)


def long_date(day: dt.date, lang: str) -> str:
    return format_date(day, "long", locale=lang)


def moment_text(when: dt.datetime, zone: dt.tzinfo, lang: str) -> str:
    """A moment as a date and time where it happened: "27 қараша 2026 ж., 11:00"."""
    local = when.astimezone(zone)
    return f"{long_date(local.date(), lang)}, {time_text(local)}"


def file_size(size: int, lang: str) -> str:
    """A size limit as each language writes it: "2 MB", "256 кБ" (whole units only)."""
    if size >= 1024 * 1024:
        return format_unit(size // (1024 * 1024), "digital-megabyte", "short", locale=lang)
    return format_unit(max(1, size // 1024), "digital-kilobyte", "short", locale=lang)


def phone_text(phone: str) -> str:
    """Group a Kazakhstani number as +7 727 000 12 34; short numbers such as 1414 stay."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) == 11 and digits[0] in "78":
        return f"+7 {digits[1:4]} {digits[4:7]} {digits[7:9]} {digits[9:11]}"
    return phone.strip()


def url_text(url: str) -> str:
    """An address as a visitor would type it: without the scheme or a trailing slash."""
    return re.sub(r"^https?://", "", url).rstrip("/")

"""Validation errors of the content model as messages beside each field, in the
language of the admin area.

The content model words its errors in English for the command line and files; here
each error type is said again through the catalogs, with the same facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from flask_babel import get_locale
from flask_babel import gettext as _
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from kiosk.content.model import Location
from kiosk.formatting import long_date, time_text


def _messages() -> dict[str, Callable[[ErrorDetails, dict[str, Any]], str]]:
    def given(e: ErrorDetails) -> str:
        value = e.get("input")
        return "" if isinstance(value, dict | list) else str(value)

    return {
        "missing": lambda e, c: _("Fill this in."),
        "string_too_short": lambda e, c: _("Fill this in."),
        "too_short": lambda e, c: _("Add at least one."),
        "string_too_long": lambda e, c: _("Too long: at most %(n)s characters.",
                                          n=c.get("max_length")),
        "too_long": lambda e, c: _("Too long: at most %(n)s characters.",
                                   n=c.get("max_length")),
        "int_parsing": lambda e, c: _('"%(value)s" is not a whole number.', value=given(e)),
        "int_type": lambda e, c: _('"%(value)s" is not a whole number.', value=given(e)),
        "greater_than_equal": lambda e, c: _("At least %(n)s.", n=c.get("ge")),
        "less_than_equal": lambda e, c: _("At most %(n)s.", n=c.get("le")),
        "date_parsing": lambda e, c: _("Enter a date, for example 31.12.2026."),
        "date_from_datetime_parsing": lambda e, c: _("Enter a date, for example 31.12.2026."),
        "date_type": lambda e, c: _("Enter a date, for example 31.12.2026."),
        "datetime_parsing": lambda e, c: _("Enter a date and a time, for example 22.12.2026 "
                                           "10:00."),
        "datetime_from_date_parsing": lambda e, c: _("Enter a date and a time, for example "
                                                     "22.12.2026 10:00."),
        "datetime_type": lambda e, c: _("Enter a date and a time, for example 22.12.2026 "
                                        "10:00."),
        "enum": lambda e, c: _("Choose one of the options."),
        "literal_error": lambda e, c: _("Choose one of the options."),
        "time_of_day": lambda e, c: _('"%(value)s" is not a time of day: use the 24-hour '
                                      "clock, hours and minutes, for example 09:00 or 18:30.",
                                      value=c["value"])
        if c.get("value") else _("Fill this in."),
        "slug": lambda e, c: _("Use only Latin lower-case letters, digits and hyphens, at "
                               "most 40 characters."),
        "phone": lambda e, c: _('"%(value)s" is not a phone number: use digits, spaces, +, - '
                                "and brackets.", value=c.get("value", "")),
        "phone_number_type": lambda e, c: _("Write the phone number with its + and spaces, "
                                            "for example +7 727 000 12 34."),
        "email": lambda e, c: _('"%(value)s" is not an e-mail address.',
                                value=c.get("value", "")),
        "url": lambda e, c: _('"%(value)s" is not a web address: it must start with https://.',
                              value=c.get("value", "")),
        "text_missing_language": lambda e, c: _("Fill this in: visitors need the text in both "
                                                "Kazakh and Russian."),
        "text_languages": lambda e, c: _("Fill in the Kazakh and Russian texts."),
        "period_order": lambda e, c: _("Ends at %(end)s but starts at %(start)s: the end must "
                                       "be later than the start.", end=c.get("end", ""),
                                       start=c.get("start", "")),
        "periods_overlap": lambda e, c: _("Periods %(a)s and %(b)s overlap or are out of "
                                          "order: list them from morning to evening.",
                                          a=c.get("a", ""), b=c.get("b", "")),
        "duplicate_date": lambda e, c: _("The date %(date)s is listed twice.",
                                         date=c.get("date", "")),
        "deadline_unit": lambda e, c: _("Give exactly one of working days, calendar days or "
                                        "months."),
        "display_window": lambda e, c: _("“Shown until” is before “Shown from”."),
        "duplicate_announcement": lambda e, c: _('The identifier "%(value)s" is used by two '
                                                 "announcements: give each its own.",
                                                 value=c.get("value", "")),
        "duplicate_stand": lambda e, c: _('The stand identifier "%(value)s" is used twice.',
                                          value=c.get("value", "")),
        "event_zone": lambda e, c: _("Give the local time without a time zone."),
        "open_session_start": lambda e, c: _("An open session needs the date and time it "
                                             "starts."),
        "scheduled_empty": lambda e, c: _("Choose at least one section that changes on "
                                          "this date."),
        "scheduled_same_moment": lambda e, c: _("Another scheduled change takes effect at "
                                                "%(moment)s: change its sections there "
                                                "instead.", moment=_moment(c.get("moment", ""))),
    }


def _moment(value: str) -> str:
    """A local moment of a scheduled change as the admin's language writes it."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    return f"{long_date(moment.date(), str(get_locale()))}, {time_text(moment)}"


def _path(loc: tuple[Any, ...], prefix: str) -> str:
    parts = [str(part) for part in loc if not str(part).startswith(("function-", "tagged-"))]
    path = ".".join(parts)
    return f"{prefix}.{path}" if prefix and path else (prefix or path)


def field_errors(error: ValidationError, prefix: str = "") -> dict[str, list[str]]:
    """Translated messages by dotted field path."""
    messages = _messages()
    found: dict[str, list[str]] = {}
    for item in error.errors(include_url=False):
        ctx = item.get("ctx", {})
        path = _path(item["loc"], prefix)
        if item["type"] == "text_missing_language":
            path = f"{path}.{ctx.get('lang')}"
        say = messages.get(item["type"])
        message = say(item, ctx) if say else _("This value is not valid: %(reason)s",
                                               reason=item["msg"])
        found.setdefault(path, []).append(message)
    return found


def location_errors(document: dict[str, Any]) -> dict[str, list[str]]:
    """Every error of a location as typed, by field path; empty when it is valid."""
    try:
        Location.model_validate(document)
    except ValidationError as error:
        return field_errors(error)
    return {}


def section_errors(document: dict[str, Any], keys: tuple[str, ...]) -> dict[str, list[str]]:
    return {path: messages for path, messages in location_errors(document).items()
            if path.split(".", 1)[0] in keys}

"""Validation errors a facility manager can act on: the field path, then what is wrong."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from flask_babel import ngettext
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from accessibility_audit import excerpt

# Where a fault is, as pydantic gives it: field names and list indices from the top.
Loc = tuple[int | str, ...]
# The line of the file a field was read from, if known.
Locate = Callable[[Loc], int | None]


class ContentError(Exception):
    """Content that cannot be published; ``problems`` lists one line per fault."""

    def __init__(self, source: str, problems: Sequence[str],
                 faults: Sequence[Fault] = ()) -> None:
        self.source = source
        self.problems = list(problems)
        # The validation faults behind ``problems``, for a page that names each field.
        self.faults = list(faults)
        super().__init__(self.describe())

    def describe(self) -> str:
        count = len(self.problems)
        head = f"{self.source}: {count} problem{'s' if count != 1 else ''}, nothing was changed"
        return "\n".join([head, *(f"  {line}" for line in self.problems)])


def field_path(loc: Iterable[int | str]) -> str:
    """A pydantic location as the path an editor reads.

    ``("locations", "main", "hours", "tuesday", 1, "end")`` becomes
    ``locations.main.hours.tuesday[1].end``.
    """
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part.startswith(("function-", "tagged-union")):
            continue  # pydantic's internal validator names mean nothing to an editor
        else:
            path += f".{part}" if path else part
    return path or _("(top level)")


# A file with thousands of faults lists the first ones: the rest are usually the same.
MAX_PROBLEMS = 50


def _given(error: ErrorDetails) -> str:
    """The value the editor wrote, as a short excerpt: a message never repeats a whole
    group or a long text."""
    return excerpt(error.get("input"))


def _plain() -> dict[str, Callable[[ErrorDetails, dict[str, Any]], str]]:
    """Pydantic's and the model's faults in words a facility manager can act on, through
    the catalogs: in the admin area in the manager's language, on the command line (no
    request, so no locale) in English."""
    date_help = _("use YYYY-MM-DD, e.g. 2026-12-31")
    datetime_help = _("use YYYY-MM-DDTHH:MM, e.g. 2026-12-22T10:00")

    def given(e: ErrorDetails) -> str:
        return _given(e)

    def value(c: dict[str, Any]) -> str:
        return excerpt(c.get("value", ""))

    not_a_date = lambda e, c: _('"%(value)s" is not a date (%(help)s)',  # noqa: E731
                                value=given(e), help=date_help)
    not_a_moment = lambda e, c: _('"%(value)s" is not a date and time (%(help)s)',  # noqa: E731
                                  value=given(e), help=datetime_help)
    not_allowed = lambda e, c: _('"%(value)s" is not allowed; expected %(expected)s',  # noqa: E731
                                 value=given(e), expected=c.get("expected", ""))
    not_whole = lambda e, c: _('"%(value)s" is not a whole number', value=given(e))  # noqa: E731
    return {
        "missing": lambda e, c: _("is required but missing"),
        "extra_forbidden": lambda e, c: _("is not a known field here (check its spelling and "
                                          "its indentation; content/schema.json lists every "
                                          "field)"),
        "list_type": lambda e, c: _('expected a list: write each item on its own line '
                                    'starting with "- "'),
        "dict_type": lambda e, c: _("expected a group of fields (name: value lines, "
                                    "indented)"),
        "model_type": lambda e, c: _("expected a group of fields (name: value lines, "
                                     "indented)"),
        "too_short": lambda e, c: ngettext("needs at least %(num)d item",
                                           "needs at least %(num)d items",
                                           int(c.get("min_length", 1))),
        "too_long": lambda e, c: ngettext("has more than %(num)d item",
                                          "has more than %(num)d items",
                                          int(c.get("max_length", 1))),
        "string_too_short": lambda e, c: _("is empty: write the text"),
        "string_too_long": lambda e, c: ngettext(
            "is too long: at most %(num)d character", "is too long: at most %(num)d characters",
            int(c.get("max_length", 1))),
        "string_type": lambda e, c: _("expected text, found %(value)s",
                                      value=excerpt(repr(e.get("input")))),
        "int_parsing": not_whole,
        "int_type": not_whole,
        "bool_parsing": lambda e, c: _('"%(value)s" is not true or false', value=given(e)),
        "less_than_equal": lambda e, c: _("%(value)s is too large: at most %(limit)s",
                                          value=given(e), limit=c.get("le")),
        "greater_than_equal": lambda e, c: _("%(value)s is too small: at least %(limit)s",
                                             value=given(e), limit=c.get("ge")),
        "date_parsing": not_a_date,
        "date_from_datetime_parsing": not_a_date,
        "date_type": not_a_date,
        "datetime_parsing": not_a_moment,
        "datetime_from_date_parsing": not_a_moment,
        "datetime_type": not_a_moment,
        "enum": not_allowed,
        "literal_error": not_allowed,
        # The model's own faults (kiosk/content/model.py), with the same facts.
        # A number (YAML read 9.00 as 9.0) or a text that is not a time.
        "time_of_day": lambda e, c: _('"%(value)s" is not a time of day (use HH:MM, 00:00 to '
                                      "23:59)", value=value(c))
        if isinstance(c.get("value"), str) else
        _('%(value)s is not a time of day: write times with a colon, e.g. "09:00"',
          value=value(c)),
        "slug": lambda e, c: _('"%(value)s" is not a valid id (lower-case Latin letters, '
                               "digits and hyphens, at most 40 characters)", value=value(c)),
        "phone": lambda e, c: _('"%(value)s" is not a phone number (digits, spaces, +, -, '
                                "brackets)", value=value(c)),
        "phone_number_type": lambda e, c: _("%(value)s was read as a number, which loses the "
                                            "+ and the spacing: write the phone number in "
                                            "quotes", value=value(c)),
        "email": lambda e, c: _('"%(value)s" is not an e-mail address', value=value(c)),
        "url": lambda e, c: _('"%(value)s" is not a web address (it must start with https:// '
                              "or http://)", value=value(c)),
        "text_languages": lambda e, c: _("a visitor text needs a Kazakh (kk) and a Russian "
                                         "(ru) version"),
        "text_missing_language": lambda e, c: _("%(language)s text (%(lang)s) is required",
                                                language=language_name(str(c.get("lang"))),
                                                lang=c.get("lang", "")),
        "period_order": lambda e, c: _("ends at %(end)s but starts at %(start)s: the end must "
                                       "be later than the start", end=c.get("end", ""),
                                       start=c.get("start", "")),
        "periods_overlap": lambda e, c: _("periods overlap or are out of order: %(a)s and "
                                          "%(b)s", a=c.get("a", ""), b=c.get("b", "")),
        "duplicate_date": lambda e, c: _("%(date)s is listed twice", date=c.get("date", "")),
        "deadline_unit": lambda e, c: _("give exactly one of working_days, calendar_days or "
                                        "months"),
        "event_zone": lambda e, c: _("give the local time of the organisation without a "
                                     "time zone"),
        "display_window": lambda e, c: _("display_until %(until)s is before display_from "
                                         "%(start)s", until=c.get("until", ""),
                                         start=c.get("start", "")),
        "duplicate_announcement": lambda e, c: _('announcement id "%(value)s" is used twice; '
                                                 "give each announcement its own id",
                                                 value=value(c)),
        "time_zone": lambda e, c: _('"%(value)s" is not a known time zone (e.g. Asia/Almaty)',
                                    value=value(c)),
        "unknown_location": lambda e, c: _('default_location "%(value)s" is not one of the '
                                           "locations (%(known)s)", value=value(c),
                                           known=c.get("known", "")),
        "duplicate_stand": lambda e, c: _('stand id "%(value)s" is used twice', value=value(c)),
    }


def _message(error: ErrorDetails) -> str:
    plain = _plain().get(error["type"])
    if plain:
        return plain(error, error.get("ctx", {}))
    msg = error["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    # A fault the catalogs do not word yet: pydantic's own words, marked as such.
    return _("this value is not valid (%(reason)s)", reason=msg)


@dataclass(frozen=True)
class Fault:
    """One fault of a content file: where (line, field path) and what, said in the
    language of the request (English without one)."""

    line: int | None
    loc: tuple[int | str, ...]
    message: str

    @property
    def path(self) -> str:
        return field_path(self.loc)

    def describe(self) -> str:
        where = f"{self.path}: {self.message}"
        return _("line %(line)s: %(problem)s", line=self.line, problem=where) if self.line \
            else where


def validation_faults(error: ValidationError,
                      locate: Locate | None = None) -> list[Fault]:
    return [Fault(locate(item["loc"]) if locate else None, tuple(item["loc"]),
                  excerpt(_message(item), 300))
            for item in error.errors(include_url=False)[:MAX_PROBLEMS]]


def more_problems(error: ValidationError) -> list[str]:
    hidden = len(error.errors(include_url=False)) - MAX_PROBLEMS
    return [ngettext("… and %(num)d more problem of the same kinds",
                     "… and %(num)d more problems of the same kinds", hidden)] \
        if hidden > 0 else []


def describe_validation(error: ValidationError,
                        locate: Locate | None = None) -> list[str]:
    """One line per fault: ``line N: field.path: what is wrong``."""
    return _describe(validation_faults(error, locate), error)


def _describe(faults: list[Fault], error: ValidationError) -> list[str]:
    return [fault.describe() for fault in faults] + more_problems(error)


def validation_error(source: str, error: ValidationError,
                     locate: Locate | None = None) -> ContentError:
    """The content error for ``error``: its lines, and the faults behind them, worded
    once."""
    faults = validation_faults(error, locate)
    return ContentError(source, _describe(faults, error), faults)


def language_name(code: str) -> str:
    return {"kk": _("Kazakh"), "ru": _("Russian"), "en": _("English")}.get(code, code)

"""The checklist's words in Kazakh, Russian and English, from the scanner's catalogs:
the questions of ``checklist.yaml`` and the names of answers, verdicts and units.

The kiosk's auditors' pages and the command line both read them from here, so a stand
report says the same in the browser and in the terminal."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from babel.support import NullTranslations, Translations

from accessibility_audit.i18n import LANGUAGES, TRANSLATIONS
from accessibility_audit.physical.model import Reference

Say = Callable[[str], str]


def _(text: str) -> str:
    """Marks a message for extraction; translated when it is said."""
    return text


VERDICTS = {
    "pass": _("meets"),
    "fail": _("does not meet"),
    "not-applicable": _("not applicable"),
    "not-checked": _("not checked"),
}
OVERALL = {
    "meets": _("Meets the requirements"),
    "does-not-meet": _("Does not meet the requirements"),
    "incomplete": _("Incomplete: not everything was checked"),
    "partial": _("Partial evidence: the stand audit did not cover the whole stand, "
                 "so there is no verdict"),
    "stale": _("Audited an earlier version: the stand's content was published again "
               "since, so audit it again"),
}
CHOICES = {"yes": _("yes"), "no": _("no"), "n/a": _("not applicable")}
# Translators: units of measurement, as written after a number.
UNITS = {"mm": _("mm"), "N": _("N"), "dB": _("dB"), "dBA": _("dBA")}
NOT_VERIFIED = _("not verified: no figures for stands were found in this norm")
# Translators: after a reference to a guideline that is not a norm (RNIB, NDA Ireland).
GOOD_PRACTICE = _("good practice")


def cited(reference: Reference, say: Say) -> str:
    """A reference as the reports write it: its clause, and in brackets whether it is a
    guideline or a norm whose figures could not be verified."""
    notes = ([say(GOOD_PRACTICE)] if reference.good_practice else []) \
        + ([] if reference.verified else [say(NOT_VERIFIED)])
    return reference.clause + "".join(f" ({note})" for note in notes)


@functools.cache
def translations(language: str) -> NullTranslations:
    if language not in LANGUAGES:
        raise ValueError(f"no language {language!r}; choose one of {', '.join(LANGUAGES)}")
    return Translations.load(str(TRANSLATIONS), [language], domain="messages")


def sayer(language: str) -> Say:
    """A function that says a checklist message in ``language``."""
    return translations(language).gettext

RANGES = {
    "both": _("%(min)s–%(max)s %(unit)s"),
    "min": _("at least %(min)s %(unit)s"),
    "max": _("at most %(max)s %(unit)s"),
}


def number(value: float, language: str) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=language)


def allowed_range(low: float | None, high: float | None, unit: str | None,
                  language: str) -> str:
    """"at most 1 220 mm", in ``language``; empty for an item without a range."""
    say = sayer(language)
    shape = "both" if low is not None and high is not None else "min" if low is not None \
        else "max" if high is not None else None
    if shape is None:
        return ""
    return say(RANGES[shape]) % {
        "min": number(low, language) if low is not None else "",
        "max": number(high, language) if high is not None else "",
        "unit": say(UNITS.get(unit or "", unit or ""))}


# Where the stands are: a publication's time is said as the admin area says it.
TIME_ZONE = ZoneInfo("Asia/Almaty")


def moment(when: dt.datetime, language: str) -> str:
    """A moment as the admin area writes it: "27 қараша 2026 ж., 11:00" (Almaty time)."""
    from babel.dates import format_date

    local = when.astimezone(TIME_ZONE)
    return f"{format_date(local.date(), 'long', locale=language)}, " \
        f"{local.hour:02d}:{local.minute:02d}"


def measured(value: float, unit: str | None, language: str) -> str:
    say = sayer(language)
    return f"{number(value, language)} {say(UNITS.get(unit or '', unit or ''))}".strip()


def vocabulary(language: str) -> dict[str, Any]:
    """Every word of the checklist a page needs, in ``language``: the kiosk's stand pages
    put these in their templates, so the browser says what the terminal says."""
    say = sayer(language)
    return {
        "say": say,
        "verdict_names": {k: say(v) for k, v in VERDICTS.items()},
        "overall_names": {k: say(v) for k, v in OVERALL.items()},
        "choice_names": {k: say(v) for k, v in CHOICES.items()},
        "unit_names": {k: say(v) for k, v in UNITS.items()},
        "not_verified": say(NOT_VERIFIED),
        "good_practice": say(GOOD_PRACTICE),
        "allowed_range": lambda low, high, unit: allowed_range(low, high, unit, language),
        "measured": lambda value, unit: measured(value, unit, language),
        "number": lambda value: number(value, language),
        "moment": lambda when: moment(when, language),
    }

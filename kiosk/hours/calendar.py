"""Public holidays and government-moved working days of Kazakhstan."""

from __future__ import annotations

import datetime as dt
import threading

import holidays

from kiosk.content.model import LANGUAGES
from kiosk.hours.names import russian_name

# Languages the holidays package names KZ holidays in; Russian is derived from English.
_PACKAGE_LANGUAGES: dict[str, str] = {"kk": "kk", "en": "en_US"}
_ENGLISH = "en_US"


class HolidayCalendar:
    """Kazakhstan's public holidays from the holidays package, loaded a year at a time.

    Every day the package lists counts as a holiday: the holidays themselves, the days off
    that replace a holiday falling on a weekend ("observed") and the days off moved by
    government decree ("Day off (substituted from …)"). All are days a public body is
    closed. One instance can be shared between threads and reused for the process's life.
    """

    def __init__(self) -> None:
        self._years: dict[tuple[int, str], holidays.HolidayBase] = {}
        self._lock = threading.Lock()

    def is_holiday(self, day: dt.date) -> bool:
        return day in self._year(day.year, _ENGLISH)

    def holiday_name(self, day: dt.date, lang: str) -> str | None:
        """The holiday's name in ``lang`` (kk, ru or en), or None on an ordinary day."""
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}: use one of {', '.join(LANGUAGES)}")
        if lang != "ru":
            return self._year(day.year, _PACKAGE_LANGUAGES[lang]).get(day)
        english = self._year(day.year, _ENGLISH).get(day)
        if english is None:
            return None
        # A name the Russian table lacks (a holiday newer than this code) is shown in
        # Kazakh, the state language, rather than left blank.
        return russian_name(english, day.year) or self.holiday_name(day, "kk")

    def holiday_names(self, day: dt.date) -> dict[str, str] | None:
        """The holiday's name in every kiosk language, or None on an ordinary day."""
        if not self.is_holiday(day):
            return None
        return {lang: self.holiday_name(day, lang) or "" for lang in LANGUAGES}

    def is_transferred_workday(self, day: dt.date) -> bool:
        """Whether a weekend day is a working day by decree (its day off moved elsewhere)."""
        # The decree for next year's holidays can move a working day into this December
        # (28 Dec 2013 worked for 3 Jan 2014), so the next year's decrees are checked too.
        return any(
            day in self._year(year, _ENGLISH).weekend_workdays
            for year in (day.year, day.year + 1)
        )

    def is_pre_holiday(self, day: dt.date) -> bool:
        """Whether ``day`` is the eve of a holiday: not a holiday, but the next day is.

        "Next day" is the next calendar day, as in the Labour Code's shortened day
        "immediately before" a holiday: the Friday before a Monday holiday is not an eve,
        the Saturday before a Sunday holiday is. Whether the eve is a working day depends
        on the organisation's own hours, which the calendar does not know; the shortening
        is applied by :func:`kiosk.hours.day_schedule` only where there are hours to shorten.
        """
        return not self.is_holiday(day) and self.is_holiday(day + dt.timedelta(days=1))

    def _year(self, year: int, language: str) -> holidays.HolidayBase:
        key = (year, language)
        with self._lock:
            if key not in self._years:
                # expand=False: a lookup for another year must not silently grow this
                # object; each year has its own cached object instead.
                self._years[key] = holidays.country_holidays(
                    "KZ", years=year, language=language, expand=False
                )
            return self._years[key]

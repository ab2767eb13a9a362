"""The effective opening hours of a single day, and of weeks and periods of days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from kiosk.content.model import LANGUAGES, WEEKDAYS, DateException, Hours, Period, Text
from kiosk.hours.calendar import HolidayCalendar


class DayKind(StrEnum):
    """Why a day has the hours it has; templates pick their wording from it."""

    REGULAR = "regular"  # the weekly schedule, with hours
    WEEKEND = "weekend"  # the weekly schedule, without hours (any weekday the body is shut)
    HOLIDAY = "holiday"
    EXCEPTION = "exception"
    PRE_HOLIDAY = "pre_holiday"  # the weekly schedule, shortened on the eve of a holiday
    TRANSFERRED_WORKDAY = "transferred_workday"


# Days a visitor has no reason to be told about in a list of special days.
ORDINARY_KINDS: frozenset[DayKind] = frozenset({DayKind.REGULAR, DayKind.WEEKEND})


@dataclass(frozen=True)
class DaySchedule:
    """One day's effective opening periods and the reason for them.

    ``holiday_names`` is set on every public holiday, whatever the kind, so that an
    exception opening on a holiday can still name it.
    """

    date: dt.date
    periods: list[Period]
    kind: DayKind
    holiday_names: dict[str, str] | None = None
    reason: Text | None = None

    @property
    def is_open_day(self) -> bool:
        return bool(self.periods)

    @property
    def opens(self) -> dt.time | None:
        return self.periods[0].start if self.periods else None

    @property
    def closes(self) -> dt.time | None:
        return self.periods[-1].end if self.periods else None

    @property
    def breaks(self) -> list[tuple[dt.time, dt.time]]:
        return [(a.end, b.start) for a, b in pairwise(self.periods) if a.end < b.start]

    def holiday_name(self, lang: str) -> str | None:
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}: use one of {', '.join(LANGUAGES)}")
        return self.holiday_names[lang] if self.holiday_names else None


def day_schedule(hours: Hours, day: dt.date, calendar: HolidayCalendar) -> DaySchedule:
    """The hours of ``day``: exception, else holiday, else moved working day, else weekly."""
    names = calendar.holiday_names(day)
    exception = _exception_on(hours, day)
    if exception is not None:
        return DaySchedule(day, list(exception.periods), DayKind.EXCEPTION, names, exception.reason)
    if names is not None:
        periods = [] if hours.public_holidays else hours.weekly(day.weekday())
        return DaySchedule(day, periods, DayKind.HOLIDAY, names)
    if calendar.is_transferred_workday(day):
        as_weekday = WEEKDAYS.index(hours.transferred_workday_as)
        periods = _for_eve(hours, day, hours.weekly(as_weekday), calendar)
        # Still labelled a moved working day even if also shortened: that is the news.
        return DaySchedule(day, periods, DayKind.TRANSFERRED_WORKDAY)
    weekly = hours.weekly(day.weekday())
    if not weekly:
        return DaySchedule(day, [], DayKind.WEEKEND)
    periods = _for_eve(hours, day, weekly, calendar)
    kind = DayKind.REGULAR if periods == weekly else DayKind.PRE_HOLIDAY
    return DaySchedule(day, periods, kind)


# Business hours scheduled to apply later, each from the first day it applies to.
type LaterHours = Sequence[tuple[dt.date, Hours]]


def hours_on(hours: Hours, later: LaterHours, day: dt.date) -> Hours:
    """The hours that apply on ``day``: ``hours``, or the last of ``later`` begun by then."""
    found = hours
    for first, scheduled in later:
        if first <= day:
            found = scheduled
    return found


def week_schedule(hours: Hours, day: dt.date, calendar: HolidayCalendar,
                  later: LaterHours = ()) -> list[DaySchedule]:
    """Monday to Sunday of the ISO week that contains ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    days = (monday + dt.timedelta(days=i) for i in range(7))
    return [day_schedule(hours_on(hours, later, each), each, calendar) for each in days]


def special_days(
    hours: Hours, start: dt.date, days: int, calendar: HolidayCalendar, later: LaterHours = ()
) -> list[DaySchedule]:
    """The days in [start, start + days) that differ from the plain weekly schedule."""
    each = (start + dt.timedelta(days=i) for i in range(days))
    schedules = (day_schedule(hours_on(hours, later, day), day, calendar) for day in each)
    return [schedule for schedule in schedules if schedule.kind not in ORDINARY_KINDS]


def _exception_on(hours: Hours, day: dt.date) -> DateException | None:
    return next((item for item in hours.exceptions if item.date == day), None)


def _for_eve(
    hours: Hours, day: dt.date, periods: list[Period], calendar: HolidayCalendar
) -> list[Period]:
    if not periods or not calendar.is_pre_holiday(day):
        return periods
    return _shorten(periods, hours.pre_holiday_shortening_minutes)


def _shorten(periods: list[Period], minutes: int) -> list[Period]:
    """End the day ``minutes`` earlier by cutting the last period only."""
    *earlier, last = periods
    end_minute = last.end.hour * 60 + last.end.minute - minutes
    if end_minute <= last.start.hour * 60 + last.start.minute:
        # Cut to nothing: the period is gone, but the cut never reaches into the period
        # before it, so a short evening session cannot close the whole afternoon.
        return earlier
    return [*earlier, Period(start=last.start, end=dt.time(end_minute // 60, end_minute % 60))]

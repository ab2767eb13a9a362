"""Counting business days on Kazakhstan's working calendar, as the Openness Standard's
time limits are counted.

A business day is a weekday that is not a public holiday or a day off moved by
decree, or a weekend day made a working day by decree. Periods are counted as the Civil
Code counts them: from the day after the day that starts them. Nothing here reads the
clock: every day is a parameter.
"""

from __future__ import annotations

import datetime as dt

from kiosk.hours.calendar import HolidayCalendar


def is_business_day(day: dt.date, calendar: HolidayCalendar) -> bool:
    if calendar.is_holiday(day):
        return False
    return day.weekday() < 5 or calendar.is_transferred_workday(day)


def business_days_between(first: dt.date, last: dt.date, calendar: HolidayCalendar) -> int:
    """Business days after ``first`` and before ``last``: the notice a visitor shown
    something on ``first`` gets of an event on ``last``."""
    count = 0
    day = first + dt.timedelta(days=1)
    while day < last:
        count += is_business_day(day, calendar)
        day += dt.timedelta(days=1)
    return count


def business_days_after(first: dt.date, last: dt.date, calendar: HolidayCalendar) -> int:
    """Business days after ``first`` up to and including ``last``: how many of them an
    action done on ``last`` took, for something that began on ``first`` (0 for the same
    day, or for a day before it)."""
    if last <= first:
        return 0
    return business_days_between(first, last, calendar) + is_business_day(last, calendar)

"""When an official next receives citizens, from a weekly or monthly reception schedule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from kiosk.content.model import WEEKDAYS, ReceptionSlot
from kiosk.hours.calendar import HolidayCalendar

LOOKAHEAD_DAYS = 62


def week_of_month(day: dt.date) -> int:
    """1 for the first seven days of a month, 2 for the next seven, and so on: "the
    second Thursday" is the Thursday in week 2."""
    return (day.day - 1) // 7 + 1


def holds_on(slot: ReceptionSlot, day: dt.date) -> bool:
    return WEEKDAYS[day.weekday()] == slot.weekday and (
        not slot.weeks or week_of_month(day) in slot.weeks)


def next_reception(slots: Sequence[ReceptionSlot], now: dt.datetime,
                   calendar: HolidayCalendar) -> tuple[dt.date, ReceptionSlot] | None:
    """The first reception that has not ended by ``now`` (local time), skipping public
    holidays, within about two months."""
    for offset in range(LOOKAHEAD_DAYS):
        day = now.date() + dt.timedelta(days=offset)
        if calendar.is_holiday(day):
            continue
        for slot in sorted(slots, key=lambda s: s.start):
            if holds_on(slot, day) and (offset > 0 or now.time() < slot.end):
                return day, slot
    return None

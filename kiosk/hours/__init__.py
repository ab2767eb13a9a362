"""Business hours: pure functions of a schedule, a holiday calendar and a given moment.

Nothing here reads the clock, so every answer can be reproduced and tested for any date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from kiosk.hours.business_days import business_days_after, business_days_between, is_business_day
from kiosk.hours.calendar import HolidayCalendar
from kiosk.hours.schedule import DayKind, DaySchedule, day_schedule, special_days, week_schedule
from kiosk.hours.status import SEARCH_DAYS, Status, status_at

if TYPE_CHECKING:
    from flask import Flask

__all__ = [
    "SEARCH_DAYS",
    "DayKind",
    "DaySchedule",
    "HolidayCalendar",
    "Status",
    "business_days_after",
    "business_days_between",
    "day_schedule",
    "holiday_calendar",
    "init_app",
    "is_business_day",
    "special_days",
    "status_at",
    "week_schedule",
]


def init_app(app: Flask) -> None:
    # One calendar for the whole process: it loads each year's holidays once.
    app.extensions["kiosk.calendar"] = HolidayCalendar()


def holiday_calendar(app: Flask) -> HolidayCalendar:
    return cast(HolidayCalendar, app.extensions["kiosk.calendar"])

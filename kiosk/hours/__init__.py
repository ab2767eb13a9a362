"""Business hours: pure functions of a schedule, a holiday calendar and a given moment.

Nothing here reads the clock, so every answer can be reproduced and tested for any date.
"""

from kiosk.hours.calendar import HolidayCalendar
from kiosk.hours.schedule import DayKind, DaySchedule, day_schedule, special_days, week_schedule
from kiosk.hours.status import SEARCH_DAYS, Status, status_at

__all__ = [
    "SEARCH_DAYS",
    "DayKind",
    "DaySchedule",
    "HolidayCalendar",
    "Status",
    "day_schedule",
    "special_days",
    "status_at",
    "week_schedule",
]

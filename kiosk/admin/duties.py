"""The Standard's duties as plain rules over dates: notice of open sessions, freshness
of each section, and announcements whose time is over."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kiosk.hours import HolidayCalendar

NOTICE_BUSINESS_DAYS = 3


def is_business_day(day: dt.date, calendar: HolidayCalendar) -> bool:
    if calendar.is_holiday(day):
        return False
    return day.weekday() < 5 or calendar.is_transferred_workday(day)


def business_days_between(first: dt.date, last: dt.date, calendar: HolidayCalendar) -> int:
    """Business days after ``first`` and before ``last``: the notice a visitor gets."""
    count = 0
    day = first + dt.timedelta(days=1)
    while day < last:
        count += is_business_day(day, calendar)
        day += dt.timedelta(days=1)
    return count


@dataclass(frozen=True)
class ShortNotice:
    announcement_id: str
    event_day: dt.date
    business_days: int


def short_notices(announcements: list[dict[str, Any]], published_on: dict[str, dt.date],
                  today: dt.date, calendar: HolidayCalendar) -> list[ShortNotice]:
    """Events announced fewer than three business days ahead.

    ``published_on`` gives the day each announcement first reached the stands; one not
    yet published would reach them ``today``. Events already past are not flagged."""
    found = []
    for item in announcements:
        event_at = item.get("event_at")
        if not event_at or not isinstance(event_at, str):
            continue
        try:
            event_day = dt.datetime.fromisoformat(event_at).date()
        except ValueError:
            continue
        if event_day < today:
            continue
        first = published_on.get(item.get("id", ""), today)
        days = business_days_between(first, event_day, calendar)
        if days < NOTICE_BUSINESS_DAYS:
            found.append(ShortNotice(str(item.get("id", "")), event_day, days))
    return found


def retired(announcements: list[dict[str, Any]], today: dt.date) -> list[str]:
    """Ids of announcements whose display window is over: the stands no longer show them."""
    ids = []
    for item in announcements:
        try:
            until = dt.date.fromisoformat(str(item.get("display_until")))
        except ValueError:
            continue
        if until < today:
            ids.append(str(item.get("id", "")))
    return ids


def review_overdue(reviewed_at: dt.datetime | None, now: dt.datetime, days: int) -> bool:
    return reviewed_at is None or now - reviewed_at > dt.timedelta(days=days)


# The Standard: a meeting with representatives of people with disabilities at least every
# six months; the register warns a month before the next one falls due.
ENGAGEMENT_MONTHS = 6
ENGAGEMENT_WARNING_MONTHS = 1


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day if it has no such day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has at least 28 days")


@dataclass(frozen=True)
class EngagementDue:
    """When the next meeting falls due, and how urgent that is."""

    last: dt.date | None
    next_due: dt.date | None  # None: no meeting yet, so one is overdue already
    state: str  # "ok", "soon" (due within a month) or "overdue"

    @property
    def warn(self) -> bool:
        return self.state != "ok"


def engagement_due(last_meeting: dt.date | None, today: dt.date) -> EngagementDue:
    if last_meeting is None:
        return EngagementDue(None, None, "overdue")
    due = add_months(last_meeting, ENGAGEMENT_MONTHS)
    if due < today:
        state = "overdue"
    elif due <= add_months(today, ENGAGEMENT_WARNING_MONTHS):
        state = "soon"
    else:
        state = "ok"
    return EngagementDue(last_meeting, due, state)

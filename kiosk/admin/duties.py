"""The Standard's duties as plain rules over dates: notice of open sessions, freshness
of each section, and announcements whose time is over."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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


def short_notices(announcements: list[dict], published_on: dict[str, dt.date],
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


def retired(announcements: list[dict], today: dt.date) -> list[str]:
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

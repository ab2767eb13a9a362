"""The Standard's duties as plain rules over dates: notice of open sessions, freshness
of each section, and announcements whose time is over. (The update duty is in
:mod:`kiosk.admin.update_duty`.)

Every rule takes its days as parameters and reads no clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.hours import HolidayCalendar, business_days_between

NOTICE_BUSINESS_DAYS = 3


@dataclass(frozen=True)
class NoticeProblem:
    """An open session that does not meet the notice duty: no agenda, or shown with its
    agenda fewer than three business days before it starts."""

    announcement_id: str
    event_day: dt.date
    shown_from: dt.date | None  # the first day shown with its agenda (None: no agenda)
    business_days: int  # the notice visitors get, in business days (0 without an agenda)

    @property
    def no_agenda(self) -> bool:
        return self.shown_from is None


def _event_day(item: dict[str, Any]) -> dt.date | None:
    event_at = item.get("event_at")
    if not event_at or not isinstance(event_at, str):
        return None
    try:
        return dt.datetime.fromisoformat(event_at).date()
    except ValueError:
        return None


def shown_from(item: dict[str, Any], already_shown: dt.date | None,
               today: dt.date) -> dt.date | None:
    """The first day visitors see ``item`` with its agenda: the day they already saw it,
    else its ``display_from`` if it would appear later than ``today`` (when it is
    published), else ``today``; None when it has no agenda."""
    if not item.get("agenda"):
        return None
    if already_shown is not None:
        return already_shown
    try:
        display_from = dt.date.fromisoformat(str(item.get("display_from")))
    except ValueError:
        return today
    return max(display_from, today)


def notice_problems(announcements: list[dict[str, Any]], already_shown: dict[str, dt.date],
                    today: dt.date, calendar: HolidayCalendar,
                    key: Callable[[dict[str, Any]], str] = lambda item: str(item.get("id", ""))
                    ) -> list[NoticeProblem]:
    """Open sessions announced too late or without an agenda: shown with their agenda in Kazakh
    and Russian fewer than three business days before they start (the day shown and the
    day of the session do not count), or with no agenda at all.

    ``already_shown`` gives, by ``key``, the first day visitors saw an announcement
    with its agenda; one not yet seen is counted from when it will be (see
    :func:`shown_from`). Sessions already past are not flagged."""
    found = []
    for item in announcements:
        event_day = _event_day(item)
        if not item.get("open_session") or event_day is None or event_day < today:
            continue
        first = shown_from(item, already_shown.get(key(item)), today)
        if first is None:
            found.append(NoticeProblem(str(item.get("id", "")), event_day, None, 0))
            continue
        days = business_days_between(first, event_day, calendar)
        if days < NOTICE_BUSINESS_DAYS:
            found.append(NoticeProblem(str(item.get("id", "")), event_day, first, days))
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

"""Whether a place is open at a given moment, and when that changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from kiosk.content.model import Hours, Period
from kiosk.hours.calendar import HolidayCalendar
from kiosk.hours.schedule import DaySchedule, LaterHours, day_schedule, hours_on

# How far ahead to look for the next opening; beyond two months "closed" is the news.
SEARCH_DAYS = 60

type Span = tuple[dt.time, dt.time]


@dataclass(frozen=True)
class Status:
    """Open or closed at ``now``; every datetime is local to the organisation's zone.

    Periods are half-open: open from the first minute of a period, closed at its end.
    Back-to-back periods (09:00-13:00, 13:00-18:00) count as one, without a break.
    """

    now: dt.datetime
    today: DaySchedule
    is_open: bool
    on_break: bool = False  # closed between two periods of the same day
    closes_at: dt.datetime | None = None  # when open: the end of the current period
    reopens_at: dt.datetime | None = None  # when open and a break follows: its end
    opens_at: dt.datetime | None = None  # when closed: next opening within SEARCH_DAYS


def status_at(
    hours: Hours, when: dt.datetime, zone: ZoneInfo, calendar: HolidayCalendar,
    later: LaterHours = (),
) -> Status:
    """The status at the moment ``when`` (aware, in any zone) for a place in ``zone``,
    whose ``hours`` apply today and ``later`` hours from their first days on."""
    now = _local(when, zone)
    today = day_schedule(hours, now.date(), calendar)
    spans = _spans(today.periods)
    clock = now.time()
    current = next((span for span in spans if span[0] <= clock < span[1]), None)
    if current is not None:
        return _open(now, today, spans, current, zone)
    return _closed(hours, later, now, today, spans, zone, calendar)


def _local(when: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    if not isinstance(when, dt.datetime):
        raise TypeError(f"expected a datetime, got {type(when).__name__}")
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError(
            f"naive datetime {when.isoformat()}: give a time zone, since a moment "
            "without one is ambiguous (e.g. datetime.now(tz=zone))"
        )
    return when.astimezone(zone)


def _open(
    now: dt.datetime, today: DaySchedule, spans: list[Span], current: Span, zone: ZoneInfo
) -> Status:
    after = _first_starting_after(spans, current[1])
    return Status(
        now, today, is_open=True,
        closes_at=_at(today.date, current[1], zone),
        reopens_at=_at(today.date, after[0], zone) if after else None,
    )


def _closed(
    hours: Hours, later: LaterHours, now: dt.datetime, today: DaySchedule, spans: list[Span],
    zone: ZoneInfo, calendar: HolidayCalendar,
) -> Status:
    later_today = _first_starting_after(spans, now.time())
    if later_today is None:
        opens_at = _next_opening(hours, later, today.date, zone, calendar)
        return Status(now, today, is_open=False, opens_at=opens_at)
    # Before the first period it is "not open yet"; only after one has it become a break.
    on_break = spans[0][0] < now.time()
    opens_at = _at(today.date, later_today[0], zone)
    return Status(now, today, is_open=False, on_break=on_break, opens_at=opens_at)


def _spans(periods: list[Period]) -> list[Span]:
    spans: list[Span] = []
    for period in periods:
        if spans and spans[-1][1] == period.start:
            spans[-1] = (spans[-1][0], period.end)
        else:
            spans.append((period.start, period.end))
    return spans


def _first_starting_after(spans: list[Span], clock: dt.time) -> Span | None:
    return next((span for span in spans if span[0] > clock), None)


def _next_opening(
    hours: Hours, later: LaterHours, after: dt.date, zone: ZoneInfo, calendar: HolidayCalendar
) -> dt.datetime | None:
    """The first opening on the days after ``after``, up to SEARCH_DAYS of them."""
    for offset in range(1, SEARCH_DAYS + 1):
        date = after + dt.timedelta(days=offset)
        day = day_schedule(hours_on(hours, later, date), date, calendar)
        if day.periods:
            return _at(day.date, day.periods[0].start, zone)
    return None


def _at(day: dt.date, clock: dt.time, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, clock, tzinfo=zone)

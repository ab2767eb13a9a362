"""Business hours: this week, the holidays and changes of the next 30 days, and new
hours scheduled to begin within them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from flask import Response, current_app

from kiosk.content.model import WEEKDAYS, ScheduledChange
from kiosk.hours import DayKind, DaySchedule, special_days, week_schedule
from kiosk.public.blueprint import bp
from kiosk.public.stand import StandPage, page_data, render_stand, stand_page

LOOKAHEAD_DAYS = 30


@dataclass(frozen=True)
class NewHours:
    """Business hours scheduled to begin within the lookahead, as a weekly table."""

    change: ScheduledChange
    week: list[DaySchedule]  # Monday to Sunday, each on its first date under the new hours


def new_hours(page: StandPage) -> list[NewHours]:
    last = page.today + dt.timedelta(days=LOOKAHEAD_DAYS)
    found = []
    for change in sorted(page.location.scheduled, key=lambda change: change.starts):
        if change.hours is None or change.effective_from > last:
            continue
        week = []
        for index in range(len(WEEKDAYS)):
            offset = (index - change.effective_from.weekday()) % 7
            periods = change.hours.weekly(index)
            week.append(DaySchedule(change.effective_from + dt.timedelta(days=offset), periods,
                                    DayKind.REGULAR if periods else DayKind.WEEKEND))
        found.append(NewHours(change, week))
    return found


@page_data("hours", "hours.html")
def hours_data(page: StandPage) -> dict[str, Any]:
    calendar = current_app.extensions["kiosk.calendar"]
    hours = page.location.hours
    later = page.later_hours
    return {
        "status": page.status(),
        "week": week_schedule(hours, page.today, calendar, later),
        "special": special_days(hours, page.today + dt.timedelta(days=1),
                                LOOKAHEAD_DAYS, calendar, later),
        "new_hours": new_hours(page),
    }


@bp.get("/stand/<location>/<lang>/hours")
def hours(location: str, lang: str) -> Response:
    return render_stand(stand_page(location, lang), "hours")

"""Business hours: this week, and the holidays and changes of the next 30 days."""

from __future__ import annotations

import datetime as dt

from flask import Response, current_app

from kiosk.hours import special_days, status_at, week_schedule
from kiosk.public.blueprint import bp
from kiosk.public.stand import StandPage, page_data, render_stand, stand_page

LOOKAHEAD_DAYS = 30


@page_data("hours", "hours.html")
def hours_data(page: StandPage) -> dict:
    calendar = current_app.extensions["kiosk.calendar"]
    hours = page.location.hours
    return {
        "status": status_at(hours, page.now, page.content.zone, calendar),
        "week": week_schedule(hours, page.today, calendar),
        "special": special_days(hours, page.today + dt.timedelta(days=1),
                                LOOKAHEAD_DAYS, calendar),
    }


@bp.get("/stand/<location>/<lang>/hours")
def hours(location: str, lang: str) -> Response:
    return render_stand(stand_page(location, lang), "hours")

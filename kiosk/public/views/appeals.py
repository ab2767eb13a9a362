"""Appeals and the reception of citizens by officials."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app

from kiosk.hours.reception import next_reception
from kiosk.public.blueprint import bp
from kiosk.public.stand import StandPage, page_data, render_stand, stand_page


@page_data("appeals", "appeals.html")
def appeals_data(page: StandPage) -> dict[str, Any]:
    calendar = current_app.extensions["kiosk.calendar"]
    officials = page.location.appeals.officials
    return {"next_receptions": [next_reception(o.schedule, page.now, calendar)
                                for o in officials]}


@bp.get("/stand/<location>/<lang>/appeals")
def appeals(location: str, lang: str) -> Response:
    return render_stand(stand_page(location, lang), "appeals")

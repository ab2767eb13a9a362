"""Announcements within their display window, soonest event first."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Response

from kiosk.public.blueprint import bp
from kiosk.public.stand import StandPage, page_data, render_stand, stand_page


@page_data("announcements", "announcements.html")
def announcements_data(page: StandPage) -> dict[str, Any]:
    shown = [a for a in page.location.announcements if a.shown_on(page.today)]
    shown.sort(key=lambda a: (a.event_at or dt.datetime.combine(a.display_from, dt.time()),
                              a.id))
    return {"announcements": shown}


@bp.get("/stand/<location>/<lang>/announcements")
def announcements(location: str, lang: str) -> Response:
    return render_stand(stand_page(location, lang), "announcements")

"""Home: who we are, whether we are open now, and a tile for every section."""

from __future__ import annotations

from typing import Any

from flask import Response

from kiosk.public.blueprint import bp
from kiosk.public.stand import StandPage, page_data, render_stand, stand_page


@page_data("home", "home.html")
def home_data(page: StandPage) -> dict[str, Any]:
    status = page.status()
    current = [a for a in page.location.announcements if a.shown_on(page.today)]
    return {"status": status, "announcement_count": len(current)}


@bp.get("/stand/<location>/<lang>/")
def home(location: str, lang: str) -> Response:
    return render_stand(stand_page(location, lang), "home")

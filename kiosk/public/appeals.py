"""Appeals and the reception of citizens by officials."""

from __future__ import annotations

from flask import Response

from kiosk.public.blueprint import bp
from kiosk.public.stand import render_stand, stand_page


@bp.get("/stand/<location>/<lang>/appeals")
def appeals(location: str, lang: str) -> Response:
    page = stand_page(location, lang)
    return render_stand(page, "appeals", "appeals.html")

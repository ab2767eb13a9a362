"""Accessibility services of the building: entrance, elevator, interpreter, help on call."""

from __future__ import annotations

from typing import Any

from flask import Response

from kiosk.public.blueprint import bp
from kiosk.public.stand import StandPage, page_data, render_stand, stand_page


@page_data("accessibility", "accessibility.html")
def accessibility_data(page: StandPage) -> dict[str, Any]:
    return {}


@bp.get("/stand/<location>/<lang>/accessibility")
def accessibility(location: str, lang: str) -> Response:
    return render_stand(stand_page(location, lang), "accessibility")

"""Contacts: address, phones, e-mail, website and departments."""

from __future__ import annotations

from typing import Any

from flask import Response

from kiosk.public.blueprint import bp
from kiosk.public.stand import StandPage, page_data, render_stand, stand_page


@page_data("contacts", "contacts.html")
def contacts_data(page: StandPage) -> dict[str, Any]:
    return {}


@bp.get("/stand/<location>/<lang>/contacts")
def contacts(location: str, lang: str) -> Response:
    return render_stand(stand_page(location, lang), "contacts")

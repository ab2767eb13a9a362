"""Contacts: address, phones, e-mail, website and departments."""

from __future__ import annotations

from flask import Response

from kiosk.public.blueprint import bp
from kiosk.public.stand import render_stand, stand_page


@bp.get("/stand/<location>/<lang>/contacts")
def contacts(location: str, lang: str) -> Response:
    page = stand_page(location, lang)
    return render_stand(page, "contacts", "contacts.html")

"""What the stand's own forms share (the call for assistance and visitors' feedback):
which stand a form is for, how often one sender may send, and pages never cached.

A stand has no session and sets no cookie: each form carries a signed token instead
(:mod:`kiosk.public.form_tokens`), and the rate limit counts senders in memory only."""

from __future__ import annotations

from typing import NoReturn

from flask import Flask, Response, abort, current_app, make_response, request

from kiosk.public.rate_limit import RateLimit
from kiosk.public.stand import StandPage
from kiosk.public.stand_identity import proven_stand

# A person presses these buttons: a dozen sends a minute from one stand is already odd.
SENDS_PER_MINUTE = 12
# Each form has its own count, so a call for assistance is never refused because the
# visitor before gave feedback.
FORMS = ("assistance", "feedback")


def init_app(app: Flask) -> None:
    for form in FORMS:
        app.extensions[f"kiosk.{form}.sends"] = RateLimit(SENDS_PER_MINUTE, 60.0)


def may_send(form: str, location: str, stand: str) -> bool:
    """Count one send of ``form`` from this stand and address; False when over the limit."""
    sends: RateLimit = current_app.extensions[f"kiosk.{form}.sends"]
    return sends.allow((location, stand, request.remote_addr))


def refuse(form: str, code: int) -> NoReturn:
    """Stop with an error page worded for ``form`` (see kiosk.errors.REASONS)."""
    abort(code, description=form)


def known_stand(page: StandPage, value: str | None) -> str | None:
    """A stand of this location that proved it is one (its credential), "" for none given
    or one that did not prove it, or None for an id not in the content.

    A visitor is never refused help: a call or feedback from a stand without its
    credential is the location's, not attributed to any stand, so nobody can make calls
    appear to come from a stand they are not at."""
    if not value:
        return ""
    if value not in {stand.id for stand in page.location.stands}:
        return None
    return value if proven_stand(page.location_id, value) else ""


def uncached(html: str) -> Response:
    response = make_response(html)
    response.headers["Cache-Control"] = "no-store"
    return response

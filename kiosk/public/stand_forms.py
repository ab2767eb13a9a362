"""What the stand's own forms share (the call for assistance and visitors' feedback):
which stand a form is for, how often one sender may send, and pages never cached.

A stand has no session and sets no cookie: each form carries a signed token instead
(:mod:`kiosk.public.form_tokens`), and the rate limit counts senders in memory only."""

from __future__ import annotations

from typing import NoReturn

from flask import Flask, Response, abort, current_app, make_response, request

from kiosk.public.rate_limit import RateLimit
from kiosk.public.stand import StandPage

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
    """A stand of this location, "" for none given, or None for an id not in the content."""
    if not value:
        return ""
    return value if value in {stand.id for stand in page.location.stands} else None


def uncached(html: str) -> Response:
    response = make_response(html)
    response.headers["Cache-Control"] = "no-store"
    return response

"""Signed values for the stand's own forms: calls for assistance and visitors' feedback.

A stand has no session and sets no cookie, so its forms cannot carry a session's CSRF
token. Instead each form carries a token signed with the server's secret key, bound to
the location, the stand and the moment the form was made: a page elsewhere cannot
make one, and a token is no use for another stand or after FORM_MAX_AGE. A call's
address carries a signed ticket, so nobody can read or withdraw calls by counting ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from flask import current_app

# Long enough for a visitor who reads slowly or asks for more time; short enough that an
# old page (or a token copied from one) soon stops working.
FORM_MAX_AGE = dt.timedelta(minutes=30)
CLOCK_SKEW = dt.timedelta(minutes=1)  # several server processes may differ a little
_SIGNATURE = 32  # hex digits: 128 bits
_TICKET_SIGNATURE = 20


def _sign(purpose: str, *parts: str) -> str:
    # The purpose keeps a ticket from passing as a form token and the other way round;
    # ids are slugs, so a newline cannot occur inside a part.
    message = "\n".join(("kiosk.assistance", purpose, *parts)).encode()
    key = str(current_app.config["SECRET_KEY"]).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def form_token(location_id: str, stand_id: str, now: dt.datetime, purpose: str = "form"
               ) -> str:
    issued = str(int(now.timestamp()))
    return f"{issued}.{_sign(purpose, location_id, stand_id, issued)[:_SIGNATURE]}"


def check_form_token(token: str, location_id: str, stand_id: str, now: dt.datetime,
                     purpose: str = "form") -> bool:
    """True if ``token`` was made by this server for this stand within FORM_MAX_AGE."""
    issued, _, signature = token.partition(".")
    if not issued.isdigit() or len(issued) > 12 or len(signature) != _SIGNATURE:
        return False
    expected = _sign(purpose, location_id, stand_id, issued)[:_SIGNATURE]
    if not hmac.compare_digest(expected, signature):
        return False
    age = now - dt.datetime.fromtimestamp(int(issued), dt.UTC)
    return -CLOCK_SKEW <= age <= FORM_MAX_AGE


def ticket(call_id: int, location_id: str, purpose: str = "ticket") -> str:
    """The public name of a call in the stand's addresses: its id and a signature."""
    return f"{call_id}-{_sign(purpose, str(call_id), location_id)[:_TICKET_SIGNATURE]}"


def ticket_call_id(value: str, location_id: str, purpose: str = "ticket") -> int | None:
    """The call id inside a genuine ticket of this location, else None."""
    call_id, _, signature = value.partition("-")
    if not call_id.isdigit() or len(call_id) > 12:
        return None
    expected = ticket(int(call_id), location_id, purpose)
    return int(call_id) if hmac.compare_digest(expected, value) else None

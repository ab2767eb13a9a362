"""Which stand a request really comes from: a stand id in the address proves nothing, so a
stand is believed only when it carries its credential (see
:mod:`kiosk.store.credentials`).

The stand's computer starts Chromium with a fresh profile at every start, so nothing set
once can last; the credential travels in the fragment of the stand's start address
(``…/stand/main/?stand=main-hall#stand-key=…``), which the browser never sends to a
server, never writes in a Referer and keeps across the start redirect. The page script
moves it into a cookie for the session (and out of the address bar), so every request
the stand makes afterwards, polls, links and forms alike, carries it by itself."""

from __future__ import annotations

from flask import current_app, request

from kiosk.store import stand_credentials

COOKIE = "kiosk_stand"


def proven_stand(location: str, claimed: str | None) -> bool:
    """True if the request carries the credential of stand ``claimed`` of ``location``."""
    if not claimed:
        return False
    stand, _, secret = request.cookies.get(COOKIE, "").partition(".")
    return stand == claimed and stand_credentials(current_app).verify(location, stand, secret)

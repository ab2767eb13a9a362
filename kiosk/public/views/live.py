"""What a stand's script polls: the content revision, the clock and the open/closed line.

A stand reloads only when the revision differs from the one its page was rendered
from, so a reload never repeats (no reload loop)."""

from __future__ import annotations

from flask import current_app, jsonify, request
from flask.typing import ResponseReturnValue

from kiosk.clock import now_utc
from kiosk.formatting import full_date, time_text
from kiosk.public.blueprint import bp
from kiosk.public.stand import stand_page
from kiosk.public.stand_identity import proven_stand
from kiosk.public.status_text import status_sentence
from kiosk.store import assistance_desk, stand_register


def open_call_state(location: str, stand: str) -> str | None:
    """The state of a stand's open call, for its regular poll (None: no open call)."""
    call = assistance_desk(current_app).open_call(location, stand)
    return call.state.value if call is not None else None


@bp.get("/stand/<location>/<lang>/live.json")
def live(location: str, lang: str) -> ResponseReturnValue:
    page = stand_page(location, lang)
    stand = request.args.get("stand", "")
    # The poll doubles as the stand's heartbeat, recorded only for a stand of the content
    # that carries its credential: an id in an address proves nothing, and anyone could
    # otherwise make a stand that never ran look alive.
    known_stand = stand in {s.id for s in page.location.stands} and proven_stand(location, stand)
    if known_stand:
        stand_register(current_app).contact(stand, location, page.version, now_utc())
    status = page.status()
    texts = {"time": time_text(page.now), "date": full_date(page.today, lang),
             "status": status_sentence(status, lang)}
    # Each text comes with the key of its audio, so a stand can speak the new clock too.
    # A stand with an open call for assistance shows so on every page, even after its
    # idle reset, so the call is never lost from the screen.
    assistance = open_call_state(location, stand) if known_stand else None
    response = jsonify(revision=page.version, is_open=status.is_open,
                       assistance=assistance, urgent=page.urgent_news(),
                       **{name: [page.key(text), text] for name, text in texts.items()})
    response.headers["Cache-Control"] = "no-store"
    return response

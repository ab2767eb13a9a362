"""Call for assistance: the visitor picks what they need, staff are told at once, and the
stand says so, and says again when someone is on the way.

The forms are plain POSTs that work without JavaScript; a stand sets no cookie, so
they are protected by signed tokens (see :mod:`kiosk.public.form_tokens`). These
pages change with each call, so unlike the other stand pages they are never cached."""

from __future__ import annotations

from typing import Any, NoReturn

from flask import abort, current_app, jsonify, redirect, render_template, request
from flask.typing import ResponseReturnValue

from kiosk.clock import now_utc
from kiosk.public.blueprint import bp
from kiosk.public.form_tokens import check_form_token, form_token, ticket, ticket_call_id
from kiosk.public.stand import StandPage, page_data, stand_page
from kiosk.public.stand_forms import known_stand, may_send, refuse, uncached
from kiosk.store import assistance_desk
from kiosk.store.assistance import AssistanceDesk, Call, Need, State

# While a visitor waits for staff, the stand does not hurry them back to the start page;
# after this long without a touch it asks "more time?" as usual, and the call stays
# open for staff whatever happens on the screen.
WAITING_IDLE_SECONDS = 600


def desk() -> AssistanceDesk:
    return assistance_desk(current_app)


def _may_send(location: str, stand: str) -> bool:
    return may_send("assistance", location, stand)


def _status_url(page: StandPage, call: Call) -> str:
    return page.url("assistance_status", ticket=ticket(call.id, call.location_id))


def _choice(page: StandPage, stand: str) -> dict[str, Any]:
    return {"stand": stand, "needs": list(Need),
            "token": form_token(page.location_id, stand, now_utc())}


@page_data("assistance", "assistance.html")
def assistance_data(page: StandPage) -> dict[str, Any]:
    """The page as a preview of a draft shows it: no stand, and buttons that send nothing."""
    return _choice(page, "")


@bp.get("/stand/<location>/<lang>/assistance")
def assistance(location: str, lang: str) -> ResponseReturnValue:
    page = stand_page(location, lang)
    # An unknown id (a stand renamed in the content) still lets the visitor call: the
    # call then belongs to the location.
    stand = known_stand(page, request.args.get("stand")) or ""
    existing = desk().open_call(location, stand)
    if existing is not None:
        return redirect(_status_url(page, existing), 303)
    html = render_template("assistance.html", page=page, endpoint="assistance",
                           **_choice(page, stand))
    return uncached(html)


def _refuse(code: int) -> NoReturn:
    refuse("assistance", code)


@bp.post("/stand/<location>/<lang>/assistance")
def send_assistance(location: str, lang: str) -> ResponseReturnValue:
    page = stand_page(location, lang)
    stand = known_stand(page, request.form.get("stand"))
    if stand is None:
        _refuse(400)
    if not _may_send(location, stand):
        _refuse(429)
    if not check_form_token(request.form.get("token", ""), location, stand, now_utc()):
        _refuse(400)
    try:
        need = Need(request.form.get("need", ""))
    except ValueError:
        _refuse(400)
    call, _created = desk().call(location, stand, need, lang, now_utc())
    # Post/redirect/get: reloading the status page never sends the call again.
    return redirect(_status_url(page, call), 303)


def _call_or_404(location: str, value: str) -> Call:
    call_id = ticket_call_id(value, location)
    call = desk().get(call_id) if call_id is not None else None
    if call is None or call.location_id != location:
        abort(404)
    return call


@bp.get("/stand/<location>/<lang>/assistance/<ticket>")
def assistance_status(location: str, lang: str, ticket: str) -> ResponseReturnValue:
    page = stand_page(location, lang)
    call = _call_or_404(location, ticket)
    html = render_template(
        "assistance_status.html", page=page, endpoint="assistance_status", call=call,
        url_values={"ticket": ticket}, states=list(State),
        token=form_token(location, call.stand_id, now_utc()),
        hold_idle_seconds=WAITING_IDLE_SECONDS if call.is_open else None)
    return uncached(html)


@bp.get("/stand/<location>/<lang>/assistance/<ticket>/state.json")
def assistance_state(location: str, lang: str, ticket: str) -> ResponseReturnValue:
    stand_page(location, lang)
    call = _call_or_404(location, ticket)
    response = jsonify(state=call.state.value)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/stand/<location>/<lang>/assistance/<ticket>/withdraw")
def withdraw_assistance(location: str, lang: str, ticket: str) -> ResponseReturnValue:
    page = stand_page(location, lang)
    call = _call_or_404(location, ticket)
    if not _may_send(location, call.stand_id):
        _refuse(429)
    if not check_form_token(request.form.get("token", ""), location, call.stand_id, now_utc()):
        _refuse(400)
    desk().close(call.id, "", now_utc())
    return redirect(_status_url(page, call), 303)

"""Visitors' accessibility feedback: what was hard at this stand, in one press, and a
few words more for whoever can type them.

One press of a large button sends the feedback, so a visitor with the keypad alone is
done at once; the confirmation page then offers an optional text. Nothing about the
visitor is kept (see :class:`kiosk.store.tables.VisitorFeedback`): the rate limit counts
senders in memory only. The forms are plain POSTs signed like the call for assistance's
(:mod:`kiosk.public.form_tokens`), since a stand has no session."""

from __future__ import annotations

import datetime as dt
from typing import Any, NoReturn

from flask import abort, current_app, redirect, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from kiosk.clock import now_utc
from kiosk.public.blueprint import bp
from kiosk.public.form_tokens import (
    FORM_MAX_AGE,
    check_form_token,
    form_token,
    ticket,
    ticket_call_id,
)
from kiosk.public.stand import StandPage, cacheable, page_data, stand_page
from kiosk.public.stand_forms import known_stand, may_send, refuse, uncached
from kiosk.store import engagement_register
from kiosk.store.engagement import FEEDBACK_TEXT_MAX, Difficulty, EngagementRegister, Feedback

FORM_PURPOSE = "feedback-form"
RECEIPT_PURPOSE = "feedback"


def register() -> EngagementRegister:
    return engagement_register(current_app)


def _may_send(location: str, stand: str) -> bool:
    return may_send("feedback", location, stand)


def _refuse(code: int) -> NoReturn:
    refuse("feedback", code)


def _choice(page: StandPage, stand: str) -> dict[str, Any]:
    # Made at the page's moment: a page rendered ahead carries a token of the minute it
    # is shown in.
    return {"stand": stand, "difficulties": list(Difficulty),
            "token": form_token(page.location_id, stand, page.now, FORM_PURPOSE)}


@page_data("feedback", "feedback.html")
def feedback_data(page: StandPage) -> dict[str, Any]:
    """The page as a preview of a draft shows it: no stand, and buttons that send nothing."""
    return _choice(page, "")


@bp.get("/stand/<location>/<lang>/feedback")
def feedback(location: str, lang: str) -> ResponseReturnValue:
    page = stand_page(location, lang)
    claimed = request.args.get("stand")
    stand = known_stand(page, claimed) or ""
    # Never kept by a browser: the token inside is valid for FORM_MAX_AGE only.
    response = uncached(render_template("feedback.html", page=page, endpoint="feedback",
                                        **_choice(page, stand)))
    if claimed is None:
        # Without a stand the page is everyone's, like any stand page, and its token
        # lasts far longer than the minute the server keeps it: kept, it costs a read
        # of memory instead of a render (a seventh of what stands read). A stand's own
        # page depends on its credential, which the server's keeping does not see.
        return cacheable(response, page)
    return response


@bp.post("/stand/<location>/<lang>/feedback")
def send_feedback(location: str, lang: str) -> ResponseReturnValue:
    page = stand_page(location, lang)
    stand = known_stand(page, request.form.get("stand"))
    if stand is None:
        _refuse(400)
    if not _may_send(location, stand):
        _refuse(429)
    if not check_form_token(request.form.get("token", ""), location, stand, now_utc(),
                            FORM_PURPOSE):
        _refuse(400)
    try:
        difficulty = Difficulty(request.form.get("difficulty", ""))
    except ValueError:
        _refuse(400)
    item = register().add_feedback(location, stand, lang, difficulty, now_utc())
    # Post/redirect/get: reloading the confirmation never sends the feedback again.
    receipt = ticket(item.id, location, RECEIPT_PURPOSE)
    return redirect(page.url("feedback_sent", receipt=receipt), 303)


def _feedback_or_404(location: str, receipt: str) -> Feedback:
    feedback_id = ticket_call_id(receipt, location, RECEIPT_PURPOSE)
    item = register().feedback(feedback_id) if feedback_id is not None else None
    if item is None or item.location_id != location:
        abort(404)
    return item


def _may_add_text(item: Feedback, now: dt.datetime) -> bool:
    """Words may be added once, while the visitor is plausibly still at the stand."""
    return not item.text and now - item.created_at <= FORM_MAX_AGE


def _sent_page(page: StandPage, item: Feedback, receipt: str, text: str = "",
               error: str | None = None) -> str:
    return render_template(
        "feedback_sent.html", page=page, endpoint="feedback_sent", item=item,
        url_values={"receipt": receipt}, may_add_text=_may_add_text(item, now_utc()),
        text=text, error=error, text_max=FEEDBACK_TEXT_MAX,
        token=form_token(page.location_id, item.stand_id, now_utc(), FORM_PURPOSE))


@bp.get("/stand/<location>/<lang>/feedback/<receipt>")
def feedback_sent(location: str, lang: str, receipt: str) -> ResponseReturnValue:
    page = stand_page(location, lang)
    item = _feedback_or_404(location, receipt)
    return uncached(_sent_page(page, item, receipt))


def text_error(text: str) -> str | None:
    """What is wrong with a visitor's words, in the page's language; None if nothing."""
    if not text:
        return _("Write a few words first, or go back to the start page.")
    if len(text) > FEEDBACK_TEXT_MAX:
        return _("Too long: at most %(n)d characters. Please shorten it.", n=FEEDBACK_TEXT_MAX)
    return None


@bp.post("/stand/<location>/<lang>/feedback/<receipt>")
def add_feedback_text(location: str, lang: str, receipt: str) -> ResponseReturnValue:
    page = stand_page(location, lang)
    item = _feedback_or_404(location, receipt)
    if not _may_send(location, item.stand_id):
        _refuse(429)
    if not check_form_token(request.form.get("token", ""), location, item.stand_id, now_utc(),
                            FORM_PURPOSE) or not _may_add_text(item, now_utc()):
        _refuse(400)
    # Line ends as typed; spaces around the whole are nobody's meaning.
    text = request.form.get("text", "").replace("\r\n", "\n").strip()
    error = text_error(text)
    if error:
        response = uncached(_sent_page(page, item, receipt, text, error))
        response.status_code = 400
        return response
    register().add_feedback_text(item.id, text)
    return redirect(page.url("feedback_sent", receipt=receipt), 303)

"""The staff areas' language: chosen from the links at the top of every admin and audit
page (and of the sign-in page), and kept in the session; for a signed-in manager, also
on the account, as the language of the e-mails the server sends them."""

from __future__ import annotations

from flask import current_app, redirect, request, session, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy.exc import SQLAlchemyError

from kiosk.auth.accounts import remember_language
from kiosk.auth.blueprint import bp, safe_next
from kiosk.auth.sessions import LANGUAGE_KEY, current_account
from kiosk.i18n import CODES
from kiosk.store import store


@bp.get("/language/<lang>")
def language(lang: str) -> ResponseReturnValue:
    if lang in CODES:
        session[LANGUAGE_KEY] = lang
    target = request.args.get("next")
    account = current_account()
    if account is None:
        return redirect(url_for("auth.login"))
    if lang in CODES:
        # Mail about escalated calls is written in the language its holder last chose.
        try:
            with store(current_app).sessions.begin() as db:
                remember_language(db, account.id, lang)
        except SQLAlchemyError:
            # A database that cannot be written must not cost the manager the language
            # of the page; the e-mails keep the language remembered before.
            current_app.logger.warning("could not remember the language of %s",
                                       account.username)
    return redirect(safe_next(target))

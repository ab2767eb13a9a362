"""The staff areas' language: chosen from the links at the top of every admin and audit
page (and of the sign-in page), and kept in the session."""

from __future__ import annotations

from flask import redirect, request, session, url_for
from flask.typing import ResponseReturnValue

from kiosk.auth.blueprint import bp, safe_next
from kiosk.auth.sessions import LANGUAGE_KEY, current_account
from kiosk.i18n import CODES


@bp.get("/language/<lang>")
def language(lang: str) -> ResponseReturnValue:
    if lang in CODES:
        session[LANGUAGE_KEY] = lang
    target = request.args.get("next")
    if current_account() is None:
        return redirect(url_for("auth.login"))
    return redirect(safe_next(target))
